import type { LpModel } from '../../../solver/lp/lp-model.ts';

/**
 * The workshop problem: max 30 chairs + 50 tables, chairs + 2 tables ≤ 40, 2 chairs + tables ≤ 50.
 * LP optimum at the vertex (20, 10) = 1100, which is integral, so the MIP optimum is 1100 too.
 */
export const workshop: LpModel = {
  sense: 'max',
  variables: [
    { name: 'chairs', cost: 30, integer: true },
    { name: 'tables', cost: 50, integer: true },
  ],
  constraints: [
    { name: 'carpentry', terms: [{ variable: 0, coefficient: 1 }, { variable: 1, coefficient: 2 }], ub: 40 },
    { name: 'finishing', terms: [{ variable: 0, coefficient: 2 }, { variable: 1, coefficient: 1 }], ub: 50 },
  ],
};

/**
 * A 0/1 knapsack whose LP relaxation is fractional: max 5a + 4b + 3c, 2a + 3b + 2c ≤ 5.
 * MIP by enumeration: {a,b} weighs 5 and is worth 9, {a,c} 8, {b,c} 7 → optimum 9.
 * LP: best ratios a (2.5), c (1.5) fill 4, then b = 1/3 → 5 + 3 + 4/3 = 9.333….
 */
export const knapsack: LpModel = {
  sense: 'max',
  variables: [
    { name: 'a', cost: 5, integer: true, ub: 1 },
    { name: 'b', cost: 4, integer: true, ub: 1 },
    { name: 'c', cost: 3, integer: true, ub: 1 },
  ],
  constraints: [
    { name: 'weight', terms: [{ variable: 0, coefficient: 2 }, { variable: 1, coefficient: 3 }, { variable: 2, coefficient: 2 }], ub: 5 },
  ],
};

/** x + y ≥ 3 and x + y ≤ 2: no solution. */
export const contradictory: LpModel = {
  sense: 'min',
  variables: [{ name: 'x', cost: 1 }, { name: 'y', cost: 1 }],
  constraints: [
    { name: 'atLeast3', terms: [{ variable: 0, coefficient: 1 }, { variable: 1, coefficient: 1 }], lb: 3 },
    { name: 'atMost2', terms: [{ variable: 0, coefficient: 1 }, { variable: 1, coefficient: 1 }], ub: 2 },
  ],
};

/** A minimisation with a negative lower bound and an equality: min x − y, x + y = 4, −2 ≤ x ≤ 5, y ≤ 3 → x = 1, y = 3, −2. */
export const shifted: LpModel = {
  sense: 'min',
  variables: [{ name: 'x', cost: 1, lb: -2, ub: 5 }, { name: 'y', cost: -1, ub: 3 }],
  constraints: [{ name: 'sum', terms: [{ variable: 0, coefficient: 1 }, { variable: 1, coefficient: 1 }], lb: 4, ub: 4 }],
};
