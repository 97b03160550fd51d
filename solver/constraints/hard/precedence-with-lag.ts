import { MEAL_TYPE_ID, type DayPrecedence } from '../../model/day-problem.ts';
import { formatMinutes } from '../../model/format-minutes.ts';
import type { PlannedActivity } from '../../model/day-plan.ts';
import type { Violation } from '../../model/violation.ts';
import { typeName, type ConstraintContext } from '../context.ts';
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
    const required = new Set(patient.required.map((r) => r.typeId));
    const byType = new Map<string, PlannedActivity>();
    for (const a of activities) if (a.typeId !== MEAL_TYPE_ID && required.has(a.typeId) && !byType.has(a.typeId)) byType.set(a.typeId, a);
    for (const rule of ctx.problem.precedences) {
      for (const [before, after] of pairsFor(rule, byType)) {
        const shortByMin = before.endMin + rule.minLagMin - after.startMin;
        if (shortByMin <= 0) continue;
        const lagText = rule.minLagMin > 0 ? ` at least ${rule.minLagMin} min` : '';
        const why = rule.reason ? ` (${rule.reason})` : '';
        violations.push(hardViolation<PrecedenceWithLagJustification>('precedenceWithLag',
          `${patientId}: ${typeName(ctx, after.typeId)} starts ${formatMinutes(after.startMin)}, but must follow ${typeName(ctx, before.typeId)} (ends ${formatMinutes(before.endMin)})${lagText}${why}; ${shortByMin} min too early`,
          { precedenceId: rule.id, patientId, beforeActivityId: before.id, afterActivityId: after.id,
            beforeEndMin: before.endMin, afterStartMin: after.startMin, minLagMin: rule.minLagMin, shortByMin }));
      }
    }
  }
  return violations;
}

/** The (before, after) activity pairs a rule constrains for one patient. */
function pairsFor(rule: DayPrecedence, byType: Map<string, PlannedActivity>): Array<[PlannedActivity, PlannedActivity]> {
  if (rule.before === '*' && rule.after === '*') return [];
  if (rule.before === '*') {
    const after = byType.get(rule.after);
    if (!after) return [];
    return [...byType.values()].filter((a) => a !== after).map((a) => [a, after]);
  }
  const before = byType.get(rule.before);
  if (!before) return [];
  if (rule.after === '*') return [...byType.values()].filter((a) => a !== before).map((a) => [before, a]);
  const after = byType.get(rule.after);
  return after ? [[before, after]] : [];
}
