// The assessment catalogue: what can be done on an ICC day, by whom, where, for how long (SPEC §1, §3C).
import { z } from 'zod';
import { durationMinSchema, nonEmptyText, slugSchema, type Stored } from './primitives.ts';

const assessmentTypeFields = {
  /** Short stable code, unique in the centre, e.g. 'anp-initial', 'bloods'. Used as the solver's type id. */
  code: slugSchema,
  name: nonEmptyText,
  discipline: slugSchema,
  kind: z.enum(['assessment', 'diagnostic']),
  durationMin: durationMinSchema,
  roomType: slugSchema,
  /** A staff member must hold this qualification to deliver it. */
  qualification: slugSchema,
  /** 1 = one-to-one; more = a group session of up to this many patients. */
  groupCapacity: z.number().int({ message: 'must be a whole number' }).min(1, { message: 'must be at least 1' }),
};

const assessmentTypeDocument = z.strictObject(assessmentTypeFields);
export const assessmentTypeDocumentSchema = assessmentTypeDocument;
export const assessmentTypeCreateSchema = z.strictObject({
  ...assessmentTypeFields,
  kind: assessmentTypeFields.kind.default('assessment'),
  groupCapacity: assessmentTypeFields.groupCapacity.default(1),
});
export const assessmentTypeUpdateSchema = assessmentTypeDocument.partial();

export type AssessmentTypeInput = z.input<typeof assessmentTypeCreateSchema>;
export type AssessmentTypeCreate = z.infer<typeof assessmentTypeCreateSchema>;
export type AssessmentTypeUpdate = z.infer<typeof assessmentTypeUpdateSchema>;
export type AssessmentType = AssessmentTypeCreate & Stored & { centreId: string };
