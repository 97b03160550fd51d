// The day's transport (SPEC §3D, §4): from the stored plan document's `transport` part when it
// has one, otherwise planned on request from the day's plan (each patient's first and last
// activity) and the centre's vehicles. One place, so a stored transport plan can replace the
// on-request planning later without touching the lists, run sheets or feeds.
import type { Knex } from 'knex';
import { z } from 'zod';
import { formatMinutes, MEAL_TYPE_ID, type DayPlan, type DayProblem, planTransport, runSheets, type RunSheet, type TransportPassenger, type TransportPlan, type TransportProblem, type TravelLocation } from '../../../solver/index.ts';
import { patients } from '../../db/repositories/patients.ts';
import { plans } from '../../db/repositories/plans.ts';
import { staffMembers } from '../../db/repositories/staff-members.ts';
import { vehicles } from '../../db/repositories/vehicles.ts';
import type { Centre } from '../../domain/centre.ts';
import { patientInitials, type Patient } from '../../domain/patient.ts';
import type { Plan } from '../../domain/plan.ts';
import { localDateSchema, timeToMin } from '../../domain/primitives.ts';
import { appError } from '../../errors/app-error.ts';
import { parseOrThrow } from '../../errors/from-zod-error.ts';
import { requireCentre } from './centre-scoped-service.ts';

/** Fixed iterations (not a time limit) so the same plan always gives the same runs. */
export const transportDefaults = { maxIterations: 400, seed: 1 };

/** A transport plan stored inside a day plan document (optional; see the file comment). */
export interface StoredTransport {
  problem: TransportProblem;
  plan: TransportPlan;
}

/**
 * One passenger line of a stop. The driver knocks on the door and rings when no one answers,
 * so the run sheet carries the name, phones and access notes (transport and coordinators
 * only; each read is audited); the CSV keeps to initials and reference.
 */
export interface StopPassengerView {
  patientId: string;
  ref: string;
  initials: string;
  /** "Margaret Smith"; null when the plan's patient has no record any more. */
  name: string | null;
  phone: string | null;
  mobility: string;
  carer: boolean;
  carerName: string | null;
  carerPhone: string | null;
  /** Key safe, door code, "ring twice" (never in a feed). */
  accessNotes: string | null;
  /** This passenger's own boarding or alighting: a stop can hold several at different times. */
  at: string;
  atMin: number;
}

export interface StopView {
  order: number;
  arrive: string;
  depart: string;
  arriveMin: number;
  departMin: number;
  isCentre: boolean;
  address: string;
  boarding: StopPassengerView[];
  alighting: StopPassengerView[];
  onBoardAfter: { seatsUsed: number; wheelchairSpacesUsed: number; carers: number };
}

export interface RunView {
  vehicleId: string;
  vehicleName: string;
  /** The vehicle's driver (its driverStaffId), when one is set. */
  driverName: string | null;
  kind: RunSheet['kind'];
  /**
   * When this run sets off: from the depot in the morning; in the afternoon, from the centre
   * once its first passengers are on board (not when the morning run ended).
   */
  leave: string;
  leaveMin: number;
  finish: string;
  seats: number;
  wheelchairSpaces: number;
  distanceKm: number;
  stops: StopView[];
}

export interface TransportView {
  centreId: string;
  /** Printed as the centre stop's name (the address follows it). */
  centreName: string;
  date: string;
  /** The day plan version the transport follows, and whether it is published. */
  planVersion: number;
  planStatus: Plan['status'];
  /** 'stored': the plan document's transport part; 'planned': planned for this request. */
  source: 'stored' | 'planned';
  runs: RunView[];
  unserved: Array<{ patientId: string; ref: string; run: RunSheet['kind']; reason: string; message: string }>;
  /** Patients who come by their own means or could not be routed at all (e.g. no coordinates). */
  notRouted: Array<{ patientId: string; ref: string; reason: string }>;
  /** The raw problem and plan, for feeds and renderers that need minutes. */
  problem: TransportProblem;
  plan: TransportPlan;
}

interface DayDocument {
  problem: DayProblem;
  plan: DayPlan;
  transport?: StoredTransport;
}

const mobilityFor = (m: Patient['mobility']): TransportPassenger['mobility'] => (m === 'walks' ? 'independent' : m);
const homeAddress = (p: Patient) => [...p.addressLines, p.postcode].join(', ');

