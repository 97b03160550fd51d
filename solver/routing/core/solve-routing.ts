import { createRng, type Rng } from '../../model/rng.ts';
import type { ProgressEvent } from '../../model/options.ts';
import { regretInsertion, sequentialInsertion } from './insertion.ts';
import { localSearch } from './local-search.ts';
import { randomRuin, relatedRuin, routeRuin, stringRuin, worstRuin, type RuinOperator } from './ruin.ts';
import { createRoutingContext, type RoutingContext } from './routing-context.ts';
import type { RoutingProblem } from './routing-problem.ts';
import { RoutingSolution } from './routing-solution.ts';
import { latestSchedule, scheduleRoute } from './schedule-route.ts';

/** Options of the routing metaheuristic. */
export interface RoutingSolveOptions {
  /** Wall-clock limit in ms; needs `now`. */
  timeLimitMs?: number;
  /** Iteration budget; with a fixed budget and seed the answer is deterministic. Default 2000 when there is no time limit. */
  maxIterations?: number;
  /** Default 1. */
  seed?: number;
  /** A clock in ms supplied by the caller (the solver never reads the wall clock). */
  now?: () => number;
  onProgress?: (event: ProgressEvent) => void;
  /** Hierarchical objective: fewest vehicles first, then cost (VRPTW benchmark convention). */
  minimiseVehicles?: boolean;
  /** Share of the budget spent removing vehicles when `minimiseVehicles` (default 0.5). */
  vehiclePhaseShare?: number;
}

/** A route in the answer: the vehicle, its stops (node indices) and service starts. */
export interface SolvedRoute {
  vehicle: number;
  nodes: number[];
  /** Augmented: [leave start, each stop's service start…, reach end]. */
  startMin: number[];
  cost: number;
}

export interface RoutingResult {
  routes: SolvedRoute[];
  /** Requests no vehicle could serve (indices into `problem.requests`). */
  unassigned: number[];
  /** Travel (and fixed) cost of the routes, without penalties. */
  cost: number;
  objective: number;
  vehicles: number;
  stats: { iterations: number; improvements: number; elapsedMs?: number; timedOut: boolean; seed: number };
}

const RUINS: RuinOperator[] = [relatedRuin, stringRuin, randomRuin, worstRuin, routeRuin];
const RUIN_WEIGHTS = [3, 4, 1, 1, 0.3];

/**
 * Solves a routing problem with large neighbourhood search: regret insertion builds a
 * first plan; each iteration ruins part of it (related, string, random, worst or route
 * removal) and recreates it by cheapest/regret insertion, accepting by simulated
 * annealing; new best plans are polished by local search (relocate, swap, 2-opt*).
 * Anytime: stops at the time limit or iteration budget and returns the best plan.
 *
 * @example
 * const result = solveRouting(problem, { maxIterations: 500, seed: 7 });
 * result.unassigned; // requests nobody could serve
 */
