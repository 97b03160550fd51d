import { bestInsertion, type Insertion } from '../insertion.ts';
import { spreadChange, type RoutingSolution } from '../routing-solution.ts';
import { routeCost, scheduleRoute } from '../schedule-route.ts';
import type { Move, MoveOperator } from './move.ts';

/**
 * Relocate: take one request (a visit, or a pick-up with its drop-off) out of its route
 * and put it at its cheapest feasible place in a neighbouring request's route.
 */
export const relocate: MoveOperator = {
  name: 'relocate',
  *moves(sol) {
    const { ctx } = sol;
    for (let r = 0; r < ctx.problem.requests.length; r++) {
      const from = sol.routeOf[r]!;
      if (from < 0) continue;
      const targets = new Set<number>();
      for (const other of ctx.neighbours[r]!) {
        const v = sol.routeOf[other]!;
        if (v >= 0 && v !== from) targets.add(v);
      }
      for (const to of targets) {
        if (sol.routeOf[r] !== from) break; // moved by the previous move
        yield relocateMove(sol, r, from, to);
      }
    }
  },
};

function relocateMove(sol: RoutingSolution, request: number, from: number, to: number): Move {
  const { ctx } = sol;
  const nodes = new Set<number>(ctx.problem.requests[request]!.nodes);
  const shorter = sol.routes[from]!.seq.filter((n) => !nodes.has(n));
  let insertion: Insertion | null | undefined;
  let shorterSchedule: number[] | null | undefined;
  const findInsertion = (): Insertion | null => (insertion === undefined ? (insertion = bestInsertion(ctx, sol, request, to)) : insertion);
  return {
    operator: 'relocate',
    gain() {
      const ins = findInsertion();
      if (!ins) return -Infinity;
      const travelGain = sol.routes[from]!.travelCost - routeCost(ctx, from, shorter) - ins.delta;
      if (!ctx.problem.balanceWeight) return travelGain;
      // ins.delta counted the spread with the request still on `from`; count both changes instead.
      shorterSchedule ??= scheduleRoute(ctx, from, shorter);
      if (!shorterSchedule) return -Infinity;
      const toSchedule = ins.schedule ?? scheduleRoute(ctx, to, ins.seq);
      if (!toSchedule) return -Infinity;
      const insertedSpread = spreadChange(sol, new Map([[to, toSchedule]]));
      return travelGain + insertedSpread - spreadChange(sol, new Map([[to, toSchedule], [from, shorter.length ? shorterSchedule : []]]));
    },
    isValid() {
      if (!findInsertion()) return false;
      shorterSchedule ??= scheduleRoute(ctx, from, shorter);
      return shorterSchedule !== null;
    },
    apply() {
      const ins = findInsertion()!;
      sol.setRoute(from, shorter, shorterSchedule ?? undefined);
      sol.setRoute(to, ins.seq, ins.schedule);
    },
  };
}
