import { describe, expect, it } from 'vitest';
import { demoDayProblem } from '../../../../src/demo/demo-day-problem.ts';
import { planDay } from '../../../../solver/day/plan-day.ts';
import { createDaySearch } from '../../../../solver/day/search/day-search.ts';
import { constructRun, SPREAD_MAX_ACTIVITIES } from '../../../../solver/day/phases/construct-run.ts';
import { validatePlan } from '../../../../solver/validate/validate-plan.ts';
import { backwardOrders } from '../../../../solver/day/search/backward-orders.ts';

describe('constructRun', () => {
  const problem = demoDayProblem({ seed: 1, date: '2026-12-01', patients: 8 });

  it('on a small ICC day, starts each run after the first from another construction (distinct costs, the first run from the cheapest)', () => {
    const search = createDaySearch(problem, { seed: 1, maxIterations: 1000 });
    expect(search.day.activityCount).toBeLessThanOrEqual(SPREAD_MAX_ACTIVITIES);
    const costs = [0, 1, 2, 3].map((run) => constructRun(search, 1, run).cost);
    expect(costs[0]).toBe(Math.min(...costs));
    expect(new Set(costs).size).toBe(4);
  });

  it('on the 8-patient demo day (no pins, nothing proved out), starts runs 1 and 2 from the two cheapest constructions from the MDT backwards', () => {
    const search = createDaySearch(problem, { seed: 1, maxIterations: 1000 });
    const backward = backwardOrders(search.day, { count: 2, maxMealDelayMin: search.state.maxMealDelayMin });
    for (const run of [1, 2]) {
      const constructed = constructRun(search, 1 + run, run);
      expect(Array.from(constructed.order)).toEqual(Array.from(backward[run - 1]!.order));
      expect(Array.from(search.decoder.mealDelayMin)).toEqual(Array.from(backward[run - 1]!.mealDelay));
    }
    expect(Array.from(constructRun(search, 4, 3).order)).not.toEqual(Array.from(backward[1]!.order));
  });

  it('places every assessment of the 8-patient demo day at 40k iterations on seeds where all runs from one start left a review out (4693, 4670 before)', { timeout: 120_000 }, () => {
    for (const seed of [3, 5]) {
      const plan = planDay(problem, { seed, maxIterations: 40_000 });
      expect(plan.unscheduled.filter((u) => u.typeId !== 'meal')).toEqual([]);
      expect(validatePlan(problem, plan).valid).toBe(true);
    }
  });
});
