/**
 * Differential test on hand-made edge cases: for group sessions (with and without a group id,
 * over capacity, a staggered start, a one-to-one type), precedences (an activity the
 * patient does not need, before or after its partner) and a patient's overlapping activities
 * (which pairs are consecutive, for transfers and rests), the independent checker
 * (validatePlan) and the scorer's hard rules (scorePlan) must name exactly the broken rules
 * written here. The random perturbations of checker-scorer-agreement.test.ts may or may not
 * reach these cases; this file always does.
 */
import { describe, expect, it } from 'vitest';
import { buildPlanViews } from '../../../solver/day/build-plan-views.ts';
import { scorePlan } from '../../../solver/constraints/score-plan.ts';
import { validatePlan } from '../../../solver/validate/validate-plan.ts';
import type { DayPlan, PlannedActivity } from '../../../solver/model/day-plan.ts';
import type { DayProblem } from '../../../solver/model/day-problem.ts';
import { assessmentType, HOUR, patient, smallDay, staffMember } from '../day/small-day-fixture.ts';

/** Checker rules that the scorer covers under one name (structure: each requirement once, known ids). */
const STRUCTURE = new Set(['uniqueActivityIds', 'knownReferences', 'requiredCoverage', 'oneActivityPerRequirement']);
const ruleName = (name: string) => (STRUCTURE.has(name) ? 'structure' : name);

/** Falls group (3 places, in a gym for 3), ANP first, bloods 60 min before the geriatrician, who comes last. */
function day(fallsGroupCapacity = 3): DayProblem {
  return smallDay({
    assessmentTypes: [
      assessmentType('anp', 45),
      assessmentType('falls', 30, { roomType: 'gym', groupCapacity: fallsGroupCapacity }),
      assessmentType('bloods', 10, { kind: 'diagnostic' }),
      assessmentType('geri', 30),
    ],
    precedences: [
      { id: 'anp-first', before: 'anp', after: '*', minLagMin: 0 },
      { id: 'bloods-back', before: 'bloods', after: 'geri', minLagMin: 60 },
      { id: 'geri-last', before: '*', after: 'geri', minLagMin: 0 },
    ],
    staff: [staffMember('anp-1', ['anp']), staffMember('physio', ['falls']), staffMember('phleb', ['bloods']), staffMember('geri-1', ['geri'])],
    rooms: [...smallDay({}).rooms, { id: 'gym', name: 'Gym', type: 'gym', capacity: 3 }],
    patients: [
      patient('p1', ['anp', 'falls', 'bloods', 'geri']),
      patient('p2', ['falls']),
      patient('p3', ['falls', 'geri']),
      patient('p4', ['falls']),
    ],
  });
}

const at = (hours: number, minutes = 0) => hours * HOUR + minutes;

function act(patientId: string, typeId: string, startMin: number, durationMin: number, staffId: string, roomId: string, extra: Partial<PlannedActivity> = {}): PlannedActivity {
  return { id: `${patientId}:${typeId}`, patientId, typeId, kind: typeId === 'bloods' ? 'diagnostic' : 'assessment', startMin, endMin: startMin + durationMin, staffId, roomId, ...extra };
}

/** A valid plan: p1 to p3 in one falls session at 10:00 (group g1); p4's falls at 11:00 on its own. */
function baseActivities(): PlannedActivity[] {
  return [
    act('p1', 'anp', at(9), 45, 'anp-1', 'consult-1'),
    act('p1', 'falls', at(10), 30, 'physio', 'gym', { groupId: 'g1' }),
    act('p1', 'bloods', at(10, 30), 10, 'phleb', 'consult-2'),
    act('p1', 'geri', at(12), 30, 'geri-1', 'consult-1'),
    act('p2', 'falls', at(10), 30, 'physio', 'gym', { groupId: 'g1' }),
    act('p3', 'falls', at(10), 30, 'physio', 'gym', { groupId: 'g1' }),
    act('p3', 'geri', at(13), 30, 'geri-1', 'consult-1'),
    act('p4', 'falls', at(11), 30, 'physio', 'gym', { groupId: 'g2' }),
  ];
}

function plan(problem: DayProblem, activities: PlannedActivity[]): DayPlan {
  return {
    date: problem.date,
    activities,
    ...buildPlanViews(problem, activities),
    mdt: { startMin: problem.centre.mdt.startMin, endMin: problem.centre.mdt.startMin + problem.centre.mdt.durationMin, attendeeStaffIds: [] },
    unscheduled: [],
    score: { hard: 0, soft: 0, byConstraint: [] },
    bound: { value: 0, method: 'none' },
    gapPct: 0,
    stats: { iterations: 0, improvements: 0, timedOut: false, seed: 0 },
  };
}

/** The base plan with one patient's activity of a type changed (or, without a type, new activities added). */
function changed(edit: (activities: PlannedActivity[]) => PlannedActivity[]): PlannedActivity[] {
  return edit(baseActivities());
}
const withChange = (patientId: string, typeId: string, change: Partial<PlannedActivity>) =>
  changed((list) => list.map((a) => (a.patientId === patientId && a.typeId === typeId ? { ...a, ...change } : a)));
const withoutGroupId = (patientIds: string[]) =>
  changed((list) => list.map((a) => {
    if (a.typeId !== 'falls' || !patientIds.includes(a.patientId)) return a;
    const { groupId: _none, ...rest } = a;
    return rest;
  }));
const withExtra = (extra: PlannedActivity) => changed((list) => [...list, extra]);

