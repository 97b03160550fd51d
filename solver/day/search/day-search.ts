/**
 * The day search's shared parts, built once per planDay call: the compiled day, its bound and
 * stopping target, the clock, the decoder, the search state (what moves change), the cost of
 * a state (`evaluate`) and the best schedule over all runs (`best`, `noteIfBest`). The phases
 * (solver/day/phases) read and change it; nothing else holds search state.
 */
import type { DayProblem } from '../../model/day-problem.ts';
import type { PlanBound } from '../../model/day-plan.ts';
import { DEFAULT_WEIGHTS, type ObjectiveWeights, type SolveOptions } from '../../model/options.ts';
import { compileDayProblem, type CompiledDay } from '../compile/compile-day-problem.ts';
import { DayDecoder, type DecodeResult } from '../schedule/day-decoder.ts';
import { computeLowerBound, type LeastDrop } from '../bound/compute-lower-bound.ts';
import { dayLowerBound } from '../day-lower-bound.ts';
import { trackBestPlan, type BestPlanTracker } from '../best-plan-so-far.ts';
import type { DaySearchState } from './day-search-state.ts';
import { scheduleCost, scheduleDensity } from './schedule-cost.ts';
import { lastEndMin, TargetEnd } from './target-end.ts';

/** Share of a time limit the lower bound may take (its exact parts stop then; the bound stays valid). */
export const BOUND_SHARE_OF_LIMIT = 0.1;

/** Iterations when neither a budget nor a clock is given (keeps an unbounded call finite). */
export const DEFAULT_MAX_ITERATIONS = 5000;

/** How a priority list becomes a schedule. */
export interface DecodingScheme {
  name: string;
  /** < 0: serial (each activity in list order at its earliest slot); 0..1: parallel with this delta. */
  delta: number;
}

/**
 * Makespan days (open shop) switch between these; the parallel ones aim at a target end.
 * ICC days decode serially only. Tried: switching ICC days between forward and backward serial
 * decoding (reviews packed against the MDT first): at fixed budgets (icc-8 10k seeds 1-4,
 * icc-16 10k seeds 1-3, icc-32 5k seeds 1-2) the sum of soft scores went 52189 -> 52744.5
 * without rebuilding patients' days, and 51871.5 -> 55764.5 with it.
 */
export const DECODING_SCHEMES: readonly DecodingScheme[] = [
  { name: 'serial', delta: -1 },
  { name: 'parallel-non-delay', delta: 0 },
  { name: 'parallel-delta-0.2', delta: 0.2 },
  { name: 'parallel-delta-0.5', delta: 0.5 },
  { name: 'parallel-delta-0.8', delta: 0.8 },
  { name: 'parallel-active', delta: 1 },
];


/** The best schedule over all runs: its list, cost, decoding scheme and meal delays. */
export interface BestSchedule {
  order: Int32Array;
  cost: number;
  scheme: number;
  readonly mealDelayMin: Int32Array;
}

/** The clock as planDay sees it: absent for a fixed iteration budget. */
export interface SearchClock {
  now: () => number;
  startedMs: number;
  timeLimitMs: number;
}

