/**
 * Reads a decoded schedule back as plan activities: the placed ones sorted by start, the
 * assessments that were impossible from the outset, and those the decoder left unplaced
 * (each with the reason the decoder last met).
 */
import { MEAL_TYPE_ID } from '../model/day-problem.ts';
import type { PlannedActivity, UnscheduledAssessment } from '../model/day-plan.ts';
import type { CompiledDay } from './compile/compile-day-problem.ts';
import { describeUnplaced } from './describe-unplaced.ts';
import type { DayDecoder } from './schedule/day-decoder.ts';

/** The per-activity arrays of a decoded schedule (a DayDecoder, or a copy of one). */
export type DecodedSchedule = Pick<DayDecoder, 'start' | 'staffOf' | 'roomOf' | 'sessionOf' | 'block'>;

export interface ReadSchedule {
  activities: PlannedActivity[];
  /** Impossible from the outset (no qualified staff, no room type, …). */
  unscheduled: UnscheduledAssessment[];
  /** Left unplaced by this schedule, with the decoder's reason. */
  unplaced: UnscheduledAssessment[];
}

export function readSchedule(day: CompiledDay, decoded: DecodedSchedule): ReadSchedule {
  const { problem } = day;
  const activities: PlannedActivity[] = [];
  const unscheduled: UnscheduledAssessment[] = [...day.impossible];
  const unplaced: UnscheduledAssessment[] = [];
  for (let a = 0; a < day.activityCount; a++) {
    const startMin = decoded.start[a]!;
    if (startMin < 0) {
      unplaced.push(describeUnplaced(day, a, decoded.block[a]!));
      continue;
    }
    const staff = decoded.staffOf[a]! >= 0 ? problem.staff[decoded.staffOf[a]!]!.id : undefined;
    const activity: PlannedActivity = {
      id: day.activityId[a]!,
      patientId: problem.patients[day.activityPatient[a]!]!.id,
      typeId: day.activityTypeId[a]!,
      kind: day.activityKind[a]!,
      startMin,
      endMin: startMin + day.durationMin[a]!,
      roomId: problem.rooms[decoded.roomOf[a]!]!.id,
    };
    if (staff !== undefined && activity.typeId !== MEAL_TYPE_ID) activity.staffId = staff;
    if (decoded.sessionOf[a]! >= 0) activity.groupId = `${activity.typeId}@${startMin}:${staff ?? activity.roomId}`;
    if (day.pin[a]) activity.pinned = true;
    activities.push(activity);
  }
  activities.sort((x, y) => x.startMin - y.startMin || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  return { activities, unscheduled, unplaced };
}
