// Turns plan minutes plus texts into a FeedEvent: the one place builders go through, so
// every event gets the same UID scheme and the same time conversion.
import { appError } from '../errors/index.ts';
import { feedEventUid } from './feed-event-uid.ts';
import type { FeedCentre, FeedEvent, FeedKind } from './feed-types.ts';
import { minutesToInstant } from './minutes-to-instant.ts';

export interface FeedEventInput {
  centre: Pick<FeedCentre, 'id' | 'timeZone'>;
  date: string;
  kind: FeedKind;
  ownerId: string;
  /** Stable id of the item, see `feedEventUid`. */
  itemId: string;
  startMin: number;
  endMin: number;
  summary: string;
  location: string;
  description: string;
}

/** Builds one event; `endMin` before `startMin` is an error naming the item. */
export function feedEvent(input: FeedEventInput): FeedEvent {
  if (input.endMin < input.startMin) {
    throw appError.validation(`${input.itemId} ends (${input.endMin}) before it starts (${input.startMin})`, [
      { path: `${input.itemId}.endMin`, message: 'must not be before startMin' },
    ]);
  }
  const { centre, date } = input;
  return {
    uid: feedEventUid({ centreId: centre.id, date, itemId: input.itemId, kind: input.kind, ownerId: input.ownerId }),
    date,
    startUtc: utcIso(minutesToInstant(date, input.startMin, centre.timeZone)),
    endUtc: utcIso(minutesToInstant(date, input.endMin, centre.timeZone)),
    timeZone: centre.timeZone,
    summary: input.summary,
    location: input.location,
    description: input.description,
  };
}

/** TZDate's own toISOString keeps the zone's offset; stored instants are UTC with Z. */
function utcIso(instant: Date): string {
  return new Date(instant.getTime()).toISOString();
}

/** "Consult 2, Jean Bishop ICC, Hull HU6 9RZ": a place at the centre. */
export function centreLocation(centre: Pick<FeedCentre, 'name' | 'address'>, roomName?: string): string {
  return [roomName, centre.name, centre.address].filter((part) => part !== undefined && part !== '').join(', ');
}

/** Orders events by start, then UID, so the same plan always renders the same text. */
export function byStartThenUid(a: FeedEvent, b: FeedEvent): number {
  return a.startUtc < b.startUtc ? -1 : a.startUtc > b.startUtc ? 1 : a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0;
}
