import type { RoutingContext } from './routing-context.ts';
import { spreadChange, type Route, type RoutingSolution } from './routing-solution.ts';
import { scheduleRoute } from './schedule-route.ts';
import type { Rng } from '../../model/rng.ts';

const EPS = 1e-7;
/** Full schedule checks tried per (request, route) before giving up on that route. */
const MAX_FULL_CHECKS = 25;

/** The cheapest feasible way to put a request into one route. */
export interface Insertion {
  request: number;
  vehicle: number;
  /** Increase of the objective's travel (and fixed) cost. */
  delta: number;
  seq: number[];
  schedule: number[];
}

/**
 * Cheapest feasible insertion of a request into a vehicle's route. Candidate positions
 * are screened with cheap necessary conditions (windows against the cached earliest and
 * latest times, load, a ride-time lower bound), ranked by cost, and the best few are
 * confirmed with the full schedule check.
 */
export function bestInsertion(ctx: RoutingContext, sol: RoutingSolution, request: number, vehicle: number): Insertion | null {
  const req = ctx.problem.requests[request]!;
  if (req.allowedVehicles && !req.allowedVehicles.includes(vehicle)) return null;
  const route = sol.routes[vehicle]!;
  const candidates = req.nodes.length === 1
    ? singleCandidates(ctx, route, req.nodes[0])
    : pairCandidates(ctx, route, req.nodes[0], req.nodes[1], req.maxRideMin ?? Infinity);
  if (candidates.length === 0) return null;
  const order = Array.from(candidates.keys()).sort((a, b) => candidates[a]!.delta - candidates[b]!.delta);
  const fixed = route.seq.length === 0 ? ctx.problem.vehicles[vehicle]!.fixedCost ?? 0 : 0;
  for (let c = 0; c < order.length && c < MAX_FULL_CHECKS; c++) {
    const cand = candidates[order[c]!]!;
    const seq = route.seq.slice();
    if (req.nodes.length === 1) seq.splice(cand.i, 0, req.nodes[0]);
    else {
      seq.splice(cand.j, 0, req.nodes[1]!);
      seq.splice(cand.i, 0, req.nodes[0]);
    }
    const schedule = scheduleRoute(ctx, vehicle, seq);
    if (schedule) return { request, vehicle, delta: cand.delta + fixed + spreadChange(sol, new Map([[vehicle, schedule]])), seq, schedule };
  }
  return null;
}

interface Candidate { i: number; j: number; delta: number }

function loadFits(ctx: RoutingContext, route: Route, pos: number, load: readonly number[], cap: readonly number[]): boolean {
  const dims = ctx.dims;
  for (let d = 0; d < dims; d++) {
    if (route.loadAfter[pos * dims + d]! + (load[d] ?? 0) > (cap[d] ?? Infinity) + EPS) return false;
  }
  return true;
}

function singleCandidates(ctx: RoutingContext, route: Route, node: number): Candidate[] {
  const { problem, nLoc, time, cost } = ctx;
  const n = problem.nodes[node]!;
  const v = problem.vehicles[route.vehicle]!;
  const m = route.seq.length;
  const locAt = (k: number): number => (k === 0 ? v.startLoc : k === m + 1 ? v.endLoc : problem.nodes[route.seq[k - 1]!]!.loc);
  const svcAt = (k: number): number => (k === 0 || k === m + 1 ? 0 : problem.nodes[route.seq[k - 1]!]!.serviceMin);
  const earliestAt = (k: number): number => (k === 0 ? v.earliestStartMin : k === m + 1 ? v.earliestStartMin : problem.nodes[route.seq[k - 1]!]!.earliestMin);
  // A visit's load stays on board to the end of the route: it must fit after every later stop.
  const positive = n.load.some((x) => x > 0);
  const suffixFits = new Uint8Array(m + 2).fill(1);
  if (positive) {
    for (let k = m; k >= 0; k--) suffixFits[k] = suffixFits[k + 1]! && loadFits(ctx, route, k, n.load, v.capacity) ? 1 : 0;
  }
  const out: Candidate[] = [];
  for (let i = 0; i <= m; i++) {
    if (!suffixFits[i]) continue;
    const a = locAt(i);
    const b = locAt(i + 1);
    const arrive = route.startMin[i]! + svcAt(i) + time[a * nLoc + n.loc]!;
    const start = Math.max(arrive, n.earliestMin);
    if (start > n.latestMin + EPS) break; // later positions only arrive later
    const next = Math.max(start + n.serviceMin + time[n.loc * nLoc + b]!, earliestAt(i + 1));
    if (next > route.latestMin[i + 1]! + EPS) continue;
    out.push({ i, j: i, delta: cost[a * nLoc + n.loc]! + cost[n.loc * nLoc + b]! - cost[a * nLoc + b]! });
  }
  return out;
}