/**
 * One patient, three assessments in two rooms: 'long' and 'short' start together (a breach of
 * patientOneAtATime), 'next' follows 'long' 5 min after it ends. Consecutive means next by start,
 * then end: short, long, next — so 'next' is back to back with 'long' (transfer, rest).
 */
function overlapDay(transferMin: number, rest: boolean): DayProblem {
  const base = smallDay({
    assessmentTypes: [assessmentType('long', 60), assessmentType('short', 30), assessmentType('next', 30)],
    staff: [staffMember('s-long', ['long']), staffMember('s-short', ['short']), staffMember('s-next', ['next'])],
    patients: [patient('q1', ['long', 'short', 'next'], rest ? { rest: { maxConsecutive: 2, minRestMin: 15 } } : {})],
  });
  return { ...base, centre: { ...base.centre, transferMin } };
}
const overlapping = (nextRoomId: string) => [
  act('q1', 'long', at(9), 60, 's-long', 'consult-1'),
  act('q1', 'short', at(9), 30, 's-short', 'consult-2'),
  act('q1', 'next', at(10, 5), 30, 's-next', nextRoomId),
];

type Case = { name: string; problem?: DayProblem; activities: PlannedActivity[]; broken: string[] };

const CASES: Case[] = [
  { name: 'the base plan', activities: baseActivities(), broken: [] },
  // Group sessions.
  { name: 'a session whose members all have no group id', activities: withoutGroupId(['p1', 'p2', 'p3']), broken: [] },
  { name: 'one member of a session without the group id', activities: withoutGroupId(['p2']), broken: ['staffOneAtATime'] },
  { name: 'one member of a session with another group id', activities: withChange('p2', 'falls', { groupId: 'g9' }), broken: ['staffOneAtATime'] },
  { name: 'two overlapping sessions in the gym, different ids', activities: withChange('p4', 'falls', { startMin: at(10, 15), endMin: at(10, 45) }), broken: ['roomCapacity', 'staffOneAtATime'] },
  { name: 'a fourth member joins a session of three places', activities: withChange('p4', 'falls', { startMin: at(10), endMin: at(10, 30), groupId: 'g1' }), broken: ['roomCapacity', 'staffOneAtATime'] },
  { name: 'a member starting 5 min late, same group id', activities: withChange('p2', 'falls', { startMin: at(10, 5), endMin: at(10, 35) }), broken: ['staffOneAtATime'] },
  { name: 'a member in another room, same group id', activities: withChange('p2', 'falls', { roomId: 'consult-2' }), broken: ['roomOfRequiredType', 'staffOneAtATime'] },
  { name: 'a shared group id on a one-to-one type', problem: day(1), activities: baseActivities(), broken: ['staffOneAtATime'] },
  // Precedences and activities the patient does not need.
  { name: 'an unneeded geriatrician review before the patient\'s falls group', activities: withExtra(act('p2', 'geri', at(9), 30, 'geri-1', 'consult-2')), broken: ['precedenceWithLag', 'structure'] },
  { name: 'an unneeded geriatrician review after everything', activities: withExtra(act('p2', 'geri', at(14), 30, 'geri-1', 'consult-2')), broken: ['structure'] },
  { name: 'an unneeded ANP assessment after the falls group', activities: withExtra(act('p2', 'anp', at(11), 45, 'anp-1', 'consult-2')), broken: ['precedenceWithLag', 'structure'] },
  { name: 'an unneeded ANP assessment first', activities: withExtra(act('p4', 'anp', at(10), 45, 'anp-1', 'consult-1')), broken: ['structure'] },
  { name: 'unneeded bloods 30 min before a needed geriatrician review', activities: withExtra(act('p3', 'bloods', at(12, 20), 10, 'phleb', 'consult-2')), broken: ['precedenceWithLag', 'structure'] },
  { name: 'unneeded bloods 90 min before a needed geriatrician review', activities: withExtra(act('p3', 'bloods', at(11), 10, 'phleb', 'consult-2')), broken: ['structure'] },
  { name: 'needed bloods 40 min before the geriatrician', activities: withChange('p1', 'bloods', { startMin: at(11, 10), endMin: at(11, 20) }), broken: ['precedenceWithLag'] },
  // Overlapping activities of one patient: which pairs are consecutive.
  { name: 'overlapping start, then another room 5 min after the longer ends (transfer 10 min)', problem: overlapDay(10, false), activities: overlapping('consult-2'), broken: ['patientOneAtATime', 'transferBetweenRooms'] },
  { name: 'overlapping start, then 5 min after the longer ends (at most 2 without a 15-min rest)', problem: overlapDay(0, true), activities: overlapping('consult-1'), broken: ['patientOneAtATime', 'restAfterConsecutive'] },
];

function brokenRules(problem: DayProblem, dayPlan: DayPlan): { checker: string[]; scorer: string[] } {
  const checker = [...new Set(validatePlan(problem, dayPlan).violations.map((v) => ruleName(v.constraint)))].sort();
  const score = scorePlan(problem, dayPlan.activities, dayPlan.unscheduled, {}, dayPlan.itineraries);
  const scorer = [...new Set(score.byConstraint.filter((c) => c.level === 'hard' && c.count > 0).map((c) => ruleName(c.constraint)))].sort();
  return { checker, scorer };
}

describe('checker and scorer on hand-made group-session and precedence cases', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const problem = c.problem ?? day();
    const expected = [...c.broken].sort();
    expect(brokenRules(problem, plan(problem, c.activities))).toEqual({ checker: expected, scorer: expected });
  });
});
