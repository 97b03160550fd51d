// SQL for iCal feed tokens (hashes only).
import type { Knex } from 'knex';
import type { FeedToken, FeedTokenCreate, FeedTokenUpdate } from '../../domain/feed-token.ts';
import { createRowCodec } from '../row-codec.ts';
import { translatingDbErrors } from '../translate-db-error.ts';
import { centreScopedRepository } from './centre-scoped-repository.ts';

const codec = createRowCodec();
const base = centreScopedRepository<FeedToken, FeedTokenCreate, FeedTokenUpdate>({ table: 'feed_tokens', codec, orderBy: ['created_at', 'id'] });

export const feedTokens = {
  ...base,
  /** The live (not revoked) token with this hash, from any centre. */
  findActiveByHash: (db: Knex, tokenHash: string) =>
    translatingDbErrors(async () => {
      const row = await db('feed_tokens').where({ token_hash: tokenHash, revoked: false }).first();
      return row ? (codec.fromRow(row) as unknown as FeedToken) : undefined;
    }),
  revoke: (db: Knex, centreId: string, id: string) => base.update(db, centreId, id, { revoked: true, revokedAt: db.fn.now() } as FeedTokenUpdate),
  /** Revokes the token if it is still active; false when it was already revoked (or is unknown). */
  revokeIfActive: (db: Knex, centreId: string, id: string) =>
    translatingDbErrors(async () => (await db('feed_tokens').where({ centre_id: centreId, id, revoked: false }).update({ revoked: true, revoked_at: db.fn.now() })) > 0),
};
