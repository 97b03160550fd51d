/**
 * A small hand-built ICC day and a plan for it that satisfies every hard rule, worked out by
 * hand (times in comments). Tests break one rule at a time in copies of it.
 *
 * Centre 08:30–17:30, lunch 12:00–13:30 (30-min meal), MDT 15:30–16:30, transfer 5 min,
 * check-in 15 min. Rules: ANP first; bloods ≥ 60 min before the geriatrician; pharmacy before
 * the geriatrician; geriatrician last. Rest: at most 3 activities (meal included) without a
 * 15-min gap.
 */
import type { DayPlan, Itinerary, PlannedActivity, Timetable, UnscheduledAssessment } from '../../../solver/model/day-plan.ts';
import type { DayProblem } from '../../../solver/model/day-problem.ts';

export const at = (hh: number, mm: number): number => hh * 60 + mm;

export function smallDayProblem(): DayProblem {
  const required = [
    { typeId: 'anp-initial' },
    { typeId: 'bloods' },
    { typeId: 'pharmacy-review' },
    { typeId: 'physio-group' },
    { typeId: 'geriatrician-review' },
  ];
  return {
    date: '2026-12-01',
    centre: {
      id: 'icc-hull',
      name: 'Jean Bishop ICC',
      openMin: at(8, 30),
      closeMin: at(17, 30),
      lunchWindow: { startMin: at(12, 0), endMin: at(13, 30) },
      mealDurationMin: 30,
      mealRoomType: 'dining',
      mdt: { startMin: at(15, 30), durationMin: 60 },
      transferMin: 5,
      checkInBufferMin: 15,
    },
    assessmentTypes: [
      { id: 'anp-initial', name: 'ANP initial assessment', discipline: 'anp', kind: 'assessment', durationMin: 45, roomType: 'consult', qualification: 'anp', groupCapacity: 1 },
      { id: 'bloods', name: 'Bloods', discipline: 'phlebotomy', kind: 'diagnostic', durationMin: 15, roomType: 'treatment', qualification: 'phlebotomy', groupCapacity: 1 },
      { id: 'pharmacy-review', name: 'Medication review', discipline: 'pharmacy', kind: 'assessment', durationMin: 30, roomType: 'consult', qualification: 'pharmacy', groupCapacity: 1 },
      { id: 'physio-group', name: 'Falls and balance group', discipline: 'physio', kind: 'assessment', durationMin: 60, roomType: 'gym', qualification: 'physio', groupCapacity: 3 },
      { id: 'geriatrician-review', name: "Geriatrician's review", discipline: 'geriatrician', kind: 'assessment', durationMin: 45, roomType: 'consult', qualification: 'geriatrician', groupCapacity: 1 },
      { id: 'ot-assessment', name: 'OT assessment', discipline: 'ot', kind: 'assessment', durationMin: 45, roomType: 'consult', qualification: 'ot', groupCapacity: 1 },
    ],
    precedences: [
      { id: 'anp-first', before: 'anp-initial', after: '*', minLagMin: 0 },
      { id: 'bloods-back', before: 'bloods', after: 'geriatrician-review', minLagMin: 60, reason: 'bloods back before the review' },
      { id: 'meds-first', before: 'pharmacy-review', after: 'geriatrician-review', minLagMin: 0 },
      { id: 'geri-last', before: '*', after: 'geriatrician-review', minLagMin: 0 },
    ],
    staff: [
      { id: 'anp1', name: 'ANP Jones', discipline: 'anp', qualifications: ['anp'], shift: { startMin: at(8, 30), endMin: at(16, 30) }, breaks: [{ startMin: at(12, 30), endMin: at(13, 0) }], mdtMember: true },
      { id: 'phleb1', name: 'HCA Patel', discipline: 'phlebotomy', qualifications: ['phlebotomy'], shift: { startMin: at(8, 30), endMin: at(13, 0) }, breaks: [], mdtMember: false },
      { id: 'pharm1', name: 'Pharmacist Lee', discipline: 'pharmacy', qualifications: ['pharmacy'], shift: { startMin: at(9, 0), endMin: at(16, 30) }, breaks: [], mdtMember: true },
      { id: 'geri1', name: 'Dr Shah', discipline: 'geriatrician', qualifications: ['geriatrician'], shift: { startMin: at(10, 0), endMin: at(16, 30) }, breaks: [{ startMin: at(12, 0), endMin: at(12, 30) }], mdtMember: true },
      { id: 'physio1', name: 'Physio Khan', discipline: 'physio', qualifications: ['physio'], shift: { startMin: at(8, 30), endMin: at(16, 30) }, breaks: [], mdtMember: true },
    ],
    rooms: [
      { id: 'consult1', name: 'Consult room 1', type: 'consult', capacity: 1 },
      { id: 'consult2', name: 'Consult room 2', type: 'consult', capacity: 1 },
      { id: 'treat1', name: 'Treatment room', type: 'treatment', capacity: 1 },
      { id: 'gym1', name: 'Gym', type: 'gym', capacity: 3 },
      { id: 'dining1', name: 'Dining room', type: 'dining', capacity: 2 },
    ],
    patients: [
      { id: 'P1', ref: 'ICC-001', initials: 'AB', priority: 2, earliestArrivalMin: at(8, 30), latestDepartureMin: at(16, 0), maxOnSiteMin: 420, required, rest: { maxConsecutive: 3, minRestMin: 15 } },
      { id: 'P2', ref: 'ICC-002', initials: 'CD', priority: 1, earliestArrivalMin: at(8, 30), latestDepartureMin: at(16, 0), maxOnSiteMin: 420, required: [...required, { typeId: 'ot-assessment' }], rest: { maxConsecutive: 3, minRestMin: 15 } },
    ],
    pins: [{ patientId: 'P1', typeId: 'geriatrician-review', startMin: at(13, 30), staffId: 'geri1' }],
  };
}