/** The newest published day plan for the date, else the newest draft (the lists say which). */
async function dayPlanFor(db: Knex, centreId: string, date: string): Promise<Plan> {
  const stored = (await plans.latestWithStatus(db, centreId, date, 'published')) ?? (await plans.latest(db, centreId, date));
  if (!stored) throw appError.notFound('plan for date', date);
  return stored;
}

/** The transport problem for a day plan: one passenger per patient with an itinerary. */
export function buildTransportProblem(centre: Centre, day: DayDocument, patientList: readonly Patient[], vehicleList: ReadonlyArray<{ id: string; name: string; seats: number; wheelchairSpaces: number; depot: { lat: number | null; lon: number | null; postcode: string }; driverShift: { start: string; end: string } }>) {
  if (centre.lat === null || centre.lon === null) {
    throw appError.conflict('The centre has no coordinates (lat, lon): transport runs start and end there', [{ path: 'lat', message: 'the centre needs lat and lon to plan transport' }]);
  }
  const byId = new Map(patientList.map((p) => [p.id, p]));
  const locations: TravelLocation[] = [{ id: 'centre', lat: centre.lat, lon: centre.lon }];
  const notRouted: TransportView['notRouted'] = [];
  const passengers: TransportPassenger[] = [];
  for (const itinerary of day.plan.itineraries) {
    const patient = byId.get(itinerary.patientId);
    const dayPatient = day.problem.patients.find((p) => p.id === itinerary.patientId);
    const ref = patient?.localRef ?? dayPatient?.ref ?? itinerary.patientId;
    if (!patient || patient.lat === null || patient.lon === null) {
      notRouted.push({ patientId: itinerary.patientId, ref, reason: patient ? 'no-coordinates' : 'no-patient-record' });
      continue;
    }
    const own = day.plan.activities.filter((a) => a.patientId === patient.id && a.typeId !== MEAL_TYPE_ID);
    const all = own.length > 0 ? own : day.plan.activities.filter((a) => a.patientId === patient.id);
    const firstActivityStartMin = all.length > 0 ? Math.min(...all.map((a) => a.startMin)) : itinerary.arrivalMin;
    const lastActivityEndMin = all.length > 0 ? Math.max(...all.map((a) => a.endMin)) : itinerary.departureMin;
    locations.push({ id: `home:${patient.id}`, lat: patient.lat, lon: patient.lon });
    passengers.push({
      patientId: patient.id, ref: patient.localRef, initials: patientInitials(patient), homeLocationId: `home:${patient.id}`,
      address: homeAddress(patient), mobility: mobilityFor(patient.mobility), carer: patient.carer?.attending === true,
      firstActivityStartMin, lastActivityEndMin,
    });
  }
  const transportVehicles = vehicleList.flatMap((v) => {
    if (v.depot.lat === null || v.depot.lon === null) return [];
    locations.push({ id: `depot:${v.id}`, lat: v.depot.lat, lon: v.depot.lon });
    return [{ id: v.id, name: v.name, depotLocationId: `depot:${v.id}`, seats: v.seats, wheelchairSpaces: v.wheelchairSpaces, shift: { startMin: timeToMin(v.driverShift.start), endMin: timeToMin(v.driverShift.end) } }];
  });
  const problem: TransportProblem = {
    date: day.plan.date, centreLocationId: 'centre', locations, vehicles: transportVehicles, passengers,
    rules: { checkInBufferMin: centre.checkInBufferMin },
  };
  return { problem, notRouted };
}

/** What the run sheets add from the records: patients' contact details, drivers' names. */
export interface RunSheetRecords {
  patientsById: ReadonlyMap<string, Patient>;
  driverNameOf: ReadonlyMap<string, string>;
}

function passengerView(p: RunSheet['stops'][number]['boarding'][number], records: RunSheetRecords): StopPassengerView {
  const patient = records.patientsById.get(p.patientId);
  return {
    patientId: p.patientId, ref: p.ref ?? patient?.localRef ?? p.patientId, initials: p.initials ?? (patient ? patientInitials(patient) : ''),
    name: patient ? `${patient.givenName} ${patient.familyName}` : null, phone: patient?.phone ?? null,
    mobility: p.mobility, carer: p.carer, carerName: patient?.carer?.name ?? null, carerPhone: patient?.carer?.phone ?? null,
    accessNotes: patient?.accessNotes ?? null, at: formatMinutes(p.startMin), atMin: p.startMin,
  };
}

/** The afternoon run leaves the centre when its first stop (boarding there) is done. */
function leaveMinOf(sheet: RunSheet): number {
  const first = sheet.stops[0];
  return sheet.kind === 'afternoon' && first?.isCentre ? first.departMin : sheet.leaveMin;
}

