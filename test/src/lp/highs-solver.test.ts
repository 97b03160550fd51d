import { describe, expect, it } from 'vitest';
import { createHighsSolver } from '../../../src/lp/highs-solver.ts';
import { contradictory, knapsack, shifted, workshop } from '../../solver/lp/fixtures.ts';

describe('createHighsSolver', async () => {
  const highs = await createHighsSolver();

  it('solves the workshop MIP to its known optimum', () => {
    const result = highs.solve(workshop);
    expect(result.status).toBe('optimal');
    expect(result.objective).toBeCloseTo(1100, 6);
    expect(result.values).toEqual([20, 10]);
  });

  it('finds the integral knapsack optimum with a proved bound, and the fractional LP relaxation', () => {
    const mip = highs.solve(knapsack);
    expect(mip.status).toBe('optimal');
    expect(mip.objective).toBeCloseTo(9, 6);
    expect(mip.values).toEqual([1, 1, 0]);
    expect(mip.bound).toBeDefined();
    expect(mip.bound!).toBeGreaterThanOrEqual(9 - 1e-6);
    const lp = highs.solve(knapsack, { relax: true });
    expect(lp.status).toBe('optimal');
    expect(lp.objective).toBeCloseTo(9 + 1 / 3, 6);
  });

  it('handles a negative lower bound and an equality', () => {
    const result = highs.solve(shifted);
    expect(result.status).toBe('optimal');
    expect(result.objective).toBeCloseTo(-2, 6);
  });

  it('reports a contradictory model as infeasible', () => {
    const result = highs.solve(contradictory);
    expect(['infeasible', 'unbounded']).toContain(result.status);
    expect(result.values).toEqual([]);
  });
});
