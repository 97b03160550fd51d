import { describe, expect, it } from 'vitest';
import { demoDayProblem } from '../../../../src/demo/demo-day-problem.ts';
import { planDayInWorker } from '../../../../src/solving/workers/plan-day-in-worker.ts';
import { WorkerCancelledError } from '../../../../src/solving/workers/solve-pool.ts';
import { validatePlan } from '../../../../solver/validate/validate-plan.ts';
import type { DayPlan, ProgressEvent } from '../../../../solver/model/index.ts';

describe('planDayInWorker', () => {
  it('plans on another thread while the event loop keeps ticking, reporting progress', async () => {
    const problem = demoDayProblem({ seed: 5, date: '2026-12-01', patients: 8 });
    const progress: ProgressEvent[] = [];
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    const run = planDayInWorker({ problem, options: { timeLimitMs: 1500, seed: 1 } }, (p) => progress.push(p));
    const plan = await run.result;
    clearInterval(timer);
    expect(validatePlan(problem, plan).valid).toBe(true);
    expect(progress.length).toBeGreaterThan(0);
    // A blocked loop would tick ~0 times during a 1.5 s solve on the main thread.
    expect(ticks).toBeGreaterThan(20);
  });

  it('posts the best plan so far while planning when asked: valid, improving, at most once per interval', async () => {
    const problem = demoDayProblem({ seed: 5, date: '2026-12-01', patients: 12 });
    const best: DayPlan[] = [];
    const run = planDayInWorker({ problem, options: { timeLimitMs: 2500, seed: 1 }, bestPlanEveryMs: 400 }, undefined, (plan) => best.push(plan));
    const plan = await run.result;
    expect(best.length).toBeGreaterThan(0);
    for (const [i, provisional] of best.entries()) {
      expect(validatePlan(problem, provisional).violations.map((v) => v.message)).toEqual([]);
      if (i === 0) continue;
      expect(provisional.score.soft).toBeLessThan(best[i - 1]!.score.soft + 0.01);
      // Posted at least the interval apart; elapsedMs is stamped while each plan is built, after the
      // throttle's own reading, so allow the build-time jitter (CI saw 393 ms on a loaded machine).
      expect(provisional.stats.elapsedMs! - best[i - 1]!.stats.elapsedMs!).toBeGreaterThanOrEqual(400 - 50);
    }
    expect(plan.score.soft).toBeLessThanOrEqual(best.at(-1)!.score.soft + 0.01);
  });

  it('posts no best plans unless asked', async () => {
    const problem = demoDayProblem({ seed: 5, date: '2026-12-01', patients: 4 });
    const best: DayPlan[] = [];
    await planDayInWorker({ problem, options: { timeLimitMs: 500, seed: 1 } }, undefined, (plan) => best.push(plan)).result;
    expect(best).toEqual([]);
  });

  it('can be cancelled', async () => {
    const problem = demoDayProblem({ seed: 5, date: '2026-12-01', patients: 8 });
    const run = planDayInWorker({ problem, options: { timeLimitMs: 20_000, seed: 1 } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await run.cancel();
    await expect(run.result).rejects.toBeInstanceOf(WorkerCancelledError);
  });

  it('reports a solver error as a rejected result, not a crash', async () => {
    const problem = demoDayProblem({ seed: 5, date: '2026-12-01', patients: 2 });
    const broken = { ...problem, assessmentTypes: null } as unknown as typeof problem;
    const run = planDayInWorker({ problem: broken, options: { timeLimitMs: 500, seed: 1 } });
    await expect(run.result).rejects.toThrow();
  }, 90_000); // CPU-bound: on a loaded 2-core machine it can take over the default 30 s
});
