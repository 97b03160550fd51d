/**
 * A small ICC day used by the constraint tests: two patients, four clinicians, consult
 * rooms, a gym, a treatment room and a dining room with two seats. `validPlan()` satisfies
 * every hard constraint (checked in score-plan.test.ts); each test breaks one thing.
 */
import type { DayProblem } from '../../../solver/model/day-problem.ts';
import type { PlannedActivity, UnscheduledAssessment } from '../../../solver/model/day-plan.ts';
import { DEFAULT_WEIGHTS, type ObjectiveWeights } from '../../../solver/model/options.ts';
import type { Violation } from '../../../solver/model/violation.ts';
import { buildConstraintContext } from '../../../solver/constraints/context.ts';
import type { ConstraintFunction } from '../../../solver/constraints/types.ts';

export function dayProblem(): DayProblem {
  return {
    date: '2026-12-01',
    centre: {
      id: 'c1', name: 'Jean Bishop ICC', openMin: 480, closeMin: 1080,
      lunchWindow: { startMin: 720, endMin: 810 }, mealDurationMin: 30, mealRoomType: 'dining',
      mdt: { startMin: 960, durationMin: 60 }, transferMin: 5, checkInBufferMin: 15,
    },
    assessmentTypes: [
      { id: 'anp-initial', name: 'ANP initial assessment', discipline: 'anp', kind: 'assessment', durationMin: 45, roomType: 'consult', qualification: 'anp', groupCapacity: 1 },
      { id: 'bloods', name: 'Bloods', discipline: 'phlebotomy', kind: 'diagnostic', durationMin: 15, roomType: 'treatment', qualification: 'phlebotomy', groupCapacity: 1 },
      { id: 'physio', name: 'Physiotherapy assessment', discipline: 'physio', kind: 'assessment', durationMin: 45, roomType: 'gym', qualification: 'physio', groupCapacity: 1 },
      { id: 'falls-group', name: 'Falls group', discipline: 'physio', kind: 'assessment', durationMin: 60, roomType: 'gym', qualification: 'physio', groupCapacity: 3 },
      { id: 'social', name: 'Social care review', discipline: 'social-care', kind: 'assessment', durationMin: 30, roomType: 'consult', qualification: 'social-care', groupCapacity: 1 },
      { id: 'geriatrician-review', name: 'Geriatrician review', discipline: 'geriatrician', kind: 'assessment', durationMin: 45, roomType: 'consult', qualification: 'geriatrician', groupCapacity: 1 },
    ],
    precedences: [
      { id: 'anp-first', before: 'anp-initial', after: '*', minLagMin: 0 },
      { id: 'bloods-back', before: 'bloods', after: 'geriatrician-review', minLagMin: 60, reason: 'bloods back before the review' },
      { id: 'geriatrician-last', before: '*', after: 'geriatrician-review', minLagMin: 0 },
    ],
    staff: [
      { id: 'anp1', name: 'Nurse Ada', discipline: 'anp', qualifications: ['anp'], shift: { startMin: 480, endMin: 1020 }, breaks: [{ startMin: 780, endMin: 810 }], mdtMember: true },
      { id: 'phleb1', name: 'Phil Phlebotomist', discipline: 'phlebotomy', qualifications: ['phlebotomy'], shift: { startMin: 480, endMin: 780 }, breaks: [], mdtMember: false },
      { id: 'physio1', name: 'Pat Physio', discipline: 'physio', qualifications: ['physio'], shift: { startMin: 480, endMin: 1020 }, breaks: [], mdtMember: true },
      { id: 'physio2', name: 'Sam Physio', discipline: 'physio', qualifications: ['physio'], shift: { startMin: 480, endMin: 1020 }, breaks: [], mdtMember: true },
      { id: 'sw1', name: 'Sue Social', discipline: 'social-care', qualifications: ['social-care'], shift: { startMin: 540, endMin: 1020 }, breaks: [], mdtMember: true },
      { id: 'ger1', name: 'Dr Shah', discipline: 'geriatrician', qualifications: ['geriatrician'], shift: { startMin: 540, endMin: 1020 }, breaks: [], mdtMember: true },
    ],
    rooms: [
      { id: 'c1', name: 'Consult 1', type: 'consult', capacity: 1 },
      { id: 'c2', name: 'Consult 2', type: 'consult', capacity: 1 },
      { id: 'gym', name: 'Gym', type: 'gym', capacity: 3 },
      { id: 't1', name: 'Treatment room', type: 'treatment', capacity: 1 },
      { id: 'dining', name: 'Dining room', type: 'dining', capacity: 2 },
    ],
    patients: [
      {
        id: 'P01', ref: 'P01', initials: 'AB', priority: 2, earliestArrivalMin: 510, latestDepartureMin: 960, maxOnSiteMin: 420,
        required: [{ typeId: 'anp-initial' }, { typeId: 'bloods' }, { typeId: 'physio' }, { typeId: 'geriatrician-review', preferredStaffId: 'ger1' }],
      },
      {
        id: 'P02', ref: 'P02', initials: 'CD', priority: 1, earliestArrivalMin: 540, latestDepartureMin: 960, maxOnSiteMin: 420,
        required: [{ typeId: 'anp-initial' }, { typeId: 'social', carerRequired: true }, { typeId: 'geriatrician-review' }],
        carerPresent: { startMin: 540, endMin: 720 },
      },
    ],
  };
}

