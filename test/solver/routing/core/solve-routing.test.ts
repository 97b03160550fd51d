import { describe, expect, it } from 'vitest';
import { createRoutingContext } from '../../../../solver/routing/core/routing-context.ts';
import { routeCost, scheduleRoute } from '../../../../solver/routing/core/schedule-route.ts';
import { solveRouting } from '../../../../solver/routing/core/solve-routing.ts';
import type { RoutingProblem } from '../../../../solver/routing/core/routing-problem.ts';
import { problemOf } from './routing-fixtures.ts';

/** Optimum of a one-vehicle problem by trying every order of the requests' stops. */
function bruteForceOptimum(problem: RoutingProblem): number {
  const ctx = createRoutingContext(problem);
  const nodes = problem.nodes.map((_, i) => i);
  let best = Infinity;
  const permute = (prefix: number[], rest: number[]): void => {
    if (rest.length === 0) {
      if (scheduleRoute(ctx, 0, prefix)) best = Math.min(best, routeCost(ctx, 0, prefix));
      return;
    }
    rest.forEach((n, i) => permute([...prefix, n], [...rest.slice(0, i), ...rest.slice(i + 1)]));
  };
  permute([], nodes);
  return best;
}

describe('solveRouting', () => {
  it('finds the optimum of a small time-windowed tour (checked by enumeration)', () => {
    // Windows force an order that differs from the geometric sweep.
    const problem = problemOf({
      visits: [
        { x: 10, y: 0, window: [0, 200] }, { x: 10, y: 10, window: [0, 30] }, { x: 0, y: 10, window: [60, 80] },
        { x: -10, y: 5, window: [0, 500] }, { x: 5, y: -5, window: [100, 150] }, { x: -5, y: -5, window: [0, 500] },
      ],
    });
    const optimum = bruteForceOptimum(problem);
    const result = solveRouting(problem, { maxIterations: 300, seed: 3 });
    expect(result.unassigned).toEqual([]);
    expect(result.cost).toBeCloseTo(optimum, 6);
  });

  it('finds the optimum of a small dial-a-ride instance with capacity 1 (checked by enumeration)', () => {
    const problem = problemOf({
      pairs: [
        { pickUp: { x: 10 }, dropOff: { x: 20, y: 5 }, maxRideMin: 30 },
        { pickUp: { x: 5, y: 5 }, dropOff: { x: 15, y: -5 }, maxRideMin: 30 },
        { pickUp: { x: 25 }, dropOff: { x: 0, y: 10 }, maxRideMin: 40 },
      ],
      vehicles: [{ capacity: [1] }],
    });
    const optimum = bruteForceOptimum(problem);
    const result = solveRouting(problem, { maxIterations: 300, seed: 5 });
    expect(result.unassigned).toEqual([]);
    expect(result.cost).toBeCloseTo(optimum, 6);
  });

  it('is deterministic for the same seed and iteration budget', () => {
    const problem = problemOf({
      visits: Array.from({ length: 25 }, (_, i) => ({ x: (i * 37) % 50 - 25, y: (i * 53) % 40 - 20, window: [(i % 5) * 40, (i % 5) * 40 + 120] as [number, number], serviceMin: 5, load: [1] })),
      vehicles: Array.from({ length: 5 }, () => ({ capacity: [6], latestEndMin: 600 })),
    });
    const a = solveRouting(problem, { maxIterations: 150, seed: 42 });
    const b = solveRouting(problem, { maxIterations: 150, seed: 42 });
    expect(b.routes).toEqual(a.routes);
    expect(b.cost).toBe(a.cost);
  });

  it('reports a request no vehicle can serve instead of dropping it silently', () => {
    const problem = problemOf({ visits: [{ x: 10 }, { x: 500, window: [0, 50] }] });
    const result = solveRouting(problem, { maxIterations: 50 });
    expect(result.unassigned).toEqual([1]);
    expect(result.routes.flatMap((r) => r.nodes)).toEqual([0]);
  });

  it('stops at the time limit with the injected clock and reports progress', () => {
    let clock = 0;
    const events: string[] = [];
    const problem = problemOf({ visits: Array.from({ length: 10 }, (_, i) => ({ x: i * 3, y: (i * 7) % 11 })) });
    const result = solveRouting(problem, { timeLimitMs: 100, now: () => (clock += 1), onProgress: (e) => events.push(e.phase) });
    expect(result.stats.timedOut).toBe(true);
    expect(result.stats.iterations).toBeLessThan(100);
    expect(events[0]).toBe('construct');
    expect(events[events.length - 1]).toBe('done');
  });

  it('with minimiseVehicles, uses the fewest vehicles that fit (capacity forces two)', () => {
    const problem = problemOf({
      visits: Array.from({ length: 6 }, (_, i) => ({ x: i + 1, y: i % 2 ? 3 : -3, load: [1] })),
      vehicles: Array.from({ length: 6 }, () => ({ capacity: [3] })),
    });
    const result = solveRouting(problem, { maxIterations: 400, seed: 1, minimiseVehicles: true });
    expect(result.unassigned).toEqual([]);
    expect(result.vehicles).toBe(2);
  });
});
