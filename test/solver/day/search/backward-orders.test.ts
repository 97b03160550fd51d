import { describe, expect, it } from 'vitest';
import { compileDayProblem } from '../../../../solver/day/compile/compile-day-problem.ts';
import { DayDecoder } from '../../../../solver/day/schedule/day-decoder.ts';
import { backwardOrders } from '../../../../solver/day/search/backward-orders.ts';
import { scheduleCost } from '../../../../solver/day/search/schedule-cost.ts';
import { DEFAULT_WEIGHTS } from '../../../../solver/model/options.ts';
import { demoDayProblem } from '../../../../src/demo/demo-day-problem.ts';
import { assessmentType, HOUR, patient, smallDay, staffMember } from '../small-day-fixture.ts';

describe('backwardOrders', () => {
  it('lists every free activity once, in start order, with meal delays that reproduce its cost, cheapest first', () => {
    const problem = smallDay({
      assessmentTypes: [assessmentType('anp', 45), assessmentType('ot', 45), assessmentType('bloods', 10), assessmentType('ger', 45)],
      precedences: [
        { id: 'anp-first', before: 'anp', after: '*', minLagMin: 0 },
        { id: 'bloods-back', before: 'bloods', after: 'ger', minLagMin: 60 },
        { id: 'ger-last', before: '*', after: 'ger', minLagMin: 0 },
      ],
      staff: [staffMember('s-anp', ['anp', 'bloods']), staffMember('s-ot', ['ot']), staffMember('s-ger', ['ger'])],
      patients: [patient('p1', ['anp', 'ot', 'bloods', 'ger'], { needsMeal: true }), patient('p2', ['anp', 'ot', 'ger'], { needsMeal: true }), patient('p3', ['anp', 'ger'])],
    });
    const day = compileDayProblem(problem, DEFAULT_WEIGHTS);
    const starts = backwardOrders(day, { count: 3, maxMealDelayMin: 60 });
    expect(starts.length).toBeGreaterThan(0);
    expect(starts.map((s) => s.cost)).toEqual(starts.map((s) => s.cost).sort((x, y) => x - y));
    const decoder = new DayDecoder(day);
    decoder.groupTakesRoom = true;
    for (const start of starts) {
      expect([...start.order].sort((x, y) => x - y)).toEqual(Array.from({ length: day.activityCount }, (_, a) => a));
      decoder.mealDelayMin.set(start.mealDelay);
      decoder.decode(start.order);
      expect(scheduleCost(day, decoder)).toBeCloseTo(start.cost, 6);
    }
    // Distinct schedules, cheapest first; the cheapest places everything on this day.
    expect(new Set(starts.map((s) => s.cost)).size).toBe(starts.length);
    decoder.mealDelayMin.set(starts[0]!.mealDelay);
    decoder.decode(starts[0]!.order);
    for (let a = 0; a < day.activityCount; a++) expect(decoder.start[a]).toBeGreaterThanOrEqual(0);
  });

  it('on the 8-patient demo day, starts with at most one assessment left out, a review before the geriatricians\' breaks, six after them, the last against the MDT', () => {
    const problem = demoDayProblem({ seed: 1, date: '2026-12-01', patients: 8 });
    const day = compileDayProblem(problem, DEFAULT_WEIGHTS);
    const [best] = backwardOrders(day, { count: 1, maxMealDelayMin: 60 });
    const decoder = new DayDecoder(day);
    decoder.groupTakesRoom = true;
    decoder.mealDelayMin.set(best!.mealDelay);
    decoder.decode(best!.order);
    const reviews = day.activityTypeId.flatMap((t, a) => (t === 'geriatrician-review' ? [a] : []));
    const left = day.activityTypeId.filter((_, a) => decoder.start[a]! < 0);
    expect(left.length).toBeLessThanOrEqual(1);
    expect(reviews.filter((a) => decoder.start[a]! >= 0 && decoder.start[a]! + day.durationMin[a]! <= 12 * HOUR).length).toBeGreaterThanOrEqual(1);
    expect(reviews.filter((a) => decoder.start[a]! >= 12 * HOUR).length).toBe(6);
    // The last review packed against the MDT; one review (or ANP) out at most (6674 now).
    expect(Math.max(...reviews.map((a) => decoder.start[a]! + day.durationMin[a]!))).toBeGreaterThanOrEqual(Math.max(...reviews.map((a) => day.latestEndMin[a]!)) - 15);
    expect(best!.cost).toBeLessThan(7000);
  });
});
