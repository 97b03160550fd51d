import { describe, expect, it } from 'vitest';
import { compileDayProblem } from '../../../../solver/day/compile/compile-day-problem.ts';
import { DayDecoder } from '../../../../solver/day/schedule/day-decoder.ts';
import { nonDelayOrders } from '../../../../solver/day/search/non-delay-orders.ts';
import { scheduleCost } from '../../../../solver/day/search/schedule-cost.ts';
import { initialOrders } from '../../../../solver/day/search/initial-orders.ts';
import { DEFAULT_WEIGHTS } from '../../../../solver/model/options.ts';
import { createRng } from '../../../../solver/model/rng.ts';
import { demoDayProblem } from '../../../../src/demo/demo-day-problem.ts';
import { assessmentType, HOUR, patient, smallDay, staffMember } from '../small-day-fixture.ts';

describe('nonDelayOrders', () => {
  it('lists every free activity once, in start order, with the meal kept in the lunch window', () => {
    const problem = smallDay({
      assessmentTypes: [assessmentType('anp', 60), assessmentType('ot', 60), assessmentType('bloods', 10), assessmentType('ger', 30)],
      precedences: [
        { id: 'anp-first', before: 'anp', after: '*', minLagMin: 0 },
        { id: 'bloods-back', before: 'bloods', after: 'ger', minLagMin: 60 },
        { id: 'ger-last', before: '*', after: 'ger', minLagMin: 0 },
      ],
      staff: [staffMember('s-anp', ['anp', 'bloods']), staffMember('s-ot', ['ot']), staffMember('s-ger', ['ger'])],
      patients: [patient('p1', ['anp', 'ot', 'bloods', 'ger'], { needsMeal: true, priority: 2 }), patient('p2', ['anp', 'ot', 'ger'], { needsMeal: true })],
    });
    const day = compileDayProblem(problem, DEFAULT_WEIGHTS);
    const decoder = new DayDecoder(day);
    const orders = nonDelayOrders(day, decoder, { count: 4, rng: createRng(1) });
    expect(orders).toHaveLength(8);
    for (const { order } of orders) {
      expect([...order].sort((x, y) => x - y)).toEqual(Array.from({ length: day.activityCount }, (_, a) => a));
      decoder.decode(order);
      const starts = [...order].map((a) => decoder.start[a]!);
      expect(starts.every((s) => s >= 0)).toBe(true);
      // The serial decoder rebuilds the schedule in the order of the list: starts never go back.
      expect(starts).toEqual([...starts].sort((x, y) => x - y));
      for (let a = 0; a < day.activityCount; a++)
        if (day.activityKind[a] === 'meal') expect(decoder.start[a]).toBeGreaterThanOrEqual(12 * HOUR);
    }
  });

  it('jitters priorities deterministically for a seed', () => {
    const problem = demoDayProblem({ seed: 1, date: '2026-12-01', patients: 16 });
    const day = compileDayProblem(problem, DEFAULT_WEIGHTS);
    const decoder = new DayDecoder(day);
    const lists = (seed: number) => nonDelayOrders(day, decoder, { count: 3, rng: createRng(seed) }).map(({ order }) => Array.from(order).join(','));
    expect(lists(5)).toEqual(lists(5));
    // Different draws give different starts.
    expect(new Set(lists(5).slice(4)).size).toBeGreaterThan(1);
  });

  it('starts the 32-patient demo day with fewer assessments left out than the serial constructions', () => {
    const problem = demoDayProblem({ seed: 1, date: '2026-12-01', patients: 32 });
    const day = compileDayProblem(problem, DEFAULT_WEIGHTS);
    const decoder = new DayDecoder(day);
    const best = (orders: Array<{ order: Int32Array }>) =>
      Math.min(
        ...orders.map(({ order }) => {
          decoder.decode(order);
          return scheduleCost(day, decoder);
        }),
      );
    const nonDelay = best(nonDelayOrders(day, decoder));
    const serial = best(initialOrders(day, decoder.freeActivities()));
    // Meal delays are all 0 here for both; one review left out costs 1000 × priority (≥ 1).
    expect(nonDelay).toBeLessThan(serial - 5000);
  });
});
