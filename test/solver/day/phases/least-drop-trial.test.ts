import { describe, expect, it } from 'vitest';
import { assembleDayPlan } from '../../../../solver/day/assemble-day-plan.ts';
import { LEAST_DROP_TRIAL_SHARE, leastDropTrial } from '../../../../solver/day/phases/least-drop-trial.ts';
import { planDay } from '../../../../solver/day/plan-day.ts';
import { validatePlan } from '../../../../solver/validate/validate-plan.ts';
import { DEFAULT_WEIGHTS, type SolveOptions } from '../../../../solver/model/options.ts';
import type { DayProblem } from '../../../../solver/model/day-problem.ts';
import type { DayPlan, PlannedActivity } from '../../../../solver/model/day-plan.ts';
import { HOUR, assessmentType, patient, smallDay, staffMember } from '../small-day-fixture.ts';

/**
 * Three patients, each an intake then a review; two reviewers' worth of slots for three
 * reviews. The two cheap patients (priority 3 each) losing theirs costs more than the dear one
 * (priority 4) losing its: the trade the planner's moves never make (the decoder places what fits).
 */
const problem = smallDay({
  assessmentTypes: [assessmentType('intake', 30), assessmentType('review', 30)],
  precedences: [{ id: 'review-last', before: '*', after: 'review', minLagMin: 0 }],
  staff: [staffMember('nurse', ['intake']), staffMember('doctor', ['review'])],
  patients: [
    patient('cheap-1', ['intake', 'review'], { priority: 3 }),
    patient('cheap-2', ['intake', 'review'], { priority: 3 }),
    patient('dear', ['intake', 'review'], { priority: 4 }),
  ],
});
const drop = { patientId: 'dear', typeId: 'review' };

function activity(patientId: string, typeId: string, startMin: number, staffId: string, roomId: string): PlannedActivity {
  return { id: `${patientId}:${typeId}`, patientId, typeId, kind: 'assessment', startMin, endMin: startMin + 30, staffId, roomId };
}

function plan(on: DayProblem, activities: PlannedActivity[], out: Array<[string, string]>): DayPlan {
  return assembleDayPlan(on, {
    activities,
    unscheduled: out.map(([patientId, typeId]) => ({ patientId, typeId, reason: 'no-staff-free', message: 'left out' })),
    bound: { value: 0, method: 'test' },
    stats: { iterations: 1000, improvements: 0, timedOut: false, seed: 1 },
  });
}

/** The planner's plan: the dear patient whole, both cheap reviews left out. */
const own = plan(problem, [
  activity('dear', 'intake', 9 * HOUR, 'nurse', 'consult-1'),
  activity('dear', 'review', 9.5 * HOUR, 'doctor', 'consult-1'),
  activity('cheap-1', 'intake', 9.5 * HOUR, 'nurse', 'consult-2'),
  activity('cheap-2', 'intake', 10 * HOUR, 'nurse', 'consult-2'),
], [['cheap-1', 'review'], ['cheap-2', 'review']]);

describe('leastDropTrial', () => {
  it('plans the day without the least drop and keeps that plan, the drop unscheduled, when it scores less', () => {
    expect(validatePlan(problem, own).valid).toBe(true);
    const calls: Array<{ without: DayProblem; options: SolveOptions; planned: DayPlan }> = [];
    // The real planner plans the day without the drop (recorded, not replaced).
    const trial = leastDropTrial(problem, { seed: 1, maxIterations: 1000 }, DEFAULT_WEIGHTS, drop, own, { iterations: 1000 }, (without, options) => {
      const planned = planDay(without, options);
      calls.push({ without, options, planned });
      return planned;
    });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.without.patients.find((p) => p.id === 'dear')!.required.map((r) => r.typeId)).toEqual(['intake']);
    expect(calls[0]!.without.patients.filter((p) => p.id !== 'dear').every((p) => p.required.length === 2)).toBe(true);
    expect(calls[0]!.options.maxIterations).toBe(Math.round(LEAST_DROP_TRIAL_SHARE * 1000));
    // Scored on the real day: one review (priority 4) out instead of two (priority 3 each).
    expect(trial).toBeDefined();
    expect(validatePlan(problem, trial!).valid).toBe(true);
    expect(trial!.unscheduled.map((u) => `${u.patientId}:${u.typeId}`)).toEqual(['dear:review']);
    expect(trial!.score.soft).toBeLessThan(own.score.soft - 1000);
    expect(trial!.stats.iterations).toBe(1000 + calls[0]!.planned.stats.iterations);
    // Every other activity placed: the dear patient's intake and both cheap patients' days.
    expect(trial!.activities.map((a) => a.id).sort()).toEqual(['cheap-1:intake', 'cheap-1:review', 'cheap-2:intake', 'cheap-2:review', 'dear:intake']);
  });

  it('makes no trial when the plan leaves out no more than the drop costs, or the solve has no budget', () => {
    const solve = () => {
      throw new Error('no trial expected');
    };
    // Only cheap-1's review out (priority 3) against a drop of priority 4: no trial.
    const cheapOnly = plan(problem, [...own.activities, activity('cheap-2', 'review', 10.5 * HOUR, 'doctor', 'consult-2')], [['cheap-1', 'review']]);
    expect(leastDropTrial(problem, { maxIterations: 1000 }, DEFAULT_WEIGHTS, drop, cheapOnly, { iterations: 1000 }, solve)).toBeUndefined();
    expect(leastDropTrial(problem, { maxIterations: 1000 }, DEFAULT_WEIGHTS, undefined, own, { iterations: 1000 }, solve)).toBeUndefined();
    // A timed solve not turned into a budget (an open-shop day's): no trial.
    expect(leastDropTrial(problem, { timeLimitMs: 1000, now: () => 0 }, DEFAULT_WEIGHTS, drop, own, undefined, solve)).toBeUndefined();
    expect(() => leastDropTrial(problem, { maxIterations: 1000 }, DEFAULT_WEIGHTS, drop, own, { iterations: 1000 }, solve)).toThrow('no trial expected');
  });
});
