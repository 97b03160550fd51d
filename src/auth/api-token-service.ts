// Issuing, listing, revoking and checking API tokens. The secret is returned once, at creation.
import type { PageRequest } from '../db/keyset-page.ts';
import type { Knex } from 'knex';
import { z } from 'zod';
import { apiTokens, type ApiToken, type Role } from '../db/repositories/api-tokens.ts';
import { centres } from '../db/repositories/centres.ts';
import { staffMembers } from '../db/repositories/staff-members.ts';
import { idSchema } from '../domain/primitives.ts';
import { appError } from '../errors/app-error.ts';
import { parseOrThrow } from '../errors/from-zod-error.ts';
import { apiTokenSecret, hashApiTokenSecret } from './api-token-secret.ts';
import type { Precondition } from '../api/record-etag.ts';

export const roles = ['admin', 'coordinator', 'clinician', 'transport'] as const satisfies readonly Role[];

/** Who a request acts as, once its token is checked. */
export interface Principal {
  tokenId: string;
  name: string;
  role: Role;
  centreId: string | null;
  staffId: string | null;
}

export const apiTokenCreateSchema = z.strictObject({
  name: z.string().trim().min(1).max(200).describe('Who or what the token is for, e.g. "Ward 3 coordinator"'),
  role: z.enum(roles),
  centreId: idSchema.optional().describe('Required for coordinator, clinician and transport tokens'),
  staffId: idSchema.optional().describe("Required for clinician tokens: the staff member whose timetable it reads"),
}).superRefine((body, ctx) => {
  if (body.role !== 'admin' && body.centreId === undefined) ctx.addIssue({ code: 'custom', path: ['centreId'], message: `a ${body.role} token needs a centreId` });
  if (body.role === 'clinician' && body.staffId === undefined) ctx.addIssue({ code: 'custom', path: ['staffId'], message: 'a clinician token needs the staffId of its clinician' });
  if (body.role !== 'clinician' && body.staffId !== undefined) ctx.addIssue({ code: 'custom', path: ['staffId'], message: 'only clinician tokens name a staff member' });
});

/** Returned once, at creation: the only time the secret can be read. */
export type IssuedApiToken = ApiToken & { token: string };

export const apiTokenService = {
  /** Issues a token; `secret` is for the bootstrap and demo tokens only (known values). */
  async create(db: Knex, body: unknown, createdBy: string, secret: string = apiTokenSecret()): Promise<IssuedApiToken> {
    const request = parseOrThrow(apiTokenCreateSchema, body, 'API token');
    if (request.centreId !== undefined && !(await centres.findById(db, request.centreId))) {
      throw appError.referenceNotFound('No such centre', [{ path: 'centreId', message: `no centre with id ${request.centreId}` }]);
    }
    if (request.staffId !== undefined && !(await staffMembers.findById(db, request.centreId!, request.staffId))) {
      throw appError.referenceNotFound('No such staff member at this centre', [{ path: 'staffId', message: `no staff member ${request.staffId} at centre ${request.centreId}` }]);
    }
    const stored = await apiTokens.insert(db, {
      name: request.name,
      role: request.role,
      centreId: request.centreId ?? null,
      staffId: request.staffId ?? null,
      tokenHash: hashApiTokenSecret(secret),
      createdBy,
    });
    return { ...stored, token: secret };
  },

  list: (db: Knex) => apiTokens.list(db),
  /** One page of the tokens, oldest first (no filters). */
  page: (db: Knex, page: PageRequest) => apiTokens.page(db, page),

  async get(db: Knex, id: string): Promise<ApiToken> {
    parseOrThrow(idSchema, id, 'token id');
    const found = await apiTokens.findById(db, id);
    if (!found) throw appError.notFound('API token', id);
    return found;
  },

  /** Revokes the token (again: harmless); `precondition` (If-Match) is checked on it under a lock. */
  revoke(db: Knex, id: string, precondition?: Precondition<ApiToken>): Promise<ApiToken> {
    parseOrThrow(idSchema, id, 'token id');
    return db.transaction(async (trx) => {
      await apiTokens.lock(trx, id);
      const current = await apiTokens.findById(trx, id);
      if (!current) throw appError.notFound('API token', id);
      precondition?.(current);
      return (await apiTokens.revoke(trx, id))!;
    });
  },

  /** The principal for an `Authorization: Bearer <secret>` header, or 401. */
  async authenticate(db: Knex, authorization: string | undefined): Promise<Principal> {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    if (!match) throw appError.unauthorized('Send an API token: Authorization: Bearer <token>');
    const token = await apiTokens.findActiveByHash(db, hashApiTokenSecret(match[1]!));
    if (!token) throw appError.unauthorized('The API token is unknown or revoked');
    return { tokenId: token.id, name: token.name, role: token.role, centreId: token.centreId, staffId: token.staffId };
  },
};
