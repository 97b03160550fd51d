import type { DayPatient, DayProblem } from '../model/day-problem.ts';
import type { DayPlan, PlannedActivity } from '../model/day-plan.ts';
import { formatMinutes } from '../model/format-minutes.ts';
import type { DayChange } from './day-change.ts';
import { ReplanInputError } from './replan-input-error.ts';

export interface ChangedDay {
  /** The problem with the changes applied (pins of the published plan not yet added). */
  problem: DayProblem;
  /** Published activities that can no longer stay where they are. */
  displaced: Set<string>;
  /** Patients who cancelled: their activities leave the plan. */
  removedPatients: Set<string>;
  /** Activities no longer needed (`patientId:typeId`): they leave the plan. */
  removedActivities: Set<string>;
  /** Patients whose future may be rebuilt although nothing of theirs is displaced (an assessment added). */
  affectedPatients: Set<string>;
  /** Overrunning activities: how long they really last (kept where they are, longer). */
  overrunDurationMin: Map<string, number>;
  /** What the changes did, as sentences. */
  notes: string[];
}

/**
 * Applies the day's changes to a copy of the problem and works out which published
 * activities they displace. Inputs are never mutated.
 * @throws ReplanInputError naming the change field that does not fit.
 */
export function applyDayChanges(problem: DayProblem, published: DayPlan, changes: DayChange[], nowMin: number): ChangedDay {
  const changed: DayProblem = structuredClone(problem);
  const displaced = new Set<string>();
  const removedPatients = new Set<string>();
  const removedActivities = new Set<string>();
  const affectedPatients = new Set<string>();
  const overrunDurationMin = new Map<string, number>();
  const notes: string[] = [];
  const activities = published.activities;

  changes.forEach((change, i) => {
    const field = `changes[${i}]`;
    switch (change.kind) {
      case 'patient-cancelled': {
        requirePatient(changed, change.patientId, `${field}.patientId`);
        removedPatients.add(change.patientId);
        changed.patients = changed.patients.filter((p) => p.id !== change.patientId);
        changed.pins = (changed.pins ?? []).filter((p) => p.patientId !== change.patientId);
        notes.push(`${patientRef(problem, change.patientId)} cancelled: their activities are removed.`);
        break;
      }
      case 'patient-late': {
        const patient = requirePatient(changed, change.patientId, `${field}.patientId`);
        const started = activities.find((a) => a.patientId === change.patientId && a.startMin < nowMin);
        if (started) {
          throw new ReplanInputError(`${field}.arrivalMin`, `${change.patientId} already started ${started.typeId} at ${formatMinutes(started.startMin)}, so cannot arrive late.`);
        }
        patient.earliestArrivalMin = Math.max(patient.earliestArrivalMin, change.arrivalMin);
        if (patient.earliestArrivalMin >= patient.latestDepartureMin) {
          throw new ReplanInputError(`${field}.arrivalMin`, `${change.patientId} would arrive at ${formatMinutes(change.arrivalMin)}, after their latest departure ${formatMinutes(patient.latestDepartureMin)}.`);
        }
        for (const a of activities) if (a.patientId === change.patientId) displaced.add(a.id);
        changed.pins = (changed.pins ?? []).filter((p) => p.patientId !== change.patientId || p.startMin >= change.arrivalMin);
        notes.push(`${patientRef(problem, change.patientId)} arrives at ${formatMinutes(change.arrivalMin)}: their day is rebuilt.`);
        skipMissedLunch(changed, patient, Math.max(nowMin, patient.earliestArrivalMin + changed.centre.checkInBufferMin), notes);
        break;
      }
      case 'patient-added': {
        const { patient } = change;
        if (changed.patients.some((p) => p.id === patient.id)) {
          throw new ReplanInputError(`${field}.patientId`, `${patient.ref || patient.id} is already in the plan.`);
        }
        const typeIds = new Set(changed.assessmentTypes.map((t) => t.id));
        patient.required.forEach((r, k) => {
          if (!typeIds.has(r.typeId)) throw new ReplanInputError(`${field}.patient.required[${k}].typeId`, `unknown assessment type '${r.typeId}'.`);
        });
        if (patient.latestDepartureMin <= nowMin) {
          throw new ReplanInputError(`${field}.patientId`, `${patient.ref || patient.id} must leave by ${formatMinutes(patient.latestDepartureMin)}, before now (${formatMinutes(nowMin)}).`);
        }
        const added = structuredClone(patient);
        changed.patients.push(added);
        notes.push(`${patient.ref || patient.id} is added: their day is planned from ${formatMinutes(nowMin)} around everyone else.`);
        skipMissedLunch(changed, added, Math.max(nowMin, added.earliestArrivalMin + changed.centre.checkInBufferMin), notes);
        break;
      }
      case 'assessment-added': {
        const patient = requirePatient(changed, change.patientId, `${field}.patientId`);
        const type = changed.assessmentTypes.find((t) => t.id === change.typeId);
        if (!type) throw new ReplanInputError(`${field}.typeId`, `unknown assessment type '${change.typeId}'.`);
        if (patient.required.some((r) => r.typeId === change.typeId)) {
          throw new ReplanInputError(`${field}.typeId`, `${patientRef(problem, patient.id)} already has ${type.name} today.`);
        }
        if (patient.latestDepartureMin <= nowMin) {
          throw new ReplanInputError(`${field}.patientId`, `${patientRef(problem, patient.id)} has left (by ${formatMinutes(patient.latestDepartureMin)}).`);
        }
        patient.required.push({ typeId: change.typeId });
        affectedPatients.add(patient.id);
        notes.push(`${patientRef(problem, patient.id)} also needs ${type.name} today: it is fitted into their day.`);
        break;
      }
      case 'assessment-removed': {
        const patient = requirePatient(changed, change.patientId, `${field}.patientId`);
        const typeName = changed.assessmentTypes.find((t) => t.id === change.typeId)?.name ?? change.typeId;
        if (!patient.required.some((r) => r.typeId === change.typeId)) {
          throw new ReplanInputError(`${field}.typeId`, `${patientRef(problem, patient.id)} has no ${typeName} today.`);
        }
        const id = `${change.patientId}:${change.typeId}`;
        const activity = activities.find((a) => a.id === id);
        if (activity && activity.startMin < nowMin) {
          throw new ReplanInputError(`${field}.typeId`, `${patientRef(problem, patient.id)}'s ${typeName} already started at ${formatMinutes(activity.startMin)}.`);
        }
        patient.required = patient.required.filter((r) => r.typeId !== change.typeId);
        changed.pins = (changed.pins ?? []).filter((p) => p.patientId !== change.patientId || p.typeId !== change.typeId);
        removedActivities.add(id);
        notes.push(`${patientRef(problem, patient.id)}'s ${typeName} is no longer needed: it is removed.`);
        break;
      }
      case 'staff-off-sick': {
        const member = requireStaff(changed, change.staffId, `${field}.staffId`);
        const index = changed.staff.indexOf(member);
        for (const a of activities) if (a.staffId === change.staffId && a.endMin > change.fromMin) displaced.add(a.id);
        releasePinsWith(changed, change.staffId, (id) => displaced.has(id), member.name, notes);
        if (change.fromMin <= member.shift.startMin) {
          changed.staff.splice(index, 1);
          notes.push(`${member.name} is off sick all day.`);
        } else {
          member.shift = { startMin: member.shift.startMin, endMin: Math.min(member.shift.endMin, change.fromMin) };
          member.breaks = member.breaks
            .filter((b) => b.startMin < member.shift.endMin)
            .map((b) => ({ startMin: b.startMin, endMin: Math.min(b.endMin, member.shift.endMin) }));
          // Gone home: they cannot attend the MDT, so it no longer binds their earlier patients.
          member.mdtMember = false;
          notes.push(`${member.name} is off sick from ${formatMinutes(change.fromMin)}: their later activities move to colleagues.`);
        }
        break;
      }
      case 'staff-late': {
        const member = requireStaff(changed, change.staffId, `${field}.staffId`);
        const seen = activities.find((a) => a.staffId === change.staffId && a.startMin < Math.min(nowMin, change.fromMin));
        if (seen) {
          throw new ReplanInputError(`${field}.fromMin`, `${member.name} already saw ${patientRef(problem, seen.patientId)} at ${formatMinutes(seen.startMin)}, before ${formatMinutes(change.fromMin)}.`);
        }
        if (change.fromMin >= Math.min(member.shift.endMin, problem.centre.mdt.startMin)) {
          throw new ReplanInputError(`${field}.fromMin`, `${member.name} would arrive at ${formatMinutes(change.fromMin)}, too late to see anyone (use staff-off-sick for a day off).`);
        }
        for (const a of activities) if (a.staffId === change.staffId && a.startMin < change.fromMin) displaced.add(a.id);
        releasePinsWith(changed, change.staffId, (id) => displaced.has(id), member.name, notes);
        member.shift = { startMin: Math.max(member.shift.startMin, change.fromMin), endMin: member.shift.endMin };
        member.breaks = member.breaks
          .filter((b) => b.endMin > member.shift.startMin)
          .map((b) => ({ startMin: Math.max(b.startMin, member.shift.startMin), endMin: b.endMin }));
        notes.push(`${member.name} arrives at ${formatMinutes(change.fromMin)}: their earlier activities move to colleagues or later.`);
        break;
      }
      case 'assessment-overran': {
        const id = `${change.patientId}:${change.typeId}`;
        const activity = activities.find((a) => a.id === id);
        if (!activity) throw new ReplanInputError(`${field}.typeId`, `${change.patientId} has no planned ${change.typeId}.`);
        if (activity.startMin >= nowMin) throw new ReplanInputError(`${field}.typeId`, `${change.typeId} for ${change.patientId} has not started yet (planned ${formatMinutes(activity.startMin)}).`);
        if (change.endMin <= activity.endMin) throw new ReplanInputError(`${field}.endMin`, `an overrun must end after the planned end ${formatMinutes(activity.endMin)}.`);
        overrunDurationMin.set(id, change.endMin - activity.startMin);
        for (const a of activities) if (a.id !== id && a.startMin >= nowMin && sharesResource(a, activity)) displaced.add(a.id);
        const typeName = problem.assessmentTypes.find((t) => t.id === change.typeId)?.name ?? change.typeId;
        notes.push(`${patientRef(problem, change.patientId)}'s ${typeName} runs until ${formatMinutes(change.endMin)}: what follows for the same patient, staff member or room is re-placed.`);
        break;
      }
    }
  });
  for (const id of displaced) if (removedPatients.has(id.split(':')[0]!) || removedActivities.has(id)) displaced.delete(id);
  return { problem: changed, displaced, removedPatients, removedActivities, affectedPatients, overrunDurationMin, notes };
}

