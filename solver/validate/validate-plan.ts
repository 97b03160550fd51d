/**
 * The independent day-plan checker: re-verifies every hard rule of SPEC §3C from scratch.
 * It shares no code with the planner or its constraints — only the model types — so a bug
 * in one is caught by the other. Written for obviousness, not speed (quadratic loops).
 */
import type { DayPlan } from '../model/day-plan.ts';
import type { DayProblem } from '../model/day-problem.ts';
import type { Violation } from '../model/violation.ts';
import { checkActivityDuration } from './day/check-activity-duration.ts';
import { checkAssessmentsBeforeMdt } from './day/check-assessments-before-mdt.ts';
import { checkKnownReferences } from './day/check-known-references.ts';
import { checkMdtAttendance } from './day/check-mdt-attendance.ts';
import { checkMealInLunchWindow } from './day/check-meal-in-lunch-window.ts';
import { checkPatientOnSiteWindow } from './day/check-patient-on-site-window.ts';
import { checkPatientOneAtATime } from './day/check-patient-one-at-a-time.ts';
import { checkPinsRespected } from './day/check-pins-respected.ts';
import { checkNotBeforeReplanTime } from './day/check-not-before-replan-time.ts';
import { checkPrecedenceWithLag } from './day/check-precedence-with-lag.ts';
import { checkQualifiedStaff } from './day/check-qualified-staff.ts';
import { checkRequiredCoverage } from './day/check-required-coverage.ts';
import { checkRestAfterConsecutive } from './day/check-rest-after-consecutive.ts';
import { checkRoomCapacity } from './day/check-room-capacity.ts';
import { checkRoomOfRequiredType } from './day/check-room-of-required-type.ts';
import { checkStaffOneAtATime } from './day/check-staff-one-at-a-time.ts';
import { checkStaffWithinShift } from './day/check-staff-within-shift.ts';
import { checkTransferBetweenRooms } from './day/check-transfer-between-rooms.ts';
import { checkUniqueActivityIds } from './day/check-unique-activity-ids.ts';
import { checkViewsAgree } from './day/check-views-agree.ts';
import { checkWithinOpeningHours } from './day/check-within-opening-hours.ts';
import { hardViolation } from './hard-violation.ts';
import { planFacts, type PlanFacts } from './day/plan-facts.ts';

export interface PlanValidation {
  /** True when no violation was found. */
  valid: boolean;
  violations: Violation[];
}

interface DayCheck {
  /** The constraint name its violations carry. */
  name: string;
  check: (facts: PlanFacts) => Violation[];
}

/** Every check, in the order of SPEC §3C, then the structural ones. */
export const DAY_PLAN_CHECKS: readonly DayCheck[] = [
  { name: 'qualifiedStaff', check: checkQualifiedStaff },
  { name: 'staffWithinShift', check: checkStaffWithinShift },
  { name: 'staffOneAtATime', check: checkStaffOneAtATime },
  { name: 'patientOneAtATime', check: checkPatientOneAtATime },
  { name: 'roomOfRequiredType', check: checkRoomOfRequiredType },
  { name: 'roomCapacity', check: checkRoomCapacity },
  { name: 'patientOnSiteWindow', check: checkPatientOnSiteWindow },
  { name: 'precedenceWithLag', check: checkPrecedenceWithLag },
  { name: 'mealInLunchWindow', check: checkMealInLunchWindow },
  { name: 'assessmentsBeforeMdt', check: checkAssessmentsBeforeMdt },
  { name: 'mdtAttendance', check: checkMdtAttendance },
  { name: 'transferBetweenRooms', check: checkTransferBetweenRooms },
  { name: 'restAfterConsecutive', check: checkRestAfterConsecutive },
  { name: 'withinOpeningHours', check: checkWithinOpeningHours },
  { name: 'pinsRespected', check: checkPinsRespected },
  { name: 'notBeforeReplanTime', check: checkNotBeforeReplanTime },
  { name: 'uniqueActivityIds', check: checkUniqueActivityIds },
  { name: 'knownReferences', check: checkKnownReferences },
  { name: 'activityDuration', check: checkActivityDuration },
  { name: 'requiredCoverage', check: checkRequiredCoverage },
  { name: 'viewsAgree', check: checkViewsAgree },
];

/**
 * Re-verifies a day plan against every hard constraint of its problem.
 * Never throws: a check that trips over malformed input reports a `checkFailed` violation.
 *
 * @example
 * const { valid, violations } = validatePlan(problem, planDay(problem, { seed: 1 }));
 * if (!valid) console.log(violations.map((v) => v.message).join('\n'));
 */
export function validatePlan(problem: DayProblem, plan: DayPlan): PlanValidation {
  let facts: PlanFacts;
  try {
    facts = planFacts(problem, plan);
  } catch (error) {
    return { valid: false, violations: [failed('planFacts', error)] };
  }
  const violations: Violation[] = [];
  for (const { name, check } of DAY_PLAN_CHECKS) {
    try {
      violations.push(...check(facts));
    } catch (error) {
      violations.push(failed(name, error));
    }
  }
  return { valid: violations.length === 0, violations };
}

function failed(check: string, error: unknown): Violation {
  const reason = error instanceof Error ? error.message : String(error);
  return hardViolation('checkFailed', `The ${check} check could not run on this input: ${reason}.`, { check, reason });
}
