import { buildTravel, indexLocations, locationIndex } from '../routing/build-travel.ts';
import { createRoutingContext } from '../routing/core/routing-context.ts';
import type { RoutingNode, RoutingProblem, RoutingRequest, RoutingVehicle } from '../routing/core/routing-problem.ts';
import { scheduleRoute } from '../routing/core/schedule-route.ts';
import { repairRouting, solveRouting, type RoutingResult } from '../routing/core/solve-routing.ts';
import type { TravelTimes } from '../routing/travel/travel-times.ts';
import { timeCentreStops } from './centre-stop-times.ts';
import {
  DEFAULT_TRANSPORT_RULES,
  type PassengerTimes, type RunKind, type TransportOptions, type TransportPassenger, type TransportPlan,
  type TransportProblem, type TransportRules, type TransportRun, type UnservedPassenger,
} from './transport-problem.ts';

const DAY_END_MIN = 24 * 60;
const UNSERVED_PENALTY = 100_000;
/** A passenger's ride minute costs a fifth of a vehicle minute: shorter rides break ties between equally long routes. */
const RIDE_MINUTE_WEIGHT = 0.2;

/** One run's routing problem and which passenger each request is. */
interface RunModel {
  kind: RunKind;
  routing: RoutingProblem;
  passengerOf: number[];
}

/**
 * Plans the day's patient transport as two dial-a-ride problems on the shared routing
 * core: the morning run (home → centre, arriving by each patient's check-in time) and the
 * afternoon run (centre → home, collected after their last activity within the maximum
 * wait), the afternoon starting where each vehicle's morning ended. Capacity counts seats
 * (passengers and carers) and wheelchair spaces; ride times are capped; wheelchair users
 * take longer to board and alight; nobody sits idle aboard a vehicle at the centre longer than
 * `maxWaitAboardAtCentreMin` unless that is the only way to carry them (`carryEveryone`).
 * Passengers coming by their own means are not routed;
 * anyone who cannot be carried is listed in `unserved` with a reason.
 *
 * @example
 * const plan = planTransport(problem, { maxIterations: 400, seed: 1 });
 * plan.passengers.find((p) => p.patientId === 'P1')?.arrivalMin;
 */
export function planTransport(problem: TransportProblem, options: TransportOptions = {}): TransportPlan {
  const solveOptions = {
    timeLimitMs: options.timeLimitMs !== undefined ? options.timeLimitMs / 2 : undefined,
    maxIterations: options.maxIterations, seed: options.seed, now: options.now, onProgress: options.onProgress,
  };
  return solveRuns(problem, (run) => solveRouting(run.routing, solveOptions));
}

/**
 * The runs of `previous` kept as they are for every passenger not in `touched`, and the touched
 * passengers (and any the previous plan did not serve) fitted into them where they cost least:
 * after an edit moves a few patients, the other patients' runs keep their order and, on a run
 * the edit does not reach, their times. A kept run that no longer fits is emptied and its
 * passengers fitted in again. The result is a plan of `problem` like planTransport's.
 *
 * @example
 * const runs = repairTransport(problem, stored.plan, ['P7']);
 */
export function repairTransport(problem: TransportProblem, previous: TransportPlan, touched: readonly string[]): TransportPlan {
  const moved = new Set(touched);
  return solveRuns(problem, (run) => {
    const requestOf = new Map(run.routing.requests.map((r, i) => [r.id, i]));
    const vehicleIndex = new Map(run.routing.vehicles.map((v, i) => [v.id, i]));
    const keep = new Map<number, number[]>();
    for (const old of previous.runs) {
      const vehicle = vehicleIndex.get(old.vehicleId);
      if (old.kind !== run.kind || vehicle === undefined) continue;
      const seq: number[] = [];
      for (const stop of old.stops) {
        const request = requestOf.get(stop.patientId);
        if (request === undefined || moved.has(stop.patientId)) continue;
        seq.push(run.routing.requests[request]!.nodes[stop.action === 'board' ? 0 : 1]!);
      }
      // Both stops of a request or neither (a passenger whose legs changed is fitted in again).
      const counts = new Map<number, number>();
      for (const node of seq) counts.set(run.routing.nodes[node]!.request, (counts.get(run.routing.nodes[node]!.request) ?? 0) + 1);
      keep.set(vehicle, seq.filter((node) => counts.get(run.routing.nodes[node]!.request) === 2));
    }
    return repairRouting(run.routing, keep, [...moved].flatMap((id) => (requestOf.has(id) ? [requestOf.get(id)!] : [])));
  });
}

