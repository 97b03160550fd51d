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
 * POST …/referrals/:id/transitions. `date` is the pre-visit date (to pre-visit-booked,
 * optional) or the ICC day (to day-booked; without it the date held from a confirmed booking
 * is used, and with none the move is refused naming `date`). For a care-home resident
 * (linked to a care home) day-booked books an outreach day instead: `date` must be one.
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
  /** A care-home resident's outreach day (they are assessed at their home, not at the centre). */
  outreachDate: string | null;
  updatedAt: string;
}

/** How a follow-up is delivered: at home (routed like pre-visits), by phone, or back at the centre. */
export const followUpModes = ['home-visit', 'phone', 'centre-visit'] as const;

/** A follow-up type a centre offers; the window counts days after the ICC day. */
export const followUpTypeSchema = z.strictObject({
  code: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'must be a lower-case slug like "rehab-home-visit"' }),
  name: z.string().trim().min(1),
  mode: z.enum(followUpModes),
  /** The staff discipline that delivers it (matched against staff members' discipline). */
  discipline: z.string().trim().min(1),
  durationMin: z.number().int().min(5).max(480),
  windowStartDays: z.number().int().min(0).max(365),
  windowEndDays: z.number().int().min(0).max(365),
}).refine((t) => t.windowEndDays >= t.windowStartDays, { message: 'must not be before windowStartDays', path: ['windowEndDays'] });
export type FollowUpType = z.infer<typeof followUpTypeSchema>;

/** Types a centre has until it sets its own (SPEC §3E): rehab at home within 14 days, phone review at 2 weeks, return visit at 6–8 weeks. */
export const defaultFollowUpTypes: readonly FollowUpType[] = [
  { code: 'rehab-home-visit', name: 'Rehabilitation home visit', mode: 'home-visit', discipline: 'physio', durationMin: 60, windowStartDays: 1, windowEndDays: 14 },
  { code: 'icc-phone-review', name: 'ICC phone review', mode: 'phone', discipline: 'anp', durationMin: 20, windowStartDays: 13, windowEndDays: 15 },
  { code: 'return-visit', name: 'Return visit to the ICC', mode: 'centre-visit', discipline: 'geriatrician', durationMin: 45, windowStartDays: 42, windowEndDays: 56 },
];

export const followUpTypesBodySchema = z.array(followUpTypeSchema).min(1).superRefine((types, ctx) => {
  const seen = new Set<string>();
  types.forEach((t, i) => {
    if (seen.has(t.code)) ctx.addIssue({ code: 'custom', path: [i, 'code'], message: `"${t.code}" appears twice` });
    seen.add(t.code);
  });
});

/** POST …/referrals/:id/mdt-outcome: the care plan agreed at the MDT and the follow-ups it asks for. */
export const mdtOutcomeSchema = z.strictObject({
  carePlan: z.string().trim().min(1).max(8000),
  sharedWith: z.array(z.enum(['patient', 'gp', 'hospital', 'carer'])).default(['patient', 'gp', 'hospital']),
  followUps: z.array(z.strictObject({
    type: z.string().min(1),
    /** Override the type's window (days after the ICC day), e.g. "within 7 days". */
    windowStartDays: z.number().int().min(0).max(365).optional(),
    windowEndDays: z.number().int().min(0).max(365).optional(),
  })).default([]),
});
export type MdtOutcomeInput = z.infer<typeof mdtOutcomeSchema>;

export const followUpStatuses = ['requested', 'booked', 'unbooked'] as const;

export interface FollowUp {
  id: string;
  centreId: string;
  referralId: string;
  patientId: string;
  typeCode: string;
  mode: FollowUpType['mode'];
  discipline: string;
  durationMin: number;
  earliestDate: string;
  latestDate: string;
  status: (typeof followUpStatuses)[number];
  bookedDate: string | null;
  staffId: string | null;
  /** Minutes from midnight; set for routed home visits. */
  startMin: number | null;
  /** The clinician already saw the patient (their ICC day or named at the pre-visit). */
  continuity: boolean;
  unbookedReason: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface MdtOutcome {
  id: string;
  referralId: string;
  carePlan: string;
  sharedWith: string[];
  recordedBy: string | null;
  recordedAt: string;
}
