import { describe, expect, it } from 'vitest';
import type { RoundsPlan, RoundsProblem } from '../../../../solver/rounds/rounds-problem.ts';
import { roundsFromPlan } from '../../../../src/feeds/adapters/rounds-from-plan.ts';
import { supportWorkerFeedEvents } from '../../../../src/feeds/builders/support-worker-feed-events.ts';
import { centre, patients } from '../feed-fixture.ts';

const problem: Pick<RoundsProblem, 'workers' | 'visits'> = {
  workers: [{ id: 'sw1', name: 'Jo Adams', baseLocationId: 'icc', shift: { startMin: 480, endMin: 1020 } }],
  visits: [
    { id: 'v-p3', kind: 'pre-visit', patientId: 'p3', locationId: 'h3', durationMin: 60, window: { startMin: 540, endMin: 720 } },
    { id: 'v-p4', kind: 'follow-up', patientId: 'p4', locationId: 'h4', durationMin: 45, window: { startMin: 600, endMin: 900 } },
  ],
};
const plan: Pick<RoundsPlan, 'date' | 'rounds'> = {
  date: '2026-10-26',
  rounds: [{ workerId: 'sw1', leaveMin: 530, returnMin: 760, travelMin: 50, distanceKm: 18, visitMin: 105, stops: [
    { visitId: 'v-p3', patientId: 'p3', locationId: 'h3', arriveMin: 545, startMin: 545, endMin: 605, travelMinFromPrevious: 15 },
    { visitId: 'v-p4', patientId: 'p4', locationId: 'h4', arriveMin: 620, startMin: 620, endMin: 665, travelMinFromPrevious: 15 },
  ] }],
};

describe('roundsFromPlan', () => {
  it("turns a planned round into the worker's visits with their kinds and times", () => {
    const [round] = roundsFromPlan(plan, problem);
    expect(round).toMatchObject({ supportWorkerId: 'sw1', supportWorkerName: 'Jo Adams', date: '2026-10-26' });
    expect(round!.visits.map((v) => [v.id, v.visitKind, v.startMin, v.endMin])).toEqual([['v-p3', 'pre-visit', 545, 605], ['v-p4', 'follow-up', 620, 665]]);
  });

  it('feeds the support worker builder (26 October: GMT, local = UTC)', () => {
    const events = supportWorkerFeedEvents({ round: roundsFromPlan(plan, problem)[0]!, centre, patients });
    expect(events.map((e) => [e.summary, e.startUtc, e.location])).toEqual([
      ['Pre-visit 1: EW (ref ICC-0050)', '2026-10-26T09:05:00.000Z', '7 Anlaby Road, Hull HU3 2JX'],
      ['Follow-up visit 2: AK (ref ICC-0051)', '2026-10-26T10:20:00.000Z', '21 Cottingham Road, Hull HU6 7RX'],
    ]);
  });
});
