// Booking care-home residents to outreach days (care-home outreach): they are never booked to
// ICC days (so no transport). The proposal groups residents of the same and of nearby homes on
// the same day, within each day's residents and the centre's homes per team per day, by
// priority and around unavailable dates (bookOutreachDays, pure); confirming moves each
// referral to day-booked holding its outreach day, all or nothing.
import type { Knex } from 'knex';
import { z } from 'zod';
import { bookOutreachDays } from '../../../solver/index.ts';
import { careHomes } from '../../db/repositories/care-homes.ts';
import { outreachDays } from '../../db/repositories/outreach-days.ts';
import { patients } from '../../db/repositories/patients.ts';
import { preVisits } from '../../db/repositories/pre-visits.ts';
import { referralTransitions } from '../../db/repositories/referral-transitions.ts';
import { referrals } from '../../db/repositories/referrals.ts';
import { addDays, daysBetween } from '../../domain/local-date.ts';
import { defaultOutreachSettings } from '../../domain/outreach.ts';
import { idSchema, localDateSchema } from '../../domain/primitives.ts';
import { waitingStatuses } from '../../domain/referral-pathway.ts';
import type { Referral } from '../../domain/referral.ts';
import { appError } from '../../errors/app-error.ts';
import { parseOrThrow } from '../../errors/from-zod-error.ts';
import { patientPriority } from '../../solving/problem/patient-priority.ts';
import { requireCentre, type Actor } from './centre-scoped-service.ts';
import { moveReferral, requireReferral } from './pathway-service.ts';

export const outreachBookingPlanRequestSchema = z.strictObject({
  from: localDateSchema,
  days: z.number().int().min(1).max(180).default(28),
});
export const outreachBookingConfirmRequestSchema = z.strictObject({
  proposals: z.array(z.strictObject({ referralId: idSchema, outreachDate: localDateSchema })).min(1),
});

export interface OutreachBookingProposal {
  referralId: string;
  patientId: string;
  patientRef: string;
  careHomeId: string;
  outreachDate: string;
  priority: number;
  /** Already booked (kept). */
  pinned: boolean;
}

export interface OutreachBookingPlanView {
  from: string;
  days: number;
  proposals: OutreachBookingProposal[];
  unbooked: Array<{ referralId: string; patientRef: string; reason: 'no-outreach-day' | 'unavailable' | 'full' | 'no-pre-visit'; message: string }>;
  outreachDays: Array<{ date: string; careHomeIds: string[]; residents: number; maxResidents: number }>;
}

