import { describe, expect, it } from 'vitest';
import { localSearch } from '../../../../solver/routing/core/local-search.ts';
import { relocate } from '../../../../solver/routing/core/moves/relocate.ts';
import { swap } from '../../../../solver/routing/core/moves/swap.ts';
import { twoOptStar } from '../../../../solver/routing/core/moves/two-opt-star.ts';
import { createRoutingContext } from '../../../../solver/routing/core/routing-context.ts';
import { RoutingSolution } from '../../../../solver/routing/core/routing-solution.ts';
import { scheduleRoute } from '../../../../solver/routing/core/schedule-route.ts';
import { problemOf } from './routing-fixtures.ts';

/** Two vehicles of capacity 3 (so one cannot take all four), east and west clusters of two, deliberately mixed up. */
function mixedUp(): RoutingSolution {
  const problem = problemOf({
    visits: [{ x: 20, y: 1, load: [1] }, { x: 21, y: -1, load: [1] }, { x: -20, y: 1, load: [1] }, { x: -21, y: -1, load: [1] }],
    vehicles: [{ capacity: [3] }, { capacity: [3] }],
  });
  const sol = new RoutingSolution(createRoutingContext(problem));
  sol.setRoute(0, [0, 2]);
  sol.setRoute(1, [1, 3]);
  return sol;
}

function allFeasible(sol: RoutingSolution): boolean {
  return sol.routes.every((r) => scheduleRoute(sol.ctx, r.vehicle, r.seq) !== null);
}

describe.each([
  ['relocate', relocate],
  ['swap', swap],
  ['2-opt*', twoOptStar],
])('%s', (_name, operator) => {
  it('offers moves whose gain is the true drop in cost, and applying them keeps the routes feasible', () => {
    const sol = mixedUp();
    const move = [...operator.moves(sol)].find((m) => m.gain() > 1e-6 && m.isValid());
    expect(move).toBeDefined();
    const before = sol.travelCost();
    const gain = move!.gain();
    move!.apply();
    expect(sol.travelCost()).toBeCloseTo(before - gain, 6);
    expect(allFeasible(sol)).toBe(true);
    expect(Array.from(sol.routeOf).every((v) => v >= 0)).toBe(true);
  });
});

describe('localSearch', () => {
  it('untangles the mixed-up clusters: each vehicle ends up serving one side', () => {
    const sol = mixedUp();
    localSearch(sol);
    // Stops 0 and 1 are east of the depot, 2 and 3 west.
    const sides = sol.routes.filter((r) => r.seq.length).map((r) => new Set(r.seq.map((n) => (n < 2 ? 'east' : 'west'))));
    expect(sides.every((s) => s.size === 1)).toBe(true);
  });

  it('never moves a pick-up away from its drop-off (2-opt* cuts only where nobody is on board)', () => {
    const problem = problemOf({
      pairs: [{ pickUp: { x: 10 }, dropOff: { x: -10 } }, { pickUp: { x: -12 }, dropOff: { x: 12 } }],
      vehicles: [{}, {}],
    });
    const sol = new RoutingSolution(createRoutingContext(problem));
    sol.setRoute(0, [0, 1]);
    sol.setRoute(1, [2, 3]);
    localSearch(sol);
    for (const r of [0, 1]) {
      const [p, d] = problem.requests[r]!.nodes as [number, number];
      const v = sol.routeOf[r]!;
      const seq = sol.routes[v]!.seq;
      expect(seq.indexOf(p)).toBeLessThan(seq.indexOf(d));
    }
    expect(allFeasible(sol)).toBe(true);
  });
});
