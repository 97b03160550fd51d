import { describe, expect, it } from 'vitest';
import { compileDayProblem } from '../../../../solver/day/compile/compile-day-problem.ts';
import { readSchedule } from '../../../../solver/day/read-schedule.ts';
import { DayDecoder } from '../../../../solver/day/schedule/day-decoder.ts';
import { resequence } from '../../../../solver/day/search/resequence.ts';
import { scheduleCost } from '../../../../solver/day/search/schedule-cost.ts';
import { scorePlan } from '../../../../solver/constraints/score-plan.ts';
import { DEFAULT_WEIGHTS } from '../../../../solver/model/options.ts';
import { assessmentType, HOUR, patient, smallDay, staffMember } from '../small-day-fixture.ts';
import { demoDayProblem } from '../../../../src/demo/demo-day-problem.ts';
import { planDay } from '../../../../solver/day/plan-day.ts';
import { assembleDayPlan } from '../../../../solver/day/assemble-day-plan.ts';
import { validatePlan } from '../../../../solver/validate/validate-plan.ts';

function held(problem: ReturnType<typeof smallDay>, at: Record<string, [number, string, string]>) {
  const day = compileDayProblem(problem, DEFAULT_WEIGHTS);
  const decoder = new DayDecoder(day);
  for (const [id, [startMin, staff, room]] of Object.entries(at)) {
    decoder.fix(day.activityId.indexOf(id), startMin, problem.staff.findIndex((s) => s.id === staff), problem.rooms.findIndex((r) => r.id === room));
  }
  decoder.decode(new Int32Array(0));
  return { day, decoder };
}

