// A frail older person referred to the ICC (SPEC §1). NHS number and postcode are validated
// here (SPEC §5); feeds show initials and localRef instead of name and NHS number.
import { z } from 'zod';
import { idSchema, latitudeSchema, localDateSchema, longitudeSchema, nhsNumberSchema, nonEmptyText, postcodeSchema, type Stored } from './primitives.ts';

export const mobilityLevels = ['walks', 'walking-aid', 'wheelchair'] as const;
/** Electronic frailty index categories. */
export const efiCategories = ['fit', 'mild', 'moderate', 'severe'] as const;

const patientFields = {
  nhsNumber: nhsNumberSchema,
  givenName: nonEmptyText,
  familyName: nonEmptyText,
  dateOfBirth: localDateSchema.nullable(),
  addressLines: z.array(nonEmptyText).min(1, { message: 'must have at least one address line' }).max(5),
  postcode: postcodeSchema,
  lat: latitudeSchema.nullable(),
  lon: longitudeSchema.nullable(),
  phone: z.string().trim().max(40).nullable(),
  mobility: z.enum(mobilityLevels),
  /** A carer, if any, and whether they come along on the ICC day. */
  carer: z.strictObject({ name: nonEmptyText.optional(), phone: z.string().trim().max(40).optional(), attending: z.boolean() }).nullable(),
  efiCategory: z.enum(efiCategories),
  gpPractice: nonEmptyText,
  careHomeResident: z.boolean(),
  /** The care home a resident lives in (care-home outreach): they are assessed there, not at the centre. */
  careHomeId: idSchema.nullable(),
  dietaryNeeds: z.array(nonEmptyText),
  unavailableDates: z.array(localDateSchema),
  /**
   * How to get in: key safe, door code, "ring twice, side door". Printed on the driver's run
   * sheet and the support worker's round sheet only — never in a calendar feed.
   */
  accessNotes: z.string().trim().max(500).nullable(),
  /** The centre's own reference, shown on feeds and transport lists instead of the NHS number. */
  localRef: z.string().trim().min(1, { message: 'must not be empty' }).max(40),
};

type PatientFields = z.infer<z.ZodObject<typeof patientFields>>;

function checkPatient(p: PatientFields, ctx: z.RefinementCtx): void {
  if (p.careHomeId !== null && !p.careHomeResident) {
    ctx.addIssue({ code: 'custom', path: ['careHomeResident'], message: 'must be true when careHomeId links the patient to a care home' });
  }
  if ((p.lat === null) !== (p.lon === null)) {
    ctx.addIssue({ code: 'custom', path: [p.lat === null ? 'lat' : 'lon'], message: 'lat and lon must be given together' });
  }
}

const patientDocument = z.strictObject(patientFields);
export const patientDocumentSchema = patientDocument.superRefine(checkPatient);
export const patientCreateSchema = z
  .strictObject({
    ...patientFields,
    dateOfBirth: patientFields.dateOfBirth.default(null),
    lat: patientFields.lat.default(null),
    lon: patientFields.lon.default(null),
    phone: patientFields.phone.default(null),
    accessNotes: patientFields.accessNotes.default(null),
    mobility: patientFields.mobility.default('walks'),
    carer: patientFields.carer.default(null),
    careHomeResident: patientFields.careHomeResident.default(false),
    careHomeId: patientFields.careHomeId.default(null),
    dietaryNeeds: patientFields.dietaryNeeds.default([]),
    unavailableDates: patientFields.unavailableDates.default([]),
  })
  .superRefine(checkPatient);
export const patientUpdateSchema = patientDocument.partial();

export type PatientInput = z.input<typeof patientCreateSchema>;
export type PatientCreate = z.infer<typeof patientCreateSchema>;
export type PatientUpdate = z.infer<typeof patientUpdateSchema>;
export type Patient = PatientCreate & Stored & { centreId: string };

/** "Margaret Smith" → "MS": what feeds show by default. */
export function patientInitials(p: Pick<PatientCreate, 'givenName' | 'familyName'>): string {
  return `${p.givenName.trim().charAt(0)}${p.familyName.trim().charAt(0)}`.toUpperCase();
}
