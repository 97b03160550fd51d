// The day's transport (SPEC §3D, §4) as the lists, run sheets and feeds show it: the transport
// stored with the plan version (planned with the itineraries by the plan job and kept in step
// by every edit). Nothing is planned on a read: a version without stored transport (planned
// before transport was stored, or for a centre without coordinates or vehicles) lists no runs
// and says why. Names and addresses come from the current records (a corrected address shows).
import type { Knex } from 'knex';
import { z } from 'zod';
import { DEFAULT_TRANSPORT_RULES, formatMinutes, type DayPlan, type DayProblem, runSheets, type RunSheet, type TransportPlan, type TransportProblem } from '../../../solver/index.ts';
import { patients } from '../../db/repositories/patients.ts';
import { plans } from '../../db/repositories/plans.ts';
import { staffMembers } from '../../db/repositories/staff-members.ts';
import { vehicles } from '../../db/repositories/vehicles.ts';
import { centreAddress } from '../../domain/centre-address.ts';
import type { Vehicle } from '../../domain/vehicle.ts';
import { homeAddress, type PatientDayOnSite, type StoredTransport } from '../../solving/transport/day-transport.ts';
import { patientInitials, type Patient } from '../../domain/patient.ts';
import type { Plan } from '../../domain/plan.ts';
import { localDateSchema } from '../../domain/primitives.ts';
import { appError } from '../../errors/app-error.ts';
import { parseOrThrow } from '../../errors/from-zod-error.ts';
import { foundInCentre, requireCentre } from './centre-scoped-service.ts';


export type { StoredTransport };

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
  /** 'stored': the transport stored with the plan version; 'none': the version has none (no runs). */
  source: 'stored' | 'none';
  /** Each patient's time at the centre: from drop-off to pick-up where transport carries them. */
  patientDays: Array<PatientDayOnSite & { ref: string; arrive: string; leave: string }>;
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

/** A version planned without transport: no runs, every patient listed as not routed. */
function noTransport(day: DayDocument, refOf: Map<string, string>): StoredTransport {
  const problem: TransportProblem = { date: day.plan.date, centreLocationId: 'centre', locations: [], vehicles: [], passengers: [] };
  const plan: TransportPlan = { date: day.plan.date, runs: [], passengers: [], unserved: [], ownMeans: [], totalTravelMin: 0, totalDistanceKm: 0, rules: DEFAULT_TRANSPORT_RULES };
  return {
    problem, plan, base: problem, patientDays: [], notes: [],
    notRouted: day.plan.itineraries.map((i) => ({ patientId: i.patientId, ref: refOf.get(i.patientId) ?? i.patientId, reason: 'no-transport-stored' })),
  };
}

/** The stored problem with today's names and addresses (what changed since planning shows; times do not move). */
function withCurrentLabels(problem: TransportProblem, patientList: readonly Patient[], vehicleList: readonly Vehicle[]): TransportProblem {
  const patientById = new Map(patientList.map((p) => [p.id, p]));
  const vehicleById = new Map(vehicleList.map((v) => [v.id, v]));
  return {
    ...problem,
    passengers: problem.passengers.map((p) => {
      const record = patientById.get(p.patientId);
      return record ? { ...p, ref: record.localRef, initials: patientInitials(record), address: homeAddress(record) } : p;
    }),
    vehicles: problem.vehicles.map((v) => ({ ...v, name: vehicleById.get(v.id)?.name ?? v.name })),
  };
}

/** The newest published day plan for the date, else the newest draft (the lists say which). */
async function dayPlanFor(db: Knex, centreId: string, date: string): Promise<Plan> {
  const stored = (await plans.latestWithStatus(db, centreId, date, 'published')) ?? (await plans.latest(db, centreId, date));
  if (!stored) throw appError.notFound('plan for date', date);
  return stored;
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
    const stored_ = day.transport ?? noTransport(day, refOf);
    const problem = withCurrentLabels(stored_.problem, patientList, await vehicles.list(db, centreId));
    const { plan } = stored_;
    const notRouted: TransportView['notRouted'] = stored_.notRouted.map((r) => ({ patientId: r.patientId, ref: refOf.get(r.patientId) ?? r.ref, reason: r.reason }));
    const records = await runSheetRecords(db, centreId, patientList);
    return {
      centreId, centreName: centre.name, date, planVersion: stored.version, planStatus: stored.status, source: day.transport ? 'stored' : 'none',
      patientDays: stored_.patientDays.map((d) => ({ ...d, ref: refOf.get(d.patientId) ?? d.patientId, arrive: formatMinutes(d.arrivalMin), leave: formatMinutes(d.departureMin) })),
      runs: runSheets(problem, plan, centreAddress(centre)).map((sheet) => runView(sheet, records)),
      unserved: plan.unserved.map((u) => ({ patientId: u.patientId, ref: refOf.get(u.patientId) ?? u.patientId, run: u.kind, reason: u.reason, message: u.message })),
      notRouted: [...notRouted, ...plan.ownMeans.map((id) => ({ patientId: id, ref: refOf.get(id) ?? id, reason: 'own-means' }))],
      problem, plan,
    };
  },

  /** One vehicle's runs for the day (404 for a vehicle the centre does not have). */
  async forVehicle(db: Knex, centreId: string, date: string, vehicleId: string): Promise<TransportView & { vehicleId: string }> {
    await foundInCentre(db, centreId, await vehicles.findById(db, centreId, vehicleId), 'vehicle', vehicleId);
    const day = await transportService.forDay(db, centreId, date);
    return { ...day, vehicleId, runs: day.runs.filter((r) => r.vehicleId === vehicleId), unserved: day.unserved };
  },
};
