/**
 * Independent checker for a day's patient transport (SPEC §3D; issue 4 item 3): it re-verifies
 * the runs from the transport problem, the travel times the caller supplies, and — when given —
 * the day plan the transport must agree with. It uses only the transport types, no planner code.
 */
import type { DayPlan } from '../model/day-plan.ts';
import type { DayProblem } from '../model/day-problem.ts';
import type { Violation } from '../model/violation.ts';
import type {
  RunKind,
  RunStop,
  TransportPassenger,
  TransportPlan,
  TransportProblem,
  TransportRules,
  TransportRun,
  TransportVehicle,
} from '../transport/transport-problem.ts';
import { clockText } from './clock-text.ts';
import { hardViolation } from './hard-violation.ts';

export interface TransportCheckOptions {
  /** Travel minutes between two location ids (the same provider the planner was given). */
  travelMin: (fromLocationId: string, toLocationId: string) => number;
  /** The day the transport serves: arrivals and collections are checked against its itineraries. */
  day?: { problem: DayProblem; plan: DayPlan };
  /** Slack for fractional travel times (default 1e-6 min). */
  epsilon?: number;
}

export interface TransportValidation {
  valid: boolean;
  violations: Violation[];
}

/** A passenger's own trip on one run: where they board and alight. */
interface Trip {
  run: TransportRun;
  runIndex: number;
  board?: RunStop;
  alight?: RunStop;
  boardPosition: number;
  alightPosition: number;
}

/**
 * Verifies a transport plan: every passenger who needs a leg is carried once or reported
 * unserved (own-means passengers are not routed); each run boards before it alights, at the
 * right places, with the right boarding/alighting times; seats and wheelchair spaces suffice
 * after every stop; the reported times leave room for travel; drivers' shifts hold and a
 * vehicle's runs do not overlap; pick-up, arrival, collection and home-by windows hold; no ride
 * exceeds the maximum; reported passenger times match the runs; and, with `day`, each arrival
 * leaves the check-in buffer before the first activity and each collection follows the last.
 */
export function validateTransportPlan(problem: TransportProblem, plan: TransportPlan, options: TransportCheckOptions): TransportValidation {
  const eps = options.epsilon ?? 1e-6;
  const violations: Violation[] = [];
  const add = (constraint: string, message: string, justification: Record<string, string | number | boolean | undefined>) =>
    violations.push(hardViolation(constraint, message, justification));
  const rules = effectiveRules(problem, plan, add);
  const vehicleById = new Map(problem.vehicles.map((v) => [v.id, v]));
  const passengerById = new Map(problem.passengers.map((p) => [p.patientId, p]));

  plan.runs.forEach((run, runIndex) => {
    const vehicle = vehicleById.get(run.vehicleId);
    if (!vehicle) {
      add('transportKnownReferences', `Run ${runIndex + 1} uses unknown vehicle '${run.vehicleId}'.`, { runIndex, vehicleId: run.vehicleId });
      return;
    }
    for (const stop of run.stops) {
      if (!passengerById.has(stop.patientId)) add('transportKnownReferences', `Run ${runIndex + 1} carries unknown passenger '${stop.patientId}'.`, { runIndex, patientId: stop.patientId });
    }
    checkStopDurations(run, runIndex, passengerById, rules, add);
    checkCapacity(run, runIndex, vehicle, passengerById, add);
    checkTravel(problem, run, runIndex, vehicle, options.travelMin, eps, add);
    if (run.leaveMin < vehicle.shift.startMin - eps || run.finishMin > vehicle.shift.endMin + eps) {
      add('transportDriverShift', `${vehicle.name ?? vehicle.id}'s ${run.kind} run ${clockText(run.leaveMin)}–${clockText(run.finishMin)} is outside the driver's shift ${clockText(vehicle.shift.startMin)}–${clockText(vehicle.shift.endMin)}.`, {
        runIndex,
        vehicleId: vehicle.id,
        leaveMin: run.leaveMin,
        finishMin: run.finishMin,
        shiftStartMin: vehicle.shift.startMin,
        shiftEndMin: vehicle.shift.endMin,
      });
    }
  });
  checkRunsDoNotOverlap(plan, add);

  for (const passenger of problem.passengers) {
    for (const kind of ['morning', 'afternoon'] as const) {
      const trips = tripsOf(plan, passenger.patientId, kind);
      const listed = plan.unserved.filter((u) => u.patientId === passenger.patientId && u.kind === kind).length;
      const label = `${passenger.patientId}'s ${kind} trip`;
      if (!needsLeg(passenger, kind)) {
        if (trips.length > 0) add('transportCoverage', `${label} is routed but the passenger ${passenger.ownMeans ? 'comes by own means' : 'needs no such leg'}.`, { patientId: passenger.patientId, kind, rule: 'not-needed' });
        continue;
      }
      if (trips.length === 0 && listed === 0) add('transportCoverage', `${label} is neither routed nor reported unserved.`, { patientId: passenger.patientId, kind, rule: 'dropped' });
      else if (trips.length > 1) add('transportCoverage', `${label} is routed ${trips.length} times.`, { patientId: passenger.patientId, kind, rule: 'duplicate' });
      else if (trips.length === 1 && listed > 0) add('transportCoverage', `${label} is routed and also reported unserved.`, { patientId: passenger.patientId, kind, rule: 'routed-and-unserved' });
      if (trips.length !== 1) continue;
      checkTrip(problem, plan, passenger, kind, trips[0]!, rules, options.day, eps, add);
    }
    checkTimeOnSite(plan, passenger, rules, eps, add);
    if (passenger.ownMeans && !plan.ownMeans.includes(passenger.patientId)) {
      add('transportCoverage', `${passenger.patientId} comes by own means but is not listed as such.`, { patientId: passenger.patientId, rule: 'own-means-listed' });
    }
  }
  return { valid: violations.length === 0, violations };
}

