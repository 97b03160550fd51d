// planDay's onBestPlan: every best plan so far is a valid plan that only gets better, the
// last one is what the search ends with (before the final repair), and asking for them
// changes nothing about the search or its plan.
import { describe, expect, it } from 'vitest';
import { demoDayProblem } from '../../../src/demo/demo-day-problem.ts';
import { planDay } from '../../../solver/day/plan-day.ts';
import type { DayPlan } from '../../../solver/model/day-plan.ts';
import type { ProgressEvent } from '../../../solver/model/options.ts';
import { validatePlan } from '../../../solver/validate/validate-plan.ts';

const problem = demoDayProblem({ seed: 4, date: '2026-12-01', patients: 12 });
const budget = { seed: 2, maxIterations: 3000 };

describe('planDay onBestPlan', () => {
  const provisional: DayPlan[] = [];
  const progress: ProgressEvent[] = [];
  const withBest = planDay(problem, { ...budget, onBestPlan: (build) => provisional.push(build()), onProgress: (e) => progress.push(e) });

  it('reports new bests free of hard violations, each one a plan the checker accepts', () => {
    expect(provisional.length).toBeGreaterThan(2);
    for (const plan of provisional) {
      expect(validatePlan(problem, plan).violations.map((v) => v.message)).toEqual([]);
      expect(plan.score.hard).toBe(0);
      expect(plan.stats.method).toMatch(/provisional/);
      // Every required assessment is placed or listed, never dropped.
      const required = problem.patients.reduce((n, p) => n + p.required.length, 0);
      expect(plan.activities.filter((a) => a.kind !== 'meal').length + plan.unscheduled.length).toBeGreaterThanOrEqual(required);
    }
  });

  it('only gets better (the search compares with a tie-breaker below 0.01), and the final plan is at least as good as the last', () => {
    for (let i = 1; i < provisional.length; i++) {
      expect(provisional[i]!.score.soft, `report ${i}`).toBeLessThanOrEqual(provisional[i - 1]!.score.soft + 0.01);
    }
    expect(withBest.score.soft).toBeLessThanOrEqual(provisional.at(-1)!.score.soft + 0.01);
    expect(provisional[0]!.score.soft).toBeGreaterThan(provisional.at(-1)!.score.soft);
  });

  it('changes nothing about the search: the same seed and budget give the same plan and progress without it', () => {
    const progressWithout: ProgressEvent[] = [];
    const without = planDay(problem, { ...budget, onProgress: (e) => progressWithout.push(e) });
    expect(withBest.activities).toEqual(without.activities);
    expect(withBest.score).toEqual(without.score);
    expect(withBest.stats).toEqual(without.stats);
    expect(progress).toEqual(progressWithout);
  });
});
