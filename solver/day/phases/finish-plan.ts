/**
 * The final repair, the last phase: the best schedule of all runs decoded again, each
 * patient's day compacted (ICC days), then re-sequenced with exact re-timing (ICC days:
 * search/resequence.ts), re-staffed and re-inserted (search/restaff.ts, search/reinsert.ts), the caller's start plan held in place when that costs less, and
 * what is still unplaced explained — or placed, where the explanation finds a slot.
 */
import type { PlannedActivity, UnscheduledAssessment } from '../../model/day-plan.ts';
import type { SolveOptions } from '../../model/options.ts';
import type { CompiledDay } from '../compile/compile-day-problem.ts';
import { explainOrRepair } from '../explain/explain-or-repair.ts';
import { readSchedule } from '../read-schedule.ts';
import { BackwardDecoder } from '../schedule/backward-decoder.ts';
import { DayDecoder, type DecodeResult } from '../schedule/day-decoder.ts';
import { holdSchedule } from '../schedule/hold-schedule.ts';
import { compactPatientDays } from '../search/compact-patient-days.ts';
import { resequence } from '../search/resequence.ts';
import { reinsert } from '../search/reinsert.ts';
import { restaff } from '../search/restaff.ts';
import type { RetimeSchedule } from '../search/retime-model.ts';
import type { DaySearch } from '../search/day-search.ts';
import { scheduleCost } from '../search/schedule-cost.ts';
import { createRng, type Rng } from '../../model/rng.ts';
import { balancePolish } from './balance-polish.ts';
import { rebuildPatients, TRADE_MAX_ACTIVITIES, type RebuildOutcome } from './rebuild-patients.ts';
import { SPREAD_MAX_ACTIVITIES } from './construct-run.ts';
import { SEARCH_SHARE_OF_LIMIT, type RunsOutcome } from './independent-runs.ts';
import type { BestSchedule } from '../search/day-search.ts';

export function finishPlan(search: DaySearch, runs: RunsOutcome): { activities: PlannedActivity[]; unscheduled: UnscheduledAssessment[]; rebuilt: RebuildOutcome | undefined } {
  const { day, decoder, state, best, clock } = search;
  const before = (share: number) => () => !clock || clock.now() < clock.startedMs + share * clock.timeLimitMs;
  const rebuilding = search.iccDay && best.cost > search.target + 0.01;
  const rebuildIterations = search.maxIterations - runs.iterations;
  let decoded: DecodeResult = decoder;
  if (!rebuilding) {
    state.scheme = best.scheme;
    decoder.mealDelayMin.set(best.mealDelayMin);
    decoded = search.decode(best.order, search.targetEnd.best());
  }
  const rebuilt = rebuilding ? rebuildFromRuns(search, runs.runBests, rebuildIterations) : undefined;
  if (rebuilt && rebuilt.improvements > 0) search.bestSoFar?.capture(decoder);
  // From here on a room holds as many patients as the checker allows: a one-to-one can sit in
  // the gym beside a small group (CP-SAT's 807.5 plan on icc-8 does). Every plan found so far
  // still holds (a group's whole room is a restriction of that rule).
  decoder.groupTakesRoom = false;
  // Each pass: each patient's day packed up to their review where that costs less (later
  // arrivals, shorter waits); orders and assignments changed a step at a time, each neighbour
  // timed exactly (resequence); then re-staffing and re-insertion. A second pass packs again
  // what re-insertion freed, and so on while a pass gains (FINISH_MAX_PASSES).
  let finished: DecodeResult = rebuilt ? decoder : decoded;
  let passCost = scheduleCost(day, finished);
  for (let pass = 0; pass < (search.iccDay ? FINISH_MAX_PASSES : 0); pass++) {
    const share = FINISH_PASS_SHARES[Math.min(pass, 1)]!;
    finished = compactPatientDays(day, finished, { forward: decoder, backward: new BackwardDecoder(day, decoder.mealDelayMin) }, { timeLeft: before(share[0]) }).best;
    finished = resequenceHeld(day, finished, decoder, search.maxIterations, before(share[1]));
    finished = reinsertHeld(day, finished, decoder, search.maxIterations, createRng(search.seed + REINSERT_SEED_OFFSET + pass), before(share[2]));
    const cost = scheduleCost(day, finished);
    if (pass > 0 && cost >= passCost - 1e-9) break;
    passCost = cost;
  }
  // Then who does what once more, small groups of clinicians exactly (restaff.ts).
  if (search.iccDay) finished = restaffHeld(day, finished, decoder, search.maxIterations, before(FINISH_RESTAFF_SHARE));
  // Then days put back exactly with the workload balance read, and who does what again after a gain.
  if (search.iccDay) {
    const polished = balancePolish(day, decoder, finished, before(FINISH_BALANCE_SHARE));
    if (polished.improvements > 0) finished = restaffHeld(day, polished.schedule, decoder, search.maxIterations, before(FINISH_RESTAFF_SHARE));
    else finished = polished.schedule;
  }
  const final = heldIfBetter(day, search.options.startFrom, finished);
  return { ...explainOrRepair(search.problem, search.weights, readSchedule(day, final), before(0.95)), rebuilt };
}