export function solveRouting(problem: RoutingProblem, options: RoutingSolveOptions = {}): RoutingResult {
  const ctx = createRoutingContext(problem);
  const seed = options.seed ?? 1;
  const rng = createRng(seed);
  const now = options.now;
  const t0 = now?.() ?? 0;
  const timeLimitMs = now ? options.timeLimitMs : undefined;
  const maxIterations = options.maxIterations ?? (timeLimitMs === undefined ? 2000 : Infinity);
  const elapsed = (): number => (now ? now() - t0 : 0);
  const fractionAt = (iteration: number): number =>
    Math.min(1, Math.max(Number.isFinite(maxIterations) ? iteration / maxIterations : 0, timeLimitMs ? elapsed() / timeLimitMs : 0));

  const all = problem.requests.map((_, r) => r);
  let current = new RoutingSolution(ctx);
  regretInsertion(current, sortedByWindow(ctx, all), 2);
  localSearch(current);
  let best = current.clone();
  const report = (phase: ProgressEvent['phase'], iteration: number): void =>
    options.onProgress?.({ phase, iteration, bestSoft: best.objective(), bestHard: best.unassigned().length, elapsedMs: now ? elapsed() : undefined, fraction: fractionAt(iteration) });
  report('construct', 0);

  const n = problem.requests.length;
  const avgArc = best.travelCost() / Math.max(1, n + best.usedRoutes());
  const tempStart = 0.5 * avgArc;
  const tempEnd = 0.005 * avgArc;
  let iteration = 0;
  let improvements = 0;
  let timedOut = false;
  const phaseShare = options.minimiseVehicles ? options.vehiclePhaseShare ?? 0.5 : 0;
  let phase: 'vehicles' | 'cost' = phaseShare > 0 ? 'vehicles' : 'cost';
  let phaseStart = 0;
  const vehicleBound = capacityVehicleBound(ctx);
  if (phase === 'vehicles') current = dropSmallestRoute(best);

  for (;;) {
    const fraction = fractionAt(iteration);
    if (fraction >= 1 || iteration >= maxIterations) { timedOut = timeLimitMs !== undefined && fraction >= 1; break; }
    if (phase === 'vehicles' && (fraction >= phaseShare || (best.unassigned().length === 0 && best.usedRoutes() <= vehicleBound))) {
      phase = 'cost';
      phaseStart = fraction;
      current = best.clone();
      current.maxRoutes = best.usedRoutes();
    }
    iteration++;
    const candidate = current.clone();
    const count = removalCount(rng, n);
    const ruin = pickWeighted(rng, RUINS, RUIN_WEIGHTS);
    const bankNow = candidate.unassigned();
    if (phase === 'vehicles' && bankNow.length > 0 && rng.next() < 0.5) {
      // Make room where the bank's requests want to go: remove the served requests near one of them.
      candidate.remove(nearRequest(candidate, bankNow[rng.int(bankNow.length)]!, count, rng));
    } else candidate.remove(ruin.select(candidate, count, rng));
    const bank = shuffle(rng, candidate.unassigned());
    if (rng.next() < 0.3) regretInsertion(candidate, bank, 2, rng, 0.1 * avgArc);
    else sequentialInsertion(candidate, rng.next() < 0.5 ? bank : sortedByWindow(ctx, bank));

    // Annealing within the current phase: hot at its start, cold at its end.
    const span = phase === 'vehicles' ? phaseShare : 1 - phaseStart;
    const local = Math.min(1, Math.max(0, (fraction - (phase === 'vehicles' ? 0 : phaseStart)) / Math.max(span, 1e-9)));
    const temperature = tempStart * (tempEnd / tempStart) ** local;
    const candidateObjective = candidate.objective();
    const currentObjective = current.objective();
    if (candidateObjective < currentObjective - 1e-9 || rng.next() < Math.exp((currentObjective - candidateObjective) / temperature)) {
      current = candidate;
    }
    if (phase === 'vehicles') {
      if (current.unassigned().length === 0 && current.usedRoutes() < best.usedRoutes()) {
        localSearch(current);
        best = current.clone();
        best.maxRoutes = Infinity;
        improvements++;
        report('improve', iteration);
        current = dropSmallestRoute(best);
      }
    } else if (isBetter(candidate, best)) {
      localSearch(candidate);
      best = candidate.clone();
      if (current === candidate) current = candidate.clone();
      improvements++;
      report('improve', iteration);
    }
    if (iteration % 200 === 0) report('improve', iteration);
  }
  report('done', iteration);
  return toResult(best, { iterations: iteration, improvements, elapsedMs: now ? elapsed() : undefined, timedOut, seed });
}

/**
 * Keeps routes as they are and fits other requests in: each vehicle starts with `keep`'s stops
 * (in that order; a route that is no longer feasible is emptied and its requests fitted in
 * again), then the requests in `insert` go where they cost least (regret insertion). No search
 * moves the kept stops: what an edit did not touch stays where it was.
 */
export function repairRouting(problem: RoutingProblem, keep: ReadonlyMap<number, readonly number[]>, insert: readonly number[]): RoutingResult {
  const ctx = createRoutingContext(problem);
  const sol = new RoutingSolution(ctx);
  const pending = new Set(insert);
  for (const [vehicle, seq] of keep) {
    if (seq.length === 0 || sol.routes[vehicle]!.unusable) continue;
    if (scheduleRoute(ctx, vehicle, seq)) sol.setRoute(vehicle, [...seq]);
    else for (const node of seq) pending.add(problem.nodes[node]!.request);
  }
  const kept = new Set<number>();
  for (let r = 0; r < sol.routeOf.length; r++) if (sol.routeOf[r]! >= 0) kept.add(r);
  // A request neither kept nor named is fitted in too (e.g. one the old plan could not serve).
  for (let r = 0; r < problem.requests.length; r++) if (!kept.has(r)) pending.add(r);
  regretInsertion(sol, sortedByWindow(ctx, [...pending]), 2);
  return toResult(sol, { iterations: 0, improvements: 0, timedOut: false, seed: 0 });
}

