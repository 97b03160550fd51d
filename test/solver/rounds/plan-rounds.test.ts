import { describe, expect, it } from 'vitest';
import { planRounds } from '../../../solver/rounds/plan-rounds.ts';
import type { RoundsPlan, RoundsProblem } from '../../../solver/rounds/rounds-problem.ts';
import { roundsDay, visit, worker } from './rounds-fixtures.ts';

const opts = { maxIterations: 150, seed: 1 };

/** Every planned visit inside its window and its worker's shift, travel respected. */
function expectTimely(problem: RoundsProblem, plan: RoundsPlan): void {
  for (const round of plan.rounds) {
    const w = problem.workers.find((x) => x.id === round.workerId)!;
    expect(round.leaveMin).toBeGreaterThanOrEqual(w.shift.startMin);
    expect(round.returnMin).toBeLessThanOrEqual(w.shift.endMin);
    let clock = round.leaveMin;
    for (const stop of round.stops) {
      const v = problem.visits.find((x) => x.id === stop.visitId)!;
      expect(stop.startMin).toBeGreaterThanOrEqual(clock + stop.travelMinFromPrevious);
      expect(stop.startMin).toBeGreaterThanOrEqual(v.window.startMin);
      expect(stop.endMin).toBe(stop.startMin + v.durationMin);
      expect(stop.endMin).toBeLessThanOrEqual(v.window.endMin);
      clock = stop.endMin;
    }
  }
}

