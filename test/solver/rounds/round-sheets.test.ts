import { describe, expect, it } from 'vitest';
import { planRounds } from '../../../solver/rounds/plan-rounds.ts';
import { roundSheets } from '../../../solver/rounds/round-sheets.ts';
import { roundsDay, visit, worker } from './rounds-fixtures.ts';

describe('roundSheets', () => {
  it('lists each worker\'s visits in order with times, addresses and references, not names', () => {
    const visits = [
      visit('a', { address: '3 Mill Lane', patientRef: 'ICC-003', patientInitials: 'JD', window: { startMin: 540, endMin: 700 } }),
      visit('b', { address: '9 Park Rd', patientRef: 'ICC-009', patientInitials: 'MK', window: { startMin: 720, endMin: 900 }, notes: 'key safe 1234' }),
    ];
    const problem = roundsDay(visits, [worker('sw1', { name: 'Sam' })], { a: 10, b: 15 });
    const [sheet] = roundSheets(problem, planRounds(problem, { maxIterations: 50, seed: 1 }));
    expect(sheet).toMatchObject({ workerId: 'sw1', workerName: 'Sam', baseLocationId: 'base', date: '2026-11-23' });
    expect(sheet!.stops.map((s) => [s.order, s.visitId, s.address, s.patientRef, s.patientInitials])).toEqual([
      [1, 'a', '3 Mill Lane', 'ICC-003', 'JD'],
      [2, 'b', '9 Park Rd', 'ICC-009', 'MK'],
    ]);
    expect(sheet!.stops[1]!.notes).toBe('key safe 1234');
    expect(sheet!.stops[0]!.startMin).toBeLessThan(sheet!.stops[1]!.startMin);
    expect(sheet!.travelMin).toBe(30);
  });
});
