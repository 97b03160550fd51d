import { describe, expect, it } from 'vitest';
import { activityDuration } from '../../../../solver/constraints/hard/activity-duration.ts';
import { dayProblem, evaluate, validPlan, withChange } from '../fixtures.ts';

describe('activityDuration with an overrun pin', () => {
  it('takes the pin\'s durationMin as the expected length', () => {
    const problem = { ...dayProblem(), pins: [{ patientId: 'P01', typeId: 'physio', startMin: 630, durationMin: 60 }] };
    const longer = withChange(validPlan(), 'P01:physio', { endMin: 690 });
    expect(evaluate(activityDuration, longer, problem)).toEqual([]);
    const [v] = evaluate(activityDuration, validPlan(), problem);
    expect(v!.justification).toMatchObject({ activityId: 'P01:physio', expectedDurationMin: 60 });
  });
});
