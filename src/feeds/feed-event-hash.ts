// A hash of what a subscriber sees of an event: when it changes, SEQUENCE goes up.
import { createHash } from 'node:crypto';
import type { FeedEvent } from './feed-types.ts';

/** SHA-256 (hex) of the event's visible content, in a fixed field order. */
export function feedEventHash(event: FeedEvent): string {
  const content = [event.uid, event.date, event.startUtc, event.endUtc, event.timeZone, event.summary, event.location, event.description];
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}
