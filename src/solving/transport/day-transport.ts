/**
 * A day plan's transport: built from the centre, its vehicles and the attending patients'
 * records, planned together with the itineraries (planWholeDay in a plan job), stored in the
 * plan version, and kept in step with every edit. Pure functions (no I/O): they run on the
 * main thread for checks and inside solver threads for solves.
 */
import {
  DEFAULT_TRANSPORT_RULES, DEFAULT_WEIGHTS, MEAL_TYPE_ID, planGapPct, scorePlan, buildPlanViews, buildTravel, indexLocations, validatePlan, validateTransportPlan,
  type DayPlan, type DayProblem, type TransportPassenger, type TransportPlan, type TransportProblem, type TransportRules, type TravelLocation,
  type UntimedPassenger, type WholeDayProblem,
} from '../../../solver/index.ts';
import type { Centre } from '../../domain/centre.ts';
import { patientInitials, type Patient } from '../../domain/patient.ts';
import type { Vehicle } from '../../domain/vehicle.ts';
import { timeToMin } from '../../domain/primitives.ts';

/** The transport problem before the day is planned (activity times come from the itineraries). */
export type UntimedTransport = WholeDayProblem['transport'];

/** A patient the transport does not route, and why. */
export interface NotRouted {
  patientId: string;
  ref: string;
  reason: 'no-coordinates' | 'no-patient-record' | 'own-means' | 'nothing-planned' | 'no-transport-stored';
}

/** A patient's day as transport makes it: at the centre from drop-off to pick-up. */
export interface PatientDayOnSite {
  patientId: string;
  /** Drop-off at the centre (end of alighting); the check-in buffer before the first activity when not carried. */
  arrivalMin: number;
  /** Pick-up from the centre (start of boarding); the last activity's end when not carried. */
  departureMin: number;
  onSiteMin: number;
  /** On site with nothing on: the on-site time less the activities' minutes. */
  idleMin: number;
  carried: { morning: boolean; afternoon: boolean };
}

/** What a plan version stores about its transport (document.transport). */
export interface StoredTransport {
  /** The timed problem the runs answer (passengers' first start and last end from the itineraries). */
  problem: TransportProblem;
  plan: TransportPlan;
  /** The untimed problem, so an edit can re-time the passengers it touches. */
  base: UntimedTransport;
  notRouted: NotRouted[];
  patientDays: PatientDayOnSite[];
  notes: string[];
}

const mobilityFor = (m: Patient['mobility']): TransportPassenger['mobility'] => (m === 'walks' ? 'independent' : m);
export const homeAddress = (p: Pick<Patient, 'addressLines' | 'postcode'>) => [...p.addressLines, p.postcode].join(', ');

/**
 * The untimed transport problem of a day: one passenger per patient of the day with a home
 * location, every vehicle with a depot. Undefined when the centre has no coordinates or no
 * vehicle can be routed (the day is then planned without transport, and says so).
 */
