import { formatInterval } from '../../model/format-minutes.ts';
import type { Violation } from '../../model/violation.ts';
import { staffName, type ConstraintContext } from '../context.ts';
import { softViolation } from '../types.ts';

export type StaffOvertimeJustification = {
  staffId: string;
  overtimeMin: number;
  /** Minutes of patient activities outside the shift. */
  activityOvertimeMin: number;
  /** Minutes the MDT (which this clinician must attend) runs past the shift's end. */
  mdtOvertimeMin: number;
  shiftStartMin: number;
  shiftEndMin: number;
};

/**
 * SPEC §3C soft: no staff overtime. Counts minutes of activities outside the shift (also a
 * hard breach, so this only grades how bad) and the minutes an MDT member who saw a patient
 * spends in the MDT past the end of their shift.
 */
export function staffOvertime(ctx: ConstraintContext): Violation[] {
  const violations: Violation[] = [];
  const weight = ctx.weights.staffOvertimeMin;
  if (weight === 0) return violations;
  const mdtEndMin = ctx.problem.centre.mdt.startMin + ctx.problem.centre.mdt.durationMin;
  for (const [staffId, activities] of ctx.byStaff) {
    const staff = ctx.staffById.get(staffId);
    if (!staff || activities.length === 0) continue;
    let activityOvertimeMin = 0;
    let coveredUntil = -Infinity; // group sessions share minutes: count each minute once
    for (const a of activities) {
      const startMin = Math.max(a.startMin, coveredUntil);
      if (a.endMin <= startMin) continue;
      const before = Math.max(0, Math.min(a.endMin, staff.shift.startMin) - startMin);
      const after = Math.max(0, a.endMin - Math.max(startMin, staff.shift.endMin));
      activityOvertimeMin += before + after;
      coveredUntil = a.endMin;
    }
    const mdtOvertimeMin = staff.mdtMember ? Math.max(0, mdtEndMin - staff.shift.endMin) : 0;
    const overtimeMin = activityOvertimeMin + mdtOvertimeMin;
    if (overtimeMin <= 0) continue;
    const parts = [
      activityOvertimeMin > 0 ? `${activityOvertimeMin} min of patient time` : '',
      mdtOvertimeMin > 0 ? `${mdtOvertimeMin} min of MDT` : '',
    ].filter(Boolean).join(' and ');
    violations.push(softViolation<StaffOvertimeJustification>('staffOvertime', weight * overtimeMin,
      `${staffName(ctx, staffId)} works ${overtimeMin} min overtime (${parts} outside their shift ${formatInterval(staff.shift.startMin, staff.shift.endMin)})`,
      { staffId, overtimeMin, activityOvertimeMin, mdtOvertimeMin, shiftStartMin: staff.shift.startMin, shiftEndMin: staff.shift.endMin }));
  }
  return violations;
}