export interface DaySearch {
  readonly problem: DayProblem;
  readonly options: SolveOptions;
  readonly seed: number;
  readonly weights: ObjectiveWeights;
  readonly day: CompiledDay;
  readonly bound: PlanBound;
  /** The one assessment the bound found cheapest to leave out, when something must go (compute-lower-bound.ts). */
  readonly leastDrop: LeastDrop | undefined;
  /** Stop once a plan costs this (the bound, or the caller's target if higher). */
  readonly target: number;
  /** An ICC day (no makespan objective): independent runs, ICC moves, compaction at the end. */
  readonly iccDay: boolean;
  /** The iteration budget; a timed ICC solve sets it once it has measured the machine (phases/timed-budget.ts). */
  maxIterations: number;
  /**
   * The clock: absent for a fixed iteration budget. On a budgeted timed solve, from when the
   * budget was set, for the time the plan was given (its safety stops are shares of this).
   */
  clock: SearchClock | undefined;
  /**
   * The phases follow the iteration budget (its schedule of runs, rebuild starts and polishes),
   * the clock, if any, only a safety stop: fixed budgets, and timed ICC solves once their
   * budget is set. Otherwise (timed open-shop days) the phases share the time limit.
   */
  budgeted: boolean;
  /** The budget was set from the time limit (the time limit, not a budget given, ended the search). */
  sizedByTime: boolean;
  /** When the caller started the clock (undefined without one); for progress events. */
  readonly startedMs: number | undefined;
  /** The forward decoder (its meal delays are the state's). */
  readonly decoder: DayDecoder;
  /** The schemes the search switches between (state.scheme indexes them). */
  readonly schemes: readonly DecodingScheme[];
  readonly state: DaySearchState;
  /** Lunch staggered across patients to start with (the search then moves each meal). */
  readonly staggeredMeals: Int32Array;
  readonly best: BestSchedule;
  readonly targetEnd: TargetEnd;
  readonly bestSoFar: BestPlanTracker | undefined;
  /** Decodes and costs the state's list under its scheme and meal delays; refills state.unplaced. */
  evaluate(state: DaySearchState): number;
  /** Decodes a list under the state's scheme and meal delays (aiming at `aimMin` when the scheme is parallel); returns the schedule. */
  decode(order: Int32Array, aimMin?: number): DecodeResult;
  /** The decoder holds a schedule of `order` costing `cost`: keeps it if it is the best of all runs so far. */
  noteIfBest(order: Int32Array, cost: number): void;
  /** Milliseconds since the clock started (undefined without a clock). */
  elapsedMs(): number | undefined;
}