/** The morning run, then the afternoon run from where each vehicle's morning ended, solved by `solve`. */
function solveRuns(problem: TransportProblem, solve: (run: RunModel) => RoutingResult): TransportPlan {
  const rules: TransportRules = { ...DEFAULT_TRANSPORT_RULES, ...problem.rules };
  validateTransportProblem(problem, rules);
  const index = indexLocations(problem.locations);
  const travel = buildTravel(problem.locations, problem.travel);
  const centre = locationIndex(index, problem.centreLocationId, 'centreLocationId');
  const depots = problem.vehicles.map((v, i) => locationIndex(index, v.depotLocationId, `vehicles[${i}].depotLocationId`));
  const homes = problem.passengers.map((p, i) => locationIndex(index, p.homeLocationId, `passengers[${i}].homeLocationId`));

  const morning = buildRun('morning', problem, rules, travel, centre, depots, homes, problem.vehicles.map((v) => v.shift.startMin));
  const morningResult = timeCentreStops('morning', morning.routing, carryEveryone(morning.routing, solve(morning)), travel, centre);
  // The afternoon starts at the centre, no earlier than the vehicle's morning run ends there.
  const freeFrom = problem.vehicles.map((v) => v.shift.startMin);
  for (const route of morningResult.routes) freeFrom[route.vehicle] = Math.max(freeFrom[route.vehicle]!, route.startMin[route.startMin.length - 1]!);
  const arrivedMin = new Map(passengerTimes(problem, [[morning, morningResult]]).flatMap((t) => (t.arrivalMin === undefined ? [] : [[t.patientId, t.arrivalMin] as const])));
  const afternoon = buildRun('afternoon', problem, rules, travel, centre, depots, homes, freeFrom, arrivedMin);
  const afternoonResult = timeCentreStops('afternoon', afternoon.routing, carryEveryone(afternoon.routing, solve(afternoon)), travel, centre);

  const runs = [...toRuns(problem, morning, morningResult, travel), ...toRuns(problem, afternoon, afternoonResult, travel)];
  const unserved = [
    ...morningResult.unassigned.map((r) => explainUnserved(problem, morning, r)),
    ...afternoonResult.unassigned.map((r) => explainUnserved(problem, afternoon, r)),
  ];
  return {
    date: problem.date,
    runs,
    passengers: passengerTimes(problem, [[morning, morningResult], [afternoon, afternoonResult]]),
    unserved,
    ownMeans: problem.passengers.filter((p) => p.ownMeans).map((p) => p.patientId),
    totalTravelMin: runs.reduce((sum, r) => sum + r.travelMin, 0),
    totalDistanceKm: Math.round(runs.reduce((sum, r) => sum + r.distanceKm, 0) * 100) / 100,
    rules,
  };
}

/**
 * The wait-aboard limit yields to carrying everyone: passengers no run could carry within it are
 * fitted into the runs found with their own limits lifted, then, if some are still left out, with
 * everyone's (the runs keep their stops; only the newcomers are inserted, no search). Whatever
 * carries more passengers is kept.
 */
function carryEveryone(routing: RoutingProblem, result: RoutingResult): RoutingResult {
  let best = result;
  for (const liftAll of [false, true]) {
    if (best.unassigned.length === 0) break;
    const lifted = new Set(best.unassigned);
    const relaxed = { ...routing, nodes: routing.nodes.map(({ maxWaitAboardMin, ...node }) => (liftAll || lifted.has(node.request) || maxWaitAboardMin === undefined ? node : { ...node, maxWaitAboardMin })) };
    const repaired = repairRouting(relaxed, new Map(best.routes.map((r) => [r.vehicle, r.nodes])), best.unassigned);
    if (repaired.unassigned.length < best.unassigned.length) best = { ...repaired, stats: result.stats };
  }
  return best;
}

function needsLeg(p: TransportPassenger, kind: RunKind): boolean {
  return !p.ownMeans && (p.legs ?? 'both') !== (kind === 'morning' ? 'afternoon' : 'morning');
}

/** Seats and wheelchair spaces a passenger takes: [seats, wheelchairSpaces]. */
export function passengerLoad(p: TransportPassenger): [number, number] {
  const carer = p.carer ? 1 : 0;
  return p.mobility === 'wheelchair' ? [carer, 1] : [1 + carer, 0];
}

