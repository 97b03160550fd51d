import { MEAL_TYPE_ID } from '../../model/day-problem.ts';
import { formatInterval } from '../../model/format-minutes.ts';
import type { Violation } from '../../model/violation.ts';
import { needsMeal, typeName, patientRef, type ConstraintContext } from '../context.ts';
import { hardViolation } from '../types.ts';

export type OneActivityPerRequirementJustification = {
  activityId: string;
  patientId: string;
  typeId: string;
  /** 'unknown-patient', 'unknown-type', 'not-required', 'duplicate-id' or 'duplicate'. */
  breach: string;
  startMin: number;
};

/**
 * Structural integrity: each activity belongs to a known patient, is of a known type the
 * patient needs (or is the meal of a patient who needs one), and no patient has the same
 * assessment twice; activity ids are unique. Duplicate meals are mealInLunchWindow's.
 */
export function oneActivityPerRequirement(ctx: ConstraintContext): Violation[] {
  const violations: Violation[] = [];
  const seenIds = new Set<string>();
  const push = (a: { id: string; patientId: string; typeId: string; startMin: number }, breach: string, message: string): void => {
    violations.push(hardViolation<OneActivityPerRequirementJustification>('oneActivityPerRequirement', message,
      { activityId: a.id, patientId: a.patientId, typeId: a.typeId, breach, startMin: a.startMin }));
  };
  for (const a of ctx.activities) {
    if (seenIds.has(a.id)) push(a, 'duplicate-id', `Activity id ${a.id} is used more than once`);
    seenIds.add(a.id);
  }
  for (const [patientId, activities] of ctx.byPatient) {
    const patient = ctx.patientById.get(patientId);
    const seenTypes = new Set<string>();
    for (const a of activities) {
      if (!patient) { push(a, 'unknown-patient', `${a.id} at ${formatInterval(a.startMin, a.endMin)} is for unknown patient ${patientRef(ctx, patientId)}`); continue; }
      if (a.typeId === MEAL_TYPE_ID) {
        if (!needsMeal(patient)) push(a, 'not-required', `${patientRef(ctx, patientId)} has a meal at ${formatInterval(a.startMin, a.endMin)} but does not need one`);
        continue;
      }
      if (!ctx.typeById.get(a.typeId)) { push(a, 'unknown-type', `${patientRef(ctx, patientId)} has an activity of unknown type ${a.typeId} at ${formatInterval(a.startMin, a.endMin)}`); continue; }
      if (!patient.required.some((r) => r.typeId === a.typeId)) {
        push(a, 'not-required', `${patientRef(ctx, patientId)} has ${typeName(ctx, a.typeId)} at ${formatInterval(a.startMin, a.endMin)} but does not need it`);
      } else if (seenTypes.has(a.typeId)) {
        push(a, 'duplicate', `${patientRef(ctx, patientId)} has ${typeName(ctx, a.typeId)} more than once (again at ${formatInterval(a.startMin, a.endMin)})`);
      }
      seenTypes.add(a.typeId);
    }
  }
  return violations;
}
