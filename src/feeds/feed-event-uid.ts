// Event UIDs must survive replans (a moved activity is the same event, updated), so they
// are derived from stable ids only, never from a plan version.
import { createHash } from 'node:crypto';
import type { FeedKind } from './feed-types.ts';

export interface FeedEventUidParts {
  centreId: string;
  /** Plan date, YYYY-MM-DD. */
  date: string;
  /** The stable item id within the feed: `activity:<patientId>:<typeId>`, `group:<typeId>#<n>`, `mdt:daily`, `stop:<stop id>`, `itinerary:arrival`. */
  itemId: string;
  /** Whose feed: the same activity in a clinician's and a room's feed are two calendar objects. */
  kind: FeedKind;
  ownerId: string;
}

/**
 * A stable, opaque event UID: a SHA-256 of centre, date, item id and the feed it is in.
 * The feed (kind and owner) is part of it because clients such as Google Calendar keep one
 * event per UID across all subscribed calendars: if an activity moved from one clinician
 * to another, a shared UID would leave the first feed's CANCELLED copy hiding the second's.
 * Hashing keeps internal ids (which could be anything) out of the text sent outside the NHS.
 *
 * @example feedEventUid({ centreId: 'hull', date: '2026-03-30', itemId: 'activity:p1:ot', kind: 'staff', ownerId: 's1' })
 *          // '5f0c…(32 hex)@icc-scheduler'
 */
export function feedEventUid(parts: FeedEventUidParts): string {
  const key = JSON.stringify([parts.centreId, parts.date, parts.kind, parts.ownerId, parts.itemId]);
  return `${createHash('sha256').update(key).digest('hex').slice(0, 32)}@icc-scheduler`;
}
