import { MEAL_TYPE_ID, type DayPrecedence } from '../../model/day-problem.ts';
import { formatMinutes } from '../../model/format-minutes.ts';
import type { PlannedActivity } from '../../model/day-plan.ts';
import type { Violation } from '../../model/violation.ts';
import { typeName, patientRef, type ConstraintContext } from '../context.ts';
import { hardViolation } from '../types.ts';

export type PrecedenceWithLagJustification = {
  precedenceId: string;
  patientId: string;
  beforeActivityId: string;
  afterActivityId: string;
  beforeEndMin: number;
  afterStartMin: number;
  minLagMin: number;
  /** How many minutes too early the later activity starts. */
  shortByMin: number;
};

/**
 * SPEC §3C.6: start(after) ≥ end(before) + minLagMin, for each patient with activities on
 * both sides — every clinical activity the plan gives them (never the meal), as the checker
 * reads it; an activity of a type they do not need is a breach of its own
 * (oneActivityPerRequirement) and is held to the rules too. '*' stands for every other
 * assessment or diagnostic of the patient, giving "first" and "last" rules; two activities
 * of the same type are never ordered against each other.
 */
export function precedenceWithLag(ctx: ConstraintContext): Violation[] {
  const violations: Violation[] = [];
  if (ctx.problem.precedences.length === 0) return violations;
  for (const [patientId, activities] of ctx.byPatient) {
    const clinical = activities.filter((a) => a.typeId !== MEAL_TYPE_ID);
    if (clinical.length < 2) continue;
    const check = (rule: DayPrecedence, before: PlannedActivity, after: PlannedActivity): void => {
      if (before === after || before.typeId === after.typeId) return;
      const shortByMin = before.endMin + rule.minLagMin - after.startMin;
      if (shortByMin <= 0) return;
      const lagText = rule.minLagMin > 0 ? ` at least ${rule.minLagMin} min` : '';
      const why = rule.reason ? ` (${rule.reason})` : '';
      violations.push(hardViolation<PrecedenceWithLagJustification>('precedenceWithLag',
        `${patientRef(ctx, patientId)}: ${typeName(ctx, after.typeId)} starts ${formatMinutes(after.startMin)}, but must follow ${typeName(ctx, before.typeId)} (ends ${formatMinutes(before.endMin)})${lagText}${why}; ${shortByMin} min too early`,
        { precedenceId: rule.id, patientId, beforeActivityId: before.id, afterActivityId: after.id,
          beforeEndMin: before.endMin, afterStartMin: after.startMin, minLagMin: rule.minLagMin, shortByMin }));
    };
    for (const rule of ctx.problem.precedences) {
      if (rule.before === '*' && rule.after === '*') continue;
      for (const before of clinical) {
        if (rule.before !== '*' && before.typeId !== rule.before) continue;
        for (const after of clinical) if (rule.after === '*' || after.typeId === rule.after) check(rule, before, after);
      }
    }
  }
  return violations;
}
