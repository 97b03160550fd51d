import { MEAL_TYPE_ID, type DayProblem } from '../model/day-problem.ts';
import type { DayPlan, PlannedActivity } from '../model/day-plan.ts';
import { formatMinutes } from '../model/format-minutes.ts';
import type { ActivityMove } from './day-change.ts';

/**
 * Exactly what changed between the published plan and the new one, activity by activity,
 * each with a sentence a coordinator can read out: the patient's reference, the assessment,
 * the staff member and room by name (`problem` is the day before the changes, so it still
 * names a cancelled patient or a clinician off sick all day).
 */
export function diffPlans(problem: DayProblem, published: DayPlan, next: DayPlan, removedPatients: ReadonlySet<string>,
  removedActivities: ReadonlySet<string> = new Set()): ActivityMove[] {
  const names = dayNames(problem);
  const nextById = new Map(next.activities.map((a) => [a.id, a]));
  const publishedIds = new Set(published.activities.map((a) => a.id));
  const moves: ActivityMove[] = [];
  for (const before of published.activities) {
    const after = nextById.get(before.id);
    const base = { activityId: before.id, patientId: before.patientId, typeId: before.typeId, from: slot(before) };
    const what = names.activity(before);
    if (removedPatients.has(before.patientId)) {
      moves.push({ ...base, kind: 'removed', message: `${what} at ${formatMinutes(before.startMin)} is removed (the patient cancelled).` });
    } else if (removedActivities.has(before.id)) {
      moves.push({ ...base, kind: 'removed', message: `${what} at ${formatMinutes(before.startMin)} is removed (no longer needed).` });
    } else if (!after) {
      moves.push({ ...base, kind: 'unscheduled', message: `${what} at ${formatMinutes(before.startMin)} could not be re-placed.` });
    } else if (after.startMin !== before.startMin || after.staffId !== before.staffId || after.roomId !== before.roomId) {
      moves.push({ ...base, kind: 'moved', to: slot(after), message: `${what}: ${names.slot(before)} → ${names.slot(after)}.` });
    }
  }
  for (const after of next.activities) {
    if (publishedIds.has(after.id)) continue;
    moves.push({ activityId: after.id, patientId: after.patientId, typeId: after.typeId, kind: 'added', to: slot(after), message: `${names.activity(after)} is newly placed: ${names.slot(after)}.` });
  }
  return moves;
}

function slot(a: PlannedActivity): { startMin: number; staffId?: string; roomId: string } {
  return a.staffId === undefined ? { startMin: a.startMin, roomId: a.roomId } : { startMin: a.startMin, staffId: a.staffId, roomId: a.roomId };
}

/** Readable names for the day's patients (their reference), assessments, staff and rooms; ids where a name is missing. */
function dayNames(problem: DayProblem) {
  const patient = new Map(problem.patients.map((p) => [p.id, p.ref || p.id]));
  const type = new Map(problem.assessmentTypes.map((t) => [t.id, t.name]));
  const staff = new Map(problem.staff.map((s) => [s.id, s.name]));
  const room = new Map(problem.rooms.map((r) => [r.id, r.name]));
  return {
    activity: (a: PlannedActivity): string => `${patient.get(a.patientId) ?? a.patientId}'s ${a.typeId === MEAL_TYPE_ID ? 'meal' : (type.get(a.typeId) ?? a.typeId)}`,
    slot: (a: PlannedActivity): string =>
      `${formatMinutes(a.startMin)}${a.staffId ? ` with ${staff.get(a.staffId) ?? a.staffId}` : ''} in ${room.get(a.roomId) ?? a.roomId}`,
  };
}
