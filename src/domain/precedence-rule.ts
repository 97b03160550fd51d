// Precedence with a time lag between two assessment types of the same patient:
// start(after) >= end(before) + minLagMin. '*' means "every other assessment of that patient",
// so { before: <anp>, after: '*' } puts the ANP first (SPEC §3C rule 6).
import { z } from 'zod';
import { idSchema, nonEmptyText, nonNegativeMinSchema, type Stored } from './primitives.ts';

/** Either an assessment type id or '*'. */
const typeRef = z.union([z.literal('*'), idSchema], { message: "must be an assessment type id or '*'" });

const precedenceRuleFields = {
  before: typeRef,
  after: typeRef,
  minLagMin: nonNegativeMinSchema,
  reason: nonEmptyText.nullable(),
};

type PrecedenceRuleFields = z.infer<z.ZodObject<typeof precedenceRuleFields>>;

function checkRule(r: PrecedenceRuleFields, ctx: z.RefinementCtx): void {
  if (r.before === '*' && r.after === '*') ctx.addIssue({ code: 'custom', path: ['after'], message: "before and after cannot both be '*'" });
  else if (r.before === r.after) ctx.addIssue({ code: 'custom', path: ['after'], message: 'after must differ from before' });
}

const precedenceRuleDocument = z.strictObject(precedenceRuleFields);
export const precedenceRuleDocumentSchema = precedenceRuleDocument.superRefine(checkRule);
export const precedenceRuleCreateSchema = z
  .strictObject({ ...precedenceRuleFields, minLagMin: precedenceRuleFields.minLagMin.default(0), reason: precedenceRuleFields.reason.default(null) })
  .superRefine(checkRule);
export const precedenceRuleUpdateSchema = precedenceRuleDocument.partial();

export type PrecedenceRuleInput = z.input<typeof precedenceRuleCreateSchema>;
export type PrecedenceRuleCreate = z.infer<typeof precedenceRuleCreateSchema>;
export type PrecedenceRuleUpdate = z.infer<typeof precedenceRuleUpdateSchema>;
export type PrecedenceRule = PrecedenceRuleCreate & Stored & { centreId: string };
