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
  /** The new route's schedule, when already computed. */
  schedule?: number[];
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
  if (ctx.windowsOnly && req.nodes.length === 1) return exactSingleInsertion(ctx, sol, request, vehicle, route);
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

/**
 * Windows-only problems: the screen of `singleCandidates` is exact (earliest times before,
 * latest times after the new stop), so the cheapest screened position is the answer.
 */
function exactSingleInsertion(ctx: RoutingContext, sol: RoutingSolution, request: number, vehicle: number, route: Route): Insertion | null {
  const node = ctx.problem.requests[request]!.nodes[0];
  const candidates = singleCandidates(ctx, route, node);
  let best: Candidate | undefined;
  for (const c of candidates) if (!best || c.delta < best.delta) best = c;
  if (!best) return null;
  const seq = route.seq.slice();
  seq.splice(best.i, 0, node);
  const fixed = route.seq.length === 0 ? ctx.problem.vehicles[vehicle]!.fixedCost ?? 0 : 0;
  if (!ctx.problem.balanceWeight) return { request, vehicle, delta: best.delta + fixed, seq };
  const schedule = scheduleRoute(ctx, vehicle, seq);
  if (!schedule) return null; // cannot happen when the screen is exact; kept as a guard
  return { request, vehicle, delta: best.delta + fixed + spreadChange(sol, new Map([[vehicle, schedule]])), seq, schedule };
}

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
  const { locs, svc, earliest } = route;
  // A visit's load stays on board to the end of the route: it must fit after every later stop.
  const positive = n.load.some((x) => x > 0);
  const suffixFits = new Uint8Array(m + 2).fill(1);
  if (positive) {
    for (let k = m; k >= 0; k--) suffixFits[k] = suffixFits[k + 1]! && loadFits(ctx, route, k, n.load, v.capacity) ? 1 : 0;
  }
  const out: Candidate[] = [];
  for (let i = 0; i <= m; i++) {
    if (!suffixFits[i]) continue;
    const a = locs[i]!;
    const b = locs[i + 1]!;
    const arrive = route.startMin[i]! + svc[i]! + time[a * nLoc + n.loc]!;
    const start = Math.max(arrive, n.earliestMin);
    if (start > n.latestMin + EPS) break; // later positions only arrive later
    const next = Math.max(start + n.serviceMin + time[n.loc * nLoc + b]!, earliest[i + 1]!);
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
  const { locs, svc, earliest } = route;
  const out: Candidate[] = [];
  for (let i = 0; i <= m; i++) {
    if (!loadFits(ctx, route, i, p.load, v.capacity)) continue;
    const a = locs[i]!;
    const b = locs[i + 1]!;
    const tp = Math.max(route.startMin[i]! + svc[i]! + time[a * nLoc + p.loc]!, p.earliestMin);
    if (tp > p.latestMin + EPS) break;
    // Drop-off right after the pick-up.
    {
      const tq = Math.max(tp + p.serviceMin + time[p.loc * nLoc + q.loc]!, q.earliestMin);
      const next = Math.max(tq + q.serviceMin + time[q.loc * nLoc + b]!, earliest[i + 1]!);
      if (tq <= q.latestMin + EPS && next <= route.latestMin[i + 1]! + EPS && time[p.loc * nLoc + q.loc]! <= maxRideMin + EPS) {
        out.push({ i, j: i, delta: cost[a * nLoc + p.loc]! + cost[p.loc * nLoc + q.loc]! + cost[q.loc * nLoc + b]! - cost[a * nLoc + b]! });
      }
    }
    const afterP = Math.max(tp + p.serviceMin + time[p.loc * nLoc + b]!, earliest[i + 1]!);
    if (afterP > route.latestMin[i + 1]! + EPS) continue;
    const deltaP = cost[a * nLoc + p.loc]! + cost[p.loc * nLoc + b]! - cost[a * nLoc + b]!;
    for (let j = i + 1; j <= m; j++) {
      if (!loadFits(ctx, route, j, p.load, v.capacity)) break; // the passenger would be on board here
      const c = locs[j]!;
      const d = locs[j + 1]!;
      const rideLowerBound = time[p.loc * nLoc + b]! + route.cumMin[j]! - route.cumMin[i + 1]! + svc[j]! + time[c * nLoc + q.loc]!;
      if (rideLowerBound > maxRideMin + EPS) break;
      const tq = Math.max(route.startMin[j]! + svc[j]! + time[c * nLoc + q.loc]!, q.earliestMin);
      if (tq > q.latestMin + EPS) break;
      const next = Math.max(tq + q.serviceMin + time[q.loc * nLoc + d]!, earliest[j + 1]!);
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
  const seenEmpty = new Uint8Array(sol.routes.length);
  const kinds = sol.ctx.vehicleKind;
  for (let v = 0; v < sol.routes.length; v++) {
    if (sol.routes[v]!.unusable) continue;
    if (sol.routes[v]!.seq.length > 0) out.push(v);
    else if (allowEmpty && !seenEmpty[kinds[v]!]) {
      // Identical empty vehicles give identical insertions: try one of each kind.
      seenEmpty[kinds[v]!] = 1;
      out.push(v);
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
  const nVehicles = sol.routes.length;
  // cache[r][v]: undefined = not computed, null = no feasible place.
  const cache = new Map<number, Array<Insertion | null | undefined>>();
  for (const r of requests) cache.set(r, new Array(nVehicles));
  const balancing = Boolean(sol.ctx.problem.balanceWeight);
  const deltas: number[] = [];
  while (pending.size > 0) {
    const vehicles = candidateVehicles(sol);
    let chosen: Insertion | null = null;
    let chosenScore = -Infinity;
    const hopeless: number[] = [];
    for (const r of pending) {
      const perRoute = cache.get(r)!;
      deltas.length = 0;
      let best: Insertion | null = null;
      for (const v of vehicles) {
        let ins = perRoute[v];
        if (ins === undefined) ins = perRoute[v] = bestInsertion(sol.ctx, sol, r, v);
        if (!ins) continue;
        deltas.push(ins.delta);
        if (!best || ins.delta < best.delta) best = ins;
      }
      if (!best) { hopeless.push(r); continue; }
      let score: number;
      if (k > 1) {
        deltas.sort((a, b) => a - b);
        let regret = 0;
        for (let x = 1; x < k; x++) regret += (deltas[x] ?? 1e9) - deltas[0]!;
        score = regret - best.delta * 1e-6;
      } else score = -best.delta;
      if (noise && rng) score += (rng.next() - 0.5) * noise;
      if (score > chosenScore) { chosenScore = score; chosen = best; }
    }
    for (const r of hopeless) pending.delete(r);
    if (!chosen) break;
    sol.setRoute(chosen.vehicle, chosen.seq, chosen.schedule);
    pending.delete(chosen.request);
    // The workload-spread term depends on every route, so balancing invalidates all cached insertions.
    for (const r of pending) {
      const perRoute = cache.get(r)!;
      if (balancing) perRoute.fill(undefined);
      else perRoute[chosen.vehicle] = undefined;
    }
  }
}