/**
 * At the centre no longer than the passenger's maximum: from the morning drop-off (or check-in
 * before the first activity, if not carried) to the afternoon collection (or the last activity's end).
 */
function checkTimeOnSite(plan: TransportPlan, passenger: TransportPassenger, rules: TransportRules, eps: number, add: Add): void {
  if (passenger.maxOnSiteMin === undefined) return;
  const [morning] = tripsOf(plan, passenger.patientId, 'morning');
  const [afternoon] = tripsOf(plan, passenger.patientId, 'afternoon');
  if (!morning?.alight && !afternoon?.board) return;
  const arrivedMin = morning?.alight ? morning.alight.endMin : passenger.firstActivityStartMin === undefined ? undefined : passenger.firstActivityStartMin - rules.checkInBufferMin;
  const leftMin = afternoon?.board ? afternoon.board.startMin : passenger.lastActivityEndMin;
  if (arrivedMin === undefined || leftMin === undefined || leftMin - arrivedMin <= passenger.maxOnSiteMin + eps) return;
  add('transportTimeOnSite', `${passenger.patientId} is at the centre ${leftMin - arrivedMin} min (${clockText(arrivedMin)}–${clockText(leftMin)}); the maximum is ${passenger.maxOnSiteMin}.`, {
    patientId: passenger.patientId, arrivedMin, leftMin, maxOnSiteMin: passenger.maxOnSiteMin,
  });
}

type Add = (constraint: string, message: string, justification: Record<string, string | number | boolean | undefined>) => void;

/** The rules in force: the plan's, which must agree with every rule the problem sets. */
function effectiveRules(problem: TransportProblem, plan: TransportPlan, add: Add): TransportRules {
  for (const [key, value] of Object.entries(problem.rules ?? {})) {
    const reported = plan.rules[key as keyof TransportRules];
    if (value !== undefined && reported !== value) add('transportRules', `The plan applies ${key} = ${reported}, but the problem sets ${value}.`, { rule: key, reported, required: value });
  }
  return { ...plan.rules, ...problem.rules };
}

function needsLeg(p: TransportPassenger, kind: RunKind): boolean {
  if (p.ownMeans) return false;
  const legs = p.legs ?? 'both';
  return legs === 'both' || legs === kind;
}

function isWheelchair(p: TransportPassenger | undefined): boolean {
  return p?.mobility === 'wheelchair';
}