/**
 * Neighbours the final re-sequencing times at most, per iteration of the budget (a time limit
 * counts as 10^6 iterations; the clock then stops it): each is an exact re-timing, a min-cost
 * flow over the day's activities, about ten decodes' worth on the 8-patient demo day. Days
 * beyond RESEQUENCE_FULL_ACTIVITIES get proportionally fewer (each one costs more there).
 */
const RESEQUENCE_PER_ITERATION = 0.02;
const RESEQUENCE_FULL_ACTIVITIES = 120;

/**
 * The schedule re-sequenced (resequence.ts) and held in the forward decoder, everything fixed
 * in order of start: the decoder checks every rule again as it holds each activity, and when
 * it cannot hold one where the re-timing put it, or the result does not cost less, the
 * schedule given is held instead.
 */
function resequenceHeld(day: CompiledDay, from: DecodeResult, decoder: DayDecoder, maxIterations: number, timeLeft: () => boolean): DecodeResult {
  const iterations = maxIterations < Number.MAX_SAFE_INTEGER ? maxIterations : 1e6;
  const maxEvaluations = Math.floor(RESEQUENCE_PER_ITERATION * iterations * Math.min(1, RESEQUENCE_FULL_ACTIVITIES / Math.max(1, day.activityCount)));
  const before = scheduleCost(day, from);
  const out = resequence(day, from, { maxEvaluations, timeLeft });
  if (out.improvements === 0 || out.cost >= before - 1e-9) return from;
  const given = { start: Int32Array.from(from.start), staffOf: Int32Array.from(from.staffOf), roomOf: Int32Array.from(from.roomOf) };
  if (holdSchedule(day, decoder, out) && scheduleCost(day, decoder) < before - 1e-9) return decoder;
  holdSchedule(day, decoder, given);
  return decoder;
}

/**
 * Neighbours the re-insertion search (search/reinsert.ts: a descent, then a late-acceptance
 * walk) times at most, per iteration of the budget, on the terms of RESEQUENCE_PER_ITERATION.
 * The walk keeps its best, so more only adds: 0.02 -> 0.06, seed 1, icc-8 40k 848.5 -> 842.5,
 * icc-16 64k 5120 -> 5108 (+0.4-0.7 s CPU), icc-8 160k, icc-16 16k, icc-32, icc-64 unchanged.
 */
const REINSERT_PER_ITERATION = 0.06;
/** Re-staffing neighbours (search/restaff.ts) costed at most, per iteration of the budget (each is O(staff), no re-timing). */
const RESTAFF_PER_ITERATION = 1;

/**
 * The schedule re-staffed at its times (search/restaff.ts), then re-inserted
 * (search/reinsert.ts), held in the forward decoder; each neighbour either keeps is first held
 * in a decoder of its own (every hard rule checked). The schedule given is returned when
 * nothing costs less.
 */
