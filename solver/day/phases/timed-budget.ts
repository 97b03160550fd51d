/**
 * A timed solve of an ICC day as a fixed-budget solve: after the bound, the decoder's speed is
 * measured (a few decodes of a construction's list), the time left is turned into the iteration
 * budget a fixed-budget solve of this day can spend in it, and from then on the planner runs the
 * fixed-budget schedule of phases with that budget (the least-drop trial and the balance polish
 * included), the deadline kept as a safety stop only.
 *
 * Why: the time shares of the old timed path did not match what the phases need. At a fixed
 * budget the rebuild's exact moves and the final polishes take most of the time (icc-8 40k: the
 * runs 15 %, icc-32 19k 27 %), the balance polish and the least-drop trial never ran in time
 * (the polish started only before 0.949 of the limit, the trial at fixed budgets only), and a
 * timed rebuild had one start where a budget gives several. Timed solves on a clock that counts
 * work (decodes and exact programmes; scratch scripts) did worse than fixed budgets of the iterations
 * they reached: icc-16 5 s 5084.5 (1 out) against 5006.5 at its 15.4k, icc-32 15 s 9971.5 (3 out)
 * against 6762 (2 out) at 20.3k, icc-64 30 s 31501 against 30606 at 17.9k (9 out each).
 *
 * The cost model, in decodes of the day (the unit the probe measures): a fixed-budget solve of B
 * iterations costs about `perIteration × B + fixed` decodes after the bound (runs, rebuild,
 * final repair, balance polish, explanation), both by the day's size (the tiers of the runs and
 * the rebuild's starts); fitted on the demo days, CPU time over the probe's time per decode (load
 * about 9), two budgets each: icc-8 8k / 40k 4.35 per iteration and 36k fixed (0.022 ms a
 * decode), icc-16 6k / 24k 3.93 and 31k (0.052 ms), icc-32 4k / 19k 2.92 and 5.5k (0.14 ms),
 * icc-64 3k / 12k 1.35 and 11.3k (0.49 ms).
 */
import type { DaySearch } from '../search/day-search.ts';
import { initialOrders } from '../search/initial-orders.ts';
import { LEAST_DROP_TRIAL_SHARE } from './least-drop-trial.ts';
import { SPREAD_MAX_ACTIVITIES } from './construct-run.ts';
import { ICC_RUN_TIERS, iccRunCount } from './independent-runs.ts';

/**
 * The probe decodes untimed until PROBE_WARMUP_SHARE of the limit has passed (at most
 * PROBE_MAX_WARMUP_DECODES: the first few hundred decodes of a fresh process run before the
 * compiler has optimised the decoder, up to 15 times slower), then times chunks of
 * PROBE_CHUNK_DECODES until PROBE_SHARE more has passed or PROBE_MAX_CHUNKS are timed.
 */
const PROBE_WARMUP_SHARE = 0.02;
const PROBE_MAX_WARMUP_DECODES = 2000;
const PROBE_CHUNK_DECODES = 8;
export const PROBE_MAX_CHUNKS = 128;
export const PROBE_SHARE = 0.01;

/** The share of the time limit by which the budgeted solve is meant to end (the safety stops lie beyond: 0.85-0.95). */
export const TIMED_BUDGET_END_SHARE = 0.85;

/** The fewest iterations a timed solve is given, however slow the machine (the safety stops then end it). */
export const MIN_TIMED_ITERATIONS = 200;

/**
 * Decodes a fixed-budget solve costs per iteration of its budget and in all (fixed: the balance
 * polish, the explanation, the constructions), by the day's activities (meals included).
 */
export interface SolveCostModel {
  perIteration: number;
  fixed: number;
}

