// Booking over the API (SPEC §3A): plan pre-visit dates and ICC days for the waiting
// referrals with planBooking, and confirm a plan onto the referrals. Capacity comes from the
// rota (booking-capacity.ts); already-booked referrals are pins and stay where they are.
import type { Knex } from 'knex';
import { z } from 'zod';
import type { BookingPlan, BookingReferral, DisciplineMinutes } from '../../../solver/index.ts';
import { solve, SolveInputError } from '../../solving/workers/solve-pool.ts';
import { assessmentTypes } from '../../db/repositories/assessment-types.ts';
import { patients } from '../../db/repositories/patients.ts';
import { preVisits } from '../../db/repositories/pre-visits.ts';
import { referralTransitions } from '../../db/repositories/referral-transitions.ts';
import { referrals } from '../../db/repositories/referrals.ts';
import { shifts } from '../../db/repositories/shifts.ts';
import { centreShifts, outreachTeamKeys } from '../../solving/problem/outreach-teams.ts';
import { staffMembers } from '../../db/repositories/staff-members.ts';
import type { Patient } from '../../domain/patient.ts';
import type { PreVisit } from '../../domain/pre-visit.ts';
import { idSchema, localDateSchema } from '../../domain/primitives.ts';
import { waitingStatuses } from '../../domain/referral-pathway.ts';
import type { Referral } from '../../domain/referral.ts';
import { appError } from '../../errors/app-error.ts';
import { parseOrThrow } from '../../errors/from-zod-error.ts';
import { addDays, daysBetween } from '../../domain/local-date.ts';
import { bookingCapacity, closedReason } from './booking-capacity.ts';
import { requireCentre, type Actor } from './centre-scoped-service.ts';
import { moveReferral, requireReferral } from './pathway-service.ts';

/** Defaults of POST …/bookings/plan (documented in the README). */
export const bookingPlanDefaults = {
  days: 60,
  backend: 'javascript-lp-solver' as const,
  timeLimitMs: 20_000,
  patientPlacesPerDay: 8,
  preVisitsPerSupportWorker: 4,
  supportWorkerDiscipline: 'support-worker',
};

/** POST …/bookings/plan (also described in the OpenAPI document). */
export const bookingPlanRequestSchema = z.strictObject({
  from: localDateSchema,
  days: z.number().int().min(1).max(180).default(bookingPlanDefaults.days),
  minLeadDays: z.number().int().min(0).max(90).optional(),
  maxLeadDays: z.number().int().min(0).max(180).optional(),
  targetWaitDays: z.number().int().min(0).max(365).optional(),
  backend: z.enum(['javascript-lp-solver', 'highs']).default(bookingPlanDefaults.backend),
  timeLimitMs: z.number().int().min(100).max(300_000).default(bookingPlanDefaults.timeLimitMs),
  patientPlacesPerDay: z.number().int().min(0).max(200).default(bookingPlanDefaults.patientPlacesPerDay),
  preVisitsPerSupportWorker: z.number().int().min(0).max(20).default(bookingPlanDefaults.preVisitsPerSupportWorker),
  supportWorkerDiscipline: z.string().min(1).default(bookingPlanDefaults.supportWorkerDiscipline),
}).refine((r) => r.minLeadDays === undefined || r.maxLeadDays === undefined || r.minLeadDays <= r.maxLeadDays, {
  message: 'must not exceed maxLeadDays', path: ['minLeadDays'],
});

/** POST …/bookings/confirm. */
export const bookingConfirmRequestSchema = z.strictObject({
  proposals: z.array(z.strictObject({ referralId: idSchema, preVisitDate: localDateSchema.nullable().optional(), iccDate: localDateSchema })).min(1),
});

export interface BookingProposal {
  referralId: string;
  patientId: string;
  patientRef: string;
  /** Null when the pre-visit is already done and its date unknown. */
  preVisitDate: string | null;
  iccDate: string;
  waitDays: number;
  pinned: boolean;
  priority: number;
  /** A pre-visit outcome is recorded, so the ICC day can be booked outright (else it is held). */
  preVisitRecorded: boolean;
}

/** Minutes per discipline a pre-visit outcome asks for (its required assessment types). */
function minutesFromPreVisit(preVisit: PreVisit, typeById: Map<string, { discipline: string; durationMin: number }>): DisciplineMinutes {
  const minutes: DisciplineMinutes = {};
  for (const id of preVisit.requiredAssessmentTypeIds) {
    const type = typeById.get(id);
    if (type) minutes[type.discipline] = (minutes[type.discipline] ?? 0) + type.durationMin;
  }
  return minutes;
}

/** The rounded mean of the recorded needs: the estimate for a referral not yet visited. */
function meanMinutes(all: DisciplineMinutes[]): DisciplineMinutes {
  const sums: DisciplineMinutes = {};
  for (const m of all) for (const [k, v] of Object.entries(m)) sums[k] = (sums[k] ?? 0) + v;
  return Object.fromEntries(Object.entries(sums).map(([k, v]) => [k, Math.round(v / all.length)]));
}

