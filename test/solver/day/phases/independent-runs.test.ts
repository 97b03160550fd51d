import { describe, expect, it } from 'vitest';
import { demoDayProblem } from '../../../../src/demo/demo-day-problem.ts';
import { planDay } from '../../../../solver/day/plan-day.ts';
import { createDaySearch } from '../../../../solver/day/search/day-search.ts';
import { iccRunCount, runIndependentRuns } from '../../../../solver/day/phases/independent-runs.ts';
import { REBUILD_START_ITERATIONS, rebuildStartCount } from '../../../../solver/day/phases/finish-plan.ts';
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

describe('rebuildStartCount', () => {
  it('rebuilds the 8-patient day (55 activities) from several starts at its full budget, from one at a quarter or with a clock', () => {
    // icc-8: the rebuild's 30 % of 160k is 48,000 iterations, six starts; of 40k, 12,000, one.
    expect(rebuildStartCount(55, 0.3 * 160_000, false)).toBe(6);
    expect(rebuildStartCount(55, 0.3 * 40_000, false)).toBe(1);
    expect(rebuildStartCount(55, 0.3 * 160_000, true)).toBe(1);
    // Middle-sized days keep REBUILD_START_ITERATIONS, the largest one start.
    expect(rebuildStartCount(113, 0.3 * 64_000, false)).toBe(6);
    expect(rebuildStartCount(113, 0.3 * 16_000, false)).toBe(1);
    expect(rebuildStartCount(438, 0.5 * 48_000, false)).toBe(1);
  });
});
