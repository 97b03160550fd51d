// A referral of a patient to the ICC, with its status history (SPEC §1 step 1).
import { z } from 'zod';
import { idSchema, localDateSchema, nonEmptyText, type Stored } from './primitives.ts';

/** The referral's path from intake to discharge; cancelled and declined end it early. */
export const referralStatuses = [
  'received', 'pre-visit-booked', 'pre-visit-done', 'day-booked', 'attended', 'follow-up', 'discharged', 'declined', 'cancelled',
  // The pathway's later steps (src/domain/referral-pathway.ts); 'follow-up' above is kept for old rows.
  'did-not-attend', 'mdt-outcome-recorded', 'follow-up-booked',
] as const;
export type ReferralStatus = (typeof referralStatuses)[number];

export const referrerKinds = ['gp', 'community-team', 'care-home', 'hospital', 'other'] as const;

const referralFields = {
  patientId: idSchema,
  referrer: z.strictObject({ kind: z.enum(referrerKinds), name: nonEmptyText, organisation: nonEmptyText.optional() }),
  referredDate: localDateSchema,
  /** Clinical urgency flag: raises booking priority. */
  urgent: z.boolean(),
  status: z.enum(referralStatuses),
  notes: z.string().max(4000).nullable(),
};

const referralDocument = z.strictObject(referralFields);
export const referralDocumentSchema = referralDocument;
export const referralCreateSchema = z.strictObject({
  ...referralFields,
  urgent: referralFields.urgent.default(false),
  status: referralFields.status.default('received'),
  notes: referralFields.notes.default(null),
});
/** PATCH body; a changed status appends to the history. `statusNote` explains the change. */
export const referralUpdateSchema = referralDocument.partial().extend({ statusNote: z.string().max(1000).optional() });

/** One entry of a referral's status history. */
export const referralStatusChangeSchema = z.strictObject({
  status: z.enum(referralStatuses),
  at: z.string().describe('ISO 8601 instant'),
  by: z.string().nullable(),
  note: z.string().nullable(),
});
export type ReferralStatusChange = z.infer<typeof referralStatusChangeSchema>;

export type ReferralInput = z.input<typeof referralCreateSchema>;
export type ReferralCreate = z.infer<typeof referralCreateSchema>;
export type ReferralUpdate = z.infer<typeof referralUpdateSchema>;
export type Referral = ReferralCreate & Stored & { centreId: string; statusHistory: ReferralStatusChange[] };
