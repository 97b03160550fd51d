import type { RoutingContext } from './routing-context.ts';
import { latestSchedule, routeCost, scheduleRoute } from './schedule-route.ts';

/**
 * One vehicle's route with cached facts used by insertion: the schedule, latest feasible
 * start times ignoring ride limits, load after each stop, and cumulative travel+service.
 * Positions are "augmented": 0 = start depot, 1..m = stops, m+1 = end depot.
 */
export interface Route {
  vehicle: number;
  seq: number[];
  /** Travel and fixed cost. */
  travelCost: number;
  /** `travelCost` plus the ride-time term: what the objective counts. */
  cost: number;
  /** Earliest feasible start at each augmented position. */
  startMin: number[];
  /** Latest start at each augmented position that keeps the rest of the route on time (windows only). */
  latestMin: Float64Array;
  /** Load after each augmented position, `dims` values per position. */
  loadAfter: Float64Array;
  /** cumMin[k] = Σ_{x<k} (service_x + travel_x→x+1). */
  cumMin: Float64Array;
  /** Per augmented position: location, service minutes, window opening. */
  locs: Int32Array;
  svc: Float64Array;
  earliest: Float64Array;
  /** Set when the vehicle cannot run at all (its empty route breaks its shift). */
  unusable?: boolean;
}

/** A routing plan in progress: one route per vehicle and the requests not (yet) served. */
export class RoutingSolution {
  routes: Route[];
  /** Vehicle serving each request, −1 if unassigned. */
  routeOf: Int32Array;
  /** At most this many non-empty routes (vehicle minimisation); Infinity = no limit. */
  maxRoutes = Infinity;

  constructor(readonly ctx: RoutingContext, routes?: Route[], routeOf?: Int32Array) {
    this.routes = routes ?? ctx.problem.vehicles.map((_, v) => buildRoute(ctx, v, []) ?? unusableRoute(v));
    this.routeOf = routeOf ?? new Int32Array(ctx.problem.requests.length).fill(-1);
  }

  clone(): RoutingSolution {
    const copy = new RoutingSolution(this.ctx, this.routes.map((r) => ({ ...r, seq: r.seq.slice() })), this.routeOf.slice());
    copy.maxRoutes = this.maxRoutes;
    return copy;
  }

  unassigned(): number[] {
    const out: number[] = [];
    for (let r = 0; r < this.routeOf.length; r++) if (this.routeOf[r] === -1) out.push(r);
    return out;
  }

  usedRoutes(): number {
    let used = 0;
    for (const route of this.routes) if (route.seq.length > 0) used++;
    return used;
  }

  travelCost(): number {
    let total = 0;
    for (const route of this.routes) total += route.travelCost;
    return total;
  }

  /** The objective: travel and fixed costs, ride times, unserved penalties, workload spread. */
  objective(): number {
    const { problem } = this.ctx;
    let total = 0;
    for (const route of this.routes) total += route.cost;
    for (let r = 0; r < this.routeOf.length; r++) {
      if (this.routeOf[r] === -1) total += problem.requests[r]!.unassignedPenalty ?? this.ctx.unassignedPenalty;
    }
    if (problem.balanceWeight) {
      let lo = Infinity;
      let hi = -Infinity;
      for (const route of this.routes) {
        if (route.unusable) continue;
        if (route.seq.length === 0) { lo = 0; continue; } // an idle vehicle (worker) has no load at all
        const span = route.startMin[route.startMin.length - 1]! - route.startMin[0]!;
        lo = Math.min(lo, span);
        hi = Math.max(hi, span);
      }
      if (hi > lo) total += problem.balanceWeight * (hi - lo);
    }
    return total;
  }

  /** Replaces a route's stops (already known feasible) and its requests' bookkeeping. */
  setRoute(vehicle: number, seq: number[], schedule?: number[]): void {
    const route = buildRoute(this.ctx, vehicle, seq, schedule);
    if (!route) throw new Error(`internal: infeasible route set on vehicle ${vehicle}`);
    // Only requests still booked on this vehicle leave it (another route may have taken some already).
    for (const node of this.routes[vehicle]!.seq) {
      const r = this.ctx.problem.nodes[node]!.request;
      if (this.routeOf[r] === vehicle) this.routeOf[r] = -1;
    }
    for (const node of seq) this.routeOf[this.ctx.problem.nodes[node]!.request] = vehicle;
    this.routes[vehicle] = route;
  }

  /** Takes requests out of their routes (the remaining stops keep their order). */
  remove(requests: readonly number[]): void {
    const byVehicle = new Map<number, Set<number>>();
    for (const r of requests) {
      const v = this.routeOf[r]!;
      if (v < 0) continue;
      if (!byVehicle.has(v)) byVehicle.set(v, new Set());
      byVehicle.get(v)!.add(r);
    }
    const nodes = this.ctx.problem.nodes;
    for (const [v, gone] of byVehicle) {
      const seq = this.routes[v]!.seq.filter((node) => !gone.has(nodes[node]!.request));
      // Removing stops never breaks windows under the triangle inequality; if a matrix breaks
      // it, the schedule is recomputed and, failing that, the whole route is emptied.
      const schedule = scheduleRoute(this.ctx, v, seq);
      for (const r of gone) this.routeOf[r] = -1;
      if (schedule) this.setRoute(v, seq, schedule);
      else this.setRoute(v, []);
    }
  }
}

