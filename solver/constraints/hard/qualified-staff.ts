import { MEAL_TYPE_ID } from '../../model/day-problem.ts';
import { formatInterval } from '../../model/format-minutes.ts';
import type { Violation } from '../../model/violation.ts';
import { staffName, typeName, patientRef, type ConstraintContext } from '../context.ts';
import { hardViolation } from '../types.ts';

export type QualifiedStaffJustification = {
  activityId: string;
  patientId: string;
  typeId: string;
  /** Absent when the activity has no staff member at all. */
  staffId: string | undefined;
  requiredQualification: string;
  startMin: number;
  endMin: number;
};

/**
 * SPEC §3C.1: each assessment is delivered by an existing staff member holding the type's
 * qualification. Meals need no staff. Unknown types are `oneActivityPerRequirement`'s business.
 */
export function qualifiedStaff(ctx: ConstraintContext): Violation[] {
  const violations: Violation[] = [];
  for (const activity of ctx.activities) {
    if (activity.typeId === MEAL_TYPE_ID) continue;
    const type = ctx.typeById.get(activity.typeId);
    if (!type) continue;
    const staff = activity.staffId === undefined ? undefined : ctx.staffById.get(activity.staffId);
    if (staff?.qualifications.includes(type.qualification)) continue;
    const when = formatInterval(activity.startMin, activity.endMin);
    const who = activity.staffId === undefined
      ? 'nobody'
      : staff ? staffName(ctx, staff.id) : `unknown staff member ${activity.staffId}`;
    const message = activity.staffId === undefined
      ? `${typeName(ctx, type.id)} for ${patientRef(ctx, activity.patientId)} at ${when} has no staff member`
      : `${who} is not qualified (${type.qualification}) for ${typeName(ctx, type.id)} with ${patientRef(ctx, activity.patientId)} at ${when}`;
    violations.push(hardViolation<QualifiedStaffJustification>('qualifiedStaff', message, {
      activityId: activity.id,
      patientId: activity.patientId,
      typeId: activity.typeId,
      staffId: activity.staffId,
      requiredQualification: type.qualification,
      startMin: activity.startMin,
      endMin: activity.endMin,
    }));
  }
  return violations;
}
