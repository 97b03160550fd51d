// SQL for API tokens (hashes only; the secret is never stored).
import type { Knex } from 'knex';
import { createRowCodec } from '../row-codec.ts';
import { translatingDbErrors } from '../translate-db-error.ts';
import { keysetPage, mapPage, type PageRequest } from '../keyset-page.ts';

export type Role = 'admin' | 'coordinator' | 'clinician' | 'transport';

/** A stored token, without its hash. */
export interface ApiToken {
  id: string;
  name: string;
  role: Role;
  centreId: string | null;
  staffId: string | null;
  createdBy: string;
  revokedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ApiTokenCreate {
  name: string;
  role: Role;
  centreId: string | null;
  staffId: string | null;
  tokenHash: string;
  createdBy: string;
}

const codec = createRowCodec();
const fromRow = (row: Record<string, unknown>): ApiToken => {
  const { tokenHash: _hash, ...token } = codec.fromRow(row);
  return token as unknown as ApiToken;
};

export const apiTokens = {
  insert: (db: Knex, token: ApiTokenCreate) =>
    translatingDbErrors(async () => fromRow((await db('api_tokens').insert(codec.toRow({ ...token })).returning('*'))[0])),
  /** The live (not revoked) token with this hash. */
  findActiveByHash: (db: Knex, tokenHash: string) =>
    translatingDbErrors(async () => {
      const row = await db('api_tokens').where({ token_hash: tokenHash }).whereNull('revoked_at').first();
      return row ? fromRow(row) : undefined;
    }),
  findById: (db: Knex, id: string) =>
    translatingDbErrors(async () => {
      const row = await db('api_tokens').where({ id }).first();
      return row ? fromRow(row) : undefined;
    }),
  /** Locks the row until the transaction `db` ends (SELECT … FOR UPDATE). */
  lock: (db: Knex, id: string) => translatingDbErrors(async () => void (await db('api_tokens').where({ id }).forUpdate().select('id'))),
  list: (db: Knex) => translatingDbErrors(async () => (await db('api_tokens').orderBy(['created_at', 'id'])).map(fromRow)),
  page: (db: Knex, page: PageRequest) =>
    translatingDbErrors(async () => mapPage(await keysetPage(db('api_tokens'), { list: 'api-tokens', columns: ['created_at', 'id'] }, page), fromRow)),
  /** Marks the token revoked (idempotent); undefined when there is no such token. */
  revoke: (db: Knex, id: string) =>
    translatingDbErrors(async () => {
      await db('api_tokens').where({ id }).whereNull('revoked_at').update({ revoked_at: db.fn.now(), updated_at: db.fn.now() });
      const row = await db('api_tokens').where({ id }).first();
      return row ? fromRow(row) : undefined;
    }),
  countActiveAdmins: (db: Knex) =>
    translatingDbErrors(async () => {
      const row = await db('api_tokens').where({ role: 'admin' }).whereNull('revoked_at').count<{ count: string | number }[]>({ count: '*' }).first();
      return Number(row?.count ?? 0);
    }),
};
