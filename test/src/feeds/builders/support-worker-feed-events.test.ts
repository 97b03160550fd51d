import { describe, expect, it } from 'vitest';
import { supportWorkerFeedEvents } from '../../../../src/feeds/builders/support-worker-feed-events.ts';
import { errorOf, pathsOf } from '../errors.ts';
import { centre, patients, round } from '../feed-fixture.ts';

const DATE = '2026-10-24'; // BST

describe('supportWorkerFeedEvents', () => {
  it('lists the home visits in visiting order, each at the address', () => {
    const events = supportWorkerFeedEvents({ round: round(DATE), centre, patients });
    expect(events.map((e) => [e.startUtc.slice(11, 16), e.endUtc.slice(11, 16), e.summary, e.location])).toEqual([
      ['08:30', '09:30', 'Pre-visit 1: EW (ref ICC-0050)', '7 Anlaby Road, Hull HU3 2JX'],
      ['10:00', '11:00', 'Pre-visit 2: AK (ref ICC-0051)', '21 Cottingham Road, Hull HU6 7RX'],
    ]);
    expect(JSON.stringify(events)).not.toMatch(/Edith|Walker|Arthur|King|9876543210/);
  });

  it('requires an end time for a home visit', () => {
    const r = round(DATE);
    delete r.visits[0]!.endMin;
    expect(pathsOf(errorOf(() => supportWorkerFeedEvents({ round: r, centre, patients })))).toEqual(['p4:pre-visit.endMin']);
  });
});
