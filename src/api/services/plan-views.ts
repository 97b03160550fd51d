// A stored day plan read three ways — by patient, by staff member, by room — with names and
// local "HH:MM" times beside the solver's minutes, so a coordinator's screen needs no lookups.
import { type DayPlan, type DayProblem, type PlannedActivity, formatMinutes } from '../../../solver/index.ts';

export interface ActivityView {
  activityId: string;
  typeId: string;
  typeName: string;
  /** The assessment type's discipline ('meal' for the meal): what a screen colours it by. */
  discipline: string;
  start: string;
  end: string;
  startMin: number;
  endMin: number;
  patientId: string;
  patientRef: string;
  patientInitials: string;
  staffId: string | null;
  staffName: string | null;
  roomId: string;
  roomName: string;
  groupId: string | null;
  pinned: boolean;
}

function namer(problem: DayProblem) {
  const types = new Map(problem.assessmentTypes.map((t) => [t.id, t.name]));
  const disciplines = new Map(problem.assessmentTypes.map((t) => [t.id, t.discipline]));
  const staff = new Map(problem.staff.map((s) => [s.id, s.name]));
  const rooms = new Map(problem.rooms.map((r) => [r.id, r.name]));
  const patients = new Map(problem.patients.map((p) => [p.id, p]));
  return {
    type: (id: string) => (id === 'meal' ? 'Meal' : (types.get(id) ?? id)),
    discipline: (id: string) => (id === 'meal' ? 'meal' : (disciplines.get(id) ?? 'unknown')),
    staff: (id: string) => staff.get(id) ?? id,
    room: (id: string) => rooms.get(id) ?? id,
    patient: (id: string) => patients.get(id)?.ref ?? id,
    initials: (id: string) => patients.get(id)?.initials ?? '',
  };
}

function activityViews(problem: DayProblem, plan: DayPlan): Map<string, ActivityView> {
  const names = namer(problem);
  const pinned = new Set((problem.pins ?? []).map((p) => `${p.patientId}:${p.typeId}`));
  const view = (a: PlannedActivity): ActivityView => ({
    activityId: a.id,
    typeId: a.typeId,
    typeName: names.type(a.typeId),
    discipline: names.discipline(a.typeId),
    start: formatMinutes(a.startMin),
    end: formatMinutes(a.endMin),
    startMin: a.startMin,
    endMin: a.endMin,
    patientId: a.patientId,
    patientRef: names.patient(a.patientId),
    patientInitials: names.initials(a.patientId),
    staffId: a.staffId ?? null,
    staffName: a.staffId === undefined ? null : names.staff(a.staffId),
    roomId: a.roomId,
    roomName: names.room(a.roomId),
    groupId: a.groupId ?? null,
    pinned: Boolean(a.pinned) || pinned.has(a.id),
  });
  return new Map(plan.activities.map((a) => [a.id, view(a)]));
}

const pick = (views: Map<string, ActivityView>, ids: string[]) => ids.flatMap((id) => (views.has(id) ? [views.get(id)!] : []));

/** One itinerary per patient, in the problem's order, with what could not be placed and why. */
export function planByPatient(problem: DayProblem, plan: DayPlan) {
  const views = activityViews(problem, plan);
  const names = namer(problem);
  return problem.patients.map((patient) => {
    const itinerary = plan.itineraries.find((i) => i.patientId === patient.id);
    return {
      patientId: patient.id,
      ref: patient.ref,
      initials: patient.initials,
      arrival: itinerary ? formatMinutes(itinerary.arrivalMin) : null,
      departure: itinerary ? formatMinutes(itinerary.departureMin) : null,
      activities: pick(views, itinerary?.activityIds ?? []),
      unscheduled: plan.unscheduled
        .filter((u) => u.patientId === patient.id)
        .map((u) => ({ typeId: u.typeId, typeName: names.type(u.typeId), reason: u.reason, message: u.message })),
    };
  });
}

/** One timetable per staff member on shift, and whether they attend the MDT meeting. */
export function planByStaff(problem: DayProblem, plan: DayPlan) {
  const views = activityViews(problem, plan);
  const attending = new Set(plan.mdt.attendeeStaffIds);
  return problem.staff.map((member) => ({
    staffId: member.id,
    name: member.name,
    discipline: member.discipline,
    shift: { start: formatMinutes(member.shift.startMin), end: formatMinutes(member.shift.endMin) },
    breaks: member.breaks.map((b) => ({ start: formatMinutes(b.startMin), end: formatMinutes(b.endMin) })),
    activities: pick(views, plan.staffTimetables.find((t) => t.ownerId === member.id)?.activityIds ?? []),
    mdt: attending.has(member.id) ? { start: formatMinutes(plan.mdt.startMin), end: formatMinutes(plan.mdt.endMin) } : null,
  }));
}

/** One timetable per room. */
export function planByRoom(problem: DayProblem, plan: DayPlan) {
  const views = activityViews(problem, plan);
  return problem.rooms.map((room) => ({
    roomId: room.id,
    name: room.name,
    type: room.type,
    capacity: room.capacity,
    activities: pick(views, plan.roomTimetables.find((t) => t.ownerId === room.id)?.activityIds ?? []),
  }));
}

/** The three views, by the name the routes use. */
export const planViews = { 'by-patient': planByPatient, 'by-staff': planByStaff, 'by-room': planByRoom } as const;
export type PlanViewName = keyof typeof planViews;
