import { describe, expect, it } from 'vitest';
import { makespan } from '../../../../solver/constraints/soft/makespan.ts';
import { evaluate, validPlan } from '../fixtures.ts';

describe('makespan', () => {
  it('is off on ICC days (weight 0 by default)', () => {
    expect(evaluate(makespan, validPlan())).toEqual([]);
  });

  it('charges the end of the last activity when weighted', () => {
    // P02's review 14:30–15:15 is the last activity: 915 minutes from midnight.
    const [v, ...rest] = evaluate(makespan, validPlan(), undefined, { weights: { makespanMin: 1 } });
    expect(rest).toEqual([]);
    expect(v!.penalty).toBe(915);
    expect(v!.justification).toEqual({ makespanMin: 915, lastActivityId: 'P02:geriatrician-review' });
    expect(v!.message).toBe("The day's last activity (P02:geriatrician-review) ends at 15:15");
  });
});