function tripsOf(plan: TransportPlan, patientId: string, kind: RunKind): Trip[] {
  const trips: Trip[] = [];
  plan.runs.forEach((run, runIndex) => {
    if (run.kind !== kind) return;
    const boardPosition = run.stops.findIndex((s) => s.patientId === patientId && s.action === 'board');
    const alightPosition = run.stops.findIndex((s) => s.patientId === patientId && s.action === 'alight');
    if (boardPosition < 0 && alightPosition < 0) return;
    trips.push({ run, runIndex, board: run.stops[boardPosition], alight: run.stops[alightPosition], boardPosition, alightPosition });
  });
  return trips;
}

function checkStopDurations(run: TransportRun, runIndex: number, passengers: Map<string, TransportPassenger>, rules: TransportRules, add: Add): void {
  for (const stop of run.stops) {
    const passenger = passengers.get(stop.patientId);
    if (!passenger) continue;
    const wheelchair = isWheelchair(passenger);
    const expectedMin =
      stop.action === 'board' ? (wheelchair ? rules.wheelchairBoardingMin : rules.boardingMin) : wheelchair ? rules.wheelchairAlightingMin : rules.alightingMin;
    const actualMin = stop.endMin - stop.startMin;
    if (Math.abs(actualMin - expectedMin) > 1e-9) {
      add('transportStopDuration', `${stop.patientId} takes ${actualMin} min to ${stop.action} on run ${runIndex + 1}; it takes ${expectedMin}${wheelchair ? ' (wheelchair)' : ''}.`, {
        runIndex,
        patientId: stop.patientId,
        action: stop.action,
        actualMin,
        expectedMin,
      });
    }
  }
}

/** Seats and wheelchair spaces on board after every stop: a carer takes a seat, a wheelchair user a space. */
function checkCapacity(run: TransportRun, runIndex: number, vehicle: TransportVehicle, passengers: Map<string, TransportPassenger>, add: Add): void {
  let seats = 0;
  let spaces = 0;
  for (const stop of run.stops) {
    const passenger = passengers.get(stop.patientId);
    if (!passenger) continue;
    const sign = stop.action === 'board' ? 1 : -1;
    const carer = passenger.carer ? 1 : 0;
    const beforeSeats = seats;
    const beforeSpaces = spaces;
    if (isWheelchair(passenger)) {
      spaces += sign;
      seats += sign * carer;
    } else {
      seats += sign * (1 + carer);
    }
    if (seats > vehicle.seats && beforeSeats <= vehicle.seats) {
      add('transportCapacity', `${vehicle.name ?? vehicle.id} has ${seats} seats taken after ${stop.patientId} boards at ${clockText(stop.startMin)}; it has ${vehicle.seats}.`, { runIndex, vehicleId: vehicle.id, dimension: 'seats', load: seats, capacity: vehicle.seats, patientId: stop.patientId });
    }
    if (spaces > vehicle.wheelchairSpaces && beforeSpaces <= vehicle.wheelchairSpaces) {
      add('transportCapacity', `${vehicle.name ?? vehicle.id} has ${spaces} wheelchairs on board after ${stop.patientId} boards at ${clockText(stop.startMin)}; it has ${vehicle.wheelchairSpaces} spaces.`, { runIndex, vehicleId: vehicle.id, dimension: 'wheelchair', load: spaces, capacity: vehicle.wheelchairSpaces, patientId: stop.patientId });
    }
  }
}

/** Each stop starts after the previous one ends plus the drive; the run leaves and finishes accordingly. */
function checkTravel(
  problem: TransportProblem,
  run: TransportRun,
  runIndex: number,
  vehicle: TransportVehicle,
  travelMin: TransportCheckOptions['travelMin'],
  eps: number,
  add: Add,
): void {
  const startLocationId = run.kind === 'morning' ? vehicle.depotLocationId : problem.centreLocationId;
  const endLocationId = run.kind === 'morning' ? problem.centreLocationId : vehicle.depotLocationId;
  let here = startLocationId;
  let freeMin = run.leaveMin;
  const legs = [...run.stops.map((s) => ({ locationId: s.locationId, startMin: s.startMin, endMin: s.endMin, what: `${s.patientId} ${s.action}s` })), { locationId: endLocationId, startMin: run.finishMin, endMin: run.finishMin, what: 'the run finishes' }];
  for (const leg of legs) {
    const earliestMin = freeMin + travelMin(here, leg.locationId);
    if (leg.startMin < earliestMin - eps) {
      add('transportTravelTime', `On ${vehicle.name ?? vehicle.id}'s ${run.kind} run, ${leg.what} at ${clockText(leg.startMin)}, but the vehicle cannot be at ${leg.locationId} before ${clockText(earliestMin)}.`, {
        runIndex,
        vehicleId: vehicle.id,
        locationId: leg.locationId,
        startMin: leg.startMin,
        earliestPossibleMin: earliestMin,
      });
    }
    here = leg.locationId;
    freeMin = Math.max(freeMin, leg.endMin);
  }
}

