/**
 * The support workers' pre-visit rounds on the demo pre-visit day, before and after grouping
 * neighbouring visits on one worker: planRounds with the earlier weights (balancing only,
 * workerCost 0) and with the service's preVisitRoundsWeights (each worker sent out costs 30
 * minutes of driving), at a fixed iteration budget and three seeds, side by side. Every plan
 * goes through the independent checker (validateRoundsPlan).
 *
 *   npm run bench -- rounds [--filter regex]
 */
import { performance } from 'node:perf_hooks';
import type { BenchRow, BenchSuite } from '../lib/types.ts';
import { gapPct } from '../lib/types.ts';
import { createDatabase } from '../../src/db/create-database.ts';
import { migrateLatest } from '../../src/db/migrate.ts';
import { loadDemoCentre } from '../../src/demo/load-demo-centre.ts';
import { bookDemoPreVisitDay, DEMO_PRE_VISIT_DATE } from '../../src/demo/demo-pre-visit-day.ts';
import { buildPreVisitRoundsProblem, preVisitRoundsDefaults, preVisitRoundsWeights } from '../../src/api/services/pre-visit-rounds-service.ts';
import { buildTravel, indexLocations, planRounds, type RoundsOptions, type RoundsPlan, type RoundsProblem } from '../../solver/index.ts';
import { validateRoundsPlan } from '../../solver/validate/validate-rounds-plan.ts';

/** Fixed budget (the machine is shared, so no time limits): the same plans on every run. */
export const ROUNDS_ITERATIONS = 2000;
const SEEDS = [1, 2, 3];
/** Homes this close (minutes of driving) are neighbours: one worker should do them in a row. */
const NEIGHBOUR_MIN = 5;
/** The earlier weights: balance the rounds' lengths only (what the rounds used before grouping). */
const SPREAD: RoundsOptions = { balanceWeight: preVisitRoundsWeights.balanceWeight, workerCost: 0 };
const GROUPED: RoundsOptions = { ...preVisitRoundsWeights };

/** A demo pre-visit day: the demo centre with its first `size` open referrals booked on one date. */
async function demoDay(size: number): Promise<RoundsProblem> {
  const db = await createDatabase({ dataDir: 'memory' });
  try {
    await migrateLatest(db);
    const { centreId } = await loadDemoCentre(db, { seed: 1, startDate: '2026-10-19' });
    await bookDemoPreVisitDay(db, centreId!, DEMO_PRE_VISIT_DATE, size);
    return (await buildPreVisitRoundsProblem(db, centreId!, DEMO_PRE_VISIT_DATE, preVisitRoundsDefaults)).problem;
  } finally {
    await db.destroy();
  }
}

interface Measured { workers: number; travelMin: number; distanceKm: number; unplanned: number; splitNeighbours: number; longestRoundMin: number; valid: boolean; seconds: number; violations: string[] }

function measure(problem: RoundsProblem, options: RoundsOptions, seed: number): Measured {
  const travel = buildTravel(problem.locations);
  const index = indexLocations(problem.locations);
  const travelMin = (a: string, b: string) => travel.travelMin(index.get(a)!, index.get(b)!);
  const started = performance.now();
  const plan: RoundsPlan = planRounds(problem, { ...options, seed, maxIterations: ROUNDS_ITERATIONS });
  const seconds = Math.round((performance.now() - started) / 10) / 100;
  const { violations } = validateRoundsPlan(problem, plan, { travelMin });
  // Pairs of neighbouring homes whose visits went to different workers.
  const workerOf = new Map(plan.rounds.flatMap((r) => r.stops.map((s) => [s.visitId, r.workerId] as const)));
  let splitNeighbours = 0;
  problem.visits.forEach((a, i) => problem.visits.slice(i + 1).forEach((b) => {
    const near = travelMin(a.locationId, b.locationId) <= NEIGHBOUR_MIN;
    if (near && workerOf.has(a.id) && workerOf.has(b.id) && workerOf.get(a.id) !== workerOf.get(b.id)) splitNeighbours++;
  }));
  const used = plan.rounds.filter((r) => r.stops.length > 0);
  return {
    workers: used.length, travelMin: Math.round(plan.totalTravelMin), distanceKm: Math.round(used.reduce((s, r) => s + r.distanceKm, 0) * 100) / 100,
    unplanned: plan.unplanned.length, splitNeighbours, longestRoundMin: Math.max(0, ...used.map((r) => r.returnMin - r.leaveMin)),
    valid: violations.length === 0, seconds, violations: violations.slice(0, 2).map((v) => v.message),
  };
}

const suite: BenchSuite = {
  name: 'rounds',
  description:
    `The demo pre-visit day (demo centre seed 1, its first 12 and 18 open referrals booked for ${DEMO_PRE_VISIT_DATE}, the support workers on shift that day, 60-minute visits, travel from coordinates) planned by planRounds at ${ROUNDS_ITERATIONS} iterations per seed, before grouping (balanceWeight ${SPREAD.balanceWeight}, workerCost 0: the earlier weights) and after (preVisitRoundsWeights: balanceWeight ${GROUPED.balanceWeight}, workerCost ${GROUPED.workerCost}); known = travel minutes before, value = after, gapPct = the change; split = pairs of homes ≤ ${NEIGHBOUR_MIN} min apart visited by different workers; longest = the longest round, leave to return; valid = validateRoundsPlan accepts both plans.`,
  target: 'Issue 13: group neighbouring visits on one worker where windows allow — fewer workers sent out and less travel on the demo pre-visit day, every visit still planned, both plans accepted by the checker.',
  extraColumns: ['visits', 'workersOnShift', 'seed', 'workersBefore', 'workersAfter', 'travelMinBefore', 'travelMinAfter', 'kmBefore', 'kmAfter', 'splitBefore', 'splitAfter', 'longestBefore', 'longestAfter', 'unplannedBefore', 'unplannedAfter'],
  async run({ filter, log }) {
    const rows: BenchRow[] = [];
    for (const size of [12, 18]) {
      const names = SEEDS.map((seed) => `demo-previsit-${size}-s${seed}`).filter((name) => !filter || filter.test(name));
      if (names.length === 0) continue;
      const problem = await demoDay(size);
      for (const seed of SEEDS) {
        const name = `demo-previsit-${size}-s${seed}`;
        if (!names.includes(name)) continue;
        const before = measure(problem, SPREAD, seed);
        const after = measure(problem, GROUPED, seed);
        rows.push({
          instance: name, known: before.travelMin, value: after.travelMin, gapPct: gapPct(after.travelMin, before.travelMin),
          seconds: Math.round((before.seconds + after.seconds) * 100) / 100, valid: before.valid && after.valid,
          visits: problem.visits.length, workersOnShift: problem.workers.length, seed,
          workersBefore: before.workers, workersAfter: after.workers, travelMinBefore: before.travelMin, travelMinAfter: after.travelMin,
          kmBefore: before.distanceKm, kmAfter: after.distanceKm, splitBefore: before.splitNeighbours, splitAfter: after.splitNeighbours,
          longestBefore: before.longestRoundMin, longestAfter: after.longestRoundMin, unplannedBefore: before.unplanned, unplannedAfter: after.unplanned,
        });
        const bad = [...before.violations, ...after.violations];
        log(`${name}: workers ${before.workers} → ${after.workers}, travel ${before.travelMin} → ${after.travelMin} min, split neighbours ${before.splitNeighbours} → ${after.splitNeighbours}, unplanned ${before.unplanned} → ${after.unplanned}${bad.length ? `, INVALID: ${bad.join('; ')}` : ''}`);
      }
    }
    return rows;
  },
};

export default suite;
