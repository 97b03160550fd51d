import { capacityFeasible } from './capacity-feasible.ts';
import type { RoutingContext } from './routing-context.ts';

const EPS = 1e-7;

/**
 * Time feasibility of one route — windows, the vehicle's shift, maximum ride times,
 * maximum route duration, limits on waiting aboard — on top of the capacity check it wraps.
 * Returns the earliest feasible service-start times (start depot, each stop, end depot), or null.
 *
 * The constraints form a system of difference constraints; starting from the windows'
 * opening times, we push times forward (travel) and pick-ups later (a pick-up may not be
 * so early that the passenger rides too long) until nothing moves: the least fixed point
 * is the earliest schedule, and it exists iff no time passes its window's closing.
 */
export function scheduleRoute(ctx: RoutingContext, vehicle: number, seq: readonly number[]): number[] | null {
  if (!capacityFeasible(ctx.problem, vehicle, seq)) return null;
  return timeWindowSchedule(ctx, vehicle, seq);
}

// Scratch buffers reused across calls: this check runs millions of times per solve.
let scratchSize = 0;
let loc = new Int32Array(0);
let svc = new Float64Array(0);
let lower = new Float64Array(0);
let upper = new Float64Array(0);
let t = new Float64Array(0);
let pairs = new Float64Array(0);
let pickUpAt = new Int32Array(0);

function ensureScratch(size: number, requests: number): void {
  if (size > scratchSize) {
    scratchSize = Math.max(size, 2 * scratchSize);
    loc = new Int32Array(scratchSize);
    svc = new Float64Array(scratchSize);
    lower = new Float64Array(scratchSize);
    upper = new Float64Array(scratchSize);
    t = new Float64Array(scratchSize);
    pairs = new Float64Array(6 * scratchSize); // ride limits (≤ size / 2) and wait limits (≤ size)
  }
  if (requests > pickUpAt.length) pickUpAt = new Int32Array(requests).fill(-1);
}

/** The time part alone (callers that already know capacity holds use `scheduleRoute`). */
function timeWindowSchedule(ctx: RoutingContext, vehicle: number, seq: readonly number[]): number[] | null {
  const { problem, nLoc, time } = ctx;
  const v = problem.vehicles[vehicle]!;
  const m = seq.length;
  const size = m + 2;
  ensureScratch(size, problem.requests.length);
  loc[0] = v.startLoc;
  svc[0] = 0;
  lower[0] = v.earliestStartMin;
  upper[0] = v.latestEndMin;
  loc[size - 1] = v.endLoc;
  svc[size - 1] = 0;
  lower[size - 1] = v.earliestStartMin;
  upper[size - 1] = v.latestEndMin;
  // Pairs as (pick-up position, drop-off position, allowed gap between their starts).
  let pairCount = 0;
  let open = 0;
  let ok = true;
  for (let k = 0; k < m; k++) {
    const node = problem.nodes[seq[k]!]!;
    loc[k + 1] = node.loc;
    svc[k + 1] = node.serviceMin;
    lower[k + 1] = node.earliestMin;
    upper[k + 1] = node.latestMin;
    const request = problem.requests[node.request]!;
    if (request.nodes.length === 2) {
      if (request.nodes[0] === seq[k]) {
        pickUpAt[node.request] = k + 1;
        open++;
      } else {
        const pickUp = pickUpAt[node.request]!;
        if (pickUp < 0) { ok = false; continue; } // drop-off before (or without) its pick-up
        pickUpAt[node.request] = -1;
        open--;
        if (request.maxRideMin !== undefined) {
          pairs[3 * pairCount] = pickUp;
          pairs[3 * pairCount + 1] = k + 1;
          pairs[3 * pairCount + 2] = request.maxRideMin + svc[pickUp]!;
          pairCount++;
        }
      }
    }
  }
  if (open !== 0) {
    // A pick-up without its drop-off: reset the markers it left behind.
    for (const node of seq) pickUpAt[problem.nodes[node]!.request] = -1;
    return null;
  }
  if (!ok) return null;
  if (ctx.hasWaitLimits) {
    forEachWaitLimit(ctx, seq, loc, svc, (a, b, gap) => {
      pairs[3 * pairCount] = a;
      pairs[3 * pairCount + 1] = b;
      pairs[3 * pairCount + 2] = gap;
      pairCount++;
    });
  }
  const maxDuration = v.maxDurationMin;
  for (let round = 0; round <= size + 1; round++) {
    t[0] = lower[0]!;
    if (t[0]! > upper[0]! + EPS) return null;
    for (let k = 1; k < size; k++) {
      const arrive = t[k - 1]! + svc[k - 1]! + time[loc[k - 1]! * nLoc + loc[k]!]!;
      const start = arrive > lower[k]! ? arrive : lower[k]!;
      if (start > upper[k]! + EPS) return null;
      t[k] = start;
    }
    let changed = false;
    for (let p = 0; p < pairCount; p++) {
      const a = pairs[3 * p]!;
      const need = t[pairs[3 * p + 1]!]! - pairs[3 * p + 2]!;
      if (t[a]! < need - EPS) {
        lower[a] = need;
        changed = true;
      }
    }
    if (maxDuration !== undefined && t[0]! < t[size - 1]! - maxDuration - EPS) {
      lower[0] = t[size - 1]! - maxDuration;
      changed = true;
    }
    if (!changed) return Array.from(t.subarray(0, size));
  }
  return null; // still moving after |route| rounds: the constraints contradict each other
}

