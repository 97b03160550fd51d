import { formatInterval } from '../../model/format-minutes.ts';
import type { Violation } from '../../model/violation.ts';
import { overlaps, staffName, patientRef, type ConstraintContext } from '../context.ts';
import { hardViolation } from '../types.ts';

export type MdtAttendanceJustification = {
  staffId: string;
  /** Patients this clinician saw, so they must attend. */
  patientIds: string[];
  mdtStartMin: number;
  mdtEndMin: number;
  shiftStartMin: number;
  shiftEndMin: number;
  /** The break that clashes with the MDT, if that is the breach. */
  breakStartMin: number | undefined;
  breakEndMin: number | undefined;
};

/**
 * SPEC §3C.8: every MDT member who saw a patient today attends the MDT, so is on shift
 * (and not on a break) from its start to its end.
 */
export function mdtAttendance(ctx: ConstraintContext): Violation[] {
  const violations: Violation[] = [];
  const { startMin: mdtStartMin, durationMin } = ctx.problem.centre.mdt;
  const mdtEndMin = mdtStartMin + durationMin;
  const mdtText = formatInterval(mdtStartMin, mdtEndMin);
  for (const [staffId, activities] of ctx.byStaff) {
    const staff = ctx.staffById.get(staffId);
    if (!staff?.mdtMember || activities.length === 0) continue;
    const offShift = staff.shift.startMin > mdtStartMin || staff.shift.endMin < mdtEndMin;
    if (!offShift && !staff.breaks.some((b) => overlaps(b.startMin, b.endMin, mdtStartMin, mdtEndMin))) continue;
    const patientIds = [...new Set(activities.map((a) => a.patientId))].sort();
    const base = { staffId, patientIds, mdtStartMin, mdtEndMin, shiftStartMin: staff.shift.startMin, shiftEndMin: staff.shift.endMin };
    const name = staffName(ctx, staffId);
    if (offShift) {
      violations.push(hardViolation<MdtAttendanceJustification>('mdtAttendance',
        `${name} saw ${patientIds.map((id) => patientRef(ctx, id)).join(', ')} so must attend the MDT ${mdtText}, but their shift is ${formatInterval(staff.shift.startMin, staff.shift.endMin)}`,
        { ...base, breakStartMin: undefined, breakEndMin: undefined }));
    }
    for (const b of staff.breaks) {
      if (!overlaps(b.startMin, b.endMin, mdtStartMin, mdtEndMin)) continue;
      violations.push(hardViolation<MdtAttendanceJustification>('mdtAttendance',
        `${name} saw ${patientIds.map((id) => patientRef(ctx, id)).join(', ')} so must attend the MDT ${mdtText}, but is on a break ${formatInterval(b.startMin, b.endMin)}`,
        { ...base, breakStartMin: b.startMin, breakEndMin: b.endMin }));
    }
  }
  return violations;
}
