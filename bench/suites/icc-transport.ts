/**
 * Demo ICC days with patient transport (fixed seeds), planned as a whole by planWholeDay:
 * the patients' total ride time, their waiting at the centre and the vehicles' kilometres.
 *
 *   npm run bench -- icc-transport [--time-limit s] [--filter regex]
 */
import { performance } from 'node:perf_hooks';
import type { BenchRow, BenchSuite } from '../lib/types.ts';
import { demoDayProblem } from '../../src/demo/demo-day-problem.ts';
import { demoTransportProblem } from '../../src/demo/demo-transport-problem.ts';
import { planWholeDay, type WholeDayResult } from '../../solver/plan-whole-day.ts';
import { buildTravel, indexLocations } from '../../solver/routing/build-travel.ts';
import { validatePlan } from '../../solver/validate/validate-plan.ts';
import { validateTransportPlan } from '../../solver/validate/validate-transport-plan.ts';

/** Day sizes and seeds, with a whole-call time limit each (short: the machine is shared). */
export const ICC_TRANSPORT_DAYS = [
  { patients: 8, seed: 1, timeLimitSec: 6 },
  { patients: 8, seed: 2, timeLimitSec: 6 },
  { patients: 16, seed: 1, timeLimitSec: 10 },
  { patients: 16, seed: 2, timeLimitSec: 10 },
];
export const ICC_TRANSPORT_DATE = '2026-12-01';

const suite: BenchSuite = {
  name: 'icc-transport',
  description:
    'Demo ICC days of 8 and 16 patients (seeds 1 and 2, 2026-12-01) with the demo fleet (two 8-seat minibuses with 2 wheelchair spaces, a 3-seat accessible car), planned by planWholeDay; value = total ride minutes of all passengers (no known optimum); rideMin = the longest single ride; aboardAtCentreMin = the longest any passenger sits aboard a vehicle standing at the centre; idleAboardAtCentreMin = the same less the minutes the others alight or board there (what the 15-min rule maxWaitAboardAtCentreMin bounds); waitAtCentreMin = minutes transported patients spend at the centre before their first and after their last activity; vehicleKm = all runs; valid = validatePlan and validateTransportPlan (with the itineraries) both accept.',
  target: 'Itineraries and transport the checkers accept, no passenger over the 60-minute ride limit, every transported patient carried (unserved 0, consistent).',
  extraColumns: ['patients', 'rideMin', 'aboardAtCentreMin', 'idleAboardAtCentreMin', 'waitAtCentreMin', 'vehicleKm', 'unserved', 'consistent', 'rounds'],
  async run({ timeLimitSec, filter, log }) {
    const rows: BenchRow[] = [];
    for (const day of ICC_TRANSPORT_DAYS) {
      const name = `icc-transport-${day.patients}-s${day.seed}`;
      if (filter && !filter.test(name)) continue;
      const options = { seed: day.seed, date: ICC_TRANSPORT_DATE, patients: day.patients };
      const problem = { day: demoDayProblem(options), transport: demoTransportProblem(options) };
      const started = performance.now();
      const result = planWholeDay(problem, { seed: day.seed, timeLimitMs: (timeLimitSec ?? day.timeLimitSec) * 1000, now: () => performance.now() });
      const seconds = Math.round((performance.now() - started) / 10) / 100;
      const violations = check(result);
      const m = measure(result);
      rows.push({
        instance: name,
        known: null,
        value: m.totalRideMin,
        gapPct: null,
        seconds,
        valid: violations.length === 0,
        patients: day.patients,
        rideMin: m.longestRideMin,
        aboardAtCentreMin: longestAboardAtCentreMin(result),
        idleAboardAtCentreMin: longestIdleAboardAtCentreMin(result),
        waitAtCentreMin: m.waitAtCentreMin,
        vehicleKm: result.transportPlan.totalDistanceKm,
        unserved: result.transportPlan.unserved.length,
        consistent: result.consistent,
        rounds: result.iterations,
      });
      log(`${name}: ride ${m.totalRideMin} min (longest ${m.longestRideMin}), longest aboard at the centre ${longestAboardAtCentreMin(result)} min (idle ${longestIdleAboardAtCentreMin(result)}), wait at centre ${m.waitAtCentreMin} min, ${result.transportPlan.totalDistanceKm} km, unserved ${result.transportPlan.unserved.length}, ${result.consistent ? 'consistent' : 'NOT consistent'} after ${result.iterations} round(s), ${seconds} s, ${violations.length === 0 ? 'valid' : `INVALID: ${violations.slice(0, 2).join('; ')}`}`);
    }
    return rows;
  },
};

