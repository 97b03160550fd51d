import { formatInterval } from '../../model/format-minutes.ts';
import type { Violation } from '../../model/violation.ts';
import { overlaps, staffName, patientRef, type ConstraintContext } from '../context.ts';
import { hardViolation } from '../types.ts';

export type StaffWithinShiftJustification = {
  activityId: string;
  staffId: string;
  patientId: string;
  startMin: number;
  endMin: number;
  /** 'outside-shift' or 'in-break'. */
  breach: string;
  shiftStartMin: number;
  shiftEndMin: number;
  /** The break overlapped, when breach is 'in-break'. */
  breakStartMin: number | undefined;
  breakEndMin: number | undefined;
};

/** SPEC §3C.1: a staff member's activities lie inside their shift and outside their breaks. */
export function staffWithinShift(ctx: ConstraintContext): Violation[] {
  const violations: Violation[] = [];
  for (const [staffId, activities] of ctx.byStaff) {
    const staff = ctx.staffById.get(staffId);
    if (!staff) continue; // reported by qualifiedStaff
    const name = staffName(ctx, staffId);
    for (const a of activities) {
      const base = {
        activityId: a.id, staffId, patientId: a.patientId, startMin: a.startMin, endMin: a.endMin,
        shiftStartMin: staff.shift.startMin, shiftEndMin: staff.shift.endMin,
      };
      if (a.startMin < staff.shift.startMin || a.endMin > staff.shift.endMin) {
        violations.push(hardViolation<StaffWithinShiftJustification>('staffWithinShift',
          `${name} sees ${patientRef(ctx, a.patientId)} at ${formatInterval(a.startMin, a.endMin)}, outside their shift ${formatInterval(staff.shift.startMin, staff.shift.endMin)}`,
          { ...base, breach: 'outside-shift', breakStartMin: undefined, breakEndMin: undefined }));
      }
      for (const b of staff.breaks) {
        if (!overlaps(a.startMin, a.endMin, b.startMin, b.endMin)) continue;
        violations.push(hardViolation<StaffWithinShiftJustification>('staffWithinShift',
          `${name} sees ${patientRef(ctx, a.patientId)} at ${formatInterval(a.startMin, a.endMin)}, during their break ${formatInterval(b.startMin, b.endMin)}`,
          { ...base, breach: 'in-break', breakStartMin: b.startMin, breakEndMin: b.endMin }));
      }
    }
  }
  return violations;
}
