// The outcome of the home pre-visit: which professionals the patient needs to see, consent,
// carer, mobility, diet and transport (SPEC §1 step 2). One per referral.
import { z } from 'zod';
import { idSchema, localDateSchema, nonEmptyText, type Stored } from './primitives.ts';
import { mobilityLevels } from './patient.ts';

const preVisitFields = {
  visitDate: localDateSchema.nullable(),
  supportWorkerId: idSchema.nullable(),
  /** Assessment type ids the patient needs on their ICC day. */
  requiredAssessmentTypeIds: z.array(idSchema),
  /** Continuity: a named clinician for some of those types. */
  namedClinicians: z.array(z.strictObject({ assessmentTypeId: idSchema, staffId: idSchema })),
  /** Assessment types for which the carer should be present (e.g. social care). */
  carerRequiredFor: z.array(idSchema),
  consentRecordAccess: z.boolean(),
  consentSpeakToCarers: z.boolean(),
  carerAttending: z.boolean(),
  mobility: z.enum(mobilityLevels),
  dietaryNeeds: z.array(nonEmptyText),
  transportNeeded: z.boolean(),
  /** "What matters to you", in the patient's words. */
  whatMatters: z.string().max(4000).nullable(),
};

type PreVisitFields = z.infer<z.ZodObject<typeof preVisitFields>>;

function checkPreVisit(p: PreVisitFields, ctx: z.RefinementCtx): void {
  const required = new Set(p.requiredAssessmentTypeIds);
  p.namedClinicians.forEach((n, i) => {
    if (!required.has(n.assessmentTypeId)) {
      ctx.addIssue({ code: 'custom', path: ['namedClinicians', i, 'assessmentTypeId'], message: 'namedClinicians must refer to a required assessment type' });
    }
  });
}

const preVisitDocument = z.strictObject(preVisitFields);
export const preVisitDocumentSchema = preVisitDocument.superRefine(checkPreVisit);
export const preVisitCreateSchema = z
  .strictObject({
    ...preVisitFields,
    visitDate: preVisitFields.visitDate.default(null),
    supportWorkerId: preVisitFields.supportWorkerId.default(null),
    namedClinicians: preVisitFields.namedClinicians.default([]),
    carerRequiredFor: preVisitFields.carerRequiredFor.default([]),
    consentRecordAccess: preVisitFields.consentRecordAccess.default(false),
    consentSpeakToCarers: preVisitFields.consentSpeakToCarers.default(false),
    carerAttending: preVisitFields.carerAttending.default(false),
    mobility: preVisitFields.mobility.default('walks'),
    dietaryNeeds: preVisitFields.dietaryNeeds.default([]),
    transportNeeded: preVisitFields.transportNeeded.default(false),
    whatMatters: preVisitFields.whatMatters.default(null),
  })
  .superRefine(checkPreVisit);
export const preVisitUpdateSchema = preVisitDocument.partial();

export type PreVisitInput = z.input<typeof preVisitCreateSchema>;
export type PreVisitCreate = z.infer<typeof preVisitCreateSchema>;
export type PreVisitUpdate = z.infer<typeof preVisitUpdateSchema>;
export type PreVisit = PreVisitCreate & Stored & { referralId: string };
