// The referral pathway (SPEC §1): which status may follow which. One table, read by the
// transitions endpoint, the referral PATCH and every service that moves a referral on.
import { z } from 'zod';
import { localDateSchema } from './primitives.ts';
import { referralStatuses, type ReferralStatus } from './referral.ts';

/**
 * Allowed moves: from (row) → the statuses that may follow. Terminal statuses have none.
 * received → pre-visit-done is the pre-visit made without a booking (recorded on the day).
 * did-not-attend → day-booked is a rebooking; cancelled and declined end the pathway.
 */
export const allowedTransitions: Readonly<Record<ReferralStatus, readonly ReferralStatus[]>> = {
  received: ['pre-visit-booked', 'pre-visit-done', 'declined', 'cancelled'],
  'pre-visit-booked': ['pre-visit-done', 'received', 'cancelled'],
  'pre-visit-done': ['day-booked', 'cancelled'],
  'day-booked': ['attended', 'did-not-attend', 'pre-visit-done', 'cancelled'],
  'did-not-attend': ['day-booked', 'cancelled', 'discharged'],
  attended: ['mdt-outcome-recorded'],
  'mdt-outcome-recorded': ['follow-up-booked', 'discharged'],
  'follow-up-booked': ['discharged'],
  // Legacy name of follow-up-booked.
  'follow-up': ['discharged'],
  discharged: [],
  declined: [],
  cancelled: [],
};

/** Statuses of referrals waiting for a booking (pre-visit and/or ICC day). */
export const waitingStatuses: readonly ReferralStatus[] = ['received', 'pre-visit-booked', 'pre-visit-done', 'did-not-attend'];

/** The statuses that may follow `from`. */
export function allowedNext(from: ReferralStatus): readonly ReferralStatus[] {
  return allowedTransitions[from];
}

export function canTransition(from: ReferralStatus, to: ReferralStatus): boolean {
  return allowedTransitions[from].includes(to);
}

/**
 * POST …/referrals/:id/transitions. `date` is the pre-visit date (to pre-visit-booked) or
 * the ICC day (to day-booked); without it a date held from a confirmed booking is used.
 */
export const referralTransitionSchema = z.strictObject({
  to: z.enum(referralStatuses),
  note: z.string().max(1000).optional(),
  date: localDateSchema.optional(),
});
export type ReferralTransition = z.infer<typeof referralTransitionSchema>;

/** The dates a referral holds on the pathway (stored beside the referral). */
export interface ReferralBooking {
  referralId: string;
  preVisitDate: string | null;
  iccDate: string | null;
  updatedAt: string;
}