function pairCandidates(ctx: RoutingContext, route: Route, pickUp: number, dropOff: number, maxRideMin: number): Candidate[] {
  const { problem, nLoc, time, cost } = ctx;
  const p = problem.nodes[pickUp]!;
  const q = problem.nodes[dropOff]!;
  const v = problem.vehicles[route.vehicle]!;
  const m = route.seq.length;
  const locAt = (k: number): number => (k === 0 ? v.startLoc : k === m + 1 ? v.endLoc : problem.nodes[route.seq[k - 1]!]!.loc);
  const svcAt = (k: number): number => (k === 0 || k === m + 1 ? 0 : problem.nodes[route.seq[k - 1]!]!.serviceMin);
  const earliestAt = (k: number): number => (k === 0 || k === m + 1 ? v.earliestStartMin : problem.nodes[route.seq[k - 1]!]!.earliestMin);
  const out: Candidate[] = [];
  for (let i = 0; i <= m; i++) {
    if (!loadFits(ctx, route, i, p.load, v.capacity)) continue;
    const a = locAt(i);
    const b = locAt(i + 1);
    const tp = Math.max(route.startMin[i]! + svcAt(i) + time[a * nLoc + p.loc]!, p.earliestMin);
    if (tp > p.latestMin + EPS) break;
    // Drop-off right after the pick-up.
    {
      const tq = Math.max(tp + p.serviceMin + time[p.loc * nLoc + q.loc]!, q.earliestMin);
      const next = Math.max(tq + q.serviceMin + time[q.loc * nLoc + b]!, earliestAt(i + 1));
      if (tq <= q.latestMin + EPS && next <= route.latestMin[i + 1]! + EPS && time[p.loc * nLoc + q.loc]! <= maxRideMin + EPS) {
        out.push({ i, j: i, delta: cost[a * nLoc + p.loc]! + cost[p.loc * nLoc + q.loc]! + cost[q.loc * nLoc + b]! - cost[a * nLoc + b]! });
      }
    }
    const afterP = Math.max(tp + p.serviceMin + time[p.loc * nLoc + b]!, earliestAt(i + 1));
    if (afterP > route.latestMin[i + 1]! + EPS) continue;
    const deltaP = cost[a * nLoc + p.loc]! + cost[p.loc * nLoc + b]! - cost[a * nLoc + b]!;
    for (let j = i + 1; j <= m; j++) {
      if (!loadFits(ctx, route, j, p.load, v.capacity)) break; // the passenger would be on board here
      const c = locAt(j);
      const d = locAt(j + 1);
      const rideLowerBound = time[p.loc * nLoc + b]! + route.cumMin[j]! - route.cumMin[i + 1]! + svcAt(j) + time[c * nLoc + q.loc]!;
      if (rideLowerBound > maxRideMin + EPS) break;
      const tq = Math.max(route.startMin[j]! + svcAt(j) + time[c * nLoc + q.loc]!, q.earliestMin);
      if (tq > q.latestMin + EPS) break;
      const next = Math.max(tq + q.serviceMin + time[q.loc * nLoc + d]!, earliestAt(j + 1));
      if (next > route.latestMin[j + 1]! + EPS) continue;
      out.push({ i, j, delta: deltaP + cost[c * nLoc + q.loc]! + cost[q.loc * nLoc + d]! - cost[c * nLoc + d]! });
    }
  }
  return out;
}

