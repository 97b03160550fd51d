// The whole pipeline in one call, for the HTTP layer: reconcile the feed's current events
// with what it published last time, then render. The caller stores `states` for next time.
import type { FeedEvent, FeedEventState } from './feed-types.ts';
import { reconcileFeedEvents, type ReconcileOptions, type ReconcileResult } from './reconcile-feed-events.ts';
import { renderIcs, type FeedOrganizer, type RenderedFeed } from './render-ics.ts';

export interface PublishFeedInput extends ReconcileOptions {
  calendarName: string;
  calendarDescription?: string;
  /** The events' ORGANIZER (the centre): see RenderIcsInput. */
  organizer?: FeedOrganizer;
  /** States stored after the last publication ([] for a new feed). */
  previous: readonly FeedEventState[];
  /** The feed's events built from the current plans (see builders/). */
  events: readonly FeedEvent[];
  /** The clock: cancellation times, LAST-MODIFIED of changed events, DTSTAMP. */
  now: Date;
  refreshMin?: number;
}

export interface PublishedFeed extends RenderedFeed {
  /** Store these: they are the next call's `previous`. */
  states: FeedEventState[];
  changes: Omit<ReconcileResult, 'states'>;
  /** False when nothing a subscriber sees has changed (same ETag as last time). */
  changed: boolean;
}

/**
 * Reconciles and renders a feed.
 *
 * @example
 * const feed = publishFeed({ calendarName: 'Dr Okafor — ICC', previous: stored, events, now: new Date() });
 * // store feed.states; respond with feed.body, ETag feed.etag, Last-Modified feed.lastModified
 */
export function publishFeed(input: PublishFeedInput): PublishedFeed {
  const { states, ...changes } = reconcileFeedEvents(input.previous, input.events, input.now, {
    ...(input.retentionDays === undefined ? {} : { retentionDays: input.retentionDays }),
    ...(input.rebuiltDates === undefined ? {} : { rebuiltDates: input.rebuiltDates }),
  });
  const rendered = renderIcs({
    calendarName: input.calendarName, states, generatedAt: input.now,
    ...(input.calendarDescription === undefined ? {} : { calendarDescription: input.calendarDescription }),
    ...(input.organizer === undefined ? {} : { organizer: input.organizer }),
    ...(input.refreshMin === undefined ? {} : { refreshMin: input.refreshMin }),
  });
  const changed = Object.values(changes).some((uids) => uids.length > 0);
  return { ...rendered, states, changes, changed };
}
