import { spreadChange, type RoutingSolution } from '../routing-solution.ts';
import { routeCost, scheduleRoute } from '../schedule-route.ts';
import type { Move, MoveOperator } from './move.ts';

/**
 * 2-opt*: two routes exchange their tails. A route is cut after stop u and the other
 * before a neighbour w of u, so u is followed by w. Cuts never separate a pick-up from
 * its drop-off (the cut must find nobody on board of a pair request).
 */
export const twoOptStar: MoveOperator = {
  name: '2-opt*',
  *moves(sol) {
    const { ctx } = sol;
    const { nodes, requests } = ctx.problem;
    const closedAfter = (seq: number[]): Uint8Array => {
      // closed[k] = 1 if no pair is open after the first k stops.
      const closed = new Uint8Array(seq.length + 1);
      let open = 0;
      closed[0] = 1;
      for (let k = 0; k < seq.length; k++) {
        const req = requests[nodes[seq[k]!]!.request]!;
        if (req.nodes.length === 2) open += req.nodes[0] === seq[k] ? 1 : -1;
        closed[k + 1] = open === 0 ? 1 : 0;
      }
      return closed;
    };
    // Keyed by route object: applying a move replaces the route, so entries never go stale.
    const closedCache = new WeakMap<object, Uint8Array>();
    const closedOf = (v: number): Uint8Array => {
      const route = sol.routes[v]!;
      if (!closedCache.has(route)) closedCache.set(route, closedAfter(route.seq));
      return closedCache.get(route)!;
    };
    for (let r = 0; r < requests.length; r++) {
      const a = sol.routeOf[r]!;
      if (a < 0) continue;
      const lastOfR = requests[r]!.nodes[requests[r]!.nodes.length - 1]!;
      for (const w of ctx.neighbours[r]!) {
        if (sol.routeOf[r] !== a) break; // moved by the previous move
        const i = sol.routes[a]!.seq.indexOf(lastOfR) + 1; // keep stops [0, i) of route a
        if (!closedOf(a)[i]) break;
        const b = sol.routeOf[w]!;
        if (b < 0 || b === a) continue;
        const j = sol.routes[b]!.seq.indexOf(requests[w]!.nodes[0]); // route b's tail starts at w
        if (!closedOf(b)[j]) continue;
        yield twoOptStarMove(sol, a, i, b, j);
      }
    }
  },
};

function twoOptStarMove(sol: RoutingSolution, a: number, i: number, b: number, j: number): Move {
  const { ctx } = sol;
  const seqA = sol.routes[a]!.seq;
  const seqB = sol.routes[b]!.seq;
  const newA = seqA.slice(0, i).concat(seqB.slice(j));
  const newB = seqB.slice(0, j).concat(seqA.slice(i));
  let schedules: [number[] | null, number[] | null] | undefined;
  const schedule = (): [number[] | null, number[] | null] => {
    if (!schedules) {
      const sa = scheduleRoute(ctx, a, newA);
      schedules = [sa, sa ? scheduleRoute(ctx, b, newB) : null];
    }
    return schedules;
  };
  return {
    operator: '2-opt*',
    gain() {
      const travelGain = sol.routes[a]!.travelCost + sol.routes[b]!.travelCost - routeCost(ctx, a, newA) - routeCost(ctx, b, newB);
      if (!ctx.problem.balanceWeight) return travelGain;
      const [sa, sb] = schedule();
      return sa && sb ? travelGain - spreadChange(sol, new Map([[a, newA.length ? sa : []], [b, newB.length ? sb : []]])) : -Infinity;
    },
    isValid() {
      const [sa, sb] = schedule();
      return sa !== null && sb !== null;
    },
    apply() {
      sol.setRoute(a, newA, schedules![0]!);
      sol.setRoute(b, newB, schedules![1]!);
    },
  };
}