/** A vehicle whose shift cannot even get it from its start to its end: never offered work. */
function unusableRoute(vehicle: number): Route {
  return {
    vehicle, seq: [], travelCost: 0, cost: 0, startMin: [], latestMin: new Float64Array(0), loadAfter: new Float64Array(0),
    cumMin: new Float64Array(0), locs: new Int32Array(0), svc: new Float64Array(0), earliest: new Float64Array(0), unusable: true,
  };
}

/** Builds a route with its caches, or null if the stops are infeasible for the vehicle. */
export function buildRoute(ctx: RoutingContext, vehicle: number, seq: number[], schedule?: number[]): Route | null {
  const startMin = schedule ?? scheduleRoute(ctx, vehicle, seq);
  if (!startMin) return null;
  const { problem, nLoc, time, dims } = ctx;
  const v = problem.vehicles[vehicle]!;
  const size = seq.length + 2;
  const locs = new Int32Array(size);
  const svc = new Float64Array(size);
  const latestWindow = new Float64Array(size);
  const earliest = new Float64Array(size);
  earliest[0] = v.earliestStartMin;
  earliest[size - 1] = v.earliestStartMin;
  locs[0] = v.startLoc;
  latestWindow[0] = v.latestEndMin;
  locs[size - 1] = v.endLoc;
  latestWindow[size - 1] = v.latestEndMin;
  const loadAfter = new Float64Array(size * Math.max(dims, 1));
  for (let k = 0; k < seq.length; k++) {
    const node = problem.nodes[seq[k]!]!;
    locs[k + 1] = node.loc;
    svc[k + 1] = node.serviceMin;
    latestWindow[k + 1] = node.latestMin;
    earliest[k + 1] = node.earliestMin;
    for (let d = 0; d < dims; d++) loadAfter[(k + 1) * dims + d] = loadAfter[k * dims + d]! + (node.load[d] ?? 0);
  }
  const latestMin = new Float64Array(size);
  latestMin[size - 1] = latestWindow[size - 1]!;
  for (let k = size - 2; k >= 0; k--) {
    const bySuccessor = latestMin[k + 1]! - svc[k]! - time[locs[k]! * nLoc + locs[k + 1]!]!;
    latestMin[k] = Math.min(latestWindow[k]!, bySuccessor);
  }
  const cumMin = new Float64Array(size);
  for (let k = 1; k < size; k++) cumMin[k] = cumMin[k - 1]! + svc[k - 1]! + time[locs[k - 1]! * nLoc + locs[k]!]!;
  const travelCost = routeCost(ctx, vehicle, seq);
  // Ride minutes on the schedule the solve reports (the latest one, if so asked).
  const rideSchedule = problem.rideTimeWeight && problem.reportSchedule === 'latest' && seq.length > 0 ? latestSchedule(ctx, vehicle, seq, startMin) ?? startMin : startMin;
  const cost = problem.rideTimeWeight ? travelCost + problem.rideTimeWeight * totalRideMin(ctx, seq, rideSchedule) : travelCost;
  return { vehicle, seq, travelCost, cost, startMin, latestMin, loadAfter, cumMin, locs, svc, earliest };
}

/** Σ ride minutes of the route's pick-up/drop-off pairs under the given schedule. */
function totalRideMin(ctx: RoutingContext, seq: number[], startMin: number[]): number {
  const { nodes, requests } = ctx.problem;
  const boarded = new Map<number, number>();
  let total = 0;
  seq.forEach((node, k) => {
    const n = nodes[node]!;
    const req = requests[n.request]!;
    if (req.nodes.length !== 2) return;
    if (req.nodes[0] === node) boarded.set(n.request, startMin[k + 1]! + n.serviceMin);
    else total += startMin[k + 1]! - (boarded.get(n.request) ?? startMin[k + 1]!);
  });
  return total;
}

/**
 * Change of the objective's workload-spread term if some routes took new schedules
 * (`[]` for a route that becomes empty); 0 when the problem does not balance.
 */
export function spreadChange(sol: RoutingSolution, changes: Map<number, number[]>): number {
  const weight = sol.ctx.problem.balanceWeight;
  if (!weight) return 0;
  let loBefore = Infinity, hiBefore = -Infinity, loAfter = Infinity, hiAfter = -Infinity;
  const span = (t: readonly number[]): number => (t.length >= 2 ? t[t.length - 1]! - t[0]! : 0);
  for (const route of sol.routes) {
    if (route.unusable) continue;
    const before = route.seq.length ? span(route.startMin) : 0;
    const changed = changes.get(route.vehicle);
    const after = changed === undefined ? before : changed.length > 2 ? span(changed) : 0;
    loBefore = Math.min(loBefore, before); hiBefore = Math.max(hiBefore, before);
    loAfter = Math.min(loAfter, after); hiAfter = Math.max(hiAfter, after);
  }
  return weight * ((hiAfter - loAfter) - (hiBefore - loBefore));
}
