/**
 * The day planner (SPEC §3C): every attending patient's CGA itinerary across staff and rooms.
 *
 * Method: a serial schedule-generation scheme (DayDecoder) turns a priority list of
 * activities into a feasible schedule — each activity at its earliest start where the
 * patient, a qualified staff member and a room are free and every hard rule holds. A few
 * construction rules give starting lists; late-acceptance hill climbing over the list
 * (swap, relocate, move a whole patient) improves it against the weighted soft objective.
 * Because the decoder enforces the hard rules, every plan the search sees is feasible.
 * With a makespan objective, parallel schemes also decode, and each pick looks one step ahead
 * at a target end: the makespan bound, later just below the best plan (TargetEnd).
 */
import type { DayProblem } from '../model/day-problem.ts';
import type { DayPlan, PlanBound } from '../model/day-plan.ts';
import { DEFAULT_WEIGHTS, type ObjectiveWeights, type ProgressEvent, type SolveOptions } from '../model/options.ts';
import { createRng } from '../model/rng.ts';
import { scorePlan } from '../constraints/score-plan.ts';
import { buildPlanViews } from './build-plan-views.ts';
import { compileDayProblem } from './compile/compile-day-problem.ts';
import { DayDecoder, type DecodeResult } from './schedule/day-decoder.ts';
import type { CompiledDay } from './compile/compile-day-problem.ts';
import { initialOrders } from './search/initial-orders.ts';
import { lateAcceptanceSearch } from './search/late-acceptance-search.ts';
import { AdjacentSwapMove, MealShiftMove, PatientBlockMove, PromoteUnplacedMove, RelocateMove, SchemeSwitchMove, SwapMove, SwapWithUnplacedMove, type SchemeState } from './search/priority-moves.ts';
import { randomPatientOrder } from './search/random-patient-order.ts';
import { nonDelayOrders } from './search/non-delay-orders.ts';
import { compactPatientDays } from './search/compact-patient-days.ts';
import { BackwardDecoder } from './schedule/backward-decoder.ts';
import { scheduleCost, scheduleDensity } from './search/schedule-cost.ts';
import { lastEndMin, TargetEnd } from './search/target-end.ts';
import { dayLowerBound } from './day-lower-bound.ts';
import { computeLowerBound } from './bound/compute-lower-bound.ts';
import { explainOrRepair } from './explain/explain-or-repair.ts';
import { readSchedule } from './read-schedule.ts';
import { trackBestPlan } from './best-plan-so-far.ts';

/** Iterations when neither a budget nor a clock is given (keeps an unbounded call finite). */
export const DEFAULT_MAX_ITERATIONS = 5000;

/**
 * Independent runs on an ICC day, each with its own seed and a share of the budget, by the
 * day's size (activities, meals included). A run settles within a few thousand iterations;
 * on the 16-patient demo day a run leaves its constructed two-drop plan for one drop within
 * a few hundred iterations or not at all (3 of 8 runs at 5k iterations), so more tries help
 * there: 8 runs placed 96 of 97 on seeds 1–8 at 10k iterations, 4 runs on 7 of 8. On the
 * 32-patient day 8 runs did a little worse than 4 at 15 s (seeds 1–2: 9909 and 10435 against
 * 9807 and 10373). Larger days get one run: with the few thousand iterations a large day gets
 * in its time, a quarter each was too little (icc-64, 10k iterations, seeds 1–2: one run
 * 42871, four 43429).
 */
export const ICC_RUN_TIERS: ReadonlyArray<{ maxActivities: number; runs: number }> = [
  { maxActivities: 150, runs: 8 },
  { maxActivities: 300, runs: 4 },
];

/** How many independent runs an ICC day of this many activities gets (1 beyond the tiers). */
export function iccRunCount(activityCount: number): number {
  return ICC_RUN_TIERS.find((tier) => activityCount <= tier.maxActivities)?.runs ?? 1;
}
/** Seeds of runs after the first: seed + run × this (a large odd step keeps them apart). */
const RUN_SEED_STEP = 1_000_003;