function reinsertHeld(day: CompiledDay, from: DecodeResult, decoder: DayDecoder, maxIterations: number, rng: Rng, timeLeft: () => boolean): DecodeResult {
  const iterations = maxIterations < Number.MAX_SAFE_INTEGER ? maxIterations : 1e6;
  const maxEvaluations = Math.floor(REINSERT_PER_ITERATION * iterations * Math.min(1, RESEQUENCE_FULL_ACTIVITIES / Math.max(1, day.activityCount)));
  const before = scheduleCost(day, from);
  const checker = new DayDecoder(day);
  const holds = (schedule: RetimeSchedule) => holdSchedule(day, checker, schedule);
  // Who does what first, at the times as they stand (cheap: no re-timing), then re-insertion.
  const restaffed = restaff(day, from, { maxEvaluations: Math.floor(RESTAFF_PER_ITERATION * iterations), holds, timeLeft });
  const out = reinsert(day, { start: from.start, staffOf: restaffed.staffOf, roomOf: from.roomOf, sessionOf: from.sessionOf }, { maxEvaluations, timeLeft, rng, holds });
  if (out.cost >= before - 1e-9) return from;
  const given = { start: Int32Array.from(from.start), staffOf: Int32Array.from(from.staffOf), roomOf: Int32Array.from(from.roomOf) };
  if (holdSchedule(day, decoder, out) && scheduleCost(day, decoder) < before - 1e-9) return decoder;
  holdSchedule(day, decoder, given);
  return decoder;
}

/**
 * The schedule re-staffed at its times with small groups of clinicians re-staffed exactly
 * (search/restaff.ts, exactGroups), held in the forward decoder when that costs less; else the
 * schedule given. After the passes, not in them: in each pass the re-insertion starts from the
 * re-staffed schedule, and on pinned-4 (fixed budgets, main at 1b5913d, seed 1) the exact
 * groups in every pass gave 4664 (re-insertion found nothing from their staffing) against 4663
 * without; once at the end, 4663 -> 4658 (CP-SAT's plan from ours changed only the staffing).
 */
function restaffHeld(day: CompiledDay, from: DecodeResult, decoder: DayDecoder, maxIterations: number, timeLeft: () => boolean): DecodeResult {
  const iterations = maxIterations < Number.MAX_SAFE_INTEGER ? maxIterations : 1e6;
  const checker = new DayDecoder(day);
  const holds = (schedule: RetimeSchedule) => holdSchedule(day, checker, schedule);
  const out = restaff(day, from, { maxEvaluations: Math.floor(RESTAFF_PER_ITERATION * iterations), holds, timeLeft, exactGroups: true });
  if (out.gain >= -1e-9) return from;
  const before = scheduleCost(day, from);
  const given = { start: Int32Array.from(from.start), staffOf: Int32Array.from(from.staffOf), roomOf: Int32Array.from(from.roomOf) };
  if (holdSchedule(day, decoder, { ...given, staffOf: out.staffOf }) && scheduleCost(day, decoder) < before - 1e-9) return decoder;
  holdSchedule(day, decoder, given);
  return decoder;
}

/** The share of a time limit the final re-staffing may run to. */
const FINISH_RESTAFF_SHARE = 0.949;
/** The share of a time limit the balance polish (balance-polish.ts) may run to; re-staffing after it gets to FINISH_RESTAFF_SHARE too. */
const FINISH_BALANCE_SHARE = 0.949;

/**
 * Passes of the final repair (compaction, resequence, re-staffing and re-insertion) at most: a
 * pass after the second runs only when the one before gained. The share of a time limit each
 * step may run to: the first pass, then every later one. Fixed budgets, seed 1, one pass -> two
 * -> up to four: icc-8 40k 842.5 -> 830.5 -> 824.5, icc-16 64k 5108 -> 5103 -> 5103; icc-8 160k
 * 819.5, icc-16 16k 5121, icc-32 and icc-64 unchanged; icc-8 160k seed 2 836.5 -> 830.5 (two).
 */
const FINISH_MAX_PASSES = 4;
const FINISH_PASS_SHARES: ReadonlyArray<readonly [number, number, number]> = [[0.9, 0.93, 0.94], [0.943, 0.946, 0.948]];

/** The re-insertion walk's generator: seed + this + the pass. */
const REINSERT_SEED_OFFSET = 7_919;

