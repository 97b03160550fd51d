import type { Violation } from '../../model/violation.ts';
import { spanText } from '../clock-text.ts';
import { hardViolation } from '../hard-violation.ts';
import { isMeal, overlaps, type PlanFacts } from './plan-facts.ts';

/**
 * SPEC §3C.8: every MDT member who saw a patient today is on shift for the whole MDT
 * (centre.mdt), not on a break during it, and listed in plan.mdt.attendeeStaffIds.
 */
export function checkMdtAttendance(facts: PlanFacts): Violation[] {
  const violations: Violation[] = [];
  const mdtStartMin = facts.problem.centre.mdt.startMin;
  const mdtEndMin = mdtStartMin + facts.problem.centre.mdt.durationMin;
  const attendees = facts.plan.mdt?.attendeeStaffIds ?? [];
  for (const staff of facts.problem.staff) {
    if (!staff.mdtMember) continue;
    const patientsSeen = [...new Set(facts.activitiesOfStaff(staff.id).filter((a) => !isMeal(a)).map((a) => a.patientId))];
    if (patientsSeen.length === 0) continue;
    const base = { staffId: staff.id, patientsSeen, mdtStartMin, mdtEndMin };
    if (staff.shift.startMin > mdtStartMin || staff.shift.endMin < mdtEndMin) {
      violations.push(
        hardViolation(
          'mdtAttendance',
          `${staff.name} saw ${patientsSeen.map(facts.patientRef).join(', ')} but is not on shift through the MDT ${spanText(mdtStartMin, mdtEndMin)} (shift ${spanText(staff.shift.startMin, staff.shift.endMin)}).`,
          { ...base, rule: 'on-shift', shiftStartMin: staff.shift.startMin, shiftEndMin: staff.shift.endMin },
        ),
      );
    }
    for (const pause of staff.breaks ?? []) {
      if (!overlaps(pause, { startMin: mdtStartMin, endMin: mdtEndMin })) continue;
      violations.push(
        hardViolation(
          'mdtAttendance',
          `${staff.name} saw ${patientsSeen.map(facts.patientRef).join(', ')} but has a break ${spanText(pause.startMin, pause.endMin)} during the MDT ${spanText(mdtStartMin, mdtEndMin)}.`,
          { ...base, rule: 'not-on-break', breakStartMin: pause.startMin, breakEndMin: pause.endMin },
        ),
      );
    }
    if (!attendees.includes(staff.id)) {
      violations.push(
        hardViolation(
          'mdtAttendance',
          `${staff.name} saw ${patientsSeen.map(facts.patientRef).join(', ')} but is not on the MDT attendee list.`,
          { ...base, rule: 'listed' },
        ),
      );
    }
  }
  return violations;
}
