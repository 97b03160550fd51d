import type { Violation } from '../../model/violation.ts';
import { spanText } from '../clock-text.ts';
import { hardViolation } from '../hard-violation.ts';
import { isMeal, overlaps, type PlanFacts } from './plan-facts.ts';

/** SPEC §3C.1: each assessment lies inside its staff member's shift and outside their breaks. */
export function checkStaffWithinShift(facts: PlanFacts): Violation[] {
  const violations: Violation[] = [];
  for (const activity of facts.activities) {
    if (isMeal(activity) || activity.staffId === undefined) continue;
    const staff = facts.staffById.get(activity.staffId);
    if (!staff) continue;
    const when = spanText(activity.startMin, activity.endMin);
    if (activity.startMin < staff.shift.startMin || activity.endMin > staff.shift.endMin) {
      violations.push(
        hardViolation(
          'staffWithinShift',
          `${staff.name} sees ${facts.patientRef(activity.patientId)} at ${when}, outside their shift ${spanText(staff.shift.startMin, staff.shift.endMin)}.`,
          {
            activityId: activity.id,
            staffId: staff.id,
            patientId: activity.patientId,
            activityStartMin: activity.startMin,
            activityEndMin: activity.endMin,
            shiftStartMin: staff.shift.startMin,
            shiftEndMin: staff.shift.endMin,
          },
        ),
      );
    }
    for (const pause of staff.breaks ?? []) {
      if (!overlaps(activity, pause)) continue;
      violations.push(
        hardViolation(
          'staffWithinShift',
          `${staff.name} sees ${facts.patientRef(activity.patientId)} at ${when}, during their break ${spanText(pause.startMin, pause.endMin)}.`,
          {
            activityId: activity.id,
            staffId: staff.id,
            patientId: activity.patientId,
            activityStartMin: activity.startMin,
            activityEndMin: activity.endMin,
            breakStartMin: pause.startMin,
            breakEndMin: pause.endMin,
          },
        ),
      );
    }
  }
  return violations;
}
