/**
 * Differential test: the independent checker (validatePlan) and the scorer's hard rules
 * (scorePlan) read every rule the same way. Planned demo days are perturbed one change at a
 * time (an activity moved, another clinician or room, a group id changed or dropped, the
 * itinerary's arrival or departure moved, an activity of a type the patient does not need,
 * a meal moved); for each, the two must agree on validity and on which rules are broken.
 */
import { describe, expect, it } from 'vitest';
import { demoDayProblem } from '../../../src/demo/demo-day-problem.ts';
import { planDay } from '../../../solver/day/plan-day.ts';
import { buildPlanViews } from '../../../solver/day/build-plan-views.ts';
import { scorePlan } from '../../../solver/constraints/score-plan.ts';
import { validatePlan } from '../../../solver/validate/validate-plan.ts';
import { createRng, type Rng } from '../../../solver/model/rng.ts';
import type { DayPlan, PlannedActivity } from '../../../solver/model/day-plan.ts';
import type { DayProblem } from '../../../solver/model/day-problem.ts';
import { assessmentType, patient, smallDay, staffMember } from '../day/small-day-fixture.ts';

/** Checker rules that the scorer covers under one name (structure: each requirement once, known ids). */
const STRUCTURE = new Set(['uniqueActivityIds', 'knownReferences', 'requiredCoverage', 'oneActivityPerRequirement']);
const ruleName = (name: string) => (STRUCTURE.has(name) ? 'structure' : name);

type Perturbation = (problem: DayProblem, plan: DayPlan, rng: Rng) => DayPlan | undefined;

const pick = <T>(list: readonly T[], rng: Rng): T => list[rng.int(list.length)]!;

/** The plan with new activities, views rebuilt (so only the change itself can break a rule). */
function withActivities(problem: DayProblem, plan: DayPlan, activities: PlannedActivity[]): DayPlan {
  return { ...plan, activities, ...buildPlanViews(problem, activities) };
}

function replaced(plan: DayPlan, target: PlannedActivity, change: Partial<PlannedActivity>): PlannedActivity[] {
  return plan.activities.map((a) => (a === target ? { ...a, ...change } : a));
}

const PERTURBATIONS: Record<string, Perturbation> = {
  'move an activity': (problem, plan, rng) => {
    const a = pick(plan.activities, rng);
    const by = 5 * (rng.int(25) - 12);
    return withActivities(problem, plan, replaced(plan, a, { startMin: a.startMin + by, endMin: a.endMin + by }));
  },
  'another clinician': (problem, plan, rng) => {
    const a = pick(plan.activities.filter((x) => x.staffId !== undefined), rng);
    return withActivities(problem, plan, replaced(plan, a, { staffId: pick(problem.staff, rng).id }));
  },
  'another room': (problem, plan, rng) => {
    const a = pick(plan.activities, rng);
    return withActivities(problem, plan, replaced(plan, a, { roomId: pick(problem.rooms, rng).id }));
  },
  'group id changed or dropped': (problem, plan, rng) => {
    // A member of a session of two or more: leaving its session makes a second, overlapping one.
    const grouped = plan.activities.filter((x) => x.groupId !== undefined && plan.activities.some((y) => y !== x && y.groupId === x.groupId));
    if (grouped.length === 0) return undefined;
    const a = pick(grouped, rng);
    const { groupId: _dropped, ...rest } = a;
    const activities = plan.activities.map((x) => (x === a ? (rng.int(2) === 0 ? rest : { ...a, groupId: `${a.groupId}-other` }) : x));
    return withActivities(problem, plan, activities);
  },
  'a group member joins another session': (problem, plan, rng) => {
    const grouped = plan.activities.filter((x) => x.groupId !== undefined);
    if (grouped.length < 2) return undefined;
    const a = pick(grouped, rng);
    const b = pick(grouped, rng);
    return withActivities(problem, plan, replaced(plan, a, { startMin: b.startMin, endMin: b.endMin, roomId: b.roomId, staffId: b.staffId, groupId: b.groupId }));
  },
  'itinerary arrival or departure moved': (_problem, plan, rng) => {
    const i = rng.int(plan.itineraries.length);
    const by = 5 * (rng.int(25) - 12);
    const itineraries = plan.itineraries.map((it, k) => (k !== i ? it : rng.int(2) === 0 ? { ...it, arrivalMin: it.arrivalMin + by } : { ...it, departureMin: it.departureMin + by }));
    return { ...plan, itineraries };
  },
  'an activity the patient does not need': (problem, plan, rng) => {
    const patient = pick(problem.patients, rng);
    const needed = new Set(patient.required.map((r) => r.typeId));
    const unneeded = problem.assessmentTypes.filter((t) => !needed.has(t.id));
    const mine = plan.activities.filter((a) => a.patientId === patient.id);
    if (unneeded.length === 0 || mine.length === 0) return undefined;
    const type = pick(unneeded, rng);
    const startMin = pick(mine, rng).endMin + 5 * rng.int(6);
    const extra: PlannedActivity = { id: `${patient.id}:${type.id}`, patientId: patient.id, typeId: type.id, kind: type.kind,
      startMin, endMin: startMin + type.durationMin, roomId: pick(problem.rooms.filter((r) => r.type === type.roomType), rng).id };
    if (rng.int(2) === 0) extra.staffId = pick(problem.staff, rng).id;
    return withActivities(problem, plan, [...plan.activities, extra]);
  },
  'a meal moved': (problem, plan, rng) => {
    const meals = plan.activities.filter((a) => a.kind === 'meal');
    if (meals.length === 0) return undefined;
    const a = pick(meals, rng);
    const by = 15 * (rng.int(9) - 4);
    return withActivities(problem, plan, replaced(plan, a, { startMin: a.startMin + by, endMin: a.endMin + by }));
  },
};