/** Both independent checkers; the transport one against the itineraries. */
export function check(result: WholeDayResult): string[] {
  const { transportProblem } = result;
  const travel = buildTravel(transportProblem.locations, transportProblem.travel);
  const index = indexLocations(transportProblem.locations);
  const travelMin = (a: string, b: string) => travel.travelMin(index.get(a)!, index.get(b)!);
  return [
    ...validatePlan(result.dayProblem, result.dayPlan).violations.map((v) => v.message),
    ...validateTransportPlan(transportProblem, result.transportPlan, { travelMin, day: { problem: result.dayProblem, plan: result.dayPlan } }).violations.map((v) => v.message),
  ];
}

/**
 * The longest any passenger sits aboard a vehicle standing at the centre: in the morning from the
 * first alighting of a visit there to their own, in the afternoon from the end of their boarding
 * to the end of the visit's last boarding (when the vehicle leaves).
 */
export function longestAboardAtCentreMin(result: WholeDayResult): number {
  let longest = 0;
  for (const run of result.transportPlan.runs) {
    // Each visit to the centre: a block of consecutive stops there.
    const visits: Array<typeof run.stops> = [];
    run.stops.forEach((s, k) => {
      if (s.locationId !== result.transportProblem.centreLocationId) return;
      if (k > 0 && run.stops[k - 1]!.locationId === s.locationId) visits.at(-1)!.push(s);
      else visits.push([s]);
    });
    for (const visit of visits) {
      const [first, last] = [visit[0]!, visit.at(-1)!];
      for (const s of visit) longest = Math.max(longest, run.kind === 'morning' ? s.startMin - first.startMin : last.endMin - s.endMin);
    }
  }
  return longest;
}

/**
 * The longest any passenger sits idle aboard a vehicle standing at the centre: in the morning from
 * the vehicle's arrival to their alighting, in the afternoon from their boarding to the vehicle
 * driving off (reaching the next stop less the drive), less the minutes the others alight or board
 * there in between.
 */
export function longestIdleAboardAtCentreMin(result: WholeDayResult): number {
  const { transportProblem: problem } = result;
  const travel = buildTravel(problem.locations, problem.travel);
  const index = indexLocations(problem.locations);
  const drive = (a: string, b: string) => travel.travelMin(index.get(a)!, index.get(b)!);
  let longest = 0;
  for (const run of result.transportPlan.runs) {
    const depot = problem.vehicles.find((v) => v.id === run.vehicleId)!.depotLocationId;
    const { stops } = run;
    stops.forEach((stop, k) => {
      if (stop.locationId !== problem.centreLocationId) return;
      let others = 0;
      if (stop.action === 'alight') {
        let a = k - 1;
        for (; a >= 0 && stops[a]!.locationId === stop.locationId; a--) others += stops[a]!.endMin - stops[a]!.startMin;
        const arrivedMin = a >= 0 ? stops[a]!.endMin + drive(stops[a]!.locationId, stop.locationId) : run.leaveMin + drive(depot, stop.locationId);
        longest = Math.max(longest, stop.startMin - arrivedMin - others);
      } else {
        let b = k + 1;
        for (; b < stops.length && stops[b]!.locationId === stop.locationId; b++) others += stops[b]!.endMin - stops[b]!.startMin;
        const leftMin = b < stops.length ? stops[b]!.startMin - drive(stop.locationId, stops[b]!.locationId) : run.finishMin - drive(stop.locationId, depot);
        longest = Math.max(longest, leftMin - stop.endMin - others);
      }
    });
  }
  return longest;
}

/** Ride and waiting minutes, rounded to 0.1. */
export function measure(result: WholeDayResult): { totalRideMin: number; longestRideMin: number; waitAtCentreMin: number } {
  let totalRideMin = 0;
  let longestRideMin = 0;
  let waitAtCentreMin = 0;
  for (const p of result.transportPlan.passengers) {
    for (const leg of [p.morning, p.afternoon]) {
      if (!leg) continue;
      totalRideMin += leg.rideMin;
      longestRideMin = Math.max(longestRideMin, leg.rideMin);
    }
    const mine = result.dayPlan.activities.filter((a) => a.patientId === p.patientId);
    if (mine.length === 0) continue;
    if (p.arrivalMin !== undefined) waitAtCentreMin += Math.min(...mine.map((a) => a.startMin)) - p.arrivalMin;
    if (p.departureMin !== undefined) waitAtCentreMin += p.departureMin - Math.max(...mine.map((a) => a.endMin));
  }
  const round1 = (x: number) => Math.round(x * 10) / 10;
  return { totalRideMin: round1(totalRideMin), longestRideMin: round1(longestRideMin), waitAtCentreMin: round1(waitAtCentreMin) };
}

export default suite;
