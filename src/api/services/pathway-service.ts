// Moving a referral along its pathway (SPEC §1): the one place that checks a move against
// the table in src/domain/referral-pathway.ts and the move's preconditions (a recorded
// pre-visit before an ICC day is booked, a date to book), then records who and when.
import type { Knex } from 'knex';
import { followUps } from '../../db/repositories/follow-ups.ts';
import { patients } from '../../db/repositories/patients.ts';
import { preVisits } from '../../db/repositories/pre-visits.ts';
import { outreachDays } from '../../db/repositories/outreach-days.ts';
import { referralTransitions } from '../../db/repositories/referral-transitions.ts';
import { referrals } from '../../db/repositories/referrals.ts';
import { webhookDeliveries } from '../../db/repositories/webhooks.ts';
import type { Centre } from '../../domain/centre.ts';
import { allowedNext, canTransition, referralTransitionSchema, type ReferralBooking } from '../../domain/referral-pathway.ts';
import type { Referral, ReferralStatus } from '../../domain/referral.ts';
import { AppError, appError } from '../../errors/app-error.ts';
import { parseOrThrow } from '../../errors/from-zod-error.ts';
import { isoWeekday } from '../../domain/local-date.ts';
import { foundInCentre, requireCentre, type Actor } from './centre-scoped-service.ts';

export interface PathwayView {
  referralId: string;
  status: ReferralStatus;
  allowedNext: readonly ReferralStatus[];
  booking: { preVisitDate: string | null; iccDate: string | null; outreachDate: string | null };
  statusHistory: Referral['statusHistory'];
}

/** 409 listing the statuses that may follow the current one. */
export function transitionRefused(referral: Referral, to: ReferralStatus): AppError {
  const allowed = allowedNext(referral.status);
  return new AppError({
    code: 'conflict',
    status: 409,
    message: `Referral ${referral.id} cannot move from "${referral.status}" to "${to}"; allowed next: ${allowed.length ? allowed.join(', ') : 'none (the pathway has ended)'}`,
    details: { path: 'to', from: referral.status, to, allowed },
  });
}

export async function requireReferral(db: Knex, centreId: string, id: string): Promise<Referral> {
  return foundInCentre(db, centreId, await referrals.findById(db, centreId, id), 'referral', id);
}

/** "patient ICC-0001 (Margaret Hall)" for messages a coordinator reads. */
export async function describeReferralPatient(db: Knex, referral: Referral): Promise<string> {
  const patient = await patients.findById(db, referral.centreId, referral.patientId);
  return patient ? `patient ${patient.localRef} (${patient.givenName} ${patient.familyName})` : `patient ${referral.patientId}`;
}

/** 409 unless the centre runs ICC days on `date`, naming `field`. */
export function requireOpenDay(centre: Centre, date: string, field: string): void {
  const closed = centre.closedDates.includes(date)
    ? `the centre is closed on ${date} (closedDates)`
    : !centre.openWeekdays.includes(isoWeekday(date)) ? `the centre does not run ICC days on ${date} (ISO weekday ${isoWeekday(date)} is not in openWeekdays)` : null;
  if (closed) throw appError.conflict(`${field}: ${closed}`, [{ path: field, message: closed }]);
}

/**
 * Checks the move and its preconditions, stores the date it books and records the history
 * row. Call inside a transaction. `date`: the pre-visit date (→ pre-visit-booked, optional) or
 * the ICC day (→ day-booked; without it the date held from a confirmed booking is used).
 */