export function untimedTransport(
  centre: Pick<Centre, 'lat' | 'lon' | 'checkInBufferMin'>,
  day: DayProblem,
  patientList: readonly Patient[],
  vehicleList: readonly Pick<Vehicle, 'id' | 'name' | 'seats' | 'wheelchairSpaces' | 'depot' | 'driverShift'>[],
): { transport?: UntimedTransport; notRouted: NotRouted[]; note?: string } {
  const notRouted: NotRouted[] = [];
  if (centre.lat === null || centre.lon === null) return { notRouted, note: 'The centre has no coordinates (lat, lon): no transport was planned.' };
  const byId = new Map(patientList.map((p) => [p.id, p]));
  const locations: TravelLocation[] = [{ id: 'centre', lat: centre.lat, lon: centre.lon }];
  const passengers: UntimedPassenger[] = [];
  for (const dayPatient of day.patients) {
    const patient = byId.get(dayPatient.id);
    if (!patient || patient.lat === null || patient.lon === null) {
      notRouted.push({ patientId: dayPatient.id, ref: patient?.localRef ?? dayPatient.ref, reason: patient ? 'no-coordinates' : 'no-patient-record' });
      continue;
    }
    locations.push({ id: `home:${patient.id}`, lat: patient.lat, lon: patient.lon });
    passengers.push({
      patientId: patient.id, ref: patient.localRef, initials: patientInitials(patient), homeLocationId: `home:${patient.id}`,
      address: homeAddress(patient), mobility: mobilityFor(patient.mobility), carer: patient.carer?.attending === true,
    });
  }
  const vehicles = vehicleList.flatMap((v) => {
    if (v.depot.lat === null || v.depot.lon === null) return [];
    locations.push({ id: `depot:${v.id}`, lat: v.depot.lat, lon: v.depot.lon });
    return [{ id: v.id, name: v.name, depotLocationId: `depot:${v.id}`, seats: v.seats, wheelchairSpaces: v.wheelchairSpaces, shift: { startMin: timeToMin(v.driverShift.start), endMin: timeToMin(v.driverShift.end) } }];
  });
  if (vehicles.length === 0) return { notRouted, note: 'The centre has no vehicle with a depot location: no transport was planned.' };
  return {
    transport: { date: day.date, centreLocationId: 'centre', locations, vehicles, passengers, rules: { checkInBufferMin: Math.max(centre.checkInBufferMin, DEFAULT_TRANSPORT_RULES.checkInBufferMin) } },
    notRouted,
  };
}

function activitySpan(plan: DayPlan, patientId: string, withMeal: boolean) {
  const mine = plan.activities.filter((a) => a.patientId === patientId && (withMeal || a.typeId !== MEAL_TYPE_ID));
  if (mine.length === 0) return undefined;
  return { firstStartMin: Math.min(...mine.map((a) => a.startMin)), lastEndMin: Math.max(...mine.map((a) => a.endMin)), busyMin: mine.reduce((s, a) => s + a.endMin - a.startMin, 0) };
}

/** The rules the runs follow: the centre's check-in buffer if larger (arrivals must satisfy the day too). */
export function transportRules(base: UntimedTransport, day: DayProblem): TransportRules {
  const rules = { ...DEFAULT_TRANSPORT_RULES, ...base.rules };
  rules.checkInBufferMin = Math.max(rules.checkInBufferMin, day.centre.checkInBufferMin);
  return rules;
}

/**
 * The transport problem for a planned day: each passenger's first start and last end from
 * their itinerary, arrival no earlier than the patient's earliest arrival on site (and at
 * most the rules' maximum early), and their maximum time on site, which the runs keep to.
 * Patients with nothing planned are not routed.
 */
export function timedTransport(base: UntimedTransport, day: DayProblem, plan: DayPlan): { problem: TransportProblem; nothingPlanned: string[] } {
  const rules = transportRules(base, day);
  const patientById = new Map(day.patients.map((p) => [p.id, p]));
  const passengers: TransportPassenger[] = [];
  const nothingPlanned: string[] = [];
  for (const p of base.passengers) {
    if (p.ownMeans) {
      passengers.push({ ...p });
      continue;
    }
    const span = activitySpan(plan, p.patientId, true);
    if (!span) {
      nothingPlanned.push(p.patientId);
      continue;
    }
    const latestArrival = span.firstStartMin - rules.checkInBufferMin;
    const earliestOnSite = patientById.get(p.patientId)?.earliestArrivalMin ?? -Infinity;
    const earliestArrival = Math.min(latestArrival, Math.max(latestArrival - rules.maxEarlyArrivalMin, earliestOnSite));
    const maxOnSiteMin = patientById.get(p.patientId)?.maxOnSiteMin;
    passengers.push({ ...p, firstActivityStartMin: span.firstStartMin, arriveWindow: { startMin: earliestArrival, endMin: latestArrival }, lastActivityEndMin: span.lastEndMin, ...(maxOnSiteMin === undefined ? {} : { maxOnSiteMin }) });
  }
  return { problem: { ...base, rules, passengers }, nothingPlanned };
}

