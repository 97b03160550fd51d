import { spreadChange, type RoutingSolution } from '../routing-solution.ts';
import { scheduleRoute } from '../schedule-route.ts';
import type { Move, MoveOperator } from './move.ts';

/** Swap: two single-stop requests in different routes trade places. */
export const swap: MoveOperator = {
  name: 'swap',
  *moves(sol) {
    const { ctx } = sol;
    const { requests } = ctx.problem;
    for (let r = 0; r < requests.length; r++) {
      const a = sol.routeOf[r]!;
      if (a < 0 || requests[r]!.nodes.length !== 1) continue;
      for (const w of ctx.neighbours[r]!) {
        if (sol.routeOf[r] !== a) break; // moved by the previous move
        const b = sol.routeOf[w]!;
        if (w < r || b < 0 || b === a || requests[w]!.nodes.length !== 1) continue;
        yield swapMove(sol, r, a, w, b);
      }
    }
  },
};

function swapMove(sol: RoutingSolution, r: number, a: number, w: number, b: number): Move {
  const { ctx } = sol;
  const { nodes, requests, vehicles } = ctx.problem;
  const u = requests[r]!.nodes[0];
  const x = requests[w]!.nodes[0];
  const seqA = sol.routes[a]!.seq;
  const seqB = sol.routes[b]!.seq;
  const i = seqA.indexOf(u);
  const j = seqB.indexOf(x);
  const locIn = (seq: number[], v: number, k: number): number =>
    k < 0 ? vehicles[v]!.startLoc : k >= seq.length ? vehicles[v]!.endLoc : nodes[seq[k]!]!.loc;
  const c = (p: number, q: number): number => ctx.cost[p * ctx.nLoc + q]!;
  let schedules: [number[] | null, number[] | null] | undefined;
  const newA = (): number[] => { const s = seqA.slice(); s[i] = x; return s; };
  const newB = (): number[] => { const s = seqB.slice(); s[j] = u; return s; };
  const schedule = (): [number[] | null, number[] | null] => {
    if (!schedules) {
      const sa = scheduleRoute(ctx, a, newA());
      schedules = [sa, sa ? scheduleRoute(ctx, b, newB()) : null];
    }
    return schedules;
  };
  return {
    operator: 'swap',
    gain() {
      const pa = locIn(seqA, a, i - 1), na = locIn(seqA, a, i + 1);
      const pb = locIn(seqB, b, j - 1), nb = locIn(seqB, b, j + 1);
      const lu = nodes[u]!.loc, lx = nodes[x]!.loc;
      const travelGain = c(pa, lu) + c(lu, na) + c(pb, lx) + c(lx, nb) - c(pa, lx) - c(lx, na) - c(pb, lu) - c(lu, nb);
      if (!ctx.problem.balanceWeight) return travelGain;
      const [sa, sb] = schedule();
      return sa && sb ? travelGain - spreadChange(sol, new Map([[a, sa], [b, sb]])) : -Infinity;
    },
    isValid() {
      const [sa, sb] = schedule();
      return sa !== null && sb !== null;
    },
    apply() {
      const [sa, sb] = schedules!;
      const seqNewA = newA();
      const seqNewB = newB();
      sol.setRoute(a, seqNewA, sa!);
      sol.setRoute(b, seqNewB, sb!);
    },
  };
}
