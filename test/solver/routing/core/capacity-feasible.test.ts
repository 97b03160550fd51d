import { describe, expect, it } from 'vitest';
import { capacityFeasible } from '../../../../solver/routing/core/capacity-feasible.ts';
import { problemOf } from './routing-fixtures.ts';

describe('capacityFeasible', () => {
  // Two passengers, each taking 1 seat, in a 1-seat vehicle.
  const problem = problemOf({
    pairs: [{ pickUp: { x: 1 }, dropOff: { x: 5 } }, { pickUp: { x: 2 }, dropOff: { x: 6 } }],
    vehicles: [{ capacity: [1] }],
  });

  it('accepts passengers carried one after the other', () => {
    expect(capacityFeasible(problem, 0, [0, 1, 2, 3])).toBe(true);
  });

  it('rejects two passengers on board at once in a one-seat vehicle', () => {
    expect(capacityFeasible(problem, 0, [0, 2, 1, 3])).toBe(false);
  });

  it('checks every dimension separately (a wheelchair space is not a seat)', () => {
    const wheelchair = problemOf({
      pairs: [{ pickUp: { x: 1, load: [0, 1] }, dropOff: { x: 5, load: [0, -1] } }],
      vehicles: [{ capacity: [8, 0] }, { capacity: [0, 1] }],
    });
    expect(capacityFeasible(wheelchair, 0, [0, 1])).toBe(false);
    expect(capacityFeasible(wheelchair, 1, [0, 1])).toBe(true);
  });
});