/**
 * The latest the passenger may finish alighting at the centre, and the earliest. Where their
 * maximum time on site leaves less slack than an early arrival and a late collection would take
 * together, the morning gets its share of the slack (the afternoon, capped by the arrival, the rest).
 */
export function arrivalWindow(p: TransportPassenger, rules: TransportRules): { startMin: number; endMin: number } {
  const endMin = p.arriveWindow ? p.arriveWindow.endMin : p.firstActivityStartMin! - rules.checkInBufferMin;
  const startMin = p.arriveWindow ? p.arriveWindow.startMin : endMin - rules.maxEarlyArrivalMin;
  const afternoon = needsLeg(p, 'afternoon');
  const leaveMin = afternoon ? collectionWindow(p, rules).startMin : p.lastActivityEndMin;
  if (p.maxOnSiteMin === undefined || leaveMin === undefined) return { startMin, endMin };
  const slackMin = p.maxOnSiteMin - (leaveMin - endMin);
  const earlyMin = endMin - startMin;
  const waitMin = afternoon ? rules.maxWaitMin : 0;
  if (earlyMin + waitMin <= slackMin) return { startMin, endMin };
  const share = earlyMin + waitMin === 0 ? 0 : Math.floor((Math.max(0, slackMin) * earlyMin) / (earlyMin + waitMin));
  return { startMin: endMin - share, endMin };
}

/**
 * The latest the passenger may be collected: within the maximum wait, and no later than their
 * maximum time on site after they arrived (by the morning run, or for check-in if not carried).
 */
function latestCollectionMin(p: TransportPassenger, rules: TransportRules, arrivedMin: number | undefined): number {
  const { endMin } = collectionWindow(p, rules);
  const arrived = arrivedMin ?? (p.firstActivityStartMin === undefined ? undefined : p.firstActivityStartMin - rules.checkInBufferMin);
  return p.maxOnSiteMin === undefined || arrived === undefined ? endMin : Math.min(endMin, arrived + p.maxOnSiteMin);
}

/** Collection from the centre: from the last activity's end + buffer, within the maximum wait. */
export function collectionWindow(p: TransportPassenger, rules: TransportRules): { startMin: number; endMin: number } {
  const startMin = p.earliestCollectionMin ?? p.lastActivityEndMin! + rules.collectionBufferMin;
  return { startMin, endMin: startMin + rules.maxWaitMin };
}

function buildRun(
  kind: RunKind, problem: TransportProblem, rules: TransportRules, travel: TravelTimes,
  centre: number, depots: number[], homes: number[], vehicleFreeFrom: number[], arrivedMin: ReadonlyMap<string, number> = new Map(),
): RunModel {
  const nodes: RoutingNode[] = [];
  const requests: RoutingRequest[] = [];
  const passengerOf: number[] = [];
  problem.passengers.forEach((p, i) => {
    if (!needsLeg(p, kind)) return;
    const r = requests.length;
    const load = passengerLoad(p);
    const wheelchair = p.mobility === 'wheelchair';
    const boardMin = wheelchair ? rules.wheelchairBoardingMin : rules.boardingMin;
    const alightMin = wheelchair ? rules.wheelchairAlightingMin : rules.alightingMin;
    if (kind === 'morning') {
      const arrive = arrivalWindow(p, rules);
      // The drop-off node's time is the start of alighting; the patient is at the door when it ends.
      const latestPickupMin = Math.min(p.latestPickupMin ?? DAY_END_MIN, arrive.endMin);
      const earliestAlightMin = arrive.startMin - alightMin;
      // A latest pick-up that gets them there before their window opens forces that wait, even alone.
      const forcedWaitMin = Math.max(0, earliestAlightMin - (latestPickupMin + boardMin + travel.travelMin(homes[i]!, centre)));
      nodes.push({ loc: homes[i]!, serviceMin: boardMin, earliestMin: p.earliestPickupMin ?? 0, latestMin: latestPickupMin, load, request: r });
      nodes.push({ loc: centre, serviceMin: alightMin, earliestMin: earliestAlightMin, latestMin: arrive.endMin - alightMin, load: [-load[0], -load[1]], request: r, maxWaitAboardMin: rules.maxWaitAboardAtCentreMin + forcedWaitMin });
    } else {
      const collect = collectionWindow(p, rules);
      nodes.push({ loc: centre, serviceMin: boardMin, earliestMin: collect.startMin, latestMin: latestCollectionMin(p, rules, arrivedMin.get(p.patientId)), load, request: r, maxWaitAboardMin: rules.maxWaitAboardAtCentreMin });
      nodes.push({ loc: homes[i]!, serviceMin: alightMin, earliestMin: collect.startMin, latestMin: (p.latestHomeMin ?? DAY_END_MIN) - alightMin, load: [-load[0], -load[1]], request: r });
    }
    requests.push({ id: p.patientId, nodes: [nodes.length - 2, nodes.length - 1], maxRideMin: p.maxRideMin ?? rules.maxRideMin, unassignedPenalty: UNSERVED_PENALTY });
    passengerOf.push(i);
  });
  const vehicles: RoutingVehicle[] = problem.vehicles.map((v, i) => ({
    id: v.id,
    startLoc: kind === 'morning' ? depots[i]! : centre,
    endLoc: kind === 'morning' ? centre : depots[i]!,
    earliestStartMin: kind === 'morning' ? v.shift.startMin : vehicleFreeFrom[i]!,
    latestEndMin: v.shift.endMin,
    capacity: [v.seats, v.wheelchairSpaces],
  }));
  return { kind, passengerOf, routing: { travel, nodes, requests, vehicles, rideTimeWeight: RIDE_MINUTE_WEIGHT, reportSchedule: kind === 'morning' ? 'latest' : 'earliest' } };
}