/** The cost model of a day of this many activities (see the module comment for the measurements). */
export function solveCostModel(activityCount: number): SolveCostModel {
  if (activityCount <= SPREAD_MAX_ACTIVITIES) return { perIteration: 4.4, fixed: 36_000 };
  const runs = iccRunCount(activityCount);
  if (runs === ICC_RUN_TIERS[0]!.runs) return { perIteration: 3.9, fixed: 31_000 };
  if (runs === ICC_RUN_TIERS[1]!.runs) return { perIteration: 2.9, fixed: 5_500 };
  return { perIteration: 1.35, fixed: 11_300 };
}

/**
 * The probe's measure: milliseconds per decode of this day on this machine now, the lower
 * quartile of its chunks (a chunk that met a garbage collection, a compilation or another
 * process does not count).
 */
export function probeDecodeMs(search: DaySearch): number {
  const { day, decoder, clock } = search;
  if (!clock) return 0;
  const { order } = initialOrders(day, decoder.freeActivities())[0]!;
  decoder.mealDelayMin.set(search.staggeredMeals);
  const warmEndMs = clock.now() + PROBE_WARMUP_SHARE * clock.timeLimitMs;
  for (let k = 0; k < PROBE_MAX_WARMUP_DECODES; k++) {
    decoder.decode(order);
    if ((k & 7) === 7 && clock.now() >= warmEndMs) break;
  }
  const chunks: number[] = [];
  let atMs = clock.now();
  const stopMs = atMs + PROBE_SHARE * clock.timeLimitMs;
  while (chunks.length < PROBE_MAX_CHUNKS) {
    for (let k = 0; k < PROBE_CHUNK_DECODES; k++) decoder.decode(order);
    const nowMs = clock.now();
    chunks.push((nowMs - atMs) / PROBE_CHUNK_DECODES);
    atMs = nowMs;
    if (nowMs >= stopMs) break;
  }
  chunks.sort((x, y) => x - y);
  return Math.max(1e-6, chunks[Math.floor(chunks.length / 4)]!);
}

export interface TimedBudget {
  /** The plan's iteration budget. */
  iterations: number;
  /** The time the plan's solve may take from now (its safety stops are shares of this), ms. */
  planMs: number;
  /**
   * The schedule fits: its fixed work takes at most MAX_FIXED_SHARE of the time left. Otherwise
   * the solve keeps the time shares (on a busy machine with a short limit the fixed work — eight
   * constructions, the balance polish — left the runs no time: demo day seed 5, 8 patients,
   * 1.5 s at load 18, 75 iterations and 1089.5 against 845 and 798.5 on time shares).
   */
  fits: boolean;
}

/** The most of the time left a budgeted solve's fixed work may take (else time shares). */
export const MAX_FIXED_SHARE = 0.5;

/**
 * The iteration budget a fixed-budget solve of this day can spend in the time left, with the
 * least-drop trial's share reserved when the bound names a least drop: its own bound (as long
 * as this day's took) and its LEAST_DROP_TRIAL_SHARE of the budget, not its fixed work. The
 * trial runs only when the plan leaves out more than the least drop (on icc-16 its one review
 * out is the least drop: no trial), so the reserve is kept small; a trial that runs sizes its own
 * budget to the time left (at least MIN_TIMED_ITERATIONS; on staff-off 200-250 iterations
 * found the one-out plans, test/zz). `decodeMs`: probeDecodeMs; `boundMs`: what the bound took.
 */