/** The rebuild's generator: seed + this (apart from the runs' seeds). */
const REBUILD_SEED_OFFSET = 104_729;

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

/**
 * Iterations of the rebuild's budget per start, on days of more than SPREAD_MAX_ACTIVITIES and
 * at most TRADE_MAX_ACTIVITIES activities (16 and 32 patients), without a clock: a budget of
 * several times this rebuilds from as many starts — the best schedule of all runs, then the
 * next cheapest runs' bests of other costs — each with an equal share, and keeps the cheapest.
 * A run's best list is a poor guide to where its rebuild ends, and the choice of which review
 * is left out is mostly made by then: on the 16-patient day at 64k, seed 1, the runs' bests cost
 * 5284 / 5351 / 5376 / 5405.5 and only the 5376 one leaves out JB-0013's review rather than
 * JB-0011's (the cheaper choice); rebuilt alone the 5284 one ended at 5129 (final 5098), with a
 * quarter each 5123 / 5124 / 5035 / 5077 (final 5006.5; both before the swap polish, c0cbf34).
 * With the swap polish, fixed budgets, against one start: icc-16 64k seeds 1-2 5066.5 (JB-0011's
 * review out) / 5090 -> 5006.5 (JB-0013's) / 5058.5 (4800 per start: 5036.5 / 5058.5); icc-32
 * 76k seed 1 9454 (3 out) -> 8495 (2 out; the same with 4800); 16k and 19k budgets (one start)
 * unchanged. 2400 (two starts at 16k): icc-16 16k seeds 1-6 5043 / 5040.5 / 5054.5 / 5066.5 / 5006.5 / 5048.5 ->
 * 5069.5 / 5060.5 / 5042.5 / 5081.5 / 5012.5 / 5076.5 (a start needs its few thousand
 * iterations). On the 8-patient day (its runs already start apart: construct-run.ts) two starts
 * at 40k left an ANP out (819.5 -> 4663.5). With a time limit, one start (a timed run's
 * iterations are not known ahead).
 */
export const REBUILD_START_ITERATIONS = 3200;

/**
 * On days of at most SPREAD_MAX_ACTIVITIES activities (8 patients), the iterations of the
 * rebuild's budget per start instead: there a rebuild ends in one of a few local optima
 * (819.5-842.5 on icc-8) that its one-, two- and three-patient moves, with or without the
 * clinicians changing hands (restaffed-patient-day.ts), do not leave; several starts keep the
 * cheapest. Each start needs about this many to place everything: with 4000-6000 per start
 * icc-8 40k seeds 1-2 left a review or ANP out. Fixed budgets (rebuild share 0.3, with the
 * re-staffing polish), against one start: icc-8 160k seeds 1-4 825.5 / 831.5 / 830.5 / 825.5
 * -> 820.5 / 812.5 / 825.5 / 812.5 (6 starts); 12000 (4): 820.5 / 812.5 / 830.5 / 807.5; 6000
 * (8): 825.5 / 807.5 / 825.5 / 807.5; 40k (12k to rebuild: one start) unchanged. A rebuild
 * share of 0.5 with 8000: 40k 825.5 / 4658 / 824.5 / 819.5, 160k 812.5 / 807.5 / 830.5 / 812.5;
 * 0.7: two of four left something out at 40k, 160k 831.5 / 837.5 / 842.5 / 813.5.
 */
export const SMALL_DAY_REBUILD_START_ITERATIONS = 8000;

/**
 * Starts of the rebuild (rebuildFromRuns): on days of more than SPREAD_MAX_ACTIVITIES and at
 * most TRADE_MAX_ACTIVITIES activities one per REBUILD_START_ITERATIONS of its budget, on
 * smaller days one per SMALL_DAY_REBUILD_START_ITERATIONS; else, or on time shares (a timed solve
 * too short for its budgeted schedule: timed-budget.ts), one.
 */
export function rebuildStartCount(activityCount: number, iterations: number, clocked: boolean): number {
  if (clocked || activityCount > TRADE_MAX_ACTIVITIES) return 1;
  const perStart = activityCount > SPREAD_MAX_ACTIVITIES ? REBUILD_START_ITERATIONS : SMALL_DAY_REBUILD_START_ITERATIONS;
  return Math.max(1, Math.floor(iterations / perStart));
}

