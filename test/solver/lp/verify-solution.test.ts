import { describe, expect, it } from 'vitest';
import { verifySolution } from '../../../solver/lp/verify-solution.ts';
import { acceptAnswer } from '../../../solver/lp/accept-answer.ts';
import { knapsack, workshop } from './fixtures.ts';

describe('verifySolution', () => {
  it('accepts a feasible integral point and recomputes its objective', () => {
    const check = verifySolution(workshop, [20, 10]);
    expect(check.ok).toBe(true);
    expect(check.objective).toBe(30 * 20 + 50 * 10);
  });

  it('rejects a non-integral value of an integer variable, naming it', () => {
    const check = verifySolution(knapsack, [1, 1 / 3, 1]);
    expect(check.ok).toBe(false);
    expect(check.problems.join(' ')).toContain('b = ');
    expect(check.problems.join(' ')).toContain('not integral');
    // The same point is fine for the LP relaxation.
    expect(verifySolution(knapsack, [1, 1 / 3, 1], { relax: true }).ok).toBe(true);
  });

  it('rejects a broken constraint and a broken bound', () => {
    const overweight = verifySolution(knapsack, [1, 1, 1]);
    expect(overweight.ok).toBe(false);
    expect(overweight.problems.join(' ')).toContain('weight: 7 > 5');
    const negative = verifySolution(workshop, [-1, 0]);
    expect(negative.problems.join(' ')).toContain('chairs = -1 outside');
  });

  it('rejects a wrong number of values', () => {
    expect(verifySolution(workshop, [1]).ok).toBe(false);
  });
});

describe('acceptAnswer', () => {
  it('turns a backend\'s non-integral "optimal" answer into a failure and drops the values', () => {
    const result = acceptAnswer(knapsack, 'fake', { claim: 'optimal', values: [1, 1 / 3, 1] });
    expect(result.status).toBe('failed');
    expect(result.values).toEqual([]);
    expect(result.objective).toBeNull();
    expect(result.message).toContain('fails verification');
  });

  it('passes a verified answer through with its recomputed objective and bound', () => {
    const result = acceptAnswer(knapsack, 'fake', { claim: 'feasible', values: [1, 0, 1], bound: 9.2 });
    expect(result).toMatchObject({ status: 'feasible', objective: 8, values: [1, 0, 1], bound: 9.2 });
  });
});