/**
 * Plans one ICC day. Deterministic for a given problem, `seed` and `maxIterations`; with
 * `timeLimitMs` and a `now` clock it is anytime (the best plan found by the deadline).
 * Stops early at `targetSoft` or when the lower bound is reached.
 *
 * @throws Error naming the field when the problem is malformed (impossible plans are not
 *   errors: what cannot be placed is listed in `unscheduled` with a reason).
 * @example
 * const plan = planDay(problem, { seed: 1, timeLimitMs: 5000, now: () => performance.now() });
 * plan.itineraries;  // one per patient
 * plan.unscheduled;  // [{ patientId, typeId, reason: 'no-staff-free', message }]
 */
export function planDay(problem: DayProblem, options: SolveOptions = {}): DayPlan {
  const now = options.now;
  const startedMs = now?.();
  const seed = options.seed ?? 1;
  const weights: ObjectiveWeights = { ...DEFAULT_WEIGHTS, ...options.weights };
  const day = compileDayProblem(problem, weights);
  const bound = strongerBound(computeLowerBound(problem, weights), dayLowerBound(problem, weights));
  const target = Math.max(options.targetSoft ?? -Infinity, bound.value);
  const timed = options.timeLimitMs !== undefined && now !== undefined && startedMs !== undefined;
  const maxIterations = options.maxIterations ?? (timed ? Number.MAX_SAFE_INTEGER : DEFAULT_MAX_ITERATIONS);

  const decoder = new DayDecoder(day);
  const bestSoFar = options.onBestPlan ? trackBestPlan({ day, weights, bound, seed, startedMs, options }) : undefined;
  const staffLastEnd = new Int32Array(problem.staff.length);
  const patientLastEnd = new Int32Array(problem.patients.length);
  // Density breaks ties on plateaus; scaled so that all of it is worth less than 0.01 of cost.
  const densityScale = 0.01 / Math.max(1, (problem.staff.length + problem.patients.length) * (day.horizonMin + 1));
  // The parallel schemes build denser schedules (what a makespan needs) at ~5–10× the cost
  // per decode; on ICC objectives the serial scheme placed more in the same time.
  const schemeLimit = weights.makespanMin > 0 ? DECODING_SCHEMES.length : 1;
  const schemeState: SchemeState = { scheme: 0, schemeCount: schemeLimit };
  // With a makespan objective the parallel schemes aim at a target end (one step of workload
  // lookahead per pick): the makespan bound, then just below the best plan (TargetEnd).
  let evaluations = 0;
  const halfSpent = () => (timed && now!() - startedMs! >= 0.5 * options.timeLimitMs!) || evaluations >= maxIterations / 2;
  const targetEnd = new TargetEnd(weights.makespanMin > 0 ? dayLowerBound(problem, { ...weights, makespanMin: 1 }).value : Infinity, halfSpent);
  const aiming = weights.makespanMin > 0;
  const decode = (order: Int32Array, aimMin = targetEnd.current()) => {
    const { delta } = DECODING_SCHEMES[schemeState.scheme]!;
    if (delta < 0) decoder.decode(order);
    else decoder.decodeParallel(order, delta, aimMin);
  };
  // Tried: ends up to the makespan bound free in the tie-breaker; on tai7x7_4 and tai10x10_3/5
  // it did worse (468/604/648 vs 465/602/645 in 9 s), so every minute of every end counts.
  const densityFloorMin = 0;
  let totalMin = 0;
  for (let a = 0; a < day.activityCount; a++) totalMin += day.durationMin[a]!;
  // Aiming at a target, the share of minutes booked before a decode lost it also breaks
  // ties (the later it gives up on the bound, the nearer it came); half the density's room.
  const keptScale = aiming ? 0.005 : 0;
  const densityWeight = aiming ? 0.5 * densityScale : densityScale;
  const unplaced: number[] = [];
  const evaluate = (order: Int32Array) => {
    evaluations++;
    decode(order);
    unplaced.length = 0;
    for (let a = 0; a < day.activityCount; a++) if (decoder.start[a]! < 0) unplaced.push(a);
    const kept = keptScale * (1 - decoder.targetKeptMin / Math.max(1, totalMin));
    return scheduleCost(day, decoder) + kept + densityWeight * scheduleDensity(day, decoder, staffLastEnd, patientLastEnd, densityFloorMin);
  };

  // Lunch staggered across patients to start with (the search then moves each meal).
  const { lunchWindow, mealDurationMin } = problem.centre;
  const maxMealDelayMin = weights.makespanMin > 0 ? 0 : Math.max(0, lunchWindow.endMin - lunchWindow.startMin - mealDurationMin);
  const staggeredMeals = Int32Array.from(problem.patients, (_, p) => 30 * (p % (Math.floor(maxMealDelayMin / 30) + 1)));
  const iccDay = weights.makespanMin <= 0;

  // The best over all runs: its list, cost, decoding scheme and meal delays.
  let bestOrder: Int32Array = new Int32Array(0);
  let bestCost = Infinity;
  let bestScheme = 0;
  const bestMealDelay = staggeredMeals.slice();
  /** The decoder holds a schedule costing `cost`: the best of all runs so far? */
  const noteIfBest = (order: Int32Array, cost: number): void => {
    if (cost >= bestCost) return;
    bestCost = cost;
    bestOrder = order.slice();
    bestScheme = schemeState.scheme;
    bestMealDelay.set(decoder.mealDelayMin);
    if (aiming) targetEnd.noteBest(lastEndMin(day.durationMin, decoder.start));
    bestSoFar?.capture(decoder);
  };

  // ICC days: independent runs (construction and search from their own seed), each with an
  // equal share of the budget. A run settles within a few thousand iterations, so fresh
  // starts beat one longer run: 20k iterations, icc-16 seeds 1–12 mean 8822 → 8669, icc-32
  // seeds 1–4 15853 → 14348. Open-shop days keep one run (their tuning).
  const runs = iccDay ? iccRunCount(day.activityCount) : 1;
  const searchEndMs = timed ? startedMs + 0.85 * options.timeLimitMs! : undefined;
  const total = { iterations: 0, improvements: 0, timedOut: false };
  for (let run = 0; run < runs; run++) {
    const runSeed = run === 0 ? seed : seed + run * RUN_SEED_STEP;
    const runCost = construct(runSeed);
    options.onProgress?.({ phase: 'construct', iteration: total.iterations, bestSoft: Math.min(bestCost, runCost.cost), bestHard: 0, elapsedMs: elapsed(), fraction: run / runs });
    const iterationsLeft = maxIterations - total.iterations;
    const outcome = search(runSeed, runCost, {
      maxIterations: run === runs - 1 ? iterationsLeft : Math.floor(iterationsLeft / (runs - run)),
      deadlineMs: searchEndMs === undefined ? undefined : startedMs! + ((searchEndMs - startedMs!) * (run + 1)) / runs,
      progress: (event) => ({ ...event, iteration: total.iterations + event.iteration, bestSoft: Math.min(bestCost, event.bestSoft), fraction: (run + event.fraction) / runs }),
    });
    total.iterations += outcome.iterations;
    total.improvements += outcome.improvements;
    total.timedOut = outcome.timedOut;
    if (bestCost <= target + 0.01 || (searchEndMs !== undefined && now!() >= searchEndMs)) break;
  }

  /**
   * Construction: the best of a few priority rules under each decoding scheme (the search then
   * keeps the scheme that won); on ICC days also the day built in time order by the parallel
   * scheme, lunch first at the window's opening; and the plan to start from, if given. Leaves
   * the decoder's meal delays and scheme as the winner's.
   */
  function construct(runSeed: number): { order: Int32Array<ArrayBufferLike>; cost: number } {
    let winner: { order: Int32Array<ArrayBufferLike>; cost: number; scheme: number; mealDelay: Int32Array } | undefined;
    /** Decodes a candidate under the decoder's current scheme and meal delays; keeps it if it wins. */
    const consider = (order: Int32Array<ArrayBufferLike>): void => {
      const cost = evaluate(order);
      noteIfBest(order, cost);
      if (!winner || cost < winner.cost) winner = { order, cost, scheme: schemeState.scheme, mealDelay: decoder.mealDelayMin.slice() };
    };
    decoder.mealDelayMin.set(staggeredMeals);
    for (let k = 0; k < schemeLimit; k++) {
      schemeState.scheme = k;
      for (const { order } of initialOrders(day, decoder.freeActivities())) consider(order);
    }
    schemeState.scheme = 0;
    const given = runSeed === seed ? startOrder() : undefined;
    if (given) {
      decoder.mealDelayMin.set(given.mealDelay);
      consider(given.order);
    }
    if (iccDay) {
      decoder.mealDelayMin.fill(0);
      // Its own generator, so the search's draws stay as they were.
      for (const { order } of nonDelayOrders(day, decoder, { count: 24, rng: createRng(runSeed + 7919) })) consider(order);
    }
    decoder.mealDelayMin.set(winner!.mealDelay);
    schemeState.scheme = winner!.scheme;
    return winner!;
  }

  /** options.startFrom as a list in its start order (what it lacks last) with its meal times as delays. */
  function startOrder(): { order: Int32Array; mealDelay: Int32Array } | undefined {
    const given = options.startFrom;
    if (!given || given.length === 0) return undefined;
    const startOf = new Map(given.map((a) => [a.id, a.startMin]));
    const free = decoder.freeActivities();
    const at = (a: number) => startOf.get(day.activityId[a]!) ?? Infinity;
    const order = Int32Array.from([...free].sort((x, y) => at(x) - at(y) || x - y));
    const mealDelay = staggeredMeals.slice();
    for (let a = 0; a < day.activityCount; a++) {
      const t = startOf.get(day.activityId[a]!);
      if (day.activityKind[a] === 'meal' && t !== undefined) mealDelay[day.activityPatient[a]!] = Math.max(0, Math.min(maxMealDelayMin, t - day.earliestStartMin[a]!));
    }
    return { order, mealDelay };
  }

  /** Late-acceptance hill climbing from the run's construction, with its own generator. */
  function search(runSeed: number, from: { order: Int32Array<ArrayBufferLike>; cost: number }, budget: {
    maxIterations: number; deadlineMs: number | undefined; progress: (event: ProgressEvent) => ProgressEvent;
  }) {
    const report = bestSoFar?.onProgress ?? options.onProgress;
    return lateAcceptanceSearch(from.order, from.cost, {
      evaluate,
      moves: [
        new SwapMove(),
        new RelocateMove(),
        new AdjacentSwapMove(),
        new PatientBlockMove(day.activityPatient, problem.patients.length),
        new SchemeSwitchMove(schemeState),
        new PromoteUnplacedMove(day.activityPatient, () => unplaced),
        new MealShiftMove(decoder.mealDelayMin, maxMealDelayMin),
        ...(iccDay ? [new SwapWithUnplacedMove(typeKeys(day.activityTypeId), () => unplaced, Float64Array.from(day.activityPatient, (p) => day.patientPriority[p]!))] : []),
      ],
      rng: createRng(runSeed),
      maxIterations: budget.maxIterations,
      target: target + 0.01,
      historyLength: Math.max(20, Math.min(1000, day.activityCount * 2)),
      now,
      // Leave 15% of the limit for explaining and repairing what is left unplaced, and scoring.
      deadlineMs: budget.deadlineMs,
      onProgress: report ? (event) => report(budget.progress(event)) : undefined,
      startedMs,
      // ICC days keep improving slowly for longer: on the demo days, restarting after 100 ×
      // activities without a gain did better than after 20 × (16 and 32 patients, seeds 1–3).
      restartAfter: Math.max(2000, (iccDay ? 100 : 20) * day.activityCount),
      diversify: (order, random) => {
        if (iccDay) {
          // A fresh plausible plan (patients in a new order) rather than a random list.
          randomPatientOrder(day, order, random);
          return;
        }
        for (let i = order.length - 1; i > 0; i--) {
          const j = random.int(i + 1);
          const x = order[i]!;
          order[i] = order[j]!;
          order[j] = x;
        }
        schemeState.scheme = random.int(schemeLimit);
      },
      onNewBest: (best, cost) => noteIfBest(best, cost),
    });
  }
  schemeState.scheme = bestScheme;
  decoder.mealDelayMin.set(bestMealDelay);
  decode(bestOrder, targetEnd.best());
  // Then each patient's day is packed up to their review where that costs less (later
  // arrivals, shorter waits), in the time left before explaining.
  const compacted = iccDay
    ? compactPatientDays(day, decoder, { forward: decoder, backward: new BackwardDecoder(day, decoder.mealDelayMin) }, { timeLeft: () => !timed || now!() < startedMs + 0.9 * options.timeLimitMs! }).best
    : decoder;
  const final = heldIfBetter(day, options.startFrom, compacted);
  const hardDeadline = timed ? startedMs + 0.95 * options.timeLimitMs! : undefined;
  const { activities, unscheduled } = explainOrRepair(problem, weights, readSchedule(day, final), () =>
    hardDeadline === undefined || now!() < hardDeadline,
  );
  const score = scorePlan(problem, activities, unscheduled, weights);
  const gapPct = (100 * (score.soft - bound.value)) / Math.max(Math.abs(score.soft), 1);
  const plan: DayPlan = {
    date: problem.date,
    activities,
    ...buildPlanViews(problem, activities),
    unscheduled,
    score,
    bound,
    gapPct: Math.max(0, Math.round(gapPct * 100) / 100),
    stats: { iterations: total.iterations, improvements: total.improvements, elapsedMs: elapsed(), timedOut: total.timedOut, seed, method: `late acceptance over a priority list, ${DECODING_SCHEMES[bestScheme]!.name} decoding` },
  };
  options.onProgress?.({ phase: 'done', iteration: total.iterations, bestSoft: score.soft, bestHard: score.hard, elapsedMs: elapsed(), fraction: 1 });
  return plan;

  function elapsed(): number | undefined {
    return now && startedMs !== undefined ? now() - startedMs : undefined;
  }
}

