import { describe, expect, it } from 'vitest';
import { createJslsSolver } from '../../../solver/lp/jsls-solver.ts';
import { contradictory, knapsack, shifted, workshop } from './fixtures.ts';

describe('createJslsSolver', () => {
  const jsls = createJslsSolver();

  it('solves the workshop MIP to its known optimum', () => {
    const result = jsls.solve(workshop);
    expect(result.status).toBe('optimal');
    expect(result.objective).toBeCloseTo(1100, 6);
    expect(result.values).toEqual([20, 10]);
  });

  it('finds the integral knapsack optimum and the fractional LP relaxation', () => {
    const mip = jsls.solve(knapsack);
    expect(mip.status).toBe('optimal');
    expect(mip.objective).toBeCloseTo(9, 6);
    expect(mip.values).toEqual([1, 1, 0]);
    const lp = jsls.solve(knapsack, { relax: true });
    expect(lp.status).toBe('optimal');
    expect(lp.objective).toBeCloseTo(9 + 1 / 3, 6);
  });

  it('handles a negative lower bound and an equality', () => {
    const result = jsls.solve(shifted);
    expect(result.status).toBe('optimal');
    expect(result.objective).toBeCloseTo(-2, 6);
    expect(result.values[0]).toBeCloseTo(1, 6);
    expect(result.values[1]).toBeCloseTo(3, 6);
  });

  it('reports a contradictory model as infeasible with no values', () => {
    const result = jsls.solve(contradictory);
    expect(result.status).toBe('infeasible');
    expect(result.values).toEqual([]);
    expect(result.objective).toBeNull();
  });
});