export function timedBudget(search: DaySearch, decodeMs: number, boundMs: number, cap = Number.MAX_SAFE_INTEGER, reserveTrial = true): TimedBudget {
  const { clock } = search;
  if (!clock) return { iterations: cap, planMs: Infinity, fits: true };
  const elapsed = clock.now() - clock.startedMs;
  const leftMs = Math.max(0, TIMED_BUDGET_END_SHARE * clock.timeLimitMs - elapsed);
  const { perIteration, fixed } = solveCostModel(search.day.activityCount);
  const trial = reserveTrial && search.leastDrop !== undefined;
  // leftMs = decodeMs × (perIteration × B + fixed) [+ boundMs + decodeMs × perIteration × share × B].
  const decodesLeft = (leftMs - (trial ? boundMs : 0)) / decodeMs - fixed;
  const perBudget = perIteration * (1 + (trial ? LEAST_DROP_TRIAL_SHARE : 0));
  const iterations = Math.min(cap, Math.max(MIN_TIMED_ITERATIONS, Math.floor(decodesLeft / perBudget)));
  const planDecodes = perIteration * iterations + fixed;
  const trialDecodes = trial ? perIteration * LEAST_DROP_TRIAL_SHARE * iterations + boundMs / decodeMs : 0;
  const planMs = (clock.timeLimitMs - elapsed) * (planDecodes / (planDecodes + trialDecodes));
  return { iterations, planMs, fits: fixed * decodeMs <= MAX_FIXED_SHARE * leftMs };
}

/**
 * Whether a timed ICC day takes the budgeted path: where it measured better than time shares
 * (days of 151-300 activities; small days whose bound names a least drop, and the trial's own
 * solve on them). `reserveTrial`: the plan's solve (false: the least-drop trial's).
 */
function takesBudgetedPath(search: DaySearch, reserveTrial: boolean): boolean {
  // Days beyond the run tiers (one run, over 300 activities) keep time shares: their fixed-budget
  // schedule has no balance polish and one rebuild start, and on icc-64 at 30 s (work-counting
  // clock) it left 10 out at its 29.4k budget where time shares left 8 (37k iterations).
  const activities = search.day.activityCount;
  if (iccRunCount(activities) === 1) return false;
  // So do small days (SPREAD_MAX_ACTIVITIES) without a least drop, where the schedule's gain is
  // the trial: a 5-s icc-8 on this machine (load 4-5, wall clock) got budgets of 18-25k, where a
  // fixed budget leaves one review out on seed 1 (20k-32k: 4663.5), 4658 and 4663.5 (1 out),
  // while time shares placed all (812.5 twice). On staff-off (a least drop) the trial gave
  // 5360.5 and 5318.5 (1 out) against 8503 (2 out) on time shares.
  if (reserveTrial && activities <= SPREAD_MAX_ACTIVITIES && search.leastDrop === undefined) return false;
  // And so do the days between (65-150 activities: icc-16), whose one drop is the least drop (no
  // trial): 5 s on a quiet machine (wall clock, one after the other), budgeted 5060.5 / 5078.5
  // (8.9k-10.2k iterations) and the bench's 5072.5 (7.2k) against 5048.5 / 5048.5 on time shares
  // (37-39k iterations); on a clock counting work 5084.5 against 5066.5.
  return activities <= SPREAD_MAX_ACTIVITIES || iccRunCount(activities) !== ICC_RUN_TIERS[0]!.runs;
}

/**
 * A timed ICC solve becomes a budgeted one where takesBudgetedPath says so:
 * the decoder's speed measured, the budget a fixed-budget solve can spend in the time left (capped by a budget
 * given), the clock from now for the plan's share of the time (a safety stop only). With
 * `reserveTrial`, the least-drop trial's share is kept back when the bound names a least drop.
 * Fixed budgets and timed open-shop days are left as they are.
 */
export function budgetByTime(search: DaySearch, reserveTrial: boolean): void {
  const { clock } = search;
  if (!clock || !search.iccDay || !takesBudgetedPath(search, reserveTrial)) return;
  const boundMs = clock.now() - clock.startedMs;
  const decodeMs = probeDecodeMs(search);
  const { iterations, planMs, fits } = timedBudget(search, decodeMs, boundMs, search.options.maxIterations, reserveTrial);
  // Too short for the schedule (its fixed work would take most of the time): time shares.
  if (!fits) return;
  search.maxIterations = iterations;
  search.clock = { now: clock.now, startedMs: clock.now(), timeLimitMs: planMs };
  search.budgeted = true;
  search.sizedByTime = search.options.maxIterations === undefined || iterations < search.options.maxIterations;
}
