// SQL for what each feed last published (feed_events): read the states, then write the new
// ones and forget the dropped ones in one transaction.
import type { Knex } from 'knex';
import type { FeedEventState, FeedKind } from '../../feeds/feed-types.ts';
import { translatingDbErrors } from '../translate-db-error.ts';

/** Whose feed: the states belong to the owner, so a reissued token keeps the SEQUENCEs. */
export interface FeedOwner {
  centreId: string;
  ownerKind: FeedKind;
  ownerId: string;
}

const ownerWhere = (owner: FeedOwner) => ({ centre_id: owner.centreId, owner_kind: owner.ownerKind, owner_id: owner.ownerId });
const iso = (value: unknown) => (value instanceof Date ? value.toISOString() : value === null ? null : String(value));

function stateFromRow(row: Record<string, unknown>): FeedEventState {
  const event = typeof row.event === 'string' ? JSON.parse(row.event) : row.event;
  return {
    uid: String(row.uid),
    contentHash: String(row.content_hash),
    sequence: Number(row.sequence),
    status: row.status as FeedEventState['status'],
    cancelledAt: iso(row.cancelled_at),
    updatedAt: iso(row.changed_at)!,
    event,
  };
}

export const feedEvents = {
  /** The owner's published states (empty for a new feed). */
  statesOf: (db: Knex, owner: FeedOwner) =>
    translatingDbErrors(async () => (await db('feed_events').where(ownerWhere(owner)).orderBy('uid')).map(stateFromRow)),
  /**
   * Makes the stored states exactly `states`: upserts each (by UID) and deletes the owner's
   * others. Two readers of one feed at once write the same result, so the last write is fine.
   */
  replaceStates: (db: Knex, owner: FeedOwner, states: readonly FeedEventState[]) =>
    translatingDbErrors(() =>
      db.transaction(async (trx) => {
        const keep = states.map((s) => s.uid);
        await trx('feed_events').where(ownerWhere(owner)).whereNotIn('uid', keep.length > 0 ? keep : ['']).delete();
        if (states.length === 0) return;
        const rows = states.map((s) => ({
          ...ownerWhere(owner),
          uid: s.uid,
          content_hash: s.contentHash,
          sequence: s.sequence,
          status: s.status,
          cancelled_at: s.cancelledAt,
          changed_at: s.updatedAt,
          event: JSON.stringify(s.event),
          updated_at: trx.fn.now(),
        }));
        await trx('feed_events')
          .insert(rows)
          .onConflict(['centre_id', 'owner_kind', 'owner_id', 'uid'])
          .merge(['content_hash', 'sequence', 'status', 'cancelled_at', 'changed_at', 'event', 'updated_at']);
      })),
};