function toRuns(problem: TransportProblem, run: RunModel, result: RoutingResult, travel: TravelTimes): TransportRun[] {
  const { routing } = run;
  return result.routes.map((route) => {
    const v = routing.vehicles[route.vehicle]!;
    let prev = v.startLoc;
    let travelMin = 0;
    let distanceKm = 0;
    const stops = route.nodes.map((node, k) => {
      const n = routing.nodes[node]!;
      travelMin += travel.travelMin(prev, n.loc);
      distanceKm += travel.distanceKm(prev, n.loc);
      prev = n.loc;
      const passenger = problem.passengers[run.passengerOf[n.request]!]!;
      const isPickUp = routing.requests[n.request]!.nodes[0] === node;
      const startMin = route.startMin[k + 1]!;
      return {
        patientId: passenger.patientId,
        action: isPickUp ? ('board' as const) : ('alight' as const),
        locationId: problem.locations[n.loc]!.id,
        startMin,
        endMin: startMin + n.serviceMin,
      };
    });
    travelMin += travel.travelMin(prev, v.endLoc);
    distanceKm += travel.distanceKm(prev, v.endLoc);
    return {
      vehicleId: v.id,
      kind: run.kind,
      leaveMin: route.startMin[0]!,
      finishMin: route.startMin[route.startMin.length - 1]!,
      stops,
      travelMin,
      distanceKm: Math.round(distanceKm * 100) / 100,
    };
  });
}

function passengerTimes(problem: TransportProblem, solved: Array<[RunModel, RoutingResult]>): PassengerTimes[] {
  const out = new Map<string, PassengerTimes>();
  for (const p of problem.passengers) if (!p.ownMeans) out.set(p.patientId, { patientId: p.patientId });
  for (const [run, result] of solved) {
    for (const route of result.routes) {
      const vehicleId = run.routing.vehicles[route.vehicle]!.id;
      const startOf = new Map<number, number>();
      route.nodes.forEach((node, k) => startOf.set(node, route.startMin[k + 1]!));
      for (const node of route.nodes) {
        const n = run.routing.nodes[node]!;
        const req = run.routing.requests[n.request]!;
        if (req.nodes[0] !== node) continue;
        const pickUp = run.routing.nodes[req.nodes[0]]!;
        const dropOff = run.routing.nodes[req.nodes[1]!]!;
        const pickStart = startOf.get(req.nodes[0])!;
        const dropStart = startOf.get(req.nodes[1]!)!;
        const times = out.get(req.id)!;
        const rideMin = dropStart - (pickStart + pickUp.serviceMin);
        if (run.kind === 'morning') {
          times.morning = { vehicleId, pickupMin: pickStart, rideMin };
          times.arrivalMin = dropStart + dropOff.serviceMin;
        } else {
          times.afternoon = { vehicleId, homeMin: dropStart + dropOff.serviceMin, rideMin };
          times.departureMin = pickStart;
        }
      }
    }
  }
  return [...out.values()];
}