/**
 * The plan to start from, held where it is (its staff and rooms when given; what it lacks
 * decoded after it), when that costs less than the search's plan: a list decoded afresh
 * does not always rebuild the plan it came from, and a resumed job must not lose ground.
 */
function heldIfBetter(day: CompiledDay, given: SolveOptions['startFrom'], found: DecodeResult): DecodeResult {
  if (!given || given.length === 0) return found;
  const held = new DayDecoder(day);
  const indexOf = new Map(day.activityId.map((id, a) => [id, a]));
  const { staff, rooms } = day.problem;
  for (const activity of given) {
    const a = indexOf.get(activity.id);
    if (a === undefined || day.pin[a]) continue;
    held.fix(a, activity.startMin, staff.findIndex((s) => s.id === activity.staffId), rooms.findIndex((r) => r.id === activity.roomId));
  }
  held.decode(Int32Array.from(held.freeActivities()));
  return scheduleCost(day, held) < scheduleCost(day, found) ? held : found;
}

/** Per activity, its assessment type as a small integer (activities that compete for the same staff). */
function typeKeys(typeIds: readonly string[]): Int32Array {
  const index = new Map<string, number>();
  return Int32Array.from(typeIds, (id) => {
    if (!index.has(id)) index.set(id, index.size);
    return index.get(id)!;
  });
}

/** Both are valid lower bounds; report the larger. */
function strongerBound(a: PlanBound, b: PlanBound): PlanBound {
  return b.value > a.value ? b : a;
}

/** How a priority list becomes a schedule. */
interface DecodingScheme {
  name: string;
  /** < 0: serial (each activity in list order at its earliest slot); 0..1: parallel with this delta. */
  delta: number;
}

const DECODING_SCHEMES: DecodingScheme[] = [
  { name: 'serial', delta: -1 },
  { name: 'parallel-non-delay', delta: 0 },
  { name: 'parallel-delta-0.2', delta: 0.2 },
  { name: 'parallel-delta-0.5', delta: 0.5 },
  { name: 'parallel-delta-0.8', delta: 0.8 },
  { name: 'parallel-active', delta: 1 },
];

export type { PlanBound };
