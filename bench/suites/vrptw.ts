/**
 * Solomon's 100-customer VRPTW instances, solved by the routing core that routes the
 * pre-visit and follow-up rounds (bench/adapters/solomon.ts translates). Hierarchical
 * objective, as in the heuristic literature: fewest vehicles, then total distance (exact
 * Euclidean). `value` is the distance; vehicles are compared in their own columns.
 *
 *   npm run bench -- vrptw [dir] [--time-limit s] [--filter regex]
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readKnownValuesCsv } from '../lib/known-values.ts';
import { gapPct, type BenchRow, type BenchSuite } from '../lib/types.ts';
import { instanceFiles } from '../lib/instance-files.ts';
import { routingVerdict } from '../lib/routing-verdict.ts';
import { readSolomonFile, routingToVrptwSolution, solomonToRouting } from '../adapters/solomon.ts';
import { checkSolomonSolution } from '../adapters/solomon-check.ts';
import { solveRouting } from '../../solver/routing/core/solve-routing.ts';
import { validateVrptwSolution } from '../../solver/validate/validate-vrptw-solution.ts';

export const DEFAULT_VRPTW_DIR = fileURLToPath(new URL('../instances/vrptw/solomon/100/', import.meta.url));
/** Per-instance limit: 20 s keeps the 36-instance suite near 12 minutes (the target allows 60 s). */
export const DEFAULT_VRPTW_TIME_LIMIT_SEC = 20;

const suite: BenchSuite = {
  name: 'vrptw',
  description: "Solomon's 100-customer VRPTW instances through the rounds routing core (LNS with a vehicle-removal phase); hierarchical objective, vehicles then exact Euclidean distance, vs best-known; every solution re-verified.",
  target: 'best-known vehicle count +0/+1; mean distance gap ≤ 5%; ≤ 60 s each.',
  extraColumns: ['vehicles', 'knownVehicles', 'iterations', 'checker', 'note'],
  async run({ dir, timeLimitSec, filter, log }) {
    const folder = dir ?? DEFAULT_VRPTW_DIR;
    const known = knownValues(folder);
    const rows: BenchRow[] = [];
    for (const { name: fileName, path } of instanceFiles(folder, { extension: 'txt', filter })) {
      const inst = readSolomonFile(path);
      const started = performance.now();
      const result = solveRouting(solomonToRouting(inst), {
        timeLimitMs: (timeLimitSec ?? DEFAULT_VRPTW_TIME_LIMIT_SEC) * 1000,
        now: () => performance.now(),
        seed: 1,
        minimiseVehicles: true,
      });
      const seconds = (performance.now() - started) / 1000;
      const solution = routingToVrptwSolution(inst, result);
      // The team's independent checker decides; our own from-scratch check is a second opinion.
      const check = validateVrptwSolution(inst, solution);
      const ownCheck = checkSolomonSolution(inst, solution);
      const complete = result.unassigned.length === 0;
      const value = complete ? Math.round(solution.distance * 100) / 100 : null;
      const best = known.get(inst.name.toUpperCase()) ?? known.get(fileName.toUpperCase());
      rows.push({
        instance: inst.name, known: best?.distance ?? null, value, gapPct: gapPct(value, best?.distance ?? null),
        seconds: Math.round(seconds * 10) / 10,
        vehicles: solution.vehicles, knownVehicles: best?.vehicles ?? null, iterations: result.stats.iterations,
        ...routingVerdict(complete, check, ownCheck, `${result.unassigned.length} customers unserved`),
      });
      log(`${inst.name}: ${solution.vehicles} vehicles (best known ${best?.vehicles ?? '—'}), distance ${value ?? '—'} (best known ${best?.distance ?? '—'}) in ${seconds.toFixed(1)} s, ${check.valid && ownCheck.valid ? 'valid' : 'INVALID'}`);
    }
    return rows;
  },
};

/** Rows of the hierarchical convention, 100 customers, keyed by instance name. */
function knownValues(folder: string): Map<string, { vehicles: number; distance: number }> {
  const out = new Map<string, { vehicles: number; distance: number }>();
  const csv = [join(folder, 'bks.csv'), join(folder, '..', 'bks.csv')].find((p) => existsSync(p));
  if (!csv) return out;
  for (const row of readKnownValuesCsv(csv)) {
    if (row.convention !== 'hierarchical_exact' || (row.customers && row.customers !== '100')) continue;
    const vehicles = Number(row.vehicles);
    const distance = Number(row.distance);
    if (row.instance && Number.isFinite(vehicles) && Number.isFinite(distance)) out.set(row.instance.toUpperCase(), { vehicles, distance });
  }
  return out;
}

export default suite;