/** Better: fewer unserved requests, then a lower objective. */
function isBetter(a: RoutingSolution, b: RoutingSolution): boolean {
  const ua = a.unassigned().length;
  const ub = b.unassigned().length;
  if (ua !== ub) return ua < ub;
  return a.objective() < b.objective() - 1e-9;
}

/** Vehicle minimisation: empty the smallest route and forbid using as many routes again. */
function dropSmallestRoute(sol: RoutingSolution): RoutingSolution {
  const trial = sol.clone();
  const used = trial.routes.filter((r) => r.seq.length > 0).sort((a, b) => a.seq.length - b.seq.length || a.vehicle - b.vehicle);
  const smallest = used[0];
  if (!smallest || used.length <= 1) return trial;
  trial.remove([...new Set(smallest.seq.map((node) => trial.ctx.problem.nodes[node]!.request))]);
  trial.maxRoutes = used.length - 1;
  return trial;
}

/** Served requests near a given (unserved) one, nearest favoured. */
function nearRequest(sol: RoutingSolution, request: number, count: number, rng: Rng): number[] {
  const near = Array.from(sol.ctx.neighbours[request]!).filter((r) => sol.routeOf[r]! >= 0);
  const out: number[] = [];
  while (out.length < count && near.length > 0) out.push(near.splice(Math.floor(rng.next() ** 2 * near.length), 1)[0]!);
  return out;
}

/**
 * A lower bound on the vehicles needed: total load over the largest capacity, per dimension
 * (visits only: their load stays on board). Reaching it ends the vehicle-removal phase.
 */
function capacityVehicleBound(ctx: RoutingContext): number {
  if (ctx.hasPairs) return 1;
  let bound = 1;
  for (let d = 0; d < ctx.dims; d++) {
    const total = ctx.problem.nodes.reduce((sum, n) => sum + Math.max(0, n.load[d] ?? 0), 0);
    const largest = Math.max(...ctx.problem.vehicles.map((v) => v.capacity[d] ?? Infinity));
    if (largest > 0 && Number.isFinite(largest)) bound = Math.max(bound, Math.ceil(total / largest - 1e-9));
  }
  return bound;
}

function removalCount(rng: Rng, n: number): number {
  const lo = Math.min(n, 3);
  const hi = Math.max(lo, Math.min(40, Math.ceil(0.25 * n)));
  return lo + rng.int(hi - lo + 1);
}

function pickWeighted<T>(rng: Rng, items: T[], weights: number[]): T {
  const total = weights.reduce((a, b) => a + b, 0);
  let x = rng.next() * total;
  for (let i = 0; i < items.length; i++) {
    x -= weights[i]!;
    if (x < 0) return items[i]!;
  }
  return items[items.length - 1]!;
}

function shuffle<T>(rng: Rng, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** Tightest windows first: they have the fewest places to go. */
function sortedByWindow(ctx: RoutingContext, requests: number[]): number[] {
  const width = (r: number): number => Math.min(...ctx.problem.requests[r]!.nodes.map((node) => ctx.problem.nodes[node]!.latestMin - ctx.problem.nodes[node]!.earliestMin));
  return requests.map((r) => [width(r), r] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map((x) => x[1]);
}

function toResult(sol: RoutingSolution, stats: RoutingResult['stats']): RoutingResult {
  return {
    routes: sol.routes.filter((r) => r.seq.length > 0).map((r) => ({
      vehicle: r.vehicle,
      nodes: r.seq.slice(),
      startMin: sol.ctx.problem.reportSchedule === 'latest' ? latestSchedule(sol.ctx, r.vehicle, r.seq) ?? r.startMin.slice() : r.startMin.slice(),
      cost: r.travelCost,
    })),
    unassigned: sol.unassigned(),
    cost: sol.travelCost(),
    objective: sol.objective(),
    vehicles: sol.usedRoutes(),
    stats,
  };
}
