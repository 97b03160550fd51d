// Pre-visit rounds for one date (SPEC §3B): the referrals holding that date as their pre-visit,
// routed with planRounds across the support workers on shift, travel estimated from
// coordinates. Reusable: the JSON route, and the CSV/HTML round sheets and feeds, call
// `preVisitRoundsService.plan` and render its answer.
import type { Knex } from 'knex';
import { z } from 'zod';
import { type HomeVisit, type RoundsPlan, type RoundsProblem, type RoundWorker, type TravelLocation, formatMinutes } from '../../../solver/index.ts';
import { patients } from '../../db/repositories/patients.ts';
import { referralTransitions } from '../../db/repositories/referral-transitions.ts';
import { referrals } from '../../db/repositories/referrals.ts';
import { shifts } from '../../db/repositories/shifts.ts';
import { staffMembers } from '../../db/repositories/staff-members.ts';
import { patientInitials, type Patient } from '../../domain/patient.ts';
import { localDateSchema, timeToMin } from '../../domain/primitives.ts';
import { appError } from '../../errors/app-error.ts';
import { parseOrThrow } from '../../errors/from-zod-error.ts';
import { requireCentre } from './centre-scoped-service.ts';
import { planRoundsInWorker } from '../../solving/workers/plan-rounds-in-worker.ts';

/** Defaults of GET …/days/:date/pre-visit-rounds (query parameters override them). */
export const preVisitRoundsDefaults = { visitDurationMin: 60, supportWorkerDiscipline: 'support-worker', timeLimitMs: 2000, seed: 1 };

/**
 * What the rounds weigh: each support worker sent out costs as much as 30 minutes of driving,
 * so neighbouring homes go to one worker in a row where the day allows, and no worker is sent
 * out for one visit next door to another's. Measured on the demo pre-visit day (12 visits,
 * 3 workers on shift, 2,000 iterations, seed 1): 3 workers and 84 min of travel without it,
 * 2 workers (6 visits each, back by 15:13) and 79 min with it.
 */
export const preVisitRoundsWeights = { balanceWeight: 0.2, workerCost: 30 };

const querySchema = z.strictObject({
  date: localDateSchema,
  visitDurationMin: z.coerce.number().int().min(10).max(240).default(preVisitRoundsDefaults.visitDurationMin),
  supportWorkerDiscipline: z.string().min(1).default(preVisitRoundsDefaults.supportWorkerDiscipline),
  timeLimitMs: z.coerce.number().int().min(50).max(60_000).default(preVisitRoundsDefaults.timeLimitMs),
  seed: z.coerce.number().int().min(0).default(preVisitRoundsDefaults.seed),
});

const hhmm = formatMinutes;
const CLOSED = new Set(['cancelled', 'declined', 'discharged']);

export interface PreVisitStopView {
  visitId: string;
  referralId: string;
  patientId: string;
  patientRef: string;
  patientInitials: string;
  /** The support worker visits the home: full name, phones and access notes (each read is audited). */
  patientName: string;
  phone: string | null;
  carerName: string | null;
  carerPhone: string | null;
  accessNotes: string | null;
  /** Address lines and postcode on one line (the postcode is also given alone, for sorting). */
  address: string;
  postcode: string;
  arrive: string;
  start: string;
  end: string;
  travelMinFromPrevious: number;
}

export interface PreVisitRoundsView {
  date: string;
  rounds: Array<{ workerId: string; workerName: string; leave: string; return: string; travelMin: number; distanceKm: number; visitMin: number; stops: PreVisitStopView[] }>;
  unplanned: Array<{ visitId: string; referralId: string; patientRef: string; reason: string; message: string }>;
  totalTravelMin: number;
  /** What planRounds saw and answered, for renderers that need minutes. */
  problem: RoundsProblem;
  plan: RoundsPlan;
}

