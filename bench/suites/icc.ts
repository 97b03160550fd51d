/**
 * Realistic ICC days from the demo centre generator (fixed seeds), planned by planDay:
 * the scaling curve of time, share of assessments placed and gap to our own lower bound.
 *
 *   npm run bench -- icc [--time-limit s] [--filter regex]
 */
import { performance } from 'node:perf_hooks';
import type { BenchRow, BenchSuite } from '../lib/types.ts';
import { demoDayProblem } from '../../src/demo/demo-day-problem.ts';
import { planDay } from '../../solver/day/plan-day.ts';
import { validatePlan } from '../../solver/validate/validate-plan.ts';

/** Day sizes, with the issue's time limits (16 patients ≤ 5 s, 64 ≤ 30 s). */
export const ICC_DAYS = [
  { patients: 8, timeLimitSec: 5 },
  { patients: 16, timeLimitSec: 5 },
  { patients: 32, timeLimitSec: 15 },
  { patients: 64, timeLimitSec: 30 },
];
export const ICC_SEED = 1;
export const ICC_DATE = '2026-12-01';

const suite: BenchSuite = {
  name: 'icc',
  description:
    'Demo ICC days of 8, 16, 32 and 64 patients (seed 1, 2026-12-01) planned by planDay with default weights; value = soft score, known = our lower bound (computeLowerBound), placedPct = required assessments placed.',
  target: '16 patients: every placeable assessment placed, gap ≤ 2% to the bound, ≤ 5 s; 64 patients ≤ 30 s.',
  extraColumns: ['patients', 'placedPct', 'unscheduled', 'iterations'],
  async run({ timeLimitSec, filter, log }) {
    const rows: BenchRow[] = [];
    for (const day of ICC_DAYS) {
      const name = `icc-${day.patients}`;
      if (filter && !filter.test(name)) continue;
      const problem = demoDayProblem({ seed: ICC_SEED, date: ICC_DATE, patients: day.patients });
      const started = performance.now();
      const plan = planDay(problem, { seed: ICC_SEED, timeLimitMs: (timeLimitSec ?? day.timeLimitSec) * 1000, now: () => performance.now() });
      const seconds = Math.round((performance.now() - started) / 10) / 100;
      const check = validatePlan(problem, plan);
      const required = problem.patients.reduce((sum, p) => sum + new Set(p.required.map((r) => r.typeId)).size, 0);
      const unscheduledAssessments = plan.unscheduled.filter((u) => u.typeId !== 'meal').length;
      const value = Math.round(plan.score.soft * 100) / 100;
      const known = Math.round(plan.bound.value * 100) / 100;
      const row: BenchRow = {
        instance: name,
        known,
        value,
        gapPct: plan.gapPct,
        seconds,
        valid: check.valid,
        patients: day.patients,
        placedPct: Math.round((10000 * (required - unscheduledAssessments)) / Math.max(1, required)) / 100,
        unscheduled: unscheduledAssessments,
        iterations: plan.stats.iterations,
      };
      rows.push(row);
      log(`${name}: soft ${value} vs bound ${known} (gap ${row.gapPct ?? '—'}%), placed ${row.placedPct}% in ${seconds} s, ${check.valid ? 'valid' : `INVALID: ${check.violations.slice(0, 2).map((v) => v.message).join('; ')}`}`);
    }
    return rows;
  },
};

export default suite;