export const outreachBookingService = {
  async plan(db: Knex, centreId: string, body: unknown): Promise<OutreachBookingPlanView> {
    const request = parseOrThrow(outreachBookingPlanRequestSchema, body, 'outreach booking plan request');
    const centre = await requireCentre(db, centreId);
    const settings = centre.outreach ?? defaultOutreachSettings;
    const to = addDays(request.from, request.days - 1);
    const [allReferrals, patientList, homes, days] = await Promise.all([
      referrals.list(db, centreId), patients.list(db, centreId), careHomes.list(db, centreId), outreachDays.list(db, centreId),
    ]);
    const patientById = new Map(patientList.map((p) => [p.id, p]));
    const inRange = days.filter((d) => d.date >= request.from && d.date <= to);
    const residents = allReferrals.filter((r) => patientById.get(r.patientId)?.careHomeId);
    const outcomes = new Set((await preVisits.listByReferrals(db, residents.map((r) => r.id))).map((p) => p.referralId));
    const held = new Map((await referralTransitions.listBookings(db, residents.map((r) => r.id))).map((b) => [b.referralId, b]));
    const unbooked: OutreachBookingPlanView['unbooked'] = [];
    const considered: Array<{ referral: Referral; priority: number; pinnedDate?: string }> = [];
    for (const r of residents) {
      const booked = r.status === 'day-booked' ? held.get(r.id)?.outreachDate : undefined;
      if (!(waitingStatuses.includes(r.status) || booked)) continue;
      const patient = patientById.get(r.patientId)!;
      if (!booked && !outcomes.has(r.id)) {
        unbooked.push({ referralId: r.id, patientRef: patient.localRef, reason: 'no-pre-visit', message: `${patient.localRef} has no pre-visit outcome yet: it decides which assessments the team brings.` });
        continue;
      }
      const priority = patientPriority({ efiCategory: patient.efiCategory, urgent: r.urgent, daysWaited: daysBetween(r.referredDate, request.from) });
      considered.push({ referral: r, priority, ...(booked ? { pinnedDate: booked } : {}) });
    }
    const result = bookOutreachDays({
      residents: considered.map(({ referral, priority, pinnedDate }) => ({
        referralId: referral.id, homeId: patientById.get(referral.patientId)!.careHomeId!, priority,
        unavailableDates: patientById.get(referral.patientId)!.unavailableDates, ...(pinnedDate ? { pinnedDate } : {}),
      })),
      days: inRange.map((d) => ({ date: d.date, maxResidents: d.maxResidents, maxHomes: settings.homesPerTeamPerDay })),
      homes: homes.map((h) => ({ id: h.id, lat: h.lat, lon: h.lon })),
      nearbyKm: settings.nearbyKm,
    });
    const byReferral = new Map(considered.map((c) => [c.referral.id, c]));
    return {
      from: request.from,
      days: request.days,
      proposals: result.bookings.map((b) => {
        const { referral, priority } = byReferral.get(b.referralId)!;
        const patient = patientById.get(referral.patientId)!;
        return { referralId: b.referralId, patientId: patient.id, patientRef: patient.localRef, careHomeId: b.homeId, outreachDate: b.date, priority, pinned: b.pinned };
      }),
      unbooked: [...unbooked, ...result.unbooked.map((u) => ({ ...u, patientRef: patientById.get(byReferral.get(u.referralId)!.referral.patientId)!.localRef }))],
      outreachDays: result.days.map((d) => ({ date: d.date, careHomeIds: d.homeIds, residents: d.residents, maxResidents: inRange.find((x) => x.date === d.date)!.maxResidents })),
    };
  },

  /** Books each proposal's outreach day (the referral moves to day-booked), all or nothing. */
  confirm(db: Knex, centreId: string, body: unknown, actor: Actor) {
    const request = parseOrThrow(outreachBookingConfirmRequestSchema, body, 'outreach booking confirmation');
    return db.transaction(async (trx) => {
      await requireCentre(trx, centreId);
      const confirmed: Array<{ referralId: string; status: Referral['status']; outreachDate: string }> = [];
      for (const [i, p] of request.proposals.entries()) {
        const at = `proposals.${i}`;
        const referral = await requireReferral(trx, centreId, p.referralId).catch(() => {
          throw appError.referenceNotFound(`${at}.referralId refers to referral ${p.referralId}, which does not exist in this centre`, [{ path: `${at}.referralId`, message: 'no such referral in this centre' }]);
        });
        const patient = await patients.findById(trx, centreId, referral.patientId);
        if (!patient?.careHomeId) {
          const message = `referral ${referral.id} is not for a care-home resident: book it to an ICC day (…/bookings)`;
          throw appError.validation(`${at}.referralId: ${message}`, [{ path: `${at}.referralId`, message }]);
        }
        const note = `outreach booking confirmed: ${p.outreachDate}`;
        if (referral.status === 'day-booked') {
          if ((await outreachDays.list(trx, centreId, { date: p.outreachDate })).length === 0) {
            throw appError.conflict(`${at}.outreachDate: there is no outreach day on ${p.outreachDate}`, [{ path: `${at}.outreachDate`, message: `no outreach day on ${p.outreachDate}` }]);
          }
          await referralTransitions.saveBooking(trx, referral.id, { outreachDate: p.outreachDate });
        } else {
          await moveReferral(trx, referral, 'day-booked', actor, { note, date: p.outreachDate, dateField: `${at}.outreachDate` });
        }
        const after = await requireReferral(trx, centreId, referral.id);
        confirmed.push({ referralId: referral.id, status: after.status, outreachDate: p.outreachDate });
      }
      return { confirmed };
    });
  },
};
