import { describe, expect, it } from 'vitest';
import { activityDuration } from '../../../../solver/constraints/hard/activity-duration.ts';
import { dayProblem, evaluate, validPlan, withChange } from '../fixtures.ts';

describe('activityDuration', () => {
  it("accepts activities lasting their type's duration", () => {
    expect(evaluate(activityDuration, validPlan())).toEqual([]);
  });

  it('flags an assessment cut short and a long meal', () => {
    const plan = withChange(withChange(validPlan(), 'P01:anp-initial', { endMin: 575 }), 'P02:meal', { endMin: 760 });
    const found = evaluate(activityDuration, plan);
    expect(found).toHaveLength(2);
    expect(found[0]!.justification).toMatchObject({ activityId: 'P01:anp-initial', plannedDurationMin: 35, expectedDurationMin: 45 });
    expect(found[0]!.message).toBe('ANP initial assessment for P01 at 09:00–09:35 lasts 35 min; it takes 45 min');
    expect(found[1]!.justification).toMatchObject({ activityId: 'P02:meal', plannedDurationMin: 40, expectedDurationMin: 30 });
  });

  it("takes a pin's recorded duration (an overrun) instead of the type's", () => {
    const problem = dayProblem();
    problem.pins = [{ patientId: 'P01', typeId: 'anp-initial', startMin: 540, durationMin: 60 }];
    const overrun = withChange(validPlan(), 'P01:anp-initial', { endMin: 600 });
    expect(evaluate(activityDuration, overrun, problem)).toEqual([]);
    expect(evaluate(activityDuration, validPlan(), problem)[0]!.justification).toMatchObject({ plannedDurationMin: 45, expectedDurationMin: 60 });
  });
});
