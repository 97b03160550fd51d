import type { RoutingProblem } from './routing-problem.ts';

/**
 * Precomputed arc tables for one problem (travel minutes and objective cost between
 * locations), so the hot loops of insertion and local search avoid interface calls.
 */
export interface RoutingContext {
  problem: RoutingProblem;
  nLoc: number;
  /** travelMin between locations, row-major. */
  time: Float64Array;
  /** Objective cost between locations, row-major. */
  cost: Float64Array;
  /** Number of capacity dimensions. */
  dims: number;
  /** Default cost of an unserved request. */
  unassignedPenalty: number;
  /** True when some request is a pick-up/drop-off pair (ride times, precedence). */
  hasPairs: boolean;
  /** For each request, other requests ordered by distance (nearest first), for related removal and moves. */
  neighbours: Int32Array[];
  /**
   * True when windows, shifts and capacity are the only constraints (no pairs, no maximum
   * duration): then the insertion screen is exact and needs no confirming schedule check.
   */
  windowsOnly: boolean;
  /** True when some node limits the wait with its passenger aboard (`maxWaitAboardMin`). */
  hasWaitLimits: boolean;
  /** Vehicles with equal kind numbers are interchangeable (same ends, shift, capacity, costs). */
  vehicleKind: Int32Array;
}

/**
 * Builds the context once per solve: arc tables from the travel provider, capacity
 * dimensions, vehicle kinds and each request's nearest requests.
 */
export function createRoutingContext(problem: RoutingProblem, neighbourCount = 40): RoutingContext {
  const nLoc = problem.travel.size;
  const time = new Float64Array(nLoc * nLoc);
  const cost = new Float64Array(nLoc * nLoc);
  const perMin = problem.costPerMin ?? 1;
  const perKm = problem.costPerKm ?? 0;
  for (let i = 0; i < nLoc; i++) {
    for (let j = 0; j < nLoc; j++) {
      const minutes = problem.travel.travelMin(i, j);
      time[i * nLoc + j] = minutes;
      cost[i * nLoc + j] = perMin * minutes + (perKm ? perKm * problem.travel.distanceKm(i, j) : 0);
    }
  }
  const dims = problem.vehicles.reduce((max, v) => Math.max(max, v.capacity.length), 0);
  const hasPairs = problem.requests.some((r) => r.nodes.length === 2);
  const hasWaitLimits = problem.nodes.some((n) => n.maxWaitAboardMin !== undefined);
  const ctx: RoutingContext = {
    problem, nLoc, time, cost, dims,
    unassignedPenalty: problem.unassignedPenalty ?? 1e6,
    hasPairs,
    hasWaitLimits,
    neighbours: [],
    vehicleKind: vehicleKinds(problem),
    windowsOnly: !hasPairs && !hasWaitLimits && problem.vehicles.every((v) => v.maxDurationMin === undefined),
  };
  ctx.neighbours = problem.requests.map((_, r) => nearestRequests(ctx, r, neighbourCount));
  return ctx;
}

/** Distance between two requests: their first stops plus their last stops. */
export function requestDistance(ctx: RoutingContext, a: number, b: number): number {
  const { nodes, requests } = ctx.problem;
  const ra = requests[a]!.nodes;
  const rb = requests[b]!.nodes;
  const first = ctx.cost[nodes[ra[0]]!.loc * ctx.nLoc + nodes[rb[0]]!.loc]!;
  const last = ctx.cost[nodes[ra[ra.length - 1]!]!.loc * ctx.nLoc + nodes[rb[rb.length - 1]!]!.loc]!;
  return first + last;
}

function nearestRequests(ctx: RoutingContext, r: number, count: number): Int32Array {
  const others: Array<[number, number]> = [];
  for (let o = 0; o < ctx.problem.requests.length; o++) if (o !== r) others.push([requestDistance(ctx, r, o), o]);
  others.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  return Int32Array.from(others.slice(0, count).map((x) => x[1]));
}

function vehicleKinds(problem: RoutingProblem): Int32Array {
  const ids = new Map<string, number>();
  return Int32Array.from(problem.vehicles.map((w) => {
    const key = `${w.startLoc}|${w.endLoc}|${w.earliestStartMin}|${w.latestEndMin}|${w.capacity.join(',')}|${w.maxDurationMin}|${w.fixedCost}`;
    if (!ids.has(key)) ids.set(key, ids.size);
    return ids.get(key)!;
  }));
}