/** Each patient's time at the centre, from drop-off to pick-up where transport carries them. */
export function patientDaysOnSite(day: DayProblem, plan: DayPlan, transport: TransportPlan | undefined): PatientDayOnSite[] {
  const times = new Map((transport?.passengers ?? []).map((p) => [p.patientId, p]));
  const out: PatientDayOnSite[] = [];
  for (const patient of day.patients) {
    const span = activitySpan(plan, patient.id, true);
    if (!span) continue;
    const t = times.get(patient.id);
    const morning = t?.arrivalMin !== undefined;
    const afternoon = t?.departureMin !== undefined;
    const arrivalMin = morning ? t!.arrivalMin! : span.firstStartMin - day.centre.checkInBufferMin;
    const departureMin = afternoon ? t!.departureMin! : span.lastEndMin;
    const onSiteMin = departureMin - arrivalMin;
    out.push({ patientId: patient.id, arrivalMin, departureMin, onSiteMin, idleMin: onSiteMin - span.busyMin, carried: { morning, afternoon } });
  }
  return out;
}

/**
 * The day plan with each carried patient's itinerary running from their drop-off to their
 * pick-up (so validatePlan checks the on-site window and the maximum time on site against
 * the time they are really there, and the timetables show it), scored again with those
 * times: the stored score is the score of the stored plan (time on site counts from drop-off).
 */
export function withTransportTimes(day: DayProblem, plan: DayPlan, transport: TransportPlan | undefined): DayPlan {
  const onSite = new Map(patientDaysOnSite(day, plan, transport).map((d) => [d.patientId, d]));
  const itineraries = plan.itineraries.map((i) => {
    const d = onSite.get(i.patientId);
    return d ? { ...i, arrivalMin: d.arrivalMin, departureMin: d.departureMin } : i;
  });
  const score = scorePlan(day, plan.activities, plan.unscheduled, DEFAULT_WEIGHTS, itineraries);
  return { ...plan, itineraries, score, gapPct: planGapPct(score.soft, plan.bound.value) };
}

/** The day plan's views rebuilt from its activities, then the transport's times applied. */
export function viewsWithTransport(day: DayProblem, plan: DayPlan, transport: TransportPlan | undefined): DayPlan {
  return withTransportTimes(day, { ...plan, ...buildPlanViews(day, plan.activities) }, transport);
}

/** Travel minutes between two location ids of a transport problem (what the checker is given). */
function travelMinutes(problem: TransportProblem): (a: string, b: string) => number {
  const travel = buildTravel(problem.locations, problem.travel);
  const index = indexLocations(problem.locations);
  return (a, b) => travel.travelMin(index.get(a)!, index.get(b)!);
}

/** Both checkers on the coupled plan: the day (with transport's times) and the runs against the day. */
export function checkCoupled(day: DayProblem, plan: DayPlan, transport: { problem: TransportProblem; plan: TransportPlan } | undefined) {
  const dayViolations = validatePlan(day, plan).violations;
  const transportViolations = transport ? validateTransportPlan(transport.problem, transport.plan, { travelMin: travelMinutes(transport.problem), day: { problem: day, plan } }).violations : [];
  return { dayViolations, transportViolations, valid: dayViolations.length === 0 && transportViolations.length === 0 };
}

/** The stored transport of a day plan, from a planned transport and the untimed problem. */
export function storedTransport(
  base: UntimedTransport, day: DayProblem, plan: DayPlan,
  transport: { problem: TransportProblem; plan: TransportPlan }, notRouted: NotRouted[], notes: string[],
): StoredTransport {
  const refOf = new Map(base.passengers.map((p) => [p.patientId, p.ref ?? p.patientId]));
  const routed = new Set(transport.problem.passengers.map((p) => p.patientId));
  const nothing: NotRouted[] = base.passengers.filter((p) => !routed.has(p.patientId)).map((p) => ({ patientId: p.patientId, ref: refOf.get(p.patientId)!, reason: 'nothing-planned' }));
  return { problem: transport.problem, plan: transport.plan, base, notRouted: [...notRouted, ...nothing], patientDays: patientDaysOnSite(day, plan, transport.plan), notes };
}
