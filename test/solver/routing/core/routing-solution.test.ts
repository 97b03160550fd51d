import { describe, expect, it } from 'vitest';
import { createRoutingContext } from '../../../../solver/routing/core/routing-context.ts';
import { buildRoute } from '../../../../solver/routing/core/routing-solution.ts';
import { problemOf } from './routing-fixtures.ts';

describe('buildRoute', () => {
  it('costs ride minutes on the schedule the solve reports', () => {
    // Picked up at x=10, due at x=30 between 100 and 110: the earliest schedule boards at 10 and
    // rides 90 min (waiting for the window); the latest boards at 90 and rides 20.
    const problem = { ...problemOf({ pairs: [{ pickUp: { x: 10 }, dropOff: { x: 30, window: [100, 110] } }] }), rideTimeWeight: 0.5 };
    const travel = 10 + 20 + 30;
    expect(buildRoute(createRoutingContext(problem), 0, [0, 1])!.cost).toBe(travel + 0.5 * 90);
    expect(buildRoute(createRoutingContext({ ...problem, reportSchedule: 'latest' }), 0, [0, 1])!.cost).toBe(travel + 0.5 * 20);
  });
});