/** The patient's local reference for sentences (their id if they have none). */
/**
 * A patient who joins the day (added, or arriving late) too late for a meal in the lunch window:
 * no meal is planned for them (it would be a rule no plan can keep) and the note says so, so
 * the coordinator can offer them something to eat.
 */
function skipMissedLunch(problem: DayProblem, patient: DayPatient, fromMin: number, notes: string[]): void {
  const lunch = problem.centre.lunchWindow;
  if (patient.needsMeal === false || fromMin + problem.centre.mealDurationMin <= lunch.endMin) return;
  patient.needsMeal = false;
  notes.push(`${patient.ref || patient.id} is here from ${formatMinutes(fromMin)}, too late for lunch (${formatMinutes(lunch.startMin)}–${formatMinutes(lunch.endMin)}): no meal is planned; offer them something to eat.`);
}

function patientRef(problem: DayProblem, patientId: string): string {
  return problem.patients.find((p) => p.id === patientId)?.ref || patientId;
}

function requireStaff(problem: DayProblem, staffId: string, field: string) {
  const member = problem.staff.find((s) => s.id === staffId);
  if (!member) throw new ReplanInputError(field, `unknown staff member '${staffId}'.`);
  return member;
}

function requirePatient(problem: DayProblem, patientId: string, field: string) {
  const patient = problem.patients.find((p) => p.id === patientId);
  if (!patient) throw new ReplanInputError(field, `unknown patient '${patientId}'.`);
  return patient;
}

/**
 * A coordinator's pins of activities with a staff member who is no longer there then are
 * released (the search re-places them, with a colleague or later): the pin named someone
 * absent, and keeping its time could be impossible.
 */
function releasePinsWith(problem: DayProblem, staffId: string, isDisplaced: (activityId: string) => boolean, staffName: string, notes: string[]): void {
  const released = (problem.pins ?? []).filter((p) => p.staffId === staffId && isDisplaced(`${p.patientId}:${p.typeId}`));
  if (released.length === 0) return;
  problem.pins = (problem.pins ?? []).filter((p) => !released.includes(p));
  for (const pin of released) {
    const typeName = problem.assessmentTypes.find((t) => t.id === pin.typeId)?.name ?? pin.typeId;
    notes.push(`${patientRef(problem, pin.patientId)}'s ${typeName} was pinned at ${formatMinutes(pin.startMin)} with ${staffName}: the pin is released.`);
  }
}

function sharesResource(a: PlannedActivity, b: PlannedActivity): boolean {
  return a.patientId === b.patientId || (a.staffId !== undefined && a.staffId === b.staffId) || a.roomId === b.roomId;
}
