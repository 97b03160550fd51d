// What the day board draws: rows (staff members, rooms or patients) and the items in them
// (activities, breaks, the MDT), built from the plan's views, or from a job's provisional
// plan and the centre's records while a plan job runs.
import type { ActivityView, DayPlan, PatientRecord, PlanByPatient, PlanByRoom, PlanByStaff, RoomRecord, StaffRecord, AssessmentTypeRecord } from './api-types.ts';
import { hhmm, parseHhmm } from './time.ts';

export type RowMode = 'staff' | 'rooms' | 'patients';

export interface BoardRow {
  id: string;
  label: string;
  detail: string;
}

export interface BoardItem {
  id: string;
  row: string;
  startMin: number;
  endMin: number;
  kind: 'activity' | 'break' | 'mdt' | 'block';
  activity?: ActivityView;
  /**
   * Anything else drawn as a labelled block (a vehicle's run, an outreach drive): its spoken name,
   * its lines of text and its fill; `opens` makes it a button that hands its id to onSelect.
   */
  block?: { name: string; lines: string[]; colour: string; opens?: boolean };
}

export interface BoardData {
  staff: PlanByStaff['staff'];
  rooms: PlanByRoom['rooms'];
  patients: PlanByPatient['patients'];
  mdt: { startMin: number; endMin: number };
}

/** "JB-0003 Physiotherapy assessment 11:00–11:45, Sophie Rhodes, Therapy gym": an activity's accessible name. */
export function activityName(a: ActivityView): string {
  return `${a.patientRef} ${a.typeName} ${a.start}–${a.end}${a.staffName ? `, ${a.staffName}` : ''}, ${a.roomName}`;
}

export function boardRows(data: BoardData, mode: RowMode): BoardRow[] {
  if (mode === 'staff') return data.staff.map((s) => ({ id: s.staffId, label: s.name, detail: `${s.discipline} · ${s.shift.start}–${s.shift.end}` }));
  if (mode === 'rooms') return data.rooms.map((r) => ({ id: r.roomId, label: r.name, detail: r.type }));
  return data.patients.map((p) => ({ id: p.patientId, label: `${p.initials} ${p.ref}`, detail: p.arrival ? `${p.arrival}–${p.departure}` : 'not placed' }));
}

export function boardItems(data: BoardData, mode: RowMode): BoardItem[] {
  const activity = (row: string) => (a: ActivityView): BoardItem => ({ id: a.activityId, row, startMin: a.startMin, endMin: a.endMin, kind: 'activity', activity: a });
  if (mode === 'rooms') return data.rooms.flatMap((r) => r.activities.map(activity(r.roomId)));
  if (mode === 'patients') return data.patients.flatMap((p) => p.activities.map(activity(p.patientId)));
  return data.staff.flatMap((s) => [
    ...s.activities.map(activity(s.staffId)),
    ...s.breaks.map((b, i): BoardItem => ({ id: `break:${s.staffId}:${i}`, row: s.staffId, startMin: parseHhmm(b.start), endMin: parseHhmm(b.end), kind: 'break' })),
    ...(s.mdt ? [{ id: `mdt:${s.staffId}`, row: s.staffId, startMin: parseHhmm(s.mdt.start), endMin: parseHhmm(s.mdt.end), kind: 'mdt' as const }] : []),
  ]);
}

export interface Catalogue {
  staff: StaffRecord[];
  rooms: RoomRecord[];
  types: AssessmentTypeRecord[];
  patients: PatientRecord[];
}

const initialsOf = (p: PatientRecord) => `${p.givenName.trim().charAt(0)}${p.familyName.trim().charAt(0)}`.toUpperCase();

/** A job's provisional plan (a bare DayPlan) drawn with the names from the centre's records. */
export function boardFromPlan(plan: DayPlan, catalogue: Catalogue): BoardData {
  const staff = new Map(catalogue.staff.map((s) => [s.id, s]));
  const rooms = new Map(catalogue.rooms.map((r) => [r.id, r]));
  // Plans name assessment types by their code (the solver's type id), not by the record's id.
  const types = new Map(catalogue.types.map((t) => [t.code, t]));
  const patients = new Map(catalogue.patients.map((p) => [p.id, p]));
  const views = plan.activities.map((a): ActivityView => {
    const patient = patients.get(a.patientId);
    const type = types.get(a.typeId);
    return {
      activityId: a.id, typeId: a.typeId, typeName: a.typeId === 'meal' ? 'Meal' : (type?.name ?? a.typeId), discipline: a.typeId === 'meal' ? 'meal' : (type?.discipline ?? 'unknown'),
      start: hhmm(a.startMin), end: hhmm(a.endMin), startMin: a.startMin, endMin: a.endMin,
      patientId: a.patientId, patientRef: patient?.localRef ?? a.patientId, patientInitials: patient ? initialsOf(patient) : '',
      staffId: a.staffId ?? null, staffName: a.staffId ? (staff.get(a.staffId)?.name ?? a.staffId) : null,
      roomId: a.roomId, roomName: rooms.get(a.roomId)?.name ?? a.roomId, groupId: a.groupId ?? null, pinned: Boolean(a.pinned),
    };
  });
  const byStaff = new Map<string, ActivityView[]>();
  const byRoom = new Map<string, ActivityView[]>();
  const byPatient = new Map<string, ActivityView[]>();
  const push = (map: Map<string, ActivityView[]>, key: string, v: ActivityView) => map.set(key, [...(map.get(key) ?? []), v]);
  for (const v of views) {
    if (v.staffId) push(byStaff, v.staffId, v);
    push(byRoom, v.roomId, v);
    push(byPatient, v.patientId, v);
  }
  const mdt = { start: hhmm(plan.mdt.startMin), end: hhmm(plan.mdt.endMin) };
  const attending = new Set(plan.mdt.attendeeStaffIds);
  return {
    mdt: { startMin: plan.mdt.startMin, endMin: plan.mdt.endMin },
    staff: plan.staffTimetables.map((t) => {
      const member = staff.get(t.ownerId);
      return { staffId: t.ownerId, name: member?.name ?? t.ownerId, discipline: member?.discipline ?? '', shift: { start: '', end: '' }, breaks: [], activities: byStaff.get(t.ownerId) ?? [], mdt: attending.has(t.ownerId) ? mdt : null };
    }),
    rooms: plan.roomTimetables.map((t) => {
      const room = rooms.get(t.ownerId);
      return { roomId: t.ownerId, name: room?.name ?? t.ownerId, type: room?.type ?? '', capacity: room?.capacity ?? 1, activities: byRoom.get(t.ownerId) ?? [] };
    }),
    patients: plan.itineraries.map((i) => {
      const patient = patients.get(i.patientId);
      return {
        patientId: i.patientId, ref: patient?.localRef ?? i.patientId, initials: patient ? initialsOf(patient) : '', arrival: hhmm(i.arrivalMin), departure: hhmm(i.departureMin),
        activities: (byPatient.get(i.patientId) ?? []).sort((a, b) => a.startMin - b.startMin),
        unscheduled: plan.unscheduled.filter((u) => u.patientId === i.patientId).map((u) => ({ typeId: u.typeId, typeName: types.get(u.typeId)?.name ?? u.typeId, reason: u.reason, message: u.message })),
      };
    }),
  };
}

/** The disciplines in the data, for the legend. */
export function disciplinesIn(data: BoardData): string[] {
  const all = new Set<string>();
  for (const p of data.patients) for (const a of p.activities) all.add(a.discipline);
  return [...all].sort();
}
