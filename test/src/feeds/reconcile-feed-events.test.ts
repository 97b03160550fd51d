import { describe, expect, it } from 'vitest';
import { patientFeedEvents } from '../../../src/feeds/builders/patient-feed-events.ts';
import { staffFeedEvents } from '../../../src/feeds/builders/staff-feed-events.ts';
import type { FeedEvent } from '../../../src/feeds/feed-types.ts';
import { reconcileFeedEvents } from '../../../src/feeds/reconcile-feed-events.ts';
import { errorOf, pathsOf } from './errors.ts';
import { centre, day, patients } from './feed-fixture.ts';

const DATE = '2026-03-30';
const DAY_MS = 86_400_000;
const published = new Date('2026-03-27T18:00:00.000Z');
const replannedAt = new Date('2026-03-29T10:00:00.000Z');

/** p2's itinerary: the replan drops p2 from the group session and moves the geriatrician's review earlier. */
const p2Events = (which: 'plan' | 'replan', date = DATE): FeedEvent[] =>
  patientFeedEvents({ day: day(date, which), centre, patients, patientId: 'p2' });
const uidOf = (events: FeedEvent[], summary: string) => events.find((e) => e.summary.startsWith(summary))!.uid;

describe('reconcileFeedEvents', () => {
  const first = reconcileFeedEvents([], p2Events('plan'), published);
  const second = reconcileFeedEvents(first.states, p2Events('replan'), replannedAt);
  const state = (result: typeof first, uid: string) => result.states.find((s) => s.uid === uid)!;
  const group = uidOf(p2Events('plan'), 'Strength and balance group');
  const review = uidOf(p2Events('plan'), 'Geriatrician review');
  const arrival = uidOf(p2Events('plan'), 'Arrive');

  it('publishes new events as CONFIRMED with SEQUENCE 0', () => {
    expect(first.states).toHaveLength(p2Events('plan').length);
    expect(first.states.every((s) => s.sequence === 0 && s.status === 'CONFIRMED' && s.cancelledAt === null)).toBe(true);
    expect(first.added).toHaveLength(first.states.length);
  });

  it('keeps SEQUENCE for an unchanged event and bumps it for a changed one', () => {
    expect(state(second, arrival)).toEqual(state(first, arrival));
    expect(state(second, review).sequence).toBe(1);
    expect(state(second, review).event.startUtc).toBe('2026-03-30T12:00:00.000Z'); // 13:00 BST, was 13:50
    expect(state(second, review).updatedAt).toBe(replannedAt.toISOString());
    expect(second.updated).toContain(review);
  });

  it('keeps an event that left the plan as CANCELLED with SEQUENCE + 1 and its last content', () => {
    const cancelled = state(second, group);
    expect(cancelled).toMatchObject({ status: 'CANCELLED', sequence: 1, cancelledAt: replannedAt.toISOString() });
    expect(cancelled.event).toEqual(state(first, group).event);
    expect(second.cancelled).toEqual([group]);
  });

  it('leaves a cancelled event alone for 14 days, then drops it', () => {
    const later = (ms: number) => reconcileFeedEvents(second.states, p2Events('replan'), new Date(replannedAt.getTime() + ms));
    const day13 = later(14 * DAY_MS - 60_000);
    expect(state(day13, group)).toEqual(state(second, group));
    expect(day13.dropped).toEqual([]);
    const day14 = later(14 * DAY_MS);
    expect(day14.states.map((s) => s.uid)).not.toContain(group);
    expect(day14.dropped).toEqual([group]);
  });

  it('brings a cancelled event back as CONFIRMED with SEQUENCE + 1', () => {
    const back = reconcileFeedEvents(second.states, p2Events('plan'), new Date(replannedAt.getTime() + DAY_MS));
    expect(state(back, group)).toMatchObject({ status: 'CONFIRMED', sequence: 2, cancelledAt: null });
    expect(back.restored).toEqual([group]);
  });

  it('is idempotent: the same events again change nothing', () => {
    const again = reconcileFeedEvents(second.states, p2Events('replan'), new Date(replannedAt.getTime() + 60_000));
    expect(again.states).toEqual(second.states);
    expect([again.added, again.updated, again.cancelled, again.restored, again.dropped].flat()).toEqual([]);
  });

  it('does not mutate its inputs', () => {
    const snapshot = structuredClone(first.states);
    reconcileFeedEvents(first.states, p2Events('replan'), replannedAt);
    expect(first.states).toEqual(snapshot);
  });

  it('with rebuiltDates, leaves other dates untouched instead of cancelling them', () => {
    const twoDays = [...staffFeedEvents({ day: day('2026-03-30'), centre, patients, staffId: 's-anp' }), ...staffFeedEvents({ day: day('2026-03-31'), centre, patients, staffId: 's-anp' })];
    const base = reconcileFeedEvents([], twoDays, published);
    const only30 = staffFeedEvents({ day: day('2026-03-30'), centre, patients, staffId: 's-anp' });
    const scoped = reconcileFeedEvents(base.states, only30, replannedAt, { rebuiltDates: ['2026-03-30'] });
    expect(scoped.states).toEqual(base.states);
    const whole = reconcileFeedEvents(base.states, only30, replannedAt);
    expect(whole.cancelled).toHaveLength(3); // 31 March: two assessments and the MDT
  });

  it('refuses two events with one UID, and a bad clock', () => {
    const events = p2Events('plan');
    expect(pathsOf(errorOf(() => reconcileFeedEvents([], [...events, events[0]!], published)))).toEqual(['current']);
    expect(pathsOf(errorOf(() => reconcileFeedEvents([], events, new Date('not a date'))))).toEqual(['now']);
  });
});