describe('planRounds', () => {
  it('routes every visit inside its window and the shift, starting and ending at the base', () => {
    const visits = [visit('a', { window: { startMin: 540, endMin: 660 } }), visit('b', { window: { startMin: 780, endMin: 900 } }), visit('c'), visit('d')];
    const problem = roundsDay(visits, [worker('sw1'), worker('sw2')], { a: 10, b: 20, c: 15, d: 5 });
    const plan = planRounds(problem, opts);
    expect(plan.unplanned).toEqual([]);
    expect(plan.rounds.flatMap((r) => r.stops.map((s) => s.visitId)).sort()).toEqual(['a', 'b', 'c', 'd']);
    expectTimely(problem, plan);
  });

  it('minimises travel: visits along one road are done in one sweep (optimum = out and back)', () => {
    const visits = [visit('a', { durationMin: 30 }), visit('b', { durationMin: 30 }), visit('c', { durationMin: 30 })];
    const problem = roundsDay(visits, [worker('sw1')], { a: 20, b: 10, c: 30 });
    const plan = planRounds(problem, opts);
    expect(plan.totalTravelMin).toBe(60);
  });

  it('balances the load between workers when travel is equal', () => {
    // Four 60-minute visits all at the base's doorstep: one worker could do all, but two share them.
    const visits = ['a', 'b', 'c', 'd'].map((id) => visit(id, { durationMin: 60 }));
    const problem = roundsDay(visits, [worker('sw1'), worker('sw2')], { a: 1, b: 1, c: 1, d: 1 });
    const plan = planRounds(problem, { ...opts, balanceWeight: 1 });
    expect(plan.unplanned).toEqual([]);
    expect(plan.rounds.map((r) => r.stops.length).sort()).toEqual([2, 2]);
  });

  it('workerCost: three neighbouring homes go to one worker in a row instead of one worker each', () => {
    // 10, 11 and 12 Cottingham Road: 5 minutes from the base, a minute apart; three workers free all day.
    // Balancing alone (the default 0.2 per minute of spread) sends one worker to each door.
    const visits = ['no10', 'no11', 'no12'].map((id) => visit(id, { durationMin: 60 }));
    const problem = roundsDay(visits, [worker('sw1'), worker('sw2'), worker('sw3')], { no10: 5, no11: 6, no12: 7 });
    const spread = planRounds(problem, opts);
    const grouped = planRounds(problem, { ...opts, workerCost: 30 });
    const used = (plan: RoundsPlan) => plan.rounds.filter((r) => r.stops.length > 0).length;
    expect(used(spread)).toBe(3);
    expect(spread.totalTravelMin).toBe(5 * 2 + 6 * 2 + 7 * 2);
    expect(used(grouped)).toBe(1);
    expect(grouped.totalTravelMin).toBe(7 * 2);
    expect(grouped.unplanned).toEqual([]);
    expectTimely(problem, grouped);
  });

  it('reports a visit outside every shift', () => {
    const problem = roundsDay([visit('late', { window: { startMin: 1080, endMin: 1200 } })], [worker('sw1')], { late: 10 });
    const plan = planRounds(problem, opts);
    expect(plan.unplanned.map((u) => [u.visitId, u.reason])).toEqual([['late', 'outside-every-shift']]);
    expect(plan.unplanned[0]!.message).toMatch(/18:00–20:00/);
  });

  it('reports a window too tight once travel is counted', () => {
    // 45-minute visit in 09:00–10:00, 30 minutes from the base; the shift starts at 09:00.
    const problem = roundsDay([visit('far', { window: { startMin: 540, endMin: 600 } })], [worker('sw1')], { far: 30 });
    expect(planRounds(problem, opts).unplanned.map((u) => u.reason)).toEqual(['window-too-tight']);
  });

  it('reports visits beyond the workers\' capacity, and only those', () => {
    // Three 3-hour visits in one 8-hour shift: two fit.
    const visits = ['a', 'b', 'c'].map((id) => visit(id, { durationMin: 180 }));
    const problem = roundsDay(visits, [worker('sw1')], { a: 5, b: 5, c: 5 });
    const plan = planRounds(problem, opts);
    expect(plan.unplanned.map((u) => u.reason)).toEqual(['no-capacity']);
    expect(plan.rounds[0]!.stops).toHaveLength(2);
  });

  it('gives follow-ups needing a skill only to workers who have it', () => {
    const visits = [visit('rehab', { kind: 'follow-up', requiredSkill: 'rehab-physio' }), visit('pre')];
    const problem = roundsDay(visits, [worker('sw1'), worker('physio', { skills: ['rehab-physio'] })], { rehab: 10, pre: 10 });
    const plan = planRounds(problem, opts);
    const byVisit = Object.fromEntries(plan.rounds.flatMap((r) => r.stops.map((s) => [s.visitId, r.workerId])));
    expect(byVisit.rehab).toBe('physio');
    const none = planRounds(roundsDay([visit('x', { requiredSkill: 'speech' })], [worker('sw1')], { x: 5 }), opts);
    expect(none.unplanned[0]!.reason).toBe('no-qualified-worker');
  });

  it('is deterministic for the same seed', () => {
    const visits = Array.from({ length: 12 }, (_, i) => visit(`v${i}`, { durationMin: 30 + (i % 3) * 15 }));
    const homes = Object.fromEntries(visits.map((v, i) => [v.id, 5 + ((i * 7) % 23)]));
    const problem = roundsDay(visits, [worker('sw1'), worker('sw2'), worker('sw3')], homes);
    expect(planRounds(problem, opts)).toEqual(planRounds(problem, opts));
  });

  it('rejects bad input naming the field', () => {
    expect(() => planRounds(roundsDay([visit('a', { durationMin: 0 })], [worker('sw1')], {}), opts)).toThrow(/visits\[0\].durationMin/);
    expect(() => planRounds(roundsDay([visit('a', { window: { startMin: 600, endMin: 620 } })], [worker('sw1')], {}), opts)).toThrow(/visits\[0\].window/);
    expect(() => planRounds(roundsDay([visit('a')], [worker('sw1', { baseLocationId: 'nowhere' })], {}), opts)).toThrow(/workers\[0\].baseLocationId.*nowhere/);
  });

  it('names a home with no coordinates and no matrix entry', () => {
    const problem: RoundsProblem = {
      date: '2026-11-23',
      locations: [{ id: 'base', lat: 53.76, lon: -0.33 }, { id: 'home-x' }],
      workers: [worker('sw1')],
      visits: [visit('x', { locationId: 'home-x' })],
    };
    expect(() => planRounds(problem, opts)).toThrow(/home-x/);
  });
});