describe('resequence', () => {
  it('gives an activity to the idle clinician of the same discipline and re-times the day around it', () => {
    // Two ANPs; the schedule gives both patients to the first, one after the other.
    const problem = smallDay({
      assessmentTypes: [assessmentType('anp', 45)],
      staff: [staffMember('A', ['anp']), staffMember('B', ['anp'])],
      patients: [patient('p1', ['anp']), patient('p2', ['anp'])],
    });
    const { day, decoder } = held(problem, { 'p1:anp': [9 * HOUR, 'A', 'consult-1'], 'p2:anp': [9 * HOUR + 45, 'A', 'consult-1'] });
    const before = scheduleCost(day, decoder);
    const out = resequence(day, decoder, { maxEvaluations: 100 });
    expect(out.kept['other-staff']).toBe(1);
    expect(new Set([out.staffOf[0], out.staffOf[1]])).toEqual(new Set([0, 1]));
    // 90 booked minutes against none (× 0.5) → 45 each.
    expect(out.cost).toBeCloseTo(before - 45, 9);
    const read = readSchedule(day, { ...out, block: decoder.block });
    const score = scorePlan(problem, read.activities, read.unscheduled);
    expect(score.hard).toBe(0);
    expect(score.soft).toBeCloseTo(out.cost, 9);
  });

  it("moves a patient's meal between two activities when that ends their waiting", () => {
    // Bloods, then a review at least 60 minutes later: the talk and lunch (30 min each,
    // lunch 12:00–14:00) between them fill the lag exactly.
    const problem = smallDay({
      assessmentTypes: [assessmentType('bloods', 30), assessmentType('talk', 30), assessmentType('review', 30)],
      precedences: [{ id: 'bloods-review', before: 'bloods', after: 'review', minLagMin: 60 }],
      staff: [staffMember('S', ['bloods', 'talk', 'review'])],
      patients: [patient('p1', ['bloods', 'talk', 'review'], { needsMeal: true })],
    });
    // Bloods 11:30, talk 12:00, review 13:00 (waits 12:30–13:00), meal 13:30: a forward
    // decode's day when the meal is listed last.
    const { day, decoder } = held(problem, {
      'p1:bloods': [11 * HOUR + 30, 'S', 'consult-1'],
      'p1:talk': [12 * HOUR, 'S', 'consult-1'],
      'p1:review': [13 * HOUR, 'S', 'consult-1'],
      'p1:meal': [13 * HOUR + 30, '', 'dining'],
    });
    const meal = day.activityKind.indexOf('meal');
    expect(decoder.start[meal]).toBe(13 * HOUR + 30);
    const before = scheduleCost(day, decoder);
    const out = resequence(day, decoder, { maxEvaluations: 200 });
    expect(out.kept['patient-order']).toBeGreaterThanOrEqual(1);
    const at = (id: string) => out.start[day.activityId.indexOf(id)]!;
    // No waiting left: the four activities back to back.
    const starts = [at('p1:bloods'), at('p1:talk'), at('p1:review'), out.start[meal]!].sort((x, y) => x - y);
    expect(starts[3]! + 30 - starts[0]!).toBe(120);
    expect(out.cost).toBeCloseTo(before - 30 * 1.2, 9);
    const read = readSchedule(day, { ...out, block: decoder.block });
    expect(scorePlan(problem, read.activities, read.unscheduled).hard).toBe(0);
  });

  it('never costs more, and stops at its budget', () => {
    const problem = smallDay({
      assessmentTypes: [assessmentType('anp', 45)],
      staff: [staffMember('A', ['anp']), staffMember('B', ['anp'])],
      patients: [patient('p1', ['anp']), patient('p2', ['anp'])],
    });
    const { day, decoder } = held(problem, { 'p1:anp': [9 * HOUR, 'A', 'consult-1'], 'p2:anp': [9 * HOUR + 45, 'A', 'consult-1'] });
    const out = resequence(day, decoder, { maxEvaluations: 1 });
    expect(out.evaluations).toBe(1);
    expect(out.cost).toBeLessThanOrEqual(scheduleCost(day, decoder));
  });

  it("keeps a demo day valid (rests, a group session, lags, breaks, lunch) and its cost is scorePlan's", () => {
    // A plan from a one-iteration search: of the final repair only the compaction runs (it is
    // not budgeted; resequence, re-staffing and re-insertion get nothing), so room is left. With
    // 10-100 iterations the repeated passes of the final repair leave resequence one gain or none.
    const problem = demoDayProblem({ seed: 1, date: '2026-12-01', patients: 8 });
    const given = planDay(problem, { seed: 1, maxIterations: 1 });
    expect(validatePlan(problem, given).valid).toBe(true);
    const day = compileDayProblem(problem, DEFAULT_WEIGHTS);
    const n = day.activityCount;
    const at = { start: new Int32Array(n).fill(-1), staffOf: new Int32Array(n).fill(-1), roomOf: new Int32Array(n).fill(-1), sessionOf: new Int32Array(n).fill(-1) };
    const groups = new Map<string, number>();
    for (const activity of given.activities) {
      const a = day.activityId.indexOf(activity.id);
      at.start[a] = activity.startMin;
      at.staffOf[a] = problem.staff.findIndex((s) => s.id === activity.staffId);
      at.roomOf[a] = problem.rooms.findIndex((r) => r.id === activity.roomId);
      if (activity.groupId !== undefined) {
        if (!groups.has(activity.groupId)) groups.set(activity.groupId, groups.size);
        at.sessionOf[a] = groups.get(activity.groupId)!;
      }
    }
    expect(groups.size).toBeGreaterThan(0);
    const out = resequence(day, at, { maxEvaluations: 3000 });
    expect(out.improvements).toBeGreaterThan(1);
    expect(out.cost).toBeLessThan(given.score.soft);
    const read = readSchedule(day, { ...out, block: new Uint8Array(n) });
    const plan = assembleDayPlan(problem, { activities: read.activities, unscheduled: given.unscheduled, bound: given.bound, stats: given.stats });
    expect(validatePlan(problem, plan).valid).toBe(true);
    expect(plan.score.soft).toBeCloseTo(out.cost, 9);
    // Deterministic.
    expect(Array.from(resequence(day, at, { maxEvaluations: 3000 }).start)).toEqual(Array.from(out.start));
  });
});
