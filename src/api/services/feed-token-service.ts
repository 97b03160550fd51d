// Subscribable feed URLs (SPEC §4): an unguessable token (256 bits from crypto.randomBytes)
// is shown once in the URL; only its SHA-256 is stored, so a database leak gives no feeds.
// Revoking makes the URL answer 404; reissuing is revoke + create.
import { mapPage, type Page, type PageRequest } from '../../db/keyset-page.ts';
import { createHash, randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import { z } from 'zod';
import { auditLog } from '../../db/repositories/audit-log.ts';
import { feedTokens } from '../../db/repositories/feed-tokens.ts';
import { patients } from '../../db/repositories/patients.ts';
import { rooms } from '../../db/repositories/rooms.ts';
import { staffMembers } from '../../db/repositories/staff-members.ts';
import { vehicles } from '../../db/repositories/vehicles.ts';
import { feedOwnerKinds, type FeedToken } from '../../domain/feed-token.ts';
import { idSchema } from '../../domain/primitives.ts';
import { appError } from '../../errors/app-error.ts';
import { parseOrThrow } from '../../errors/from-zod-error.ts';
import type { FeedKind } from '../../feeds/feed-types.ts';
import { requireCentre, type Actor } from './centre-scoped-service.ts';
import type { Precondition } from '../record-etag.ts';

/** 32 bytes = 256 bits; the issue asks for at least 128. */
const TOKEN_BYTES = 32;

/** POST …/feed-tokens (also described in the OpenAPI document). */
export const feedTokenRequestSchema = z.strictObject({ kind: z.enum(feedOwnerKinds), ownerId: idSchema });

/** A token as the API lists it (never the token itself, which is not stored). */
export interface FeedTokenView {
  id: string;
  centreId: string;
  kind: FeedKind;
  ownerId: string;
  revoked: boolean;
  createdAt: string;
}

/** Returned once, at creation: the only time the URL can be read. */
export interface IssuedFeedToken extends FeedTokenView {
  token: string;
  /** Path of the subscribable feed, relative to the service's base URL. */
  url: string;
}

/** Hex SHA-256 of a token, as stored and looked up. */
export function hashFeedToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

const feedUrl = (token: string) => `/feeds/${token}.ics`;

function view(stored: FeedToken): FeedTokenView {
  return { id: stored.id, centreId: stored.centreId, kind: stored.ownerKind, ownerId: stored.ownerId, revoked: stored.revoked, createdAt: stored.createdAt };
}

/** The owner must exist at this centre: a support worker is a staff member. */
async function requireOwner(db: Knex, centreId: string, kind: FeedKind, ownerId: string): Promise<void> {
  const finders: Record<FeedKind, (db: Knex, centreId: string, id: string) => Promise<unknown>> = {
    staff: staffMembers.findById,
    'support-worker': staffMembers.findById,
    room: rooms.findById,
    vehicle: vehicles.findById,
    patient: patients.findById,
  };
  const found = await finders[kind](db, centreId, ownerId);
  // A deactivated staff member gets no new feed (theirs ended when they were deactivated).
  if (!found || ((kind === 'staff' || kind === 'support-worker') && (found as { active: boolean }).active === false)) {
    throw appError.referenceNotFound(`No ${kind} ${ownerId} at this centre`, [{ path: 'ownerId', message: `no ${kind} with id ${ownerId} at this centre` }]);
  }
}

async function requireToken(db: Knex, centreId: string, id: string): Promise<FeedToken> {
  const stored = await feedTokens.findById(db, centreId, id);
  if (!stored) throw appError.notFound('feed token', id);
  return stored;
}

async function issue(trx: Knex, centreId: string, kind: FeedKind, ownerId: string, actor: Actor): Promise<IssuedFeedToken> {
  const token = randomBytes(TOKEN_BYTES).toString('base64url');
  const stored = await feedTokens.insert(trx, centreId, { ownerKind: kind, ownerId, tokenHash: hashFeedToken(token), revoked: false });
  await auditLog.append(trx, { actor: actor.name, action: 'create', entity: 'feed_token', entityId: stored.id, details: { kind, ownerId } });
  return { ...view(stored), token, url: feedUrl(token) };
}

export const feedTokenService = {
  async create(db: Knex, centreId: string, body: unknown, actor: Actor): Promise<IssuedFeedToken> {
    await requireCentre(db, centreId);
    const { kind, ownerId } = parseOrThrow(feedTokenRequestSchema, body, 'feed token');
    await requireOwner(db, centreId, kind, ownerId);
    return db.transaction((trx) => issue(trx, centreId, kind, ownerId, actor));
  },

  async page(db: Knex, centreId: string, page: PageRequest): Promise<Page<FeedTokenView>> {
    await requireCentre(db, centreId);
    return mapPage(await feedTokens.page(db, centreId, {}, page), view);
  },

  /** One token as the list shows it (never the token itself). */
  async get(db: Knex, centreId: string, id: string): Promise<FeedTokenView> {
    await requireCentre(db, centreId);
    return view(await requireToken(db, centreId, id));
  },

  /**
   * Revokes the token: its URL answers 404 from now on. Revoking twice is harmless.
   * `precondition` (If-Match) is checked on the token as GET shows it, under a lock.
   */
  async revoke(db: Knex, centreId: string, id: string, actor: Actor, precondition?: Precondition<FeedTokenView>): Promise<void> {
    await requireCentre(db, centreId);
    await db.transaction(async (trx) => {
      await feedTokens.lock(trx, centreId, id);
      const stored = await requireToken(trx, centreId, id);
      precondition?.(view(stored));
      if (stored.revoked) return;
      await feedTokens.revoke(trx, centreId, id);
      await auditLog.append(trx, { actor: actor.name, action: 'revoke', entity: 'feed_token', entityId: id, details: { kind: stored.ownerKind, ownerId: stored.ownerId } });
    });
  },

  /**
   * A new URL for the same feed; the old one stops working (one transaction). A revoked token
   * cannot be reissued (409): revoking ends a feed for good, and bringing it back is a new,
   * deliberate POST …/feed-tokens (which checks the owner again).
   */
  async reissue(db: Knex, centreId: string, id: string, actor: Actor): Promise<IssuedFeedToken> {
    await requireCentre(db, centreId);
    const stored = await requireToken(db, centreId, id);
    if (stored.revoked) {
      throw appError.conflict('This feed address was revoked and cannot be reissued; issue a new one with POST …/feed-tokens', [{ path: 'id', message: 'the feed token is revoked' }]);
    }
    await requireOwner(db, centreId, stored.ownerKind, stored.ownerId);
    return db.transaction(async (trx) => {
      // Only a token still active is revoked here; a concurrent revoke makes this 0 rows.
      if (!(await feedTokens.revokeIfActive(trx, centreId, id))) {
        throw appError.conflict('This feed address was revoked and cannot be reissued; issue a new one with POST …/feed-tokens', [{ path: 'id', message: 'the feed token is revoked' }]);
      }
      await auditLog.append(trx, { actor: actor.name, action: 'revoke', entity: 'feed_token', entityId: id, details: { kind: stored.ownerKind, ownerId: stored.ownerId, reissued: true } });
      return issue(trx, centreId, stored.ownerKind, stored.ownerId, actor);
    });
  },
};
