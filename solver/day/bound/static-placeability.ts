/**
 * Reasons an assessment can never be placed, whatever else the plan does: the type is
 * unknown, nobody holds the qualification, there is no room of its type, or no qualified
 * staff member has a free stretch long enough while the patient is on site.
 * Used by the lower bound (their penalty is unavoidable) and by the explanations.
 */
import type { DayPatient, DayProblem } from '../../model/day-problem.ts';
import type { UnscheduledReasonCode } from '../../model/day-plan.ts';
import { formatInterval, formatMinutes } from '../../model/format-minutes.ts';
import { formatDay, roleName } from '../explain/format-day.ts';
import { clipIntervals, fitsIn, patientAssessmentWindow, patientMaxSpanMin, staffAssessmentIntervals } from './availability.ts';

export interface StaticReason {
  reason: UnscheduledReasonCode;
  message: string;
}

/** Why this patient's assessment can never be placed, or undefined when it might be. */
export function staticUnplaceableReason(problem: DayProblem, patient: DayPatient, typeId: string): StaticReason | undefined {
  const type = problem.assessmentTypes.find((t) => t.id === typeId);
  if (!type) {
    return { reason: 'unknown-type', message: `${patient.ref || patient.id} needs "${typeId}", which is not in the assessment catalogue; add it or correct the referral` };
  }
  const qualified = problem.staff.filter((s) => s.qualifications.includes(type.qualification));
  if (qualified.length === 0) {
    return { reason: 'no-qualified-staff', message: `No ${roleName(type.discipline)} qualified for ${type.name} (${type.qualification}) is on shift on ${formatDay(problem.date)}` };
  }
  if (!problem.rooms.some((r) => r.type === type.roomType && r.capacity > 0)) {
    return { reason: 'no-room', message: `There is no ${type.roomType} room for ${type.name} at the centre on ${formatDay(problem.date)}` };
  }
  const window = patientAssessmentWindow(problem, patient);
  const windowText = formatInterval(window.startMin, window.endMin);
  const { mdt, closeMin } = problem.centre;
  const withoutMdtEndMin = Math.min(closeMin, patient.latestDepartureMin);
  if (window.endMin - window.startMin < type.durationMin && withoutMdtEndMin - window.startMin >= type.durationMin) {
    return { reason: 'after-mdt', message: `${patient.ref || patient.id} can only be seen from ${formatMinutes(window.startMin)}; ${type.name} (${type.durationMin} min) would end after the MDT starts at ${formatMinutes(mdt.startMin)}` };
  }
  if (window.endMin - window.startMin < type.durationMin || patientMaxSpanMin(problem, patient) < type.durationMin) {
    return { reason: 'window-too-tight', message: `${patient.ref || patient.id} is available ${windowText} (MDT and time-on-site limits included): too short for ${type.name} (${type.durationMin} min)` };
  }
  const anyFree = qualified.some((s) => fitsIn(clipIntervals(staffAssessmentIntervals(problem, s), window), type.durationMin));
  if (!anyFree) {
    return { reason: 'no-qualified-staff', message: `No ${roleName(type.discipline)} qualified for ${type.name} is on shift for ${type.durationMin} min while ${patient.ref || patient.id} is here (${windowText})` };
  }
  return undefined;
}