/** An activity of the fixture's catalogue, its end from the type's duration. */
export function act(patientId: string, typeId: string, startMin: number, roomId: string, staffId?: string, extra: Partial<PlannedActivity> = {}): PlannedActivity {
  const problem = dayProblem();
  const durationMin = typeId === 'meal' ? problem.centre.mealDurationMin : problem.assessmentTypes.find((t) => t.id === typeId)!.durationMin;
  const kind = typeId === 'meal' ? 'meal' : problem.assessmentTypes.find((t) => t.id === typeId)!.kind;
  return { id: `${patientId}:${typeId}`, patientId, typeId, kind, startMin, endMin: startMin + durationMin, roomId, ...(staffId ? { staffId } : {}), ...extra };
}

/**
 * A plan satisfying every hard constraint. P01: ANP 09:00, bloods 10:00, physio 10:30,
 * lunch 12:00, geriatrician 13:30. P02: ANP 10:00, social care 11:00, lunch 12:00,
 * geriatrician 14:30.
 */
export function validPlan(): PlannedActivity[] {
  return [
    act('P01', 'anp-initial', 540, 'c1', 'anp1'),
    act('P01', 'bloods', 600, 't1', 'phleb1'),
    act('P01', 'physio', 630, 'gym', 'physio1'),
    act('P01', 'meal', 720, 'dining'),
    act('P01', 'geriatrician-review', 810, 'c2', 'ger1'),
    act('P02', 'anp-initial', 600, 'c1', 'anp1'),
    act('P02', 'social', 660, 'c2', 'sw1'),
    act('P02', 'meal', 720, 'dining'),
    act('P02', 'geriatrician-review', 870, 'c2', 'ger1'),
  ];
}

/** Replaces the activity with this id by a modified copy. */
export function withChange(plan: PlannedActivity[], id: string, change: Partial<PlannedActivity>): PlannedActivity[] {
  return plan.map((a) => (a.id === id ? { ...a, ...change } : a));
}

/** Moves an activity to a new start, keeping its duration. */
export function moved(plan: PlannedActivity[], id: string, startMin: number): PlannedActivity[] {
  return plan.map((a) => (a.id === id ? { ...a, startMin, endMin: startMin + (a.endMin - a.startMin) } : a));
}

export function evaluate(
  fn: ConstraintFunction,
  activities: PlannedActivity[],
  problem: DayProblem = dayProblem(),
  options: { unscheduled?: UnscheduledAssessment[]; weights?: Partial<ObjectiveWeights> } = {},
): Violation[] {
  return fn(buildConstraintContext(problem, activities, options.unscheduled ?? [], { ...DEFAULT_WEIGHTS, ...options.weights }));
}
