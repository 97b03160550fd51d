import { describe, expect, it } from 'vitest';
import { fractionalDropCost } from '../../../../solver/day/bound/capacity-knapsack.ts';

describe('fractionalDropCost', () => {
  it('costs nothing when the load fits', () => {
    expect(fractionalDropCost([{ loadMin: 60, cost: 1000 }, { loadMin: 60, cost: 2000 }], 120)).toBe(0);
  });

  it('drops the cheapest minutes first, fractionally', () => {
    // 30 min too many: the item at 1000/60 per minute goes first, half of it: 500.
    expect(fractionalDropCost([{ loadMin: 60, cost: 1000 }, { loadMin: 60, cost: 3000 }, { loadMin: 30, cost: 2000 }], 120)).toBeCloseTo(500);
  });

  it('counts negative-cost items as dropped in any case', () => {
    expect(fractionalDropCost([{ loadMin: 10, cost: -5 }, { loadMin: 60, cost: 100 }], 100)).toBe(-5);
  });
});