function checkRunsDoNotOverlap(plan: TransportPlan, add: Add): void {
  for (let i = 0; i < plan.runs.length; i++) {
    for (let j = i + 1; j < plan.runs.length; j++) {
      const a = plan.runs[i]!;
      const b = plan.runs[j]!;
      if (a.vehicleId !== b.vehicleId || !(a.leaveMin < b.finishMin && b.leaveMin < a.finishMin)) continue;
      add('transportDriverShift', `Vehicle ${a.vehicleId} runs ${a.kind} ${clockText(a.leaveMin)}–${clockText(a.finishMin)} and ${b.kind} ${clockText(b.leaveMin)}–${clockText(b.finishMin)} at once.`, {
        vehicleId: a.vehicleId,
        firstRunIndex: i,
        secondRunIndex: j,
      });
    }
  }
}

function checkTrip(
  problem: TransportProblem,
  plan: TransportPlan,
  passenger: TransportPassenger,
  kind: RunKind,
  trip: Trip,
  rules: TransportRules,
  day: TransportCheckOptions['day'],
  eps: number,
  add: Add,
): void {
  const id = passenger.patientId;
  const base = { patientId: id, kind, runIndex: trip.runIndex };
  const { board, alight } = trip;
  if (!board || !alight || trip.boardPosition > trip.alightPosition) {
    add('transportPairing', `${id}'s ${kind} trip must board before alighting on the same run.`, { ...base, boards: board !== undefined, alights: alight !== undefined });
    return;
  }
  const boardAt = kind === 'morning' ? passenger.homeLocationId : problem.centreLocationId;
  const alightAt = kind === 'morning' ? problem.centreLocationId : passenger.homeLocationId;
  if (board.locationId !== boardAt || alight.locationId !== alightAt) {
    add('transportPairing', `${id}'s ${kind} trip runs ${board.locationId} → ${alight.locationId}; it should run ${boardAt} → ${alightAt}.`, { ...base, boardLocationId: board.locationId, alightLocationId: alight.locationId });
  }

  const rideMin = alight.startMin - board.endMin;
  const maxRideMin = passenger.maxRideMin ?? rules.maxRideMin;
  if (rideMin > maxRideMin + eps) add('transportRideTime', `${id} rides ${rideMin} min on the ${kind} run; the maximum is ${maxRideMin}.`, { ...base, rideMin, maxRideMin });

  const times = plan.passengers.find((p) => p.patientId === id);
  const window = (constraint: string, what: string, atMin: number, fromMin: number | undefined, toMin: number | undefined) => {
    if ((fromMin !== undefined && atMin < fromMin - eps) || (toMin !== undefined && atMin > toMin + eps)) {
      add(constraint, `${id}'s ${what} at ${clockText(atMin)} is outside ${fromMin === undefined ? '' : `from ${clockText(fromMin)}`}${fromMin !== undefined && toMin !== undefined ? ' ' : ''}${toMin === undefined ? '' : `until ${clockText(toMin)}`}.`, { ...base, what, atMin, fromMin, toMin });
    }
  };

  if (kind === 'morning') {
    window('transportWindows', 'pick-up', board.startMin, passenger.earliestPickupMin, passenger.latestPickupMin);
    // At the door when alighting ends: within the arrival window, check-in before the first activity.
    const arrivedMin = alight.endMin;
    if (passenger.arriveWindow) window('transportWindows', 'arrival', arrivedMin, passenger.arriveWindow.startMin, passenger.arriveWindow.endMin);
    else if (passenger.firstActivityStartMin !== undefined) {
      const latestMin = passenger.firstActivityStartMin - rules.checkInBufferMin;
      window('transportWindows', 'arrival', arrivedMin, latestMin - rules.maxEarlyArrivalMin, latestMin);
    }
    if (times?.arrivalMin !== arrivedMin || times?.morning?.pickupMin !== board.startMin || times?.morning?.vehicleId !== trip.run.vehicleId || !near(times?.morning?.rideMin, rideMin)) {
      add('transportReportedTimes', `${id}'s reported morning times do not match the run (arrival ${clockText(arrivedMin)}, pick-up ${clockText(board.startMin)}).`, { ...base, reportedArrivalMin: times?.arrivalMin, arrivalMin: arrivedMin });
    }
    if (day) checkMorningAgainstDay(day, id, arrivedMin, base, add);
  } else {
    const collectFromMin = passenger.earliestCollectionMin ?? (passenger.lastActivityEndMin !== undefined ? passenger.lastActivityEndMin + rules.collectionBufferMin : undefined);
    window('transportWindows', 'collection', board.startMin, collectFromMin, collectFromMin === undefined ? undefined : collectFromMin + rules.maxWaitMin);
    window('transportWindows', 'arrival home', alight.endMin, undefined, passenger.latestHomeMin);
    if (times?.departureMin !== board.startMin || times?.afternoon?.homeMin !== alight.endMin || times?.afternoon?.vehicleId !== trip.run.vehicleId || !near(times?.afternoon?.rideMin, rideMin)) {
      add('transportReportedTimes', `${id}'s reported afternoon times do not match the run (collection ${clockText(board.startMin)}, home ${clockText(alight.endMin)}).`, { ...base, reportedDepartureMin: times?.departureMin, departureMin: board.startMin });
    }
    if (day) checkAfternoonAgainstDay(day, id, board.startMin, rules, base, add);
  }
}