function runView(sheet: RunSheet, records: RunSheetRecords): RunView {
  const passenger = (p: RunSheet['stops'][number]['boarding'][number]) => passengerView(p, records);
  const leaveMin = leaveMinOf(sheet);
  return {
    vehicleId: sheet.vehicleId, vehicleName: sheet.vehicleName ?? sheet.vehicleId, driverName: records.driverNameOf.get(sheet.vehicleId) ?? null, kind: sheet.kind,
    leave: formatMinutes(leaveMin), leaveMin, finish: formatMinutes(sheet.finishMin),
    seats: sheet.seats, wheelchairSpaces: sheet.wheelchairSpaces, distanceKm: sheet.distanceKm,
    stops: sheet.stops.map((s) => ({
      order: s.order, arrive: formatMinutes(s.arriveMin), depart: formatMinutes(s.departMin), arriveMin: s.arriveMin, departMin: s.departMin,
      isCentre: s.isCentre, address: s.address ?? '', boarding: s.boarding.map(passenger), alighting: s.alighting.map(passenger),
      onBoardAfter: { seatsUsed: s.onBoard.seatsUsed, wheelchairSpacesUsed: s.onBoard.wheelchairSpacesUsed, carers: s.onBoard.carers },
    })),
  };
}

/** The centre's street address; the run sheet names the centre itself (the address lines often begin with its name too). */
export function centreAddress(centre: Pick<Centre, 'addressLines' | 'postcode'>): string {
  return [...centre.addressLines, centre.postcode ?? ''].filter((s) => s !== '').join(', ');
}

async function runSheetRecords(db: Knex, centreId: string, patientList: readonly Patient[]): Promise<RunSheetRecords> {
  const staffNames = new Map((await staffMembers.list(db, centreId)).map((s) => [s.id, s.name]));
  const driverNameOf = new Map<string, string>();
  for (const v of await vehicles.list(db, centreId)) {
    const name = v.driverStaffId === null ? undefined : staffNames.get(v.driverStaffId);
    if (name !== undefined) driverNameOf.set(v.id, name);
  }
  return { patientsById: new Map(patientList.map((p) => [p.id, p])), driverNameOf };
}

export const transportService = {
  /** The day's transport: runs (run sheets), unserved passengers with reasons, not-routed patients. */
  async forDay(db: Knex, centreId: string, date: string): Promise<TransportView> {
    const centre = await requireCentre(db, centreId);
    parseOrThrow(z.strictObject({ date: localDateSchema }), { date }, 'transport date');
    const stored = await dayPlanFor(db, centreId, date);
    const day = stored.document as unknown as DayDocument;
    const patientList = await patients.list(db, centreId);
    const refOf = new Map(patientList.map((p) => [p.id, p.localRef]));
    let problem: TransportProblem;
    let plan: TransportPlan;
    let notRouted: TransportView['notRouted'] = [];
    if (day.transport) {
      ({ problem, plan } = day.transport);
    } else {
      ({ problem, notRouted } = buildTransportProblem(centre, day, patientList, await vehicles.list(db, centreId)));
      plan = planTransport(problem, transportDefaults);
    }
    const records = await runSheetRecords(db, centreId, patientList);
    return {
      centreId, centreName: centre.name, date, planVersion: stored.version, planStatus: stored.status, source: day.transport ? 'stored' : 'planned',
      runs: runSheets(problem, plan, centreAddress(centre)).map((sheet) => runView(sheet, records)),
      unserved: plan.unserved.map((u) => ({ patientId: u.patientId, ref: refOf.get(u.patientId) ?? u.patientId, run: u.kind, reason: u.reason, message: u.message })),
      notRouted: [...notRouted, ...plan.ownMeans.map((id) => ({ patientId: id, ref: refOf.get(id) ?? id, reason: 'own-means' }))],
      problem, plan,
    };
  },

  /** One vehicle's runs for the day (404 for a vehicle the centre does not have). */
  async forVehicle(db: Knex, centreId: string, date: string, vehicleId: string): Promise<TransportView & { vehicleId: string }> {
    const vehicle = await vehicles.findById(db, centreId, vehicleId);
    if (!vehicle) {
      await requireCentre(db, centreId);
      throw appError.notFound('vehicle', vehicleId);
    }
    const day = await transportService.forDay(db, centreId, date);
    return { ...day, vehicleId, runs: day.runs.filter((r) => r.vehicleId === vehicleId), unserved: day.unserved };
  },
};
