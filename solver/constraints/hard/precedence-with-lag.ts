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
 * SPEC §3C.6: start(after) ≥ end(before) + minLagMin, for each patient who has both sides
 * placed among their required assessments. '*' stands for every other assessment or
 * diagnostic of the patient (never the meal), giving "first" and "last" rules.
 */
export function precedenceWithLag(ctx: ConstraintContext): Violation[] {
  const violations: Violation[] = [];
  if (ctx.problem.precedences.length === 0) return violations;
  for (const [patientId, activities] of ctx.byPatient) {
    const patient = ctx.patientById.get(patientId);
    if (!patient) continue;
    // The patient's placed, required assessments and diagnostics (the meal never takes part).
    const placed: PlannedActivity[] = [];
    for (const a of activities) {
      if (a.typeId !== MEAL_TYPE_ID && patient.required.some((r) => r.typeId === a.typeId)) placed.push(a);
    }
    if (placed.length < 2) continue;
    const find = (typeId: string): PlannedActivity | undefined => placed.find((a) => a.typeId === typeId);
    const check = (rule: DayPrecedence, before: PlannedActivity, after: PlannedActivity): void => {
      const shortByMin = before.endMin + rule.minLagMin - after.startMin;
      if (shortByMin <= 0 || before === after) return;
      const lagText = rule.minLagMin > 0 ? ` at least ${rule.minLagMin} min` : '';
      const why = rule.reason ? ` (${rule.reason})` : '';
      violations.push(hardViolation<PrecedenceWithLagJustification>('precedenceWithLag',
        `${patientRef(ctx, patientId)}: ${typeName(ctx, after.typeId)} starts ${formatMinutes(after.startMin)}, but must follow ${typeName(ctx, before.typeId)} (ends ${formatMinutes(before.endMin)})${lagText}${why}; ${shortByMin} min too early`,
        { precedenceId: rule.id, patientId, beforeActivityId: before.id, afterActivityId: after.id,
          beforeEndMin: before.endMin, afterStartMin: after.startMin, minLagMin: rule.minLagMin, shortByMin }));
    };
    for (const rule of ctx.problem.precedences) {
      if (rule.before === '*' && rule.after === '*') continue;
      if (rule.before === '*') {
        const after = find(rule.after);
        if (after) for (const a of placed) check(rule, a, after);
      } else if (rule.after === '*') {
        const before = find(rule.before);
        if (before) for (const a of placed) check(rule, before, a);
      } else {
        const before = find(rule.before);
        const after = before && find(rule.after);
        if (before && after) check(rule, before, after);
      }
    }
  }
  return violations;
}
