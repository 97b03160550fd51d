import { afterEach, describe, expect, it, vi } from 'vitest';
import { planDay } from '../../../../solver/day/plan-day.ts';
import { DayDecoder } from '../../../../solver/day/schedule/day-decoder.ts';
import { createDaySearch } from '../../../../solver/day/search/day-search.ts';
import { MAX_FIXED_SHARE, MIN_TIMED_ITERATIONS, probeDecodeMs, solveCostModel, TIMED_BUDGET_END_SHARE, timedBudget } from '../../../../solver/day/phases/timed-budget.ts';
import { LEAST_DROP_TRIAL_SHARE } from '../../../../solver/day/phases/least-drop-trial.ts';
import { validatePlan } from '../../../../solver/validate/validate-plan.ts';
import { demoDayProblem } from '../../../../src/demo/demo-day-problem.ts';

/** A clock that advances `msPerDecode` with every decode of the list (the work the probe measures), and not otherwise. */
function decodeClock(msPerDecode: number): () => number {
  let decodes = 0;
  const decode = DayDecoder.prototype.decode;
  vi.spyOn(DayDecoder.prototype, 'decode').mockImplementation(function (this: DayDecoder, order: ArrayLike<number>) {
    decodes++;
    decode.call(this, order);
  });
  return () => decodes * msPerDecode;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('timed budget', () => {
  it('the probe measures the time per decode on the clock given', () => {
    const problem = demoDayProblem({ seed: 1, date: '2026-12-01', patients: 8 });
    const now = decodeClock(0.05);
    const search = createDaySearch(problem, { seed: 1, timeLimitMs: 5000, now });
    expect(probeDecodeMs(search)).toBeCloseTo(0.05, 9);
  });

  it('turns the time left into the budget the cost model affords, fewer on a slower machine, never fewer than the minimum, capped by a budget given', () => {
    const problem = demoDayProblem({ seed: 1, date: '2026-12-01', patients: 8 });
    let nowMs = 0;
    const search = createDaySearch(problem, { seed: 1, timeLimitMs: 5000, now: () => nowMs });
    expect(search.leastDrop).toBeUndefined();
    const { perIteration, fixed } = solveCostModel(search.day.activityCount);
    const fast = timedBudget(search, 0.02, 0);
    expect(fast.iterations).toBe(Math.floor((TIMED_BUDGET_END_SHARE * 5000 / 0.02 - fixed) / perIteration));
    expect(fast.planMs).toBe(5000);
    expect(timedBudget(search, 0.04, 0).iterations).toBeLessThan(fast.iterations);
    expect(fast.fits).toBe(true);
    expect(timedBudget(search, 10, 0).iterations).toBe(MIN_TIMED_ITERATIONS);
    // A machine so slow that the schedule's fixed work takes over half the time: time shares instead.
    expect(timedBudget(search, 10, 0).fits).toBe(false);
    expect(timedBudget(search, (MAX_FIXED_SHARE * TIMED_BUDGET_END_SHARE * 5000) / fixed, 0).fits).toBe(true);
    expect(timedBudget(search, (1.01 * MAX_FIXED_SHARE * TIMED_BUDGET_END_SHARE * 5000) / fixed, 0).fits).toBe(false);
    expect(timedBudget(search, 0.02, 0, 1000).iterations).toBe(1000);
    nowMs = 1000; // a second gone: less to spend
    expect(timedBudget(search, 0.02, 1000).iterations).toBeLessThan(fast.iterations);
  });

  it('keeps the least-drop trial\'s share back when the bound names a least drop', () => {
    // The 16-patient demo day: the bound proves one review must go and names the cheapest.
    const problem = demoDayProblem({ seed: 1, date: '2026-12-01', patients: 16 });
    const search = createDaySearch(problem, { seed: 1, timeLimitMs: 5000, now: () => 0 });
    expect(search.leastDrop).toBeDefined();
    const reserved = timedBudget(search, 0.05, 200);
    const all = timedBudget(search, 0.05, 200, Number.MAX_SAFE_INTEGER, false);
    expect(all.planMs).toBe(5000);
    expect(reserved.iterations).toBeLessThan(all.iterations / (1 + LEAST_DROP_TRIAL_SHARE));
    expect(reserved.planMs).toBeLessThan(5000);
    expect(reserved.planMs).toBeGreaterThan(0.7 * 5000);
  });

  it('a timed ICC day is planned as the fixed-budget solve of the iterations its time affords', () => {
    // Every decode costs 0.2 ms on this clock and nothing else costs time, so the solve ends
    // well before its safety stops and the plan is exactly the fixed-budget plan. The 32-patient
    // day: days of 151-300 activities take the budgeted path (the 16-patient day keeps time shares).
    const problem = demoDayProblem({ seed: 1, date: '2026-12-01', patients: 32 });
    const now = decodeClock(0.2);
    const timed = planDay(problem, { seed: 1, timeLimitMs: 4000, now });
    vi.restoreAllMocks();
    expect(validatePlan(problem, timed).valid).toBe(true);
    expect(timed.stats.timedOut).toBe(true);
    // (0.85 × 4000 / 0.2 − 5500) / 2.9 (× 1.25 with a least drop): 3000-4000 (its fixed work, 5500 decodes, fits in half the time).
    expect(timed.stats.iterations).toBeGreaterThan(2500);
    expect(timed.stats.iterations).toBeLessThan(4500);
    const fixed = planDay(problem, { seed: 1, maxIterations: timed.stats.iterations });
    expect(fixed.activities).toEqual(timed.activities);
    expect(fixed.score.soft).toBe(timed.score.soft);
  }, 120_000);
});