/**
 * The route's limits on waiting aboard (`RoutingNode.maxWaitAboardMin`) as difference constraints
 * t[b] − t[a] ≤ gap between augmented positions, like a ride limit: a drop-off starts no later than
 * its limit after the earliest the vehicle could be there from the last stop elsewhere (a), a
 * pick-up's vehicle reaches the next place (b) no later than its limit after the earliest it could
 * from the pick-up. The gap is the drive and service between them plus the limit, so only idle
 * minutes count. `locs` and `svc` hold the augmented route (start, stops, end).
 */
function forEachWaitLimit(ctx: RoutingContext, seq: readonly number[], locs: ArrayLike<number>, svc: ArrayLike<number>, add: (a: number, b: number, gap: number) => void): void {
  const { problem, nLoc, time } = ctx;
  const size = seq.length + 2;
  const leg = (x: number): number => svc[x]! + time[locs[x]! * nLoc + locs[x + 1]!]!;
  for (let k = 1; k < size - 1; k++) {
    const node = problem.nodes[seq[k - 1]!]!;
    const limit = node.maxWaitAboardMin;
    if (limit === undefined) continue;
    let gap = limit;
    if (problem.requests[node.request]!.nodes[0] === seq[k - 1] && problem.requests[node.request]!.nodes.length === 2) {
      let b = k;
      do gap += leg(b++); while (b < size - 1 && locs[b] === locs[k]);
      add(k, b, gap);
    } else {
      let a = k;
      do gap += leg(--a); while (a > 0 && locs[a] === locs[k]);
      add(a, k, gap);
    }
  }
}

/** Objective cost of a route: travel plus the vehicle's fixed cost (0 for an empty route: the vehicle stays home). */
export function routeCost(ctx: RoutingContext, vehicle: number, seq: readonly number[]): number {
  if (seq.length === 0) return 0;
  const v = ctx.problem.vehicles[vehicle]!;
  let prev = v.startLoc;
  let total = 0;
  for (const node of seq) {
    const loc = ctx.problem.nodes[node]!.loc;
    total += ctx.cost[prev * ctx.nLoc + loc]!;
    prev = loc;
  }
  return total + ctx.cost[prev * ctx.nLoc + v.endLoc]! + (v.fixedCost ?? 0);
}

/**
 * The latest feasible schedule of a route known to be feasible (the mirror image of the
 * earliest one): every stop as late as the windows, ride limits and duration allow. For
 * morning runs this means later pick-ups and less waiting at the destination. Falls back to
 * the earliest schedule if the route is not feasible.
 */
export function latestSchedule(ctx: RoutingContext, vehicle: number, seq: readonly number[], earliestKnown?: readonly number[]): number[] | null {
  const earliest = earliestKnown ?? scheduleRoute(ctx, vehicle, seq);
  if (!earliest) return null;
  const { problem, nLoc, time } = ctx;
  const v = problem.vehicles[vehicle]!;
  const size = seq.length + 2;
  const locs = new Int32Array(size);
  const svc = new Float64Array(size);
  const upper = new Float64Array(size);
  locs[0] = v.startLoc;
  upper[0] = v.latestEndMin;
  locs[size - 1] = v.endLoc;
  upper[size - 1] = v.latestEndMin;
  const pairs: number[] = [];
  const pickUpAtLocal = new Map<number, number>();
  for (let k = 0; k < seq.length; k++) {
    const node = problem.nodes[seq[k]!]!;
    locs[k + 1] = node.loc;
    svc[k + 1] = node.serviceMin;
    upper[k + 1] = node.latestMin;
    const request = problem.requests[node.request]!;
    if (request.nodes.length === 2) {
      if (request.nodes[0] === seq[k]) pickUpAtLocal.set(node.request, k + 1);
      else if (request.maxRideMin !== undefined) pairs.push(pickUpAtLocal.get(node.request)!, k + 1, request.maxRideMin + svc[pickUpAtLocal.get(node.request)!]!);
    }
  }
  if (ctx.hasWaitLimits) forEachWaitLimit(ctx, seq, locs, svc, (a, b, gap) => pairs.push(a, b, gap));
  const t = new Float64Array(size);
  for (let round = 0; round <= size + 1; round++) {
    t[size - 1] = upper[size - 1]!;
    for (let k = size - 2; k >= 0; k--) {
      const leaveBy = t[k + 1]! - svc[k]! - time[locs[k]! * nLoc + locs[k + 1]!]!;
      t[k] = leaveBy < upper[k]! ? leaveBy : upper[k]!;
      if (t[k]! < earliest[k]! - EPS) return earliest.slice();
    }
    let changed = false;
    for (let p = 0; p < pairs.length; p += 3) {
      const allowed = t[pairs[p]!]! + pairs[p + 2]!; // the drop-off may start no later than this
      const b = pairs[p + 1]!;
      if (t[b]! > allowed + EPS) { upper[b] = allowed; changed = true; }
    }
    if (v.maxDurationMin !== undefined && t[size - 1]! > t[0]! + v.maxDurationMin + EPS) {
      upper[size - 1] = t[0]! + v.maxDurationMin;
      changed = true;
    }
    if (!changed) {
      // Arrive at the end as soon as the last stop is done: waiting there helps nobody.
      const last = size - 2;
      t[size - 1] = Math.max(earliest[size - 1]!, t[last]! + svc[last]! + time[locs[last]! * nLoc + locs[size - 1]!]!);
      return Array.from(t);
    }
  }
  return earliest.slice();
}
