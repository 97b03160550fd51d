/**
 * The plan's views, built from `activities` (the single source of truth): one itinerary per
 * patient, one timetable per staff member and per room (ids in start order), and the MDT
 * attendees (every MDT member who saw a patient).
 */
import type { DayProblem } from '../model/day-problem.ts';
import type { DayPlan, Itinerary, PlannedActivity, Timetable } from '../model/day-plan.ts';

export type PlanViews = Pick<DayPlan, 'itineraries' | 'staffTimetables' | 'roomTimetables' | 'mdt'>;

/**
 * @example
 * const views = buildPlanViews(problem, activities);
 * views.itineraries[0].activityIds; // ['p1:anp-initial', 'p1:bloods', ...] in time order
 */
export function buildPlanViews(problem: DayProblem, activities: readonly PlannedActivity[]): PlanViews {
  const sorted = [...activities].sort((a, b) => a.startMin - b.startMin || a.endMin - b.endMin || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const checkIn = problem.centre.checkInBufferMin;
  const itineraries: Itinerary[] = problem.patients.map((patient) => {
    const mine = sorted.filter((a) => a.patientId === patient.id);
    if (mine.length === 0) {
      return { patientId: patient.id, arrivalMin: patient.earliestArrivalMin, departureMin: patient.earliestArrivalMin, activityIds: [] };
    }
    const firstStart = mine[0]!.startMin;
    const lastEnd = Math.max(...mine.map((a) => a.endMin));
    return {
      patientId: patient.id,
      arrivalMin: Math.max(patient.earliestArrivalMin, firstStart - checkIn),
      departureMin: lastEnd,
      activityIds: mine.map((a) => a.id),
    };
  });
  const timetable = (ownerId: string, of: (a: PlannedActivity) => boolean): Timetable => ({
    ownerId,
    activityIds: sorted.filter(of).map((a) => a.id),
  });
  const staffTimetables = problem.staff.map((s) => timetable(s.id, (a) => a.staffId === s.id));
  const roomTimetables = problem.rooms.map((r) => timetable(r.id, (a) => a.roomId === r.id));
  const sawPatient = new Set(activities.flatMap((a) => (a.staffId === undefined ? [] : [a.staffId])));
  const { mdt } = problem.centre;
  return {
    itineraries,
    staffTimetables,
    roomTimetables,
    mdt: {
      startMin: mdt.startMin,
      endMin: mdt.startMin + mdt.durationMin,
      attendeeStaffIds: problem.staff.filter((s) => s.mdtMember && sawPatient.has(s.id)).map((s) => s.id),
    },
  };
}
