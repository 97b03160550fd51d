import { describe, expect, it } from 'vitest';
import { feedPatientsFromDayProblem, publishFeed, staffFeedEvents } from '../../../src/feeds/index.ts';
import type { DayPatient } from '../../../solver/model/index.ts';
import { centre, day, patients } from './feed-fixture.ts';
import { parseWithIcalJs } from './parse-feed.ts';

const t0 = new Date('2026-03-27T18:00:00.000Z');
const t1 = new Date('2026-03-27T18:15:00.000Z');
const t2 = new Date('2026-03-29T10:00:00.000Z');
const events = (which: 'plan' | 'replan') => staffFeedEvents({ day: day('2026-03-30', which), centre, patients, staffId: 's-ger' });

describe('publishFeed', () => {
  const first = publishFeed({ calendarName: 'Dr Ruth Okafor', previous: [], events: events('plan'), now: t0 });

  it('publishes, then reports no change (same ETag) when nothing moved', () => {
    expect(first.changed).toBe(true);
    const again = publishFeed({ calendarName: 'Dr Ruth Okafor', previous: first.states, events: events('plan'), now: t1 });
    expect(again.changed).toBe(false);
    expect(again.etag).toBe(first.etag);
    expect(again.lastModified).toBe(t0.toISOString());
    expect(again.body).toContain('DTSTAMP:20260327T181500Z');
  });

  it('reports the moved events and a new ETag after a replan', () => {
    const after = publishFeed({ calendarName: 'Dr Ruth Okafor', previous: first.states, events: events('replan'), now: t2 });
    expect(after.changed).toBe(true);
    expect(after.changes.updated).toHaveLength(2); // the two reviews swapped times
    expect(after.etag).not.toBe(first.etag);
    expect(parseWithIcalJs(after.body).filter((e) => e.sequence === 1)).toHaveLength(2);
  });
});

describe('feedPatientsFromDayProblem', () => {
  it('takes initials and local reference from the day problem, nothing else', () => {
    const dayPatient = { id: 'p1', ref: 'ICC-0042', initials: 'MS', priority: 1, earliestArrivalMin: 480, latestDepartureMin: 1020, maxOnSiteMin: 420, required: [] } satisfies DayPatient;
    expect(feedPatientsFromDayProblem({ patients: [dayPatient] })).toEqual([{ id: 'p1', initials: 'MS', ref: 'ICC-0042' }]);
  });
});
