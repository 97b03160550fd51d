/**
 * Taillard's open-shop instances through the day planner itself: each instance becomes a
 * DayProblem (bench/adapters/openshop-to-day-problem.ts) and `planDay` minimises the
 * makespan. Every plan goes through the independent checker.
 *
 *   npm run bench -- openshop [dir] [--time-limit s] [--filter regex]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { readKnownValuesCsv } from '../lib/known-values.ts';
import { gapPct, type BenchRow, type BenchSuite } from '../lib/types.ts';
import { OPEN_SHOP_WEIGHTS, openShopToDayProblem, openShopTrivialBound, parseTaillardOpenShop } from '../adapters/openshop-to-day-problem.ts';
import { planDay } from '../../solver/day/plan-day.ts';
import { validatePlan } from '../../solver/validate/validate-plan.ts';

/** In the repository (bench/instances/), so a fresh clone needs nothing beside it. */
export const DEFAULT_OPENSHOP_DIR = fileURLToPath(new URL('../instances/openshop/taillard/', import.meta.url));

/** The issue's limits: 10 s up to 10x10, 30 s for 15x15 and 20x20. */
export function openShopTimeLimitSec(jobs: number, machines: number): number {
  return Math.max(jobs, machines) <= 10 ? 10 : 30;
}

const suite: BenchSuite = {
  name: 'openshop',
  description:
    "Taillard (1993) open-shop instances solved by planDay (jobs = patients, machines = one clinician per discipline, any order, objective = makespan); gap to the known optimum from optima.csv.",
  target: '4x4–10x10: the optimum on every instance, ≤ 10 s each; 15x15 and 20x20: mean gap ≤ 1% within 30 s.',
  extraColumns: ['lowerBound', 'iterations', 'method'],
  async run({ dir, timeLimitSec, filter, log }) {
    const folder = dir ?? DEFAULT_OPENSHOP_DIR;
    const known = knownOptima(folder);
    const files = readdirSync(folder)
      .filter((f) => f.endsWith('.txt'))
      .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    const rows: BenchRow[] = [];
    for (const file of files) {
      const entry = known.get(file);
      const name = entry?.instance ?? file.replace(/\.txt$/, '');
      if (filter && !filter.test(name)) continue;
      const instance = parseTaillardOpenShop(name, readFileSync(join(folder, file), 'utf8'));
      const problem = openShopToDayProblem(instance);
      const jobs = instance.processingMin.length;
      const machines = instance.processingMin[0]!.length;
      const lowerBound = openShopTrivialBound(instance);
      const started = performance.now();
      const plan = planDay(problem, {
        seed: 1,
        timeLimitMs: (timeLimitSec ?? openShopTimeLimitSec(jobs, machines)) * 1000,
        now: () => performance.now(),
        weights: OPEN_SHOP_WEIGHTS,
        targetSoft: lowerBound,
      });
      const seconds = Math.round((performance.now() - started) / 10) / 100;
      const complete = plan.unscheduled.length === 0;
      const value = complete ? Math.max(...plan.activities.map((a) => a.endMin)) : null;
      const check = validatePlan(problem, plan);
      const best = entry?.optimum ?? null;
      const row: BenchRow = {
        instance: name,
        known: best,
        value,
        gapPct: gapPct(value, best),
        seconds,
        valid: check.valid && complete,
        lowerBound,
        iterations: plan.stats.iterations,
        method: plan.stats.method ?? null,
      };
      rows.push(row);
      log(`${name}: makespan ${value ?? '—'} (optimum ${best ?? '?'}, gap ${row.gapPct ?? '—'}%) in ${seconds} s, ${row.valid ? 'valid' : `INVALID: ${check.violations.slice(0, 2).map((v) => v.message).join('; ')}`}`);
    }
    return rows;
  },
};

export default suite;

/** optima.csv by file name: instance name and optimum (`optimum_or_best`). */
function knownOptima(folder: string): Map<string, { instance: string; optimum: number | null }> {
  const out = new Map<string, { instance: string; optimum: number | null }>();
  let rows: Record<string, string>[] = [];
  try {
    rows = readKnownValuesCsv(join(folder, 'optima.csv'));
  } catch {
    return out; // a folder without known values still runs; gaps are then blank
  }
  for (const row of rows) {
    const optimum = Number(row.optimum_or_best);
    if (row.file) out.set(row.file, { instance: row.instance ?? row.file, optimum: Number.isFinite(optimum) && row.optimum_or_best !== '' ? optimum : null });
  }
  return out;
}