/** Why a passenger could not be carried on a run: the first of these that holds. */
function explainUnserved(problem: TransportProblem, run: RunModel, request: number): UnservedPassenger {
  const { routing } = run;
  const p = problem.passengers[run.passengerOf[request]!]!;
  const base = { patientId: p.patientId, kind: run.kind };
  const [pickUp, dropOff] = routing.requests[request]!.nodes as [number, number];
  const pn = routing.nodes[pickUp]!;
  const dn = routing.nodes[dropOff]!;
  const fits = routing.vehicles.map((v, i) => i).filter((i) => {
    const cap = routing.vehicles[i]!.capacity;
    return pn.load.every((x, d) => x <= (cap[d] ?? 0));
  });
  if (fits.length === 0) {
    const need = p.mobility === 'wheelchair' ? 'a wheelchair space' : `${pn.load[0]} seats`;
    return { ...base, reason: 'no-suitable-vehicle', message: `No vehicle has ${need}${p.carer ? ' (with the carer)' : ''} for ${p.patientId}.` };
  }
  const direct = routing.travel.travelMin(pn.loc, dn.loc);
  const maxRide = routing.requests[request]!.maxRideMin ?? Infinity;
  if (direct > maxRide) {
    return { ...base, reason: 'ride-too-long', message: `The direct trip for ${p.patientId} takes ${direct} min, over the ${maxRide}-minute ride limit.` };
  }
  if (Math.max(pn.earliestMin + pn.serviceMin + direct, dn.earliestMin) > dn.latestMin || pn.earliestMin > pn.latestMin) {
    return { ...base, reason: 'window-too-tight', message: `Even a direct trip cannot get ${p.patientId} there in time (${run.kind}): the pick-up window and the ${run.kind === 'morning' ? 'arrival' : 'home-by'} time leave no room.` };
  }
  const ctx = createRoutingContext({ ...routing, requests: routing.requests }, 0);
  const alone = fits.some((v) => scheduleRoute(ctx, v, [pickUp, dropOff]) !== null);
  if (!alone) {
    return { ...base, reason: 'outside-every-shift', message: `No suitable vehicle's shift (and start point) lets it carry ${p.patientId} in the ${run.kind} window.` };
  }
  return { ...base, reason: 'no-capacity', message: `Every suitable vehicle is full or committed when ${p.patientId} needs carrying (${run.kind}).` };
}

/** Input errors name the field. */
export function validateTransportProblem(problem: TransportProblem, rules: TransportRules): void {
  for (const [key, value] of Object.entries(rules)) {
    if (!(Number.isFinite(value) && value >= 0)) throw new RangeError(`rules.${key} must be a number ≥ 0, got ${value}`);
  }
  problem.vehicles.forEach((v, i) => {
    if (!(Number.isInteger(v.seats) && v.seats >= 0)) throw new RangeError(`vehicles[${i}].seats must be a whole number ≥ 0`);
    if (!(Number.isInteger(v.wheelchairSpaces) && v.wheelchairSpaces >= 0)) throw new RangeError(`vehicles[${i}].wheelchairSpaces must be a whole number ≥ 0`);
    if (!(v.shift && v.shift.endMin > v.shift.startMin)) throw new RangeError(`vehicles[${i}].shift must have startMin < endMin`);
  });
  const ids = new Set<string>();
  problem.passengers.forEach((p, i) => {
    if (ids.has(p.patientId)) throw new RangeError(`passengers[${i}].patientId '${p.patientId}' appears twice`);
    ids.add(p.patientId);
    if (!['independent', 'walking-aid', 'wheelchair'].includes(p.mobility)) throw new RangeError(`passengers[${i}].mobility must be independent, walking-aid or wheelchair`);
    if (needsLeg(p, 'morning') && p.arriveWindow === undefined && !Number.isFinite(p.firstActivityStartMin)) {
      throw new RangeError(`passengers[${i}] (${p.patientId}) needs firstActivityStartMin or arriveWindow for the morning run`);
    }
    if (needsLeg(p, 'afternoon') && !Number.isFinite(p.earliestCollectionMin) && !Number.isFinite(p.lastActivityEndMin)) {
      throw new RangeError(`passengers[${i}] (${p.patientId}) needs lastActivityEndMin or earliestCollectionMin for the afternoon run`);
    }
    if (p.maxRideMin !== undefined && !(p.maxRideMin > 0)) throw new RangeError(`passengers[${i}].maxRideMin must be > 0`);
    if (p.maxOnSiteMin !== undefined && !(p.maxOnSiteMin > 0)) throw new RangeError(`passengers[${i}].maxOnSiteMin must be > 0`);
  });
}
