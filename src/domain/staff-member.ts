// A member of the ICC team or a partner organisation who delivers assessments (SPEC §1).
import { z } from 'zod';
import { nonEmptyText, slugSchema, type Stored } from './primitives.ts';

/** Who employs them: the ICC provider, the council (social care) or a voluntary partner. */
export const organisationKinds = ['icc-provider', 'nhs-trust', 'council', 'voluntary', 'other'] as const;

const staffFields = {
  name: nonEmptyText,
  /** e.g. 'anp', 'ot', 'physio', 'pharmacy', 'geriatrician', 'social-care', 'voluntary', 'phlebotomy', 'support-worker', 'driver'. */
  discipline: slugSchema,
  /** What they may deliver: matched against an assessment type's qualification. */
  qualifications: z.array(slugSchema),
  organisation: z.strictObject({ kind: z.enum(organisationKinds), name: nonEmptyText }),
  /** Attends the daily MDT when they saw a patient (voluntary partners usually do not). */
  mdtMember: z.boolean(),
  email: z.email({ message: 'must be an email address' }).nullable(),
  active: z.boolean(),
};

const staffDocument = z.strictObject(staffFields);

export const staffMemberCreateSchema = z.strictObject({
  ...staffFields,
  qualifications: staffFields.qualifications.default([]),
  organisation: staffFields.organisation.default({ kind: 'icc-provider', name: 'ICC provider' }),
  mdtMember: staffFields.mdtMember.default(true),
  email: staffFields.email.default(null),
  active: staffFields.active.default(true),
});
export const staffMemberDocumentSchema = staffDocument;
export const staffMemberUpdateSchema = staffDocument.partial();

export type StaffMemberInput = z.input<typeof staffMemberCreateSchema>;
export type StaffMemberCreate = z.infer<typeof staffMemberCreateSchema>;
export type StaffMemberUpdate = z.infer<typeof staffMemberUpdateSchema>;
export type StaffMember = StaffMemberCreate & Stored & { centreId: string };
