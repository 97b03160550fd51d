import { describe, expect, it } from 'vitest';
import { assessmentsBeforeMdt } from '../../../../solver/constraints/hard/assessments-before-mdt.ts';
import { evaluate, moved, validPlan } from '../fixtures.ts';

describe('assessmentsBeforeMdt', () => {
  it('accepts assessments that end by the MDT start, including exactly at it', () => {
    expect(evaluate(assessmentsBeforeMdt, validPlan())).toEqual([]);
    expect(evaluate(assessmentsBeforeMdt, moved(validPlan(), 'P02:geriatrician-review', 915))).toEqual([]);
  });

  it('flags an assessment running into the MDT', () => {
    const [v, ...rest] = evaluate(assessmentsBeforeMdt, moved(validPlan(), 'P02:geriatrician-review', 930));
    expect(rest).toEqual([]);
    expect(v!.justification).toMatchObject({ activityId: 'P02:geriatrician-review', endMin: 975, mdtStartMin: 960, lateByMin: 15 });
    expect(v!.message).toBe('Geriatrician review for P02 at 15:30–16:15 ends after the MDT starts at 16:00');
  });
});