/** The rounds problem for the date (exported for the round sheets and tests). */
export async function buildPreVisitRoundsProblem(db: Knex, centreId: string, date: string, options: { visitDurationMin: number; supportWorkerDiscipline: string }) {
  const centre = await requireCentre(db, centreId);
  if (centre.lat === null || centre.lon === null) {
    throw appError.conflict('The centre has no coordinates (lat, lon): rounds start and end there', [{ path: 'lat', message: 'the centre needs lat and lon to route rounds' }]);
  }
  const held = await referralTransitions.listOnDate(db, centreId, 'preVisitDate', date);
  const referralById = new Map((await referrals.list(db, centreId)).map((r) => [r.id, r]));
  const patientById = new Map<string, Patient>((await patients.list(db, centreId)).map((p) => [p.id, p]));
  const staffById = new Map((await staffMembers.list(db, centreId)).map((s) => [s.id, s]));
  const locations: TravelLocation[] = [{ id: 'centre', lat: centre.lat, lon: centre.lon }];
  const visits: HomeVisit[] = [];
  const referralOfVisit = new Map<string, string>();
  const unroutable: PreVisitRoundsView['unplanned'] = [];
  const day = { startMin: timeToMin(centre.openingHours.start), endMin: timeToMin(centre.openingHours.end) };
  // The same bookings give the same rounds: visits in the patients' reference order, workers by
  // name (the database lists them by random ids, and the planner's answer depends on the order).
  const refOf = (referralId: string) => patientById.get(referralById.get(referralId)?.patientId ?? '')?.localRef ?? referralId;
  const ordered = [...held].sort((a, b) => refOf(a.referralId).localeCompare(refOf(b.referralId)) || a.referralId.localeCompare(b.referralId));
  for (const booking of ordered) {
    const referral = referralById.get(booking.referralId);
    if (!referral || CLOSED.has(referral.status)) continue;
    const patient = patientById.get(referral.patientId)!;
    const visitId = `pre-visit:${referral.id}`;
    if (patient.lat == null || patient.lon == null) {
      unroutable.push({ visitId, referralId: referral.id, patientRef: patient.localRef, reason: 'no-coordinates', message: `patient ${patient.localRef} has no coordinates (lat, lon): travel to ${patient.postcode} cannot be estimated` });
      continue;
    }
    const locationId = `home:${patient.id}`;
    if (!locations.some((l) => l.id === locationId)) locations.push({ id: locationId, lat: patient.lat, lon: patient.lon });
    referralOfVisit.set(visitId, referral.id);
    visits.push({
      id: visitId, kind: 'pre-visit', patientId: patient.id, patientRef: patient.localRef, patientInitials: patientInitials(patient),
      locationId, address: [...patient.addressLines, patient.postcode].join(', '), durationMin: options.visitDurationMin, window: day,
    });
  }
  const workers: RoundWorker[] = (await shifts.list(db, centreId, { date }))
    .filter((s) => staffById.get(s.staffId)?.discipline === options.supportWorkerDiscipline && staffById.get(s.staffId)?.active)
    .map((s) => ({ id: s.staffId, name: staffById.get(s.staffId)!.name, baseLocationId: 'centre', shift: { startMin: timeToMin(s.start), endMin: timeToMin(s.end) }, skills: ['pre-visit'] }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  const problem: RoundsProblem = { date, locations, workers, visits };
  return { problem, referralOfVisit, unroutable, patientById, staffById };
}

export const preVisitRoundsService = {
  /** Routes the date's booked pre-visits; query: visitDurationMin, supportWorkerDiscipline, timeLimitMs, seed. */
  async plan(db: Knex, centreId: string, date: string, query: Record<string, unknown> = {}, signal?: AbortSignal): Promise<PreVisitRoundsView> {
    const request = parseOrThrow(querySchema, { ...query, date }, 'pre-visit rounds request');
    const built = await buildPreVisitRoundsProblem(db, centreId, request.date, request);
    const plan = await planRoundsInWorker(built.problem, { ...preVisitRoundsWeights, seed: request.seed, timeLimitMs: request.timeLimitMs }, signal);
    const visitById = new Map(built.problem.visits.map((v) => [v.id, v]));
    return {
      date: request.date,
      rounds: plan.rounds.filter((r) => r.stops.length > 0).map((r) => ({
        workerId: r.workerId,
        workerName: built.staffById.get(r.workerId)?.name ?? r.workerId,
        leave: hhmm(r.leaveMin), return: hhmm(r.returnMin), travelMin: r.travelMin, distanceKm: r.distanceKm, visitMin: r.visitMin,
        stops: r.stops.map((s) => {
          const patient = built.patientById.get(s.patientId)!;
          return {
            visitId: s.visitId, referralId: built.referralOfVisit.get(s.visitId)!, patientId: s.patientId, patientRef: patient.localRef,
            patientInitials: patientInitials(patient), patientName: `${patient.givenName} ${patient.familyName}`, phone: patient.phone,
            carerName: patient.carer?.name ?? null, carerPhone: patient.carer?.phone ?? null, accessNotes: patient.accessNotes,
            address: visitById.get(s.visitId)?.address ?? '', postcode: patient.postcode,
            arrive: hhmm(s.arriveMin), start: hhmm(s.startMin), end: hhmm(s.endMin), travelMinFromPrevious: s.travelMinFromPrevious,
          };
        }),
      })),
      unplanned: [
        ...built.unroutable,
        ...plan.unplanned.map((u) => ({ visitId: u.visitId, referralId: built.referralOfVisit.get(u.visitId)!, patientRef: built.patientById.get(u.patientId)?.localRef ?? u.patientId, reason: u.reason, message: u.message })),
      ],
      totalTravelMin: plan.totalTravelMin,
      problem: built.problem,
      plan,
    };
  },
};
