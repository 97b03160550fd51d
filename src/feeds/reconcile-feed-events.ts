// What a feed publishes now, given what it published before: SEQUENCE goes up on each
// change, and an event that left the plan stays as CANCELLED for a while so that every
// subscribed calendar sees the cancellation before the event disappears (SPEC §4).
import { appError } from '../errors/index.ts';
import { feedEventHash } from './feed-event-hash.ts';
import type { FeedEvent, FeedEventState } from './feed-types.ts';

/** How long a cancelled event stays in the feed (issue 5: 14 days). */
export const CANCELLED_RETENTION_DAYS = 14;
const MS_PER_DAY = 86_400_000;

export interface ReconcileOptions {
  /** Defaults to 14. */
  retentionDays?: number;
  /**
   * Plan dates the current events were built for. A previous event of another date is left
   * as it is instead of being cancelled, so a feed can rebuild one day after a replan.
   * Default: every date (the current events are the whole feed).
   */
  rebuiltDates?: readonly string[];
}

export interface ReconcileResult {
  /** The new published states, ordered by start then UID. */
  states: FeedEventState[];
  /** UIDs by what happened to them, for logs and for Last-Modified. */
  added: string[];
  updated: string[];
  cancelled: string[];
  restored: string[];
  dropped: string[];
}

/**
 * Pure: previous states + current events + `now` → new states.
 * - new event → SEQUENCE 0, CONFIRMED;
 * - same content as published → unchanged (same SEQUENCE);
 * - changed content → SEQUENCE + 1;
 * - gone from the plan → CANCELLED, SEQUENCE + 1, `cancelledAt = now`, last content kept;
 * - cancelled for `retentionDays` or more → dropped;
 * - back in the plan after a cancellation → CONFIRMED, SEQUENCE + 1.
 *
 * @example reconcileFeedEvents([], events, new Date('2026-03-27T18:00:00Z')).states[0].sequence // 0
 */
export function reconcileFeedEvents(
  previous: readonly FeedEventState[],
  current: readonly FeedEvent[],
  now: Date,
  options: ReconcileOptions = {},
): ReconcileResult {
  const nowMs = now.getTime();
  if (!Number.isFinite(nowMs)) throw appError.validation('now must be a valid date', [{ path: 'now', message: 'must be a valid date' }]);
  const retentionDays = options.retentionDays ?? CANCELLED_RETENTION_DAYS;
  if (!(retentionDays >= 0)) throw appError.validation('retentionDays must be 0 or more', [{ path: 'retentionDays', message: 'must be 0 or more' }]);
  const nowIso = now.toISOString();
  const previousByUid = indexByUid(previous.map((s) => ({ uid: s.uid, item: s })), 'previous');
  const currentByUid = indexByUid(current.map((e) => ({ uid: e.uid, item: e })), 'current');
  const rebuilt = options.rebuiltDates === undefined ? undefined : new Set(options.rebuiltDates);
  const result: ReconcileResult = { states: [], added: [], updated: [], cancelled: [], restored: [], dropped: [] };

  for (const event of currentByUid.values()) {
    const before = previousByUid.get(event.uid);
    const contentHash = feedEventHash(event);
    if (!before) {
      result.states.push({ uid: event.uid, contentHash, sequence: 0, status: 'CONFIRMED', cancelledAt: null, updatedAt: nowIso, event });
      result.added.push(event.uid);
    } else if (before.status === 'CANCELLED') {
      result.states.push({ uid: event.uid, contentHash, sequence: before.sequence + 1, status: 'CONFIRMED', cancelledAt: null, updatedAt: nowIso, event });
      result.restored.push(event.uid);
    } else if (before.contentHash !== contentHash) {
      result.states.push({ ...before, contentHash, sequence: before.sequence + 1, updatedAt: nowIso, event });
      result.updated.push(event.uid);
    } else {
      result.states.push(before);
    }
  }

  for (const before of previousByUid.values()) {
    if (currentByUid.has(before.uid)) continue;
    if (before.status === 'CANCELLED') {
      const cancelledMs = Date.parse(before.cancelledAt ?? '');
      if (!Number.isFinite(cancelledMs)) {
        throw appError.validation(`cancelled event ${before.uid} has no valid cancelledAt`, [{ path: `previous.${before.uid}.cancelledAt`, message: 'must be an ISO instant' }]);
      }
      if (nowMs - cancelledMs >= retentionDays * MS_PER_DAY) result.dropped.push(before.uid);
      else result.states.push(before);
    } else if (rebuilt !== undefined && !rebuilt.has(before.event.date)) {
      result.states.push(before);
    } else {
      result.states.push({ ...before, sequence: before.sequence + 1, status: 'CANCELLED', cancelledAt: nowIso, updatedAt: nowIso });
      result.cancelled.push(before.uid);
    }
  }

  result.states.sort((a, b) => compare(a.event.startUtc, b.event.startUtc) || compare(a.uid, b.uid));
  return result;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Two events with one UID would make calendars show only one of them: refuse. */
function indexByUid<T>(entries: { uid: string; item: T }[], field: string): Map<string, T> {
  const byUid = new Map<string, T>();
  for (const { uid, item } of entries) {
    if (byUid.has(uid)) {
      throw appError.validation(`${field} has two events with UID ${uid}`, [{ path: field, message: `must not repeat UID ${uid}` }]);
    }
    byUid.set(uid, item);
  }
  return byUid;
}