export const bookingService = {
  /** POST …/bookings/plan: proposals for every waiting referral, the LP bound, gap and the unbooked with reasons. */
  async plan(db: Knex, centreId: string, body: unknown, signal?: AbortSignal) {
    const request = parseOrThrow(bookingPlanRequestSchema, body, 'booking plan request');
    const centre = await requireCentre(db, centreId);
    const to = addDays(request.from, request.days - 1);
    const [allReferrals, patientList, staff, allShifts, types] = await Promise.all([
      referrals.list(db, centreId), patients.list(db, centreId), staffMembers.list(db, centreId), shifts.list(db, centreId), assessmentTypes.list(db, centreId),
    ]);
    const patientById = new Map<string, Patient>(patientList.map((p) => [p.id, p]));
    const typeById = new Map(types.map((t) => [t.id, t]));
    const ids = allReferrals.map((r) => r.id);
    const outcomeByReferral = new Map((await preVisits.listByReferrals(db, ids)).map((p) => [p.referralId, p]));
    const bookingByReferral = new Map((await referralTransitions.listBookings(db, ids)).map((b) => [b.referralId, b]));
    const dayIndex = (date: string) => daysBetween(request.from, date);
    const inHorizon = (date: string | null | undefined): date is string => !!date && date >= request.from && date <= to;

    const estimate = meanMinutes([...outcomeByReferral.values()].map((p) => minutesFromPreVisit(p, typeById)));
    // Care-home residents are assessed at their home: they are booked to outreach days (…/outreach-bookings), not here.
    const considered = allReferrals.filter((r) => !patientById.get(r.patientId)?.careHomeId)
      .filter((r) => waitingStatuses.includes(r.status) || (r.status === 'day-booked' && inHorizon(bookingByReferral.get(r.id)?.iccDate)));
    const problem: BookingReferral[] = considered.map((r) => {
      const patient = patientById.get(r.patientId)!;
      const outcome = outcomeByReferral.get(r.id);
      const held = bookingByReferral.get(r.id);
      const visitDate = held?.preVisitDate ?? outcome?.visitDate ?? null;
      const unavailableDays = patient.unavailableDates.filter(inHorizon).map(dayIndex);
      const referral: BookingReferral = {
        id: r.id,
        referralDay: Math.min(dayIndex(r.referredDate), request.days - 1),
        efi: patient.efiCategory,
        urgent: r.urgent,
        requiredMinutes: outcome ? minutesFromPreVisit(outcome, typeById) : estimate,
        ...(unavailableDays.length ? { unavailableDays } : {}),
      };
      // Pins: a booked day stays; a done (or booked) pre-visit keeps its date.
      const preVisitDay = visitDate ? dayIndex(visitDate) : outcome ? -(request.minLeadDays ?? 2) : undefined;
      if (r.status === 'day-booked' && held?.iccDate) referral.pin = { iccDay: dayIndex(held.iccDate), preVisitDay: preVisitDay ?? -1 };
      else if (preVisitDay !== undefined && (outcome || r.status === 'pre-visit-booked')) referral.pin = { preVisitDay };
      return referral;
    });

    // Staff out on an outreach team that date give the ICC day no minutes.
    const atCentre = centreShifts(allShifts, await outreachTeamKeys(db, centreId));
    const capacity = bookingCapacity(centre, staff, atCentre.filter((s) => s.date >= addDays(request.from, -1) && s.date <= to), request.from, request.days, request);
    let plan: BookingPlan;
    try {
      // The MIP runs on a solver thread (up to 300 s): the event loop keeps answering.
      plan = await solve<'plan-booking', BookingPlan>('plan-booking', {
        referrals: problem, capacity,
        horizon: {
          days: request.days, startDate: request.from,
          ...(request.minLeadDays !== undefined ? { minLeadDays: request.minLeadDays } : {}),
          ...(request.maxLeadDays !== undefined ? { maxLeadDays: request.maxLeadDays } : {}),
          ...(request.targetWaitDays !== undefined ? { targetWaitDays: request.targetWaitDays } : {}),
        },
        backend: request.backend, timeLimitMs: request.timeLimitMs,
      }, { timeLimitMs: request.timeLimitMs, ...(signal ? { signal } : {}) }).result;
    } catch (error) {
      if (error instanceof SolveInputError && error.code === 'booking_input') throw appError.validation(`Booking input: ${error.message}`, [{ path: error.field, message: error.message }]);
      throw error;
    }
    const byId = new Map(considered.map((r) => [r.id, r]));
    const refOf = (referralId: string) => patientById.get(byId.get(referralId)!.patientId)!;
    const proposals: BookingProposal[] = plan.bookings.map((b) => ({
      referralId: b.referralId,
      patientId: refOf(b.referralId).id,
      patientRef: refOf(b.referralId).localRef,
      preVisitDate: b.preVisitDay >= 0 ? addDays(request.from, b.preVisitDay) : (bookingByReferral.get(b.referralId)?.preVisitDate ?? outcomeByReferral.get(b.referralId)?.visitDate ?? null),
      iccDate: addDays(request.from, b.iccDay),
      waitDays: b.waitDays,
      pinned: b.pinned,
      priority: b.priority,
      preVisitRecorded: outcomeByReferral.has(b.referralId),
    }));
    return {
      horizon: { from: request.from, to, days: request.days },
      backend: plan.backend,
      method: plan.method,
      strategy: plan.strategy,
      status: plan.status,
      objective: plan.objective,
      bound: plan.bound,
      gapPct: plan.gapPct,
      maxWaitDays: plan.maxWaitDays,
      proposals,
      unbooked: plan.unbooked.map((u) => ({ ...u, patientRef: refOf(u.referralId).localRef })),
      closedDays: capacity.flatMap((c, d) => (c.open ? [] : [{ date: addDays(request.from, d), reason: c.closedReason ?? 'closed' }])),
      warnings: plan.warnings,
      stats: { variables: plan.stats.variables, constraints: plan.stats.constraints, elapsedMs: plan.stats.elapsedMs ?? null, messages: plan.stats.messages },
    };
  },

  /**
   * POST …/bookings/confirm `{ proposals: [{ referralId, preVisitDate?, iccDate }] }`: stores the
   * dates on each referral, all or nothing. A referral with a recorded pre-visit moves to
   * day-booked; one without moves to pre-visit-booked and holds its ICC day until the
   * pre-visit is recorded (no ICC day is booked without one).
   */
  confirm(db: Knex, centreId: string, body: unknown, actor: Actor) {
    const request = parseOrThrow(bookingConfirmRequestSchema, body, 'booking confirmation');
    return db.transaction(async (trx) => {
      const centre = await requireCentre(trx, centreId);
      const confirmed: Array<{ referralId: string; status: Referral['status']; preVisitDate: string | null; iccDate: string }> = [];
      for (const [i, p] of request.proposals.entries()) {
        const at = `proposals.${i}`;
        const referral = await requireReferral(trx, centreId, p.referralId).catch(() => {
          throw appError.referenceNotFound(`${at}.referralId refers to referral ${p.referralId}, which does not exist in this centre`, [{ path: `${at}.referralId`, message: 'no such referral in this centre' }]);
        });
        const closed = closedReason(centre, p.iccDate);
        if (closed) throw appError.conflict(`${at}.iccDate: ${closed}`, [{ path: `${at}.iccDate`, message: closed }]);
        if (p.preVisitDate && p.preVisitDate >= p.iccDate) {
          throw appError.validation(`${at}.preVisitDate must be before the ICC day ${p.iccDate}`, [{ path: `${at}.preVisitDate`, message: `must be before iccDate ${p.iccDate}` }]);
        }
        const recorded = !!(await preVisits.findByReferral(trx, referral.id));
        const note = `booking confirmed: ICC day ${p.iccDate}`;
        if (recorded) {
          if (p.preVisitDate) await referralTransitions.saveBooking(trx, referral.id, { preVisitDate: p.preVisitDate });
          if (referral.status === 'pre-visit-done' || referral.status === 'did-not-attend') {
            await moveReferral(trx, referral, 'day-booked', actor, { note, date: p.iccDate, dateField: `${at}.iccDate` });
          } else if (referral.status === 'day-booked') {
            await referralTransitions.saveBooking(trx, referral.id, { iccDate: p.iccDate });
          } else {
            throw appError.conflict(`${at}.referralId: referral ${referral.id} is "${referral.status}", not waiting for a booking`, [{ path: `${at}.referralId`, message: `status ${referral.status} is not waiting for a booking` }]);
          }
        } else {
          if (!p.preVisitDate) {
            throw appError.validation(`${at}.preVisitDate is required: no pre-visit is recorded for referral ${referral.id}`, [{ path: `${at}.preVisitDate`, message: 'is required when no pre-visit is recorded' }]);
          }
          await referralTransitions.saveBooking(trx, referral.id, { iccDate: p.iccDate, preVisitDate: p.preVisitDate });
          if (referral.status === 'received') await moveReferral(trx, referral, 'pre-visit-booked', actor, { note: `${note} held until the pre-visit is recorded`, date: p.preVisitDate });
          else if (referral.status !== 'pre-visit-booked') {
            throw appError.conflict(`${at}.referralId: referral ${referral.id} is "${referral.status}", not waiting for a booking`, [{ path: `${at}.referralId`, message: `status ${referral.status} is not waiting for a booking` }]);
          }
        }
        const after = await requireReferral(trx, centreId, referral.id);
        const held = await referralTransitions.findBooking(trx, referral.id);
        confirmed.push({ referralId: referral.id, status: after.status, preVisitDate: held?.preVisitDate ?? null, iccDate: p.iccDate });
      }
      return { confirmed };
    });
  },
};
