import { describe, expect, it } from 'vitest';
import { restAfterConsecutive } from '../../../../solver/constraints/hard/rest-after-consecutive.ts';
import { dayProblem, evaluate, moved, validPlan } from '../fixtures.ts';

function problemWithRest() {
  const problem = dayProblem();
  problem.patients[0]!.rest = { maxConsecutive: 2, minRestMin: 15 };
  return problem;
}

describe('restAfterConsecutive', () => {
  it('accepts a patient whose activities are separated by rests', () => {
    // P01's gaps: 15, 15, 45, 60 min, all rests of >= 15.
    expect(evaluate(restAfterConsecutive, validPlan(), problemWithRest())).toEqual([]);
  });

  it('flags three activities back to back when two are allowed', () => {
    // ANP 09:00–09:45, bloods 09:50–10:05, physio 10:10–10:55: gaps of 5 min are not rests.
    const plan = moved(moved(validPlan(), 'P01:bloods', 590), 'P01:physio', 610);
    const [v, ...rest] = evaluate(restAfterConsecutive, plan, problemWithRest());
    expect(rest).toEqual([]);
    expect(v!.justification).toMatchObject({ patientId: 'P01', runLength: 3, maxConsecutive: 2, minRestMin: 15, runStartMin: 540, runEndMin: 655,
      activityIds: ['P01:anp-initial', 'P01:bloods', 'P01:physio'] });
    expect(v!.message).toBe('P01 has 3 activities back to back at 09:00–10:55; after 2 they need a 15-min rest');
  });

  it('ignores patients without a rest rule', () => {
    const plan = moved(moved(validPlan(), 'P01:bloods', 590), 'P01:physio', 610);
    expect(evaluate(restAfterConsecutive, plan)).toEqual([]);
  });
});
