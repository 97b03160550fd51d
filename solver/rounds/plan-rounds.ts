import { buildTravel, indexLocations, locationIndex } from '../routing/build-travel.ts';
import type { RoutingProblem } from '../routing/core/routing-problem.ts';
import { solveRouting } from '../routing/core/solve-routing.ts';
import type { TravelTimes } from '../routing/travel/travel-times.ts';
import type { HomeVisit, Round, RoundsOptions, RoundsPlan, RoundsProblem, RoundWorker, UnplannedVisit } from './rounds-problem.ts';
import { formatMinutes } from '../model/format-minutes.ts';

const UNPLANNED_PENALTY = 100_000;

/**
 * Plans the home-visit rounds of one date (a VRPTW): each visit gets a worker and a time
 * inside its window and the worker's shift, rounds start and end at the worker's base;
 * minimises travel, then evens out the rounds' lengths. A visit that cannot be placed is
 * listed in `unplanned` with a reason — never dropped silently.
 *
 * @example
 * const plan = planRounds(problem, { maxIterations: 300, seed: 1 });
 * plan.rounds[0].stops.map((s) => s.visitId);
 */
export function planRounds(problem: RoundsProblem, options: RoundsOptions = {}): RoundsPlan {
  validateRoundsProblem(problem);
  const index = indexLocations(problem.locations);
  const travel = buildTravel(problem.locations, problem.travel);
  const routing = toRoutingProblem(problem, index, travel, options.balanceWeight ?? 0.2, options.workerCost ?? 0);
  const result = solveRouting(routing, {
    timeLimitMs: options.timeLimitMs, maxIterations: options.maxIterations, seed: options.seed, now: options.now, onProgress: options.onProgress,
  });
  const rounds: Round[] = result.routes.map((route) => {
    const worker = problem.workers[route.vehicle]!;
    const startLoc = routing.vehicles[route.vehicle]!.startLoc;
    let prevLoc = startLoc;
    let travelMin = 0;
    let distanceKm = 0;
    // Leave as late as the first visit allows (the earliest schedule's departure may wait at
    // the door); arrivals are then counted from that departure so they never precede it.
    const firstNode = route.nodes[0];
    const leaveMin = firstNode === undefined
      ? route.startMin[0]!
      : Math.max(route.startMin[0]!, route.startMin[1]! - travel.travelMin(startLoc, routing.nodes[firstNode]!.loc));
    let clock = leaveMin;
    const stops = route.nodes.map((node, k) => {
      const visit = problem.visits[node]!;
      const loc = routing.nodes[node]!.loc;
      const leg = travel.travelMin(prevLoc, loc);
      travelMin += leg;
      distanceKm += travel.distanceKm(prevLoc, loc);
      const arriveMin = clock + leg;
      const startMin = route.startMin[k + 1]!;
      clock = startMin + visit.durationMin;
      prevLoc = loc;
      return { visitId: visit.id, patientId: visit.patientId, locationId: visit.locationId, arriveMin, startMin, endMin: clock, travelMinFromPrevious: leg };
    });
    const endLoc = routing.vehicles[route.vehicle]!.endLoc;
    travelMin += travel.travelMin(prevLoc, endLoc);
    distanceKm += travel.distanceKm(prevLoc, endLoc);
    return {
      workerId: worker.id,
      leaveMin,
      returnMin: route.startMin[route.startMin.length - 1]!,
      stops,
      travelMin,
      distanceKm: Math.round(distanceKm * 100) / 100,
      visitMin: stops.reduce((sum, s) => sum + (s.endMin - s.startMin), 0),
    };
  });
  const unplanned = result.unassigned.map((r) => explainUnplanned(problem, problem.visits[r]!, index, travel));
  return {
    date: problem.date,
    rounds,
    unplanned,
    totalTravelMin: rounds.reduce((sum, r) => sum + r.travelMin, 0),
    stats: { iterations: result.stats.iterations, elapsedMs: result.stats.elapsedMs, timedOut: result.stats.timedOut, seed: result.stats.seed },
  };
}

