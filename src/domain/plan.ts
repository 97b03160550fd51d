// A stored plan for one centre and date: versioned, draft or published, with the coordinator's pins.
import { z } from 'zod';
import { localDateSchema, nonNegativeMinSchema, type Stored } from './primitives.ts';

/** Mirrors solver/model DayPin: this patient's activity of this type is fixed here. */
export const planPinSchema = z.strictObject({
  patientId: z.string().min(1),
  typeId: z.string().min(1),
  startMin: nonNegativeMinSchema,
  staffId: z.string().min(1).optional(),
  roomId: z.string().min(1).optional(),
});

const planFields = {
  date: localDateSchema,
  kind: z.enum(['day', 'booking', 'pre-visit-rounds', 'transport', 'follow-up', 'outreach']),
  status: z.enum(['draft', 'published']),
  /** The plan document (e.g. a solver DayPlan); stored as jsonb. */
  document: z.record(z.string(), z.unknown()),
  pins: z.array(planPinSchema),
};

const planDocument = z.strictObject(planFields);
export const planDocumentSchema = planDocument;
export const planCreateSchema = z.strictObject({
  ...planFields,
  kind: planFields.kind.default('day'),
  status: planFields.status.default('draft'),
  pins: planFields.pins.default([]),
});
export const planUpdateSchema = planDocument.partial();

export type PlanPin = z.infer<typeof planPinSchema>;
export type PlanCreate = z.infer<typeof planCreateSchema>;
export type PlanUpdate = z.infer<typeof planUpdateSchema>;
/** `version` counts up from 1 per centre, date and kind; a new version is a new row. */
export type Plan = PlanCreate & Stored & { centreId: string; version: number };