export async function moveReferral(
  trx: Knex, referral: Referral, to: ReferralStatus, actor: Actor, options: { note?: string | null; date?: string; dateField?: string } = {},
): Promise<void> {
  if (!canTransition(referral.status, to)) throw transitionRefused(referral, to);
  const dateField = options.dateField ?? 'date';
  const held = await referralTransitions.findBooking(trx, referral.id);
  if (to === 'pre-visit-booked') {
    // The visit date may still be being arranged; rounds pick the referral up once it is held.
    if (options.date) await referralTransitions.saveBooking(trx, referral.id, { preVisitDate: options.date });
  }
  if (to === 'pre-visit-done' && !(await preVisits.findByReferral(trx, referral.id))) {
    const who = await describeReferralPatient(trx, referral);
    throw appError.conflict(`No pre-visit outcome is recorded for ${who}: record it with PUT …/referrals/${referral.id}/pre-visit`, [
      { path: 'to', message: `no pre-visit outcome recorded for ${who}` },
    ]);
  }
  if (to === 'day-booked') {
    const who = await describeReferralPatient(trx, referral);
    if (!(await preVisits.findByReferral(trx, referral.id))) {
      throw appError.conflict(`No ICC day can be booked for ${who}: no pre-visit outcome is recorded (the pre-visit decides what they need)`, [
        { path: 'to', message: `no pre-visit outcome recorded for ${who}` },
      ]);
    }
    const patient = await patients.findById(trx, referral.centreId, referral.patientId);
    if (patient?.careHomeId) {
      // A care-home resident is assessed at their home: the day booked is an outreach day.
      const date = options.date ?? held?.outreachDate;
      if (!date) throw appError.validation(`${dateField}: booking an outreach day for ${who} (a care-home resident) needs the date`, [{ path: dateField, message: 'is required to book the outreach day' }]);
      if ((await outreachDays.list(trx, referral.centreId, { date })).length === 0) {
        const message = `there is no outreach day on ${date}: care-home residents are booked to outreach days (POST …/outreach-days)`;
        throw appError.conflict(`${dateField}: ${message}`, [{ path: dateField, message }]);
      }
      await referralTransitions.saveBooking(trx, referral.id, { outreachDate: date, iccDate: null });
    } else {
      const date = options.date ?? held?.iccDate;
      if (!date) throw appError.validation(`${dateField}: booking an ICC day for ${who} needs the date`, [{ path: dateField, message: 'is required to book the ICC day' }]);
      requireOpenDay(await requireCentre(trx, referral.centreId), date, dateField);
      await referralTransitions.saveBooking(trx, referral.id, { iccDate: date });
    }
  }
  if (to === 'mdt-outcome-recorded' && !(await followUps.findOutcome(trx, referral.id))) {
    throw appError.conflict(`No MDT outcome is recorded: record it with POST …/referrals/${referral.id}/mdt-outcome`, [{ path: 'to', message: 'no MDT outcome recorded' }]);
  }
  if (to === 'follow-up-booked' && !(await followUps.list(trx, referral.centreId, { referralId: referral.id, status: 'booked' })).length) {
    throw appError.conflict('No follow-up is booked for this referral: book them with POST …/follow-ups/plan', [{ path: 'to', message: 'no booked follow-up' }]);
  }
  const moved = await referralTransitions.move(trx, referral.centreId, referral.id, referral.status, to, actor.name, options.note ?? null);
  if (!moved) throw appError.conflict(`Referral ${referral.id} changed status while this request ran; read it again`, [{ path: 'to', message: 'status changed concurrently' }]);
  // The referral.status-changed webhook, queued with the move (every move of a referral passes here).
  await webhookDeliveries.enqueue(trx, referral.centreId, 'referral.status-changed', {
    referralId: referral.id, patientId: referral.patientId, from: referral.status, to, note: options.note ?? null,
    referralUrl: `/api/centres/${referral.centreId}/referrals/${referral.id}`, serviceRequestUrl: `/fhir/r4/${referral.centreId}/ServiceRequest/${referral.id}`,
  });
}

async function viewOf(db: Knex, centreId: string, id: string): Promise<PathwayView> {
  const referral = await requireReferral(db, centreId, id);
  const booking: ReferralBooking | undefined = await referralTransitions.findBooking(db, id);
  return {
    referralId: id,
    status: referral.status,
    allowedNext: allowedNext(referral.status),
    booking: { preVisitDate: booking?.preVisitDate ?? null, iccDate: booking?.iccDate ?? null, outreachDate: booking?.outreachDate ?? null },
    statusHistory: referral.statusHistory,
  };
}

export const pathwayService = {
  /** The referral's status, what may follow, the dates it holds and its history. */
  get: viewOf,
  /** POST …/referrals/:id/transitions `{ to, note?, date? }`. */
  transition(db: Knex, centreId: string, id: string, body: unknown, actor: Actor): Promise<PathwayView> {
    const request = parseOrThrow(referralTransitionSchema, body, 'transition');
    return db.transaction(async (trx) => {
      const referral = await requireReferral(trx, centreId, id);
      await moveReferral(trx, referral, request.to, actor, { note: request.note ?? null, ...(request.date ? { date: request.date } : {}) });
      return viewOf(trx, centreId, id);
    });
  },
};
