/** Small hand-made day problems for the planner's tests: one of each kind of resource. */
import type { DayAssessmentType, DayPatient, DayProblem, DayStaffMember } from '../../../solver/model/day-problem.ts';

export const HOUR = 60;

export function assessmentType(id: string, durationMin: number, extra: Partial<DayAssessmentType> = {}): DayAssessmentType {
  return { id, name: id, discipline: id, kind: 'assessment', durationMin, roomType: 'consult', qualification: id, groupCapacity: 1, ...extra };
}

export function staffMember(id: string, qualifications: string[], extra: Partial<DayStaffMember> = {}): DayStaffMember {
  return { id, name: id, discipline: qualifications[0] ?? id, qualifications, shift: { startMin: 9 * HOUR, endMin: 17 * HOUR }, breaks: [], mdtMember: false, ...extra };
}

export function patient(id: string, required: string[], extra: Partial<DayPatient> = {}): DayPatient {
  return {
    id,
    ref: id.toUpperCase(),
    initials: id.toUpperCase(),
    priority: 1,
    earliestArrivalMin: 9 * HOUR,
    latestDepartureMin: 17 * HOUR,
    maxOnSiteMin: 8 * HOUR,
    required: required.map((typeId) => ({ typeId })),
    needsMeal: false,
    ...extra,
  };
}

/** A day with nothing binding except what a test adds: open 9–17, lunch 12–14, MDT 16:00. */
export function smallDay(parts: Partial<DayProblem>): DayProblem {
  return {
    date: '2026-12-01',
    centre: {
      id: 'c1',
      name: 'Test centre',
      openMin: 9 * HOUR,
      closeMin: 17 * HOUR,
      lunchWindow: { startMin: 12 * HOUR, endMin: 14 * HOUR },
      mealDurationMin: 30,
      mealRoomType: 'dining',
      mdt: { startMin: 16 * HOUR, durationMin: 45 },
      transferMin: 0,
      checkInBufferMin: 0,
    },
    assessmentTypes: [],
    precedences: [],
    staff: [],
    rooms: [
      { id: 'consult-1', name: 'Consult 1', type: 'consult', capacity: 1 },
      { id: 'consult-2', name: 'Consult 2', type: 'consult', capacity: 1 },
      { id: 'dining', name: 'Dining room', type: 'dining', capacity: 10 },
    ],
    patients: [],
    ...parts,
  };
}