/**
 * With a clock, the share of the rebuild's time its first search takes before the polishes
 * (one-day, pair, swap) start; what they leave goes back to the search. Before, a timed rebuild
 * searched to the deadline and the polishes never ran.
 */
export const REBUILD_SEARCH_SHARE = 0.6;

/**
 * Whole patients' days taken out and decoded back in against the rest (rebuild-patients.ts),
 * with what is left of the budget, from the best schedule of all runs and, when the budget
 * allows (REBUILD_START_ITERATIONS), from other runs' bests too; leaves the decoder holding the
 * cheapest schedule found. Pins are placed before everything in every decode, so a rebuild
 * cannot lose one (the pin-conflict once blamed on it was an overrun into another pin's room:
 * see replan-day.test.ts).
 */
function rebuildFromRuns(search: DaySearch, runBests: readonly BestSchedule[], iterations: number): RebuildOutcome {
  const { day, decoder, state, best, clock } = search;
  const timedShares = clock !== undefined && !search.budgeted;
  const startCount = rebuildStartCount(day.activityCount, iterations, timedShares);
  const starts: BestSchedule[] = [best];
  for (const run of [...runBests].sort((x, y) => x.cost - y.cost)) {
    if (starts.length >= startCount) break;
    if (starts.every((s) => Math.abs(s.cost - run.cost) > 1e-6)) starts.push(run);
  }
  const total: RebuildOutcome = { cost: Infinity, iterations: 0, improvements: 0, pairMoves: 0, pairImprovements: 0, swapMoves: 0, swapImprovements: 0 };
  let kept: { start: Int32Array; staff: Int32Array; room: Int32Array; meal: Int32Array } | undefined;
  // With a clock, each start's first search stops at REBUILD_SEARCH_SHARE of the start's time,
  // leaving the rest to the polishes (an iteration budget reserves theirs; time did not).
  const endMs = clock ? clock.startedMs + SEARCH_SHARE_OF_LIMIT * clock.timeLimitMs : 0;
  starts.forEach((from, k) => {
    const searchEndMs = timedShares ? clock.now() + REBUILD_SEARCH_SHARE * (endMs - clock.now()) : 0;
    state.scheme = from.scheme;
    decoder.mealDelayMin.set(from.mealDelayMin);
    const decoded = search.decode(from.order, search.targetEnd.best());
    const outcome = rebuildPatients(day, decoder, decoded, from.order, {
      iterations: Math.floor(iterations / starts.length),
      rng: createRng(search.seed + REBUILD_SEED_OFFSET + k),
      timeLeft: () => !clock || clock.now() < clock.startedMs + SEARCH_SHARE_OF_LIMIT * clock.timeLimitMs,
      maxMealDelayMin: state.maxMealDelayMin,
      ...(timedShares ? { searchTimeLeft: () => clock.now() < searchEndMs } : {}),
    });
    total.iterations += outcome.iterations;
    total.improvements += outcome.improvements;
    total.pairMoves += outcome.pairMoves;
    total.pairImprovements += outcome.pairImprovements;
    total.swapMoves += outcome.swapMoves;
    total.swapImprovements += outcome.swapImprovements;
    if (outcome.cost < total.cost - 1e-9) {
      total.cost = outcome.cost;
      if (starts.length > 1) kept = { start: decoder.start.slice(), staff: decoder.staffOf.slice(), room: decoder.roomOf.slice(), meal: decoder.mealDelayMin.slice() };
    }
  });
  if (kept) {
    // The decoder holds the last start's schedule: hold the cheapest instead.
    decoder.clearFixed();
    decoder.mealDelayMin.set(kept.meal);
    for (let a = 0; a < day.activityCount; a++) if (kept.start[a]! >= 0 && !day.pin[a]) decoder.fix(a, kept.start[a]!, kept.staff[a]!, kept.room[a]!);
    decoder.decode(new Int32Array(0));
    decoder.clearFixed();
  }
  return total;
}