export function createDaySearch(problem: DayProblem, options: SolveOptions): DaySearch {
  const now = options.now;
  const startedMs = now?.();
  const seed = options.seed ?? 1;
  const weights: ObjectiveWeights = { ...DEFAULT_WEIGHTS, ...options.weights };
  const day = compileDayProblem(problem, weights);
  const clock = options.timeLimitMs !== undefined && now !== undefined && startedMs !== undefined ? { now, startedMs, timeLimitMs: options.timeLimitMs } : undefined;
  // With a clock the bound gets a share of the limit: on a busy machine the exact parts of the
  // bound took 2–3.5 s of a 3 s limit on an 11-patient one-team day, and the search got none.
  const boundTimeLeft = clock ? () => clock.now() < clock.startedMs + BOUND_SHARE_OF_LIMIT * clock.timeLimitMs : undefined;
  const { leastDrop, ...computed } = computeLowerBound(problem, weights, { timeLeft: boundTimeLeft });
  const own = strongerBound(computed, dayLowerBound(problem, weights));
  const bound = options.knownBound ? strongerBound(own, options.knownBound) : own;
  const target = Math.max(options.targetSoft ?? -Infinity, bound.value);
  const maxIterations = options.maxIterations ?? (clock ? Number.MAX_SAFE_INTEGER : DEFAULT_MAX_ITERATIONS);
  const decoder = new DayDecoder(day);
  // The list search and the rebuild of patients' days keep a group session's room to itself
  // (finish-plan.ts lets a one-to-one beside it for the final passes only). With a place per
  // patient from the start, icc-8 at 40k iterations left a review out on seeds 1-4 (4688 /
  // 4693.5 / 4682 / 4664, before 825.5 / 4694 / 837.5 / 836.5); with it from the rebuild on,
  // icc-16 16k seeds 1-3 went 5093 / 5076.5 / 5180 -> 5168 / 5121.5 / 5142.
  decoder.groupTakesRoom = true;
  const bestSoFar = options.onBestPlan ? trackBestPlan({ day, weights, bound, seed, startedMs, options }) : undefined;
  const iccDay = weights.makespanMin <= 0;

  // The parallel schemes build denser schedules (what a makespan needs) at ~5–10× the cost
  // per decode; on ICC objectives the serial scheme placed more in the same time.
  const schemes = weights.makespanMin > 0 ? DECODING_SCHEMES : DECODING_SCHEMES.slice(0, 1);
  const schemeCount = schemes.length;
  const { lunchWindow, mealDurationMin } = problem.centre;
  const maxMealDelayMin = weights.makespanMin > 0 ? 0 : Math.max(0, lunchWindow.endMin - lunchWindow.startMin - mealDurationMin);
  const state: DaySearchState = { order: new Int32Array(0), scheme: 0, schemeCount, mealDelayMin: decoder.mealDelayMin, maxMealDelayMin, unplaced: [] };
  const staggeredMeals = Int32Array.from(problem.patients, (_, p) => 30 * (p % (Math.floor(maxMealDelayMin / 30) + 1)));

  // With a makespan objective the parallel schemes aim at a target end (one step of workload
  // lookahead per pick): the makespan bound, then just below the best plan (TargetEnd).
  let evaluations = 0;
  const halfSpent = () => (clock !== undefined && clock.now() - clock.startedMs >= 0.5 * clock.timeLimitMs) || evaluations >= maxIterations / 2;
  const aiming = weights.makespanMin > 0;
  const targetEnd = new TargetEnd(aiming ? dayLowerBound(problem, { ...weights, makespanMin: 1 }).value : Infinity, halfSpent);

  // Density breaks ties on plateaus; scaled so that all of it is worth less than 0.01 of cost.
  const densityScale = 0.01 / Math.max(1, (problem.staff.length + problem.patients.length) * (day.horizonMin + 1));
  // Tried: ends up to the makespan bound free in the tie-breaker; on tai7x7_4 and tai10x10_3/5
  // it did worse (468/604/648 vs 465/602/645 in 9 s), so every minute of every end counts.
  const densityFloorMin = 0;
  let totalMin = 0;
  for (let a = 0; a < day.activityCount; a++) totalMin += day.durationMin[a]!;
  // Aiming at a target, the share of minutes booked before a decode lost it also breaks
  // ties (the later it gives up on the bound, the nearer it came); half the density's room.
  const keptScale = aiming ? 0.005 : 0;
  const densityWeight = aiming ? 0.5 * densityScale : densityScale;
  const staffLastEnd = new Int32Array(problem.staff.length);
  const patientLastEnd = new Int32Array(problem.patients.length);

  const decode = (order: Int32Array, aimMin = targetEnd.current()): DecodeResult => {
    const { delta } = schemes[state.scheme]!;
    if (delta < 0) decoder.decode(order);
    else decoder.decodeParallel(order, delta, aimMin);
    return decoder;
  };
  let last: DecodeResult = decoder;
  const best: BestSchedule = { order: new Int32Array(0), cost: Infinity, scheme: 0, mealDelayMin: staggeredMeals.slice() };

  return {
    problem, options, seed, weights, day, bound, leastDrop, target, iccDay, maxIterations, clock, startedMs, budgeted: clock === undefined, sizedByTime: false,
    decoder, schemes, state, staggeredMeals, best, targetEnd, bestSoFar, decode,
    evaluate({ order, unplaced }) {
      evaluations++;
      const decoded = (last = decode(order));
      unplaced.length = 0;
      for (let a = 0; a < day.activityCount; a++) if (decoded.start[a]! < 0) unplaced.push(a);
      const kept = keptScale * (1 - decoder.targetKeptMin / Math.max(1, totalMin));
      return scheduleCost(day, decoded) + kept + densityWeight * scheduleDensity(day, decoded, staffLastEnd, patientLastEnd, densityFloorMin);
    },
    noteIfBest(order, cost) {
      if (cost >= best.cost) return;
      best.cost = cost;
      best.order = order.slice();
      best.scheme = state.scheme;
      best.mealDelayMin.set(decoder.mealDelayMin);
      if (aiming) targetEnd.noteBest(lastEndMin(day.durationMin, last.start));
      bestSoFar?.capture(last);
    },
    elapsedMs() {
      return now && startedMs !== undefined ? now() - startedMs : undefined;
    },
  };
}

/** Both are valid lower bounds; report the larger. */
function strongerBound(a: PlanBound, b: PlanBound): PlanBound {
  return b.value > a.value ? b : a;
}
