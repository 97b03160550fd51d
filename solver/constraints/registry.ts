/**
 * Every planning constraint, listed explicitly and grouped by level (STYLE.md). The order
 * is the order of `PlanScore.byConstraint`. Hard constraints are SPEC §3C 1–9 plus the
 * structural rules (opening hours, pins, one activity per requirement, durations); soft
 * ones are SPEC §3C's objectives, weighted by `ObjectiveWeights`.
 */
import type { ConstraintLevel } from '../model/violation.ts';
import type { ConstraintFunction } from './types.ts';
import { activityDuration } from './hard/activity-duration.ts';
import { assessmentsBeforeMdt } from './hard/assessments-before-mdt.ts';
import { mdtAttendance } from './hard/mdt-attendance.ts';
import { mealInLunchWindow } from './hard/meal-in-lunch-window.ts';
import { oneActivityPerRequirement } from './hard/one-activity-per-requirement.ts';
import { patientOnSiteWindow } from './hard/patient-on-site-window.ts';
import { patientOneAtATime } from './hard/patient-one-at-a-time.ts';
import { pinsRespected } from './hard/pins-respected.ts';
import { precedenceWithLag } from './hard/precedence-with-lag.ts';
import { qualifiedStaff } from './hard/qualified-staff.ts';
import { restAfterConsecutive } from './hard/rest-after-consecutive.ts';
import { roomCapacity } from './hard/room-capacity.ts';
import { roomOfRequiredType } from './hard/room-of-required-type.ts';
import { staffOneAtATime } from './hard/staff-one-at-a-time.ts';
import { staffWithinShift } from './hard/staff-within-shift.ts';
import { transferBetweenRooms } from './hard/transfer-between-rooms.ts';
import { withinOpeningHours } from './hard/within-opening-hours.ts';
import { notBeforeReplanTime } from './hard/not-before-replan-time.ts';
import { carerPresence } from './soft/carer-presence.ts';
import { makespan } from './soft/makespan.ts';
import { namedClinician } from './soft/named-clinician.ts';
import { patientIdleTime } from './soft/patient-idle-time.ts';
import { patientPreferences } from './soft/patient-preferences.ts';
import { patientTimeOnSite } from './soft/patient-time-on-site.ts';
import { unscheduledAssessments } from './soft/unscheduled-assessments.ts';
import { workloadBalance } from './soft/workload-balance.ts';

export interface RegisteredConstraint {
  /** Equals the function's name and the `constraint` field of its violations. */
  name: string;
  level: ConstraintLevel;
  /** One line for score breakdowns and documentation. */
  description: string;
  /** The file under solver/constraints/<level>/, kebab-case of the name. */
  file: string;
  evaluate: ConstraintFunction;
}

const hard = (name: string, file: string, description: string, evaluate: ConstraintFunction): RegisteredConstraint =>
  ({ name, level: 'hard', description, file: `hard/${file}.ts`, evaluate });

const soft = (name: string, file: string, description: string, evaluate: ConstraintFunction): RegisteredConstraint =>
  ({ name, level: 'soft', description, file: `soft/${file}.ts`, evaluate });

/** The explicit list, grouped hard / soft. */
export const constraintRegistry: { hard: RegisteredConstraint[]; soft: RegisteredConstraint[] } = {
  hard: [
    hard('qualifiedStaff', 'qualified-staff', 'Each assessment is delivered by a staff member holding its qualification.', qualifiedStaff),
    hard('staffWithinShift', 'staff-within-shift', 'Staff work inside their shift and outside their breaks.', staffWithinShift),
    hard('staffOneAtATime', 'staff-one-at-a-time', 'A staff member sees one patient at a time; group sessions share type, room, start and group id, up to their capacity.', staffOneAtATime),
    hard('patientOneAtATime', 'patient-one-at-a-time', 'A patient does one thing at a time.', patientOneAtATime),
    hard('roomOfRequiredType', 'room-of-required-type', 'Each activity is in a room of the type it needs (meals in the dining room).', roomOfRequiredType),
    hard('roomCapacity', 'room-capacity', 'A room never holds more activities at once than its capacity (dining seats, gym places).', roomCapacity),
    hard('patientOnSiteWindow', 'patient-on-site-window', 'Patients arrive (with check-in) and leave inside their window and stay no longer than allowed (the itinerary\'s arrival and departure when given).', patientOnSiteWindow),
    hard('precedenceWithLag', 'precedence-with-lag', 'Precedence rules with minimum lags, including first/last (*) rules.', precedenceWithLag),
    hard('mealInLunchWindow', 'meal-in-lunch-window', 'Every patient who needs a meal has exactly one, inside the lunch window.', mealInLunchWindow),
    hard('assessmentsBeforeMdt', 'assessments-before-mdt', 'All assessments and diagnostics end by the MDT start.', assessmentsBeforeMdt),
    hard('mdtAttendance', 'mdt-attendance', 'Every MDT member who saw a patient is on shift, not on a break, through the MDT.', mdtAttendance),
    hard('transferBetweenRooms', 'transfer-between-rooms', 'Consecutive activities in different rooms leave the transfer time.', transferBetweenRooms),
    hard('restAfterConsecutive', 'rest-after-consecutive', 'A frail patient rests after the stated number of back-to-back activities.', restAfterConsecutive),
    hard('withinOpeningHours', 'within-opening-hours', 'No activity outside the centre\'s opening hours.', withinOpeningHours),
    hard('pinsRespected', 'pins-respected', 'Pinned activities keep their start, staff member and room.', pinsRespected),
    hard('notBeforeReplanTime', 'not-before-replan-time', 'When replanning, nothing unpinned is planned before the time of the change.', notBeforeReplanTime),
    hard('oneActivityPerRequirement', 'one-activity-per-requirement', 'Activities only for known patients and types they need, each at most once, unique ids.', oneActivityPerRequirement),
    hard('activityDuration', 'activity-duration', 'Each activity lasts exactly its type\'s duration.', activityDuration),
  ],
  soft: [
    soft('unscheduledAssessments', 'unscheduled-assessments', 'Each required assessment not placed costs weights.unscheduled × the patient\'s priority.', unscheduledAssessments),
    soft('patientIdleTime', 'patient-idle-time', 'Minutes a patient waits between their first and last activity.', patientIdleTime),
    soft('patientTimeOnSite', 'patient-time-on-site', 'Minutes from arrival (with check-in) to departure.', patientTimeOnSite),
    soft('workloadBalance', 'workload-balance', 'Spread of booked minutes between staff of the same discipline.', workloadBalance),
    soft('namedClinician', 'named-clinician', 'Assessments not done by the patient\'s named clinician.', namedClinician),
    soft('patientPreferences', 'patient-preferences', 'Minutes outside the patient\'s preferred arrival and departure.', patientPreferences),
    soft('carerPresence', 'carer-presence', 'Assessments that ask for the carer while the carer is not on site.', carerPresence),
    soft('makespan', 'makespan', 'End of the day\'s last activity (open-shop benchmark; weight 0 on ICC days).', makespan),
  ],
};

/** Hard then soft, in registry order. */
export function allConstraints(): RegisteredConstraint[] {
  return [...constraintRegistry.hard, ...constraintRegistry.soft];
}