const DURATION_MIN: Record<string, number> = {
  'anp-initial': 45,
  bloods: 15,
  'pharmacy-review': 30,
  'physio-group': 60,
  'geriatrician-review': 45,
  meal: 30,
};
const KIND: Record<string, PlannedActivity['kind']> = { bloods: 'diagnostic', meal: 'meal' };

function activity(patientId: string, typeId: string, startMin: number, roomId: string, staffId?: string, groupId?: string): PlannedActivity {
  const a: PlannedActivity = {
    id: `${patientId}:${typeId}`,
    patientId,
    typeId,
    kind: KIND[typeId] ?? 'assessment',
    startMin,
    endMin: startMin + DURATION_MIN[typeId]!,
    roomId,
  };
  if (staffId !== undefined) a.staffId = staffId;
  if (groupId !== undefined) a.groupId = groupId;
  return a;
}

/** The valid plan (P1 arrives 08:45, leaves 14:15; P2 arrives 09:30, leaves 15:00). */
export function validSmallPlan(): DayPlan {
  const activities = [
    activity('P1', 'anp-initial', at(9, 0), 'consult1', 'anp1'), //       09:00–09:45
    activity('P1', 'bloods', at(9, 50), 'treat1', 'phleb1'), //           09:50–10:05
    activity('P1', 'pharmacy-review', at(10, 10), 'consult2', 'pharm1'), // 10:10–10:40 (3rd in a row)
    activity('P1', 'physio-group', at(11, 0), 'gym1', 'physio1', 'g1'), // 11:00–12:00 (20-min rest before)
    activity('P1', 'meal', at(12, 5), 'dining1'), //                       12:05–12:35
    activity('P1', 'geriatrician-review', at(13, 30), 'consult1', 'geri1'), // 13:30–14:15 (pinned)
    activity('P2', 'anp-initial', at(9, 45), 'consult1', 'anp1'), //      09:45–10:30
    activity('P2', 'bloods', at(10, 35), 'treat1', 'phleb1'), //          10:35–10:50
    activity('P2', 'physio-group', at(11, 0), 'gym1', 'physio1', 'g1'), // 11:00–12:00 (group with P1)
    activity('P2', 'meal', at(12, 15), 'dining1'), //                      12:15–12:45 (15-min rest; 2 seats)
    activity('P2', 'pharmacy-review', at(12, 50), 'consult2', 'pharm1'), // 12:50–13:20
    activity('P2', 'geriatrician-review', at(14, 15), 'consult1', 'geri1'), // 14:15–15:00
  ];
  activities.find((a) => a.id === 'P1:geriatrician-review')!.pinned = true;
  const unscheduled: UnscheduledAssessment[] = [
    { patientId: 'P2', typeId: 'ot-assessment', reason: 'no-qualified-staff', message: 'No OT is on shift.' },
  ];
  return withViews(smallDayProblem(), {
    date: '2026-12-01',
    activities,
    itineraries: [],
    staffTimetables: [],
    roomTimetables: [],
    mdt: { startMin: at(15, 30), endMin: at(16, 30), attendeeStaffIds: ['anp1', 'pharm1', 'physio1', 'geri1'] },
    unscheduled,
    score: { hard: 0, soft: 0, byConstraint: [] },
    bound: { value: 0, method: 'none' },
    gapPct: 0,
    stats: { iterations: 0, improvements: 0, timedOut: false, seed: 0 },
  });
}

/** Rebuilds the itineraries and timetables from the activities (as a planner would). */
export function withViews(problem: DayProblem, plan: DayPlan): DayPlan {
  const sorted = [...plan.activities].sort((a, b) => a.startMin - b.startMin || a.id.localeCompare(b.id));
  const itineraries: Itinerary[] = [];
  for (const patient of problem.patients) {
    const mine = sorted.filter((a) => a.patientId === patient.id);
    if (mine.length === 0) continue;
    itineraries.push({
      patientId: patient.id,
      arrivalMin: mine[0]!.startMin - problem.centre.checkInBufferMin,
      departureMin: Math.max(...mine.map((a) => a.endMin)),
      activityIds: mine.map((a) => a.id),
    });
  }
  const timetables = (owners: string[], key: (a: PlannedActivity) => string | undefined): Timetable[] =>
    owners
      .map((ownerId) => ({ ownerId, activityIds: sorted.filter((a) => key(a) === ownerId).map((a) => a.id) }))
      .filter((t) => t.activityIds.length > 0);
  return {
    ...plan,
    itineraries,
    staffTimetables: timetables(problem.staff.map((s) => s.id), (a) => a.staffId),
    roomTimetables: timetables(problem.rooms.map((r) => r.id), (a) => a.roomId),
  };
}

/** A copy of the valid plan with one activity changed (views rebuilt, so only the change counts). */
export function planWith(id: string, change: Partial<PlannedActivity>): DayPlan {
  const plan = validSmallPlan();
  const activities = plan.activities.map((a) => {
    if (a.id !== id) return a;
    const changed = { ...a, ...change };
    // Moving the start keeps the duration unless the change sets the end explicitly.
    if (change.startMin !== undefined && change.endMin === undefined) changed.endMin = change.startMin + (a.endMin - a.startMin);
    return changed;
  });
  if (!activities.some((a) => a.id === id)) throw new Error(`no activity ${id} in the fixture`);
  return withViews(smallDayProblem(), { ...plan, activities });
}

/** A copy of the valid plan without one activity (views rebuilt). */
export function planWithout(id: string): DayPlan {
  const plan = validSmallPlan();
  return withViews(smallDayProblem(), { ...plan, activities: plan.activities.filter((a) => a.id !== id) });
}
