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
import { rebuildPatients, type RebuildOutcome } from './rebuild-patients.ts';
import { SEARCH_SHARE_OF_LIMIT } from './independent-runs.ts';

export function finishPlan(search: DaySearch, iterationsSpent: number): { activities: PlannedActivity[]; unscheduled: UnscheduledAssessment[]; rebuilt: RebuildOutcome | undefined } {
  const { day, decoder, state, best, clock } = search;
  const before = (share: number) => () => !clock || clock.now() < clock.startedMs + share * clock.timeLimitMs;
  state.scheme = best.scheme;
  decoder.mealDelayMin.set(best.mealDelayMin);
  const decoded = search.decode(best.order, search.targetEnd.best());
  // Whole patients' days taken out and decoded back in against the rest, with what is left of the
  // budget. Pins are placed before everything in every decode, so a rebuild cannot lose one (the
  // pin-conflict once blamed on it was an overrun into another pin's room: see replan-day.test.ts).
  const rebuilt = search.iccDay && best.cost > search.target + 0.01
    ? rebuildPatients(day, decoder, decoded, best.order, {
      iterations: search.maxIterations - iterationsSpent,
      rng: createRng(search.seed + REBUILD_SEED_OFFSET),
      timeLeft: before(SEARCH_SHARE_OF_LIMIT),
      maxMealDelayMin: state.maxMealDelayMin,
    })
    : undefined;
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