/** The broken rules as each side names them (checker names mapped onto the scorer's). */
function brokenRules(problem: DayProblem, plan: DayPlan): { checker: string[]; scorer: string[] } {
  const checker = [...new Set(validatePlan(problem, plan).violations.map((v) => ruleName(v.constraint)))].sort();
  const score = scorePlan(problem, plan.activities, plan.unscheduled, {}, plan.itineraries);
  const scorer = [...new Set(score.byConstraint.filter((c) => c.level === 'hard' && c.count > 0).map((c) => ruleName(c.constraint)))].sort();
  return { checker, scorer };
}

describe('checker and scorer agree on the rules', () => {
  // Two demo days, and a small day whose group sessions hold several patients: the physio works
  // one hour, two sessions for five patients (with a whole day, a plan may give each their own).
  const groupDay = smallDay({
    assessmentTypes: [assessmentType('falls-group', 30, { roomType: 'gym', groupCapacity: 3 }), assessmentType('anp', 45)],
    staff: [staffMember('physio', ['falls-group'], { shift: { startMin: 9 * 60, endMin: 10 * 60 } }), staffMember('anp-1', ['anp'])],
    rooms: [...smallDay({}).rooms, { id: 'gym', name: 'Gym', type: 'gym', capacity: 3 }],
    patients: ['p1', 'p2', 'p3', 'p4', 'p5'].map((id) => patient(id, ['falls-group', 'anp'])),
  });
  const problems = [6, 8].map((patients) => demoDayProblem({ seed: 2, date: '2026-12-01', patients }));
  const days = [...problems, groupDay].map((problem) => ({ problem, plan: planDay(problem, { seed: 1, maxIterations: 400 }) }));

  it('on the planned days themselves: both find them valid', () => {
    for (const { problem, plan } of days) expect(brokenRules(problem, plan)).toEqual({ checker: [], scorer: [] });
  });

  it.each(Object.keys(PERTURBATIONS))('after one change: %s', (name) => {
    const rng = createRng(name.length * 7919);
    let tried = 0;
    let broken = 0;
    for (const { problem, plan } of days) {
      for (let k = 0; k < 40; k++) {
        const changed = PERTURBATIONS[name]!(problem, plan, rng);
        if (!changed) continue;
        tried++;
        const { checker, scorer } = brokenRules(problem, changed);
        if (checker.length > 0) broken++;
        expect(scorer, `${name}, try ${k}: checker says ${checker.join(', ') || 'valid'}`).toEqual(checker);
      }
    }
    // Not vacuous: the change was made, and it broke a rule at least sometimes.
    expect(tried).toBeGreaterThan(20);
    expect(broken).toBeGreaterThan(0);
  });
});