function toRoutingProblem(problem: RoundsProblem, index: Map<string, number>, travel: TravelTimes, balanceWeight: number, workerCost: number): RoutingProblem {
  return {
    travel,
    balanceWeight,
    nodes: problem.visits.map((visit, r) => ({
      loc: locationIndex(index, visit.locationId, `visits[${r}].locationId`),
      serviceMin: visit.durationMin,
      earliestMin: visit.window.startMin,
      latestMin: visit.window.endMin - visit.durationMin,
      load: [],
      request: r,
    })),
    requests: problem.visits.map((visit, r) => ({
      id: visit.id,
      nodes: [r] as [number],
      unassignedPenalty: UNPLANNED_PENALTY * (visit.priority ?? 1),
      allowedVehicles: visit.requiredSkill ? qualifiedWorkers(problem.workers, visit) : undefined,
    })),
    vehicles: problem.workers.map((worker, w) => ({
      id: worker.id,
      startLoc: locationIndex(index, worker.baseLocationId, `workers[${w}].baseLocationId`),
      endLoc: locationIndex(index, worker.endLocationId ?? worker.baseLocationId, `workers[${w}].endLocationId`),
      earliestStartMin: worker.shift.startMin,
      latestEndMin: worker.shift.endMin,
      capacity: [],
      ...(workerCost > 0 ? { fixedCost: workerCost } : {}),
    })),
  };
}

function qualifiedWorkers(workers: RoundWorker[], visit: HomeVisit): number[] {
  const out: number[] = [];
  workers.forEach((w, i) => { if (!visit.requiredSkill || w.skills?.includes(visit.requiredSkill)) out.push(i); });
  return out;
}

/** Why a visit is not in any round: the first of these that holds. */
function explainUnplanned(problem: RoundsProblem, visit: HomeVisit, index: Map<string, number>, travel: TravelTimes): UnplannedVisit {
  const base = { visitId: visit.id, patientId: visit.patientId };
  const workers = qualifiedWorkers(problem.workers, visit).map((w) => problem.workers[w]!);
  if (workers.length === 0) {
    return { ...base, reason: 'no-qualified-worker', message: `No worker has the skill '${visit.requiredSkill}' that visit ${visit.id} needs.` };
  }
  const overlapping = workers.filter((w) => Math.min(w.shift.endMin, visit.window.endMin) - Math.max(w.shift.startMin, visit.window.startMin) >= visit.durationMin);
  if (overlapping.length === 0) {
    return { ...base, reason: 'outside-every-shift', message: `Visit ${visit.id} (${hhmm(visit.window.startMin)}–${hhmm(visit.window.endMin)}, ${visit.durationMin} min) does not fit inside any qualified worker's shift.` };
  }
  const home = index.get(visit.locationId)!;
  const reachable = overlapping.some((w) => {
    const from = index.get(w.baseLocationId)!;
    const to = index.get(w.endLocationId ?? w.baseLocationId)!;
    const start = Math.max(visit.window.startMin, w.shift.startMin + travel.travelMin(from, home));
    const end = start + visit.durationMin;
    return end <= visit.window.endMin && end + travel.travelMin(home, to) <= w.shift.endMin;
  });
  if (!reachable) {
    return { ...base, reason: 'window-too-tight', message: `Visit ${visit.id}: with travel from and back to the base, no qualified worker can make the ${visit.durationMin}-minute visit inside ${hhmm(visit.window.startMin)}–${hhmm(visit.window.endMin)} and their shift.` };
  }
  return { ...base, reason: 'no-capacity', message: `Visit ${visit.id}: qualified workers' rounds are full in ${hhmm(visit.window.startMin)}–${hhmm(visit.window.endMin)}.` };
}

function hhmm(min: number): string {
  return formatMinutes(min);
}

/** Input errors name the field. */
export function validateRoundsProblem(problem: RoundsProblem): void {
  if (!Array.isArray(problem.workers)) throw new RangeError('workers must be an array');
  if (!Array.isArray(problem.visits)) throw new RangeError('visits must be an array');
  const ids = new Set<string>();
  problem.visits.forEach((v, i) => {
    if (ids.has(v.id)) throw new RangeError(`visits[${i}].id '${v.id}' is used twice`);
    ids.add(v.id);
    if (!(Number.isFinite(v.durationMin) && v.durationMin > 0)) throw new RangeError(`visits[${i}].durationMin must be a positive number of minutes, got ${v.durationMin}`);
    if (!(v.window && Number.isFinite(v.window.startMin) && Number.isFinite(v.window.endMin))) throw new RangeError(`visits[${i}].window needs startMin and endMin`);
    if (v.window.endMin - v.window.startMin < v.durationMin) {
      throw new RangeError(`visits[${i}].window ${hhmm(v.window.startMin)}–${hhmm(v.window.endMin)} is shorter than the ${v.durationMin}-minute visit`);
    }
    if (v.priority !== undefined && !(v.priority >= 1)) throw new RangeError(`visits[${i}].priority must be ≥ 1`);
  });
  problem.workers.forEach((w, i) => {
    if (!(w.shift && Number.isFinite(w.shift.startMin) && Number.isFinite(w.shift.endMin) && w.shift.endMin > w.shift.startMin)) {
      throw new RangeError(`workers[${i}].shift must have startMin < endMin`);
    }
  });
}
