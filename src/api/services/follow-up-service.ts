// MDT outcome and follow-up booking (SPEC §1 step 4, §3E): the outcome records the care plan
// and the follow-ups it asks for; planning books them within the team's capacity and
// windows, routes home visits with planRounds and prefers a clinician the patient saw.
import type { PageRequest } from '../../db/keyset-page.ts';
import type { Knex } from 'knex';
import { z } from 'zod';
import { type HomeVisit, type RoundWorker, type TravelLocation, formatMinutes } from '../../../solver/index.ts';
import { centres } from '../../db/repositories/centres.ts';
import { followUps } from '../../db/repositories/follow-ups.ts';
import { patients } from '../../db/repositories/patients.ts';
import { plans } from '../../db/repositories/plans.ts';
import { preVisits } from '../../db/repositories/pre-visits.ts';
import { referralTransitions } from '../../db/repositories/referral-transitions.ts';
import { shifts } from '../../db/repositories/shifts.ts';
import { staffMembers } from '../../db/repositories/staff-members.ts';
import { patientInitials } from '../../domain/patient.ts';
import { idSchema, timeToMin } from '../../domain/primitives.ts';
import {
  defaultFollowUpTypes, followUpTypesBodySchema, mdtOutcomeSchema, type FollowUp, type FollowUpType,
} from '../../domain/referral-pathway.ts';
import { appError } from '../../errors/app-error.ts';
import { parseOrThrow } from '../../errors/from-zod-error.ts';
import { addDays } from '../../domain/local-date.ts';
import { shiftMinutes } from './booking-capacity.ts';
import { requireCentre, type Actor } from './centre-scoped-service.ts';
import type { Precondition } from '../record-etag.ts';
import { planRoundsInWorker } from '../../solving/workers/plan-rounds-in-worker.ts';
import { assignFollowUps, minutesNeeded, type FollowUpAssignment, type StaffDay } from './follow-up-assignment.ts';
import { describeReferralPatient, moveReferral, requireReferral, transitionRefused } from './pathway-service.ts';

/** POST …/follow-ups/plan (also described in the OpenAPI document). */
export const followUpPlanRequestSchema = z.strictObject({
  /** Only these referrals' follow-ups (default: every requested one of the centre). */
  referralIds: z.array(idSchema).optional(),
  seed: z.number().int().min(0).default(1),
  timeLimitMs: z.number().int().min(50).max(60_000).default(2000),
});

async function typesOf(db: Knex, centreId: string): Promise<{ source: 'centre' | 'default'; types: FollowUpType[] }> {
  const own = await followUps.listTypes(db, centreId);
  return own.length ? { source: 'centre', types: own } : { source: 'default', types: [...defaultFollowUpTypes] };
}

/** Clinicians each patient already saw: their ICC day's latest plan, and any named at the pre-visit. */
async function seenByPatient(db: Knex, centreId: string, requests: FollowUp[]): Promise<Map<string, Set<string>>> {
  const seen = new Map<string, Set<string>>();
  const add = (patientId: string, staffId: string | undefined) => {
    if (staffId) seen.set(patientId, (seen.get(patientId) ?? new Set()).add(staffId));
  };
  for (const referralId of new Set(requests.map((r) => r.referralId))) {
    const patientId = requests.find((r) => r.referralId === referralId)!.patientId;
    const iccDate = (await referralTransitions.findBooking(db, referralId))?.iccDate;
    const plan = iccDate ? await plans.latest(db, centreId, iccDate, 'day') : undefined;
    // A stored day plan's document is { problem, plan }; its activities name the staff.
    type Activities = { activities?: Array<{ patientId: string; staffId?: string }> };
    const document = plan?.document as (Activities & { plan?: Activities }) | undefined;
    const activities = document?.plan?.activities ?? document?.activities ?? [];
    for (const a of activities) if (a.patientId === patientId) add(patientId, a.staffId);
    for (const named of (await preVisits.findByReferral(db, referralId))?.namedClinicians ?? []) add(patientId, named.staffId);
  }
  return seen;
}

