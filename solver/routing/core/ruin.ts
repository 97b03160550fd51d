import type { Rng } from '../../model/rng.ts';
import { requestDistance } from './routing-context.ts';
import type { RoutingSolution } from './routing-solution.ts';

/** A ruin operator: picks `count` served requests to take out (the driver removes them). */
export interface RuinOperator {
  name: string;
  select(sol: RoutingSolution, count: number, rng: Rng): number[];
}

function served(sol: RoutingSolution): number[] {
  const out: number[] = [];
  for (let r = 0; r < sol.routeOf.length; r++) if (sol.routeOf[r]! >= 0) out.push(r);
  return out;
}

/** Biased pick from a ranked list: low ranks favoured, more so for larger `power`. */
function rankedPick<T>(ranked: T[], rng: Rng, power: number): T {
  return ranked[Math.floor(rng.next() ** power * ranked.length)]!;
}

/** Uniformly random requests: diversifies. */
export const randomRuin: RuinOperator = {
  name: 'random',
  select(sol, count, rng) {
    const pool = served(sol);
    const out: number[] = [];
    while (out.length < count && pool.length > 0) out.push(pool.splice(rng.int(pool.length), 1)[0]!);
    return out;
  },
};

/** Related (Shaw) removal: requests near a seed in space and time, which can trade places. */
export const relatedRuin: RuinOperator = {
  name: 'related',
  select(sol, count, rng) {
    const pool = served(sol);
    if (pool.length === 0) return [];
    const { ctx } = sol;
    const seed = pool[rng.int(pool.length)]!;
    const firstStart = (r: number): number => ctx.problem.nodes[ctx.problem.requests[r]!.nodes[0]]!.earliestMin;
    const ranked = pool.filter((r) => r !== seed)
      .map((r) => [requestDistance(ctx, seed, r) + 0.2 * Math.abs(firstStart(seed) - firstStart(r)), r] as const)
      .sort((a, b) => a[0] - b[0] || a[1] - b[1])
      .map((x) => x[1]);
    const out = [seed];
    while (out.length < count && ranked.length > 0) {
      out.push(ranked.splice(Math.floor(rng.next() ** 6 * ranked.length), 1)[0]!);
    }
    return out;
  },
};

/** Worst removal: requests whose detour costs most where they are now. */
export const worstRuin: RuinOperator = {
  name: 'worst',
  select(sol, count, rng) {
    const { ctx } = sol;
    const { nodes } = ctx.problem;
    const saving = new Map<number, number>();
    for (const route of sol.routes) {
      const v = ctx.problem.vehicles[route.vehicle]!;
      const m = route.seq.length;
      const locAt = (k: number): number => (k < 0 ? v.startLoc : k >= m ? v.endLoc : nodes[route.seq[k]!]!.loc);
      for (let k = 0; k < m; k++) {
        const a = locAt(k - 1);
        const b = locAt(k);
        const c = locAt(k + 1);
        const s = ctx.cost[a * ctx.nLoc + b]! + ctx.cost[b * ctx.nLoc + c]! - ctx.cost[a * ctx.nLoc + c]!;
        const r = nodes[route.seq[k]!]!.request;
        saving.set(r, (saving.get(r) ?? 0) + s);
      }
    }
    const ranked = [...saving.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map((e) => e[0]);
    const out: number[] = [];
    while (out.length < count && ranked.length > 0) {
      const idx = Math.floor(rng.next() ** 3 * ranked.length);
      out.push(ranked.splice(idx, 1)[0]!);
    }
    return out;
  },
};

/**
 * String removal (after Christiaens & Vanden Berghe's SISR): around a seed, cut a run of
 * consecutive stops from the seed's route and from routes of its nearest neighbours.
 */
export const stringRuin: RuinOperator = {
  name: 'string',
  select(sol, count, rng) {
    const pool = served(sol);
    if (pool.length === 0) return [];
    const { ctx } = sol;
    const seed = pool[rng.int(pool.length)]!;
    const out = new Set<number>();
    const touched = new Set<number>();
    const maxString = Math.max(1, Math.min(10, count));
    for (const r of [seed, ...ctx.neighbours[seed]!]) {
      if (out.size >= count) break;
      const v = sol.routeOf[r]!;
      if (v < 0 || touched.has(v)) continue;
      touched.add(v);
      const seq = sol.routes[v]!.seq;
      const at = seq.findIndex((node) => ctx.problem.nodes[node]!.request === r);
      const length = 1 + rng.int(Math.min(maxString, seq.length));
      const begin = Math.max(0, Math.min(at - rng.int(length), seq.length - length));
      for (let k = begin; k < begin + length && out.size < count; k++) out.add(ctx.problem.nodes[seq[k]!]!.request);
    }
    return [...out];
  },
};

/** Route removal: empties one route, small ones preferred, to let the fleet shrink. */
export const routeRuin: RuinOperator = {
  name: 'route',
  select(sol, _count, rng) {
    const used = sol.routes.filter((r) => r.seq.length > 0).sort((a, b) => a.seq.length - b.seq.length || a.vehicle - b.vehicle);
    if (used.length === 0) return [];
    const route = rankedPick(used, rng, 2);
    return [...new Set(route.seq.map((node) => sol.ctx.problem.nodes[node]!.request))];
  },
};
