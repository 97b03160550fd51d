import type { DayPlan, PlannedActivity } from '../../model/day-plan.ts';
import type { DayAssessmentType, DayPatient, DayProblem, DayRoom, DayStaffMember } from '../../model/day-problem.ts';
import { MEAL_TYPE_ID } from '../../model/day-problem.ts';

/**
 * Plain lookups over a problem and a plan, built once per check run.
 * Deliberately simple (maps and filtered arrays): the checker favours obvious code.
 */
export interface PlanFacts {
  problem: DayProblem;
  plan: DayPlan;
  typeById: Map<string, DayAssessmentType>;
  staffById: Map<string, DayStaffMember>;
  roomById: Map<string, DayRoom>;
  patientById: Map<string, DayPatient>;
  /**
   * Every activity, sorted by start, then end, then id. "Consecutive" (transfer, rest) means
   * next in this order, which settles the pairs when a patient's activities overlap (already a
   * patientOneAtATime breach) the way scorePlan reads them.
   */
  activities: PlannedActivity[];
  /** The patient's activities, in the same order. */
  activitiesOfPatient(patientId: string): PlannedActivity[];
  activitiesOfStaff(staffId: string): PlannedActivity[];
  activitiesOfRoom(roomId: string): PlannedActivity[];
  /** The duration the problem prescribes: a pin's overrun durationMin, else the type's (meal: mealDurationMin); undefined for an unknown type. */
  expectedDurationMin(activity: PlannedActivity): number | undefined;
  /** Display names for sentences (fall back to the id); patients by local reference, never by name. */
  patientRef(patientId: string): string;
  staffName(staffId: string | undefined): string;
  roomName(roomId: string): string;
  typeName(typeId: string): string;
}

export function isMeal(activity: PlannedActivity): boolean {
  return activity.typeId === MEAL_TYPE_ID;
}

/** Closed-open intervals [a, b) and [c, d) share at least one minute. */
export function overlaps(a: { startMin: number; endMin: number }, b: { startMin: number; endMin: number }): boolean {
  return a.startMin < b.endMin && b.startMin < a.endMin;
}

export function planFacts(problem: DayProblem, plan: DayPlan): PlanFacts {
  const typeById = new Map((problem.assessmentTypes ?? []).map((t) => [t.id, t]));
  const staffById = new Map((problem.staff ?? []).map((s) => [s.id, s]));
  const roomById = new Map((problem.rooms ?? []).map((r) => [r.id, r]));
  const patientById = new Map((problem.patients ?? []).map((p) => [p.id, p]));
  const activities = [...(plan.activities ?? [])].sort(
    (a, b) => a.startMin - b.startMin || a.endMin - b.endMin || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return {
    problem,
    plan,
    typeById,
    staffById,
    roomById,
    patientById,
    activities,
    activitiesOfPatient: (patientId) => activities.filter((a) => a.patientId === patientId),
    activitiesOfStaff: (staffId) => activities.filter((a) => a.staffId === staffId),
    activitiesOfRoom: (roomId) => activities.filter((a) => a.roomId === roomId),
    expectedDurationMin: (activity) =>
      (problem.pins ?? []).find((p) => p.patientId === activity.patientId && p.typeId === activity.typeId)?.durationMin ??
      (isMeal(activity) ? problem.centre.mealDurationMin : typeById.get(activity.typeId)?.durationMin),
    patientRef: (patientId) => patientById.get(patientId)?.ref ?? patientId,
    staffName: (staffId) => (staffId === undefined ? '(no one)' : (staffById.get(staffId)?.name ?? staffId)),
    roomName: (roomId) => roomById.get(roomId)?.name ?? roomId,
    typeName: (typeId) => (typeId === MEAL_TYPE_ID ? 'meal' : (typeById.get(typeId)?.name ?? typeId)),
  };
}