export const followUpService = {
  /** The centre's follow-up types, or the defaults while it has none. */
  types: async (db: Knex, centreId: string) => {
    await requireCentre(db, centreId);
    return typesOf(db, centreId);
  },
  /** PUT …/follow-ups/types: replaces the centre's types (`precondition`: If-Match, on the types as read, under a lock on the centre). */
  setTypes(db: Knex, centreId: string, body: unknown, precondition?: Precondition<Awaited<ReturnType<typeof typesOf>>>) {
    const types = parseOrThrow(followUpTypesBodySchema, body, 'follow-up types');
    return db.transaction(async (trx) => {
      await requireCentre(trx, centreId);
      await centres.lock(trx, centreId);
      precondition?.(await typesOf(trx, centreId));
      await followUps.replaceTypes(trx, centreId, types);
      return typesOf(trx, centreId);
    });
  },

  /** POST …/referrals/:id/mdt-outcome: after attendance, the care plan and its follow-up requests. */
  recordMdtOutcome(db: Knex, centreId: string, referralId: string, body: unknown, actor: Actor) {
    const input = parseOrThrow(mdtOutcomeSchema, body, 'MDT outcome');
    return db.transaction(async (trx) => {
      const referral = await requireReferral(trx, centreId, referralId);
      if (referral.status !== 'attended') throw transitionRefused(referral, 'mdt-outcome-recorded');
      // Windows count from the day they were assessed: the ICC day, or a care-home resident's outreach day.
      const held = await referralTransitions.findBooking(trx, referralId);
      const iccDate = held?.iccDate ?? held?.outreachDate;
      if (!iccDate) {
        const who = await describeReferralPatient(trx, referral);
        throw appError.conflict(`No ICC day is held for ${who}: follow-up windows count from it`, [{ path: 'followUps', message: 'the referral holds no ICC day' }]);
      }
      const { types } = await typesOf(trx, centreId);
      const byCode = new Map(types.map((t) => [t.code, t]));
      const requests = input.followUps.map((f, i) => {
        const type = byCode.get(f.type);
        if (!type) {
          const message = `unknown follow-up type "${f.type}"; the centre offers ${types.map((t) => t.code).join(', ')}`;
          throw appError.validation(`followUps.${i}.type: ${message}`, [{ path: `followUps.${i}.type`, message }]);
        }
        const start = f.windowStartDays ?? type.windowStartDays;
        const end = f.windowEndDays ?? type.windowEndDays;
        if (end < start) throw appError.validation(`followUps.${i}.windowEndDays must not be before windowStartDays`, [{ path: `followUps.${i}.windowEndDays`, message: `must not be before windowStartDays (${start})` }]);
        return {
          referralId, patientId: referral.patientId, typeCode: type.code, mode: type.mode, discipline: type.discipline, durationMin: type.durationMin,
          earliestDate: addDays(iccDate, start), latestDate: addDays(iccDate, end),
        };
      });
      const outcome = await followUps.insertOutcome(trx, referralId, { carePlan: input.carePlan, sharedWith: input.sharedWith, recordedBy: actor.name });
      const created = await followUps.insertMany(trx, centreId, requests);
      await moveReferral(trx, referral, 'mdt-outcome-recorded', actor, { note: `${created.length} follow-up(s) requested` });
      return { outcome, followUps: created };
    });
  },

  getMdtOutcome: async (db: Knex, centreId: string, referralId: string) => {
    await requireReferral(db, centreId, referralId);
    const outcome = await followUps.findOutcome(db, referralId);
    if (!outcome) throw appError.notFound('MDT outcome for referral', referralId);
    return { outcome, followUps: await followUps.list(db, centreId, { referralId }) };
  },

  page: async (db: Knex, centreId: string, query: Record<string, unknown>, page: PageRequest) => {
    await requireCentre(db, centreId);
    const where = parseOrThrow(z.strictObject({ status: z.enum(['requested', 'booked', 'unbooked']), referralId: idSchema }).partial(), query, 'follow-up filter');
    return followUps.page(db, centreId, where, page);
  },

  /**
   * POST …/follow-ups/plan: books every requested follow-up (or those of `referralIds`) and
   * stores the result; referrals with a booked follow-up move to follow-up-booked.
   */
  async plan(db: Knex, centreId: string, body: unknown, actor: Actor, signal?: AbortSignal) {
    const request = parseOrThrow(followUpPlanRequestSchema, body ?? {}, 'follow-up plan request');
    // Read, route on solver threads, then write in one transaction: never solve while it is open.
    {
      const centre = await requireCentre(db, centreId);
      const wanted = request.referralIds ? new Set(request.referralIds) : null;
      const pending = [...await followUps.list(db, centreId, { status: 'requested' }), ...await followUps.list(db, centreId, { status: 'unbooked' })]
        .filter((f) => !wanted || wanted.has(f.referralId));
      if (pending.length === 0) return { booked: [], unbooked: [], rounds: [] };
      const from = pending.reduce((m, f) => (f.earliestDate < m ? f.earliestDate : m), pending[0]!.earliestDate);
      const to = pending.reduce((m, f) => (f.latestDate > m ? f.latestDate : m), pending[0]!.latestDate);
      const staffById = new Map((await staffMembers.list(db, centreId)).filter((s) => s.active).map((s) => [s.id, s]));
      const staffDays: StaffDay[] = (await shifts.list(db, centreId)).filter((s) => s.date >= from && s.date <= to && staffById.has(s.staffId)).map((s) => ({
        staffId: s.staffId, discipline: staffById.get(s.staffId)!.discipline, date: s.date,
        shiftStartMin: timeToMin(s.start), shiftEndMin: timeToMin(s.end), freeMin: shiftMinutes(s),
      }));
      // Follow-ups booked earlier already use their clinicians' time.
      for (const done of await followUps.listBookedBetween(db, centreId, from, to)) {
        const day = staffDays.find((d) => d.staffId === done.staffId && d.date === done.bookedDate);
        if (day) day.freeMin -= minutesNeeded(done);
      }
      const seen = await seenByPatient(db, centreId, pending);
      const byId = new Map(pending.map((f) => [f.id, f]));
      const patientById = new Map((await patients.list(db, centreId)).map((p) => [p.id, p]));
      const unbooked: Array<{ followUpId: string; reason: string; message: string }> = [];
      const startMin = new Map<string, number>();
      const roundsByDate = new Map<string, Array<{ date: string; staffId: string; stops: Array<{ followUpId: string; patientRef: string; start: string; end: string }> }>>();
      const staffDayOf = (staffId: string, date: string) => staffDays.find((d) => d.staffId === staffId && d.date === date)!;

      /** Routes the date's home visits, each with its assigned clinician; returns those the router could not fit. */
      const routeDate = async (date: string, visits: FollowUpAssignment[]) => {
        const failed: Array<{ followUpId: string; reason: string; message: string }> = [];
        const locations: TravelLocation[] = [{ id: 'centre', lat: centre.lat!, lon: centre.lon! }];
        const homeVisits: HomeVisit[] = visits.map((a) => {
          const f = byId.get(a.followUpId)!;
          const patient = patientById.get(f.patientId)!;
          if (!locations.some((l) => l.id === `home:${patient.id}`)) locations.push({ id: `home:${patient.id}`, lat: patient.lat!, lon: patient.lon! });
          const day = staffDayOf(a.staffId, date);
          return {
            id: f.id, kind: 'follow-up', patientId: patient.id, patientRef: patient.localRef, patientInitials: patientInitials(patient), locationId: `home:${patient.id}`,
            durationMin: f.durationMin, window: { startMin: day.shiftStartMin, endMin: day.shiftEndMin }, requiredSkill: `staff:${a.staffId}`,
          };
        });
        const workers: RoundWorker[] = [...new Set(visits.map((a) => a.staffId))].map((id) => {
          const day = staffDayOf(id, date);
          return { id, name: staffById.get(id)!.name, baseLocationId: 'centre', shift: { startMin: day.shiftStartMin, endMin: day.shiftEndMin }, skills: [`staff:${id}`] };
        });
        const routed = await planRoundsInWorker({ date, locations, workers, visits: homeVisits }, { seed: request.seed, timeLimitMs: request.timeLimitMs }, signal);
        for (const u of routed.unplanned) failed.push({ followUpId: u.visitId, reason: u.reason, message: `routing on ${date}: ${u.message}` });
        roundsByDate.set(date, routed.rounds.filter((r) => r.stops.length > 0).map((round) => {
          for (const st of round.stops) startMin.set(st.visitId, st.startMin);
          return { date, staffId: round.workerId, stops: round.stops.map((st) => ({ followUpId: st.visitId, patientRef: patientById.get(st.patientId)!.localRef, start: formatMinutes(st.startMin), end: formatMinutes(st.endMin) })) };
        }));
        return failed;
      };

      // Assign, route, and give a home visit the router could not fit another day (up to three passes).
      let accepted: FollowUpAssignment[] = [];
      let capacity = staffDays;
      let toAssign = pending.filter((f) => {
        if (f.mode !== 'home-visit') return true;
        const patient = patientById.get(f.patientId)!;
        const why = centre.lat === null || centre.lon === null
          ? 'the centre has no coordinates (lat, lon) to route home visits from'
          : patient.lat == null || patient.lon == null ? `patient ${patient.localRef} has no coordinates (lat, lon) to route the visit` : null;
        if (why) unbooked.push({ followUpId: f.id, reason: 'no-coordinates', message: why });
        return why === null;
      });
      const excluded = new Map<string, Set<string>>();
      const lastRoutingFailure = new Map<string, { reason: string; message: string }>();
      for (let pass = 0; pass < 3 && toAssign.length > 0; pass++) {
        const { assigned, refused, remaining } = assignFollowUps(toAssign, capacity, seen, excluded);
        capacity = remaining;
        for (const r of refused) unbooked.push(lastRoutingFailure.has(r.followUpId) ? { followUpId: r.followUpId, ...lastRoutingFailure.get(r.followUpId)! } : r);
        accepted = [...accepted, ...assigned];
        const touched = new Set(assigned.filter((a) => byId.get(a.followUpId)!.mode === 'home-visit').map((a) => a.date));
        const failed = (await Promise.all([...touched].map((date) => routeDate(date, accepted.filter((a) => a.date === date && byId.get(a.followUpId)!.mode === 'home-visit'))))).flat();
        const failedIds = new Set(failed.map((f) => f.followUpId));
        for (const f of failed) {
          const a = accepted.find((x) => x.followUpId === f.followUpId)!;
          excluded.set(f.followUpId, (excluded.get(f.followUpId) ?? new Set()).add(a.date));
          lastRoutingFailure.set(f.followUpId, { reason: f.reason, message: f.message });
          const day = capacity.find((d) => d.staffId === a.staffId && d.date === a.date);
          if (day) day.freeMin += minutesNeeded(byId.get(f.followUpId)!);
          startMin.delete(f.followUpId);
        }
        accepted = accepted.filter((a) => !failedIds.has(a.followUpId));
        toAssign = failed.map((f) => byId.get(f.followUpId)!);
        if (pass === 2) for (const f of failed) unbooked.push(f);
      }
      const assigned = accepted;
      const rounds = [...roundsByDate.values()].flat();

      const refusedIds = new Set(unbooked.map((u) => u.followUpId));
      return db.transaction(async (trx) => {
        const booked: FollowUp[] = [];
        for (const a of assigned) {
          if (refusedIds.has(a.followUpId)) continue;
          booked.push(await followUps.saveBooking(trx, a.followUpId, {
            status: 'booked', bookedDate: a.date, staffId: a.staffId, startMin: startMin.get(a.followUpId) ?? null, continuity: a.continuity, unbookedReason: null,
          }));
        }
        const stored = [];
        for (const u of unbooked) {
          stored.push({ ...(await followUps.saveBooking(trx, u.followUpId, { status: 'unbooked', bookedDate: null, staffId: null, startMin: null, continuity: false, unbookedReason: u.message })), reason: u.reason });
        }
        for (const referralId of new Set(booked.map((f) => f.referralId))) {
          const referral = await requireReferral(trx, centreId, referralId);
          if (referral.status === 'mdt-outcome-recorded') await moveReferral(trx, referral, 'follow-up-booked', actor, { note: 'follow-ups booked' });
        }
        return { booked, unbooked: stored, rounds };
      });
    }
  },
};
