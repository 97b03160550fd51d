import { describe, expect, it } from 'vitest';
import { demoDayProblem } from '../../../../src/demo/demo-day-problem.ts';
import { planDay } from '../../../../solver/day/plan-day.ts';
import { createDaySearch } from '../../../../solver/day/search/day-search.ts';
import { iccRunCount, runIndependentRuns } from '../../../../solver/day/phases/independent-runs.ts';
import { REBUILD_START_ITERATIONS } from '../../../../solver/day/phases/finish-plan.ts';
import { validatePlan } from '../../../../solver/validate/validate-plan.ts';

describe('runIndependentRuns', () => {
  const problem = demoDayProblem({ seed: 1, date: '2026-12-01', patients: 16 });

  it("keeps each run's best schedule: one per run, each decoding to its cost, the cheapest the best of all runs", () => {
    const search = createDaySearch(problem, { seed: 1, maxIterations: 4000 });
    const runs = runIndependentRuns(search);
    expect(runs.runBests).toHaveLength(iccRunCount(search.day.activityCount));
    expect(Math.min(...runs.runBests.map((r) => r.cost))).toBe(search.best.cost);
    for (const run of runs.runBests) {
      search.state.scheme = run.scheme;
      search.decoder.mealDelayMin.set(run.mealDelayMin);
      search.state.order = run.order.slice();
      expect(search.evaluate(search.state)).toBeCloseTo(run.cost, 6);
    }
  });

  it('rebuilds from several runs at a large budget, so the 16-patient day at 64k iterations is no dearer than at 16k (5066.5 against 5043 with one start; 5006.5 now)', { timeout: 300_000 }, () => {
    // 64k: the rebuild's 30 % is 19,200 iterations, six starts; 16k: 4,800, one.
    expect(Math.floor(0.3 * 64_000 / REBUILD_START_ITERATIONS)).toBe(6);
    expect(Math.floor(0.3 * 16_000 / REBUILD_START_ITERATIONS)).toBe(1);
    const at16k = planDay(problem, { seed: 1, maxIterations: 16_000 });
    const at64k = planDay(problem, { seed: 1, maxIterations: 64_000 });
    expect(validatePlan(problem, at64k).valid).toBe(true);
    expect(at64k.unscheduled.length).toBe(at16k.unscheduled.length);
    expect(at64k.score.soft).toBeLessThanOrEqual(at16k.score.soft);
  });
});