function near(a: number | undefined, b: number): boolean {
  return a !== undefined && Math.abs(a - b) <= 1e-6;
}

function activitySpan(day: { plan: DayPlan }, patientId: string): { firstStartMin: number; lastEndMin: number } | undefined {
  const mine = day.plan.activities.filter((a) => a.patientId === patientId);
  if (mine.length === 0) return undefined;
  return { firstStartMin: Math.min(...mine.map((a) => a.startMin)), lastEndMin: Math.max(...mine.map((a) => a.endMin)) };
}

/** Coupling: the patient is at the door at least the day's check-in buffer before their first activity. */
function checkMorningAgainstDay(day: { problem: DayProblem; plan: DayPlan }, patientId: string, arrivedMin: number, base: Record<string, string | number>, add: Add): void {
  const span = activitySpan(day, patientId);
  if (!span) return;
  const bufferMin = day.problem.centre.checkInBufferMin;
  if (arrivedMin > span.firstStartMin - bufferMin) {
    add('transportMatchesDay', `${patientId} arrives at ${clockText(arrivedMin)}, less than ${bufferMin} min before their first activity at ${clockText(span.firstStartMin)}.`, { ...base, arrivalMin: arrivedMin, firstStartMin: span.firstStartMin, checkInBufferMin: bufferMin });
  }
}

/** Coupling: collection comes after the last activity plus the buffer, within the maximum wait. */
function checkAfternoonAgainstDay(day: { problem: DayProblem; plan: DayPlan }, patientId: string, collectedMin: number, rules: TransportRules, base: Record<string, string | number>, add: Add): void {
  const span = activitySpan(day, patientId);
  if (!span) return;
  const fromMin = span.lastEndMin + rules.collectionBufferMin;
  if (collectedMin < fromMin || collectedMin > fromMin + rules.maxWaitMin) {
    add('transportMatchesDay', `${patientId} is collected at ${clockText(collectedMin)}; their last activity ends at ${clockText(span.lastEndMin)}, so collection must be between ${clockText(fromMin)} and ${clockText(fromMin + rules.maxWaitMin)}.`, { ...base, collectionMin: collectedMin, lastEndMin: span.lastEndMin, collectionBufferMin: rules.collectionBufferMin, maxWaitMin: rules.maxWaitMin });
  }
}