/** Vehicles worth trying for a request: every used route, plus one empty vehicle of each kind if the fleet limit allows. */
export function candidateVehicles(sol: RoutingSolution): number[] {
  const out: number[] = [];
  const allowEmpty = sol.usedRoutes() < sol.maxRoutes;
  const seenEmpty = new Set<string>();
  const vehicles = sol.ctx.problem.vehicles;
  for (let v = 0; v < sol.routes.length; v++) {
    if (sol.routes[v]!.unusable) continue;
    if (sol.routes[v]!.seq.length > 0) out.push(v);
    else if (allowEmpty) {
      // Identical empty vehicles give identical insertions: try one of each kind.
      const w = vehicles[v]!;
      const kind = `${w.startLoc}|${w.endLoc}|${w.earliestStartMin}|${w.latestEndMin}|${w.capacity.join(',')}|${w.maxDurationMin}|${w.fixedCost}`;
      if (!seenEmpty.has(kind)) {
        seenEmpty.add(kind);
        out.push(v);
      }
    }
  }
  return out;
}

/**
 * Recreate: inserts requests one by one, in the given order, each at its cheapest
 * feasible place over all routes. Requests with no feasible place stay unassigned.
 */
export function sequentialInsertion(sol: RoutingSolution, requests: readonly number[]): void {
  for (const r of requests) {
    let best: Insertion | null = null;
    for (const v of candidateVehicles(sol)) {
      const ins = bestInsertion(sol.ctx, sol, r, v);
      if (ins && (!best || ins.delta < best.delta - EPS)) best = ins;
    }
    if (best) sol.setRoute(best.vehicle, best.seq, best.schedule);
  }
}

/**
 * Recreate with regret-k: repeatedly inserts the request whose best place is most
 * ahead of its k-th best (the one we would regret postponing), caching each request's
 * best insertion per route and refreshing only the route that changed.
 */
export function regretInsertion(sol: RoutingSolution, requests: readonly number[], k: number, rng?: Rng, noise = 0): void {
  const pending = new Set(requests);
  const cache = new Map<number, Map<number, Insertion | null>>();
  for (const r of requests) cache.set(r, new Map());
  while (pending.size > 0) {
    const vehicles = candidateVehicles(sol);
    let chosen: Insertion | null = null;
    let chosenScore = -Infinity;
    const hopeless: number[] = [];
    for (const r of pending) {
      const perRoute = cache.get(r)!;
      const deltas: number[] = [];
      let best: Insertion | null = null;
      for (const v of vehicles) {
        if (!perRoute.has(v)) perRoute.set(v, bestInsertion(sol.ctx, sol, r, v));
        const ins = perRoute.get(v)!;
        if (!ins) continue;
        deltas.push(ins.delta);
        if (!best || ins.delta < best.delta) best = ins;
      }
      if (!best) { hopeless.push(r); continue; }
      deltas.sort((a, b) => a - b);
      let regret = 0;
      for (let x = 1; x < k; x++) regret += (deltas[x] ?? 1e9) - deltas[0]!;
      const jitter = noise && rng ? (rng.next() - 0.5) * noise : 0;
      const score = k > 1 ? regret - best.delta * 1e-6 + jitter : -best.delta + jitter;
      if (score > chosenScore) { chosenScore = score; chosen = best; }
    }
    for (const r of hopeless) pending.delete(r);
    if (!chosen) break;
    sol.setRoute(chosen.vehicle, chosen.seq, chosen.schedule);
    pending.delete(chosen.request);
    // The workload-spread term depends on every route, so balancing invalidates all cached insertions.
    const balancing = Boolean(sol.ctx.problem.balanceWeight);
    for (const r of pending) {
      if (balancing) cache.get(r)!.clear();
      else cache.get(r)!.delete(chosen.vehicle);
    }
  }
}
