/**
 * Large-neighbourhood search on the best schedule of the runs: take a few patients' whole days
 * out — a patient (one with something left unplaced, half the time) and patients who share a
 * clinician with them — hold everyone else where they are, and decode the removed days back in,
 * patient by patient in a random order: half the time what the plan left out goes first (it
 * needs the scarce slot), and one time in three the days go back in backwards, so each review
 * takes the latest free slot before the MDT and the patient's day is packed before it (the
 * bottleneck first). A change that costs no more is kept (so the walk
 * crosses plateaus); the best is returned. The list search moves one activity's priority at
 * a time and rebuilds the whole day from it; this moves whole days against a fixed rest,
 * which is what lets two patients trade a scarce clinician's slot without the rest of the
 * day shifting under them.
 */
import type { Rng } from '../../model/rng.ts';
import type { CompiledDay } from '../compile/compile-day-problem.ts';
import type { DayDecoder, DecodeResult } from '../schedule/day-decoder.ts';
import { BackwardDecoder } from '../schedule/backward-decoder.ts';
import { scheduleCost } from '../search/schedule-cost.ts';

export interface RebuildOutcome {
  cost: number;
  iterations: number;
  improvements: number;
}

/** Most patients removed at once around a seed patient. */
const MAX_REMOVED = 3;
/** A clinician's afternoon: what ends after 12:00 (minutes from midnight), at most this many patients. */
const AFTERNOON_MIN = 12 * 60;
const MAX_AFTERNOON = 8;
/**
 * One neighbourhood in this many is put back by the backward decoder. Fixed budgets, seed 1
 * (icc-8 40k, icc-16 16k, icc-32 19k, icc-64 12k): 910.5, 5267, 10340, 37823.5 (11 left out)
 * -> 906.5, 5238, 10312, 37119.5 (10) with it and the left-out-first order; 1 in 2 with the
 * left-out seed patient 3 times in 4: 5236, 10393, 38920 (11).
 */
const BACKWARD_ONE_IN = 3;

/**
 * Starts from `initial` (decoded from `order`, forwards or backwards); leaves the forward
 * `decoder` holding the best schedule found (everything fixed) and its meal delays.
 */
export function rebuildPatients(
  day: CompiledDay,
  decoder: DayDecoder,
  initial: DecodeResult,
  order: Int32Array,
  budget: { iterations: number; rng: Rng; timeLeft: () => boolean; maxMealDelayMin: number },
): RebuildOutcome {
  const n = day.activityCount;
  const patients = day.patientActivities.length;
  const { rng } = budget;
  const rank = new Int32Array(n);
  order.forEach((a, i) => (rank[a] = i));
  // The current and best schedules, as placements to hold.
  const current = { start: Int32Array.from(initial.start), staff: Int32Array.from(initial.staffOf), room: Int32Array.from(initial.roomOf), meal: Int32Array.from(decoder.mealDelayMin) };
  const best = { start: current.start.slice(), staff: current.staff.slice(), room: current.room.slice(), meal: current.meal.slice() };
  let currentCost = scheduleCost(day, initial);
  let bestCost = currentCost;
  let iterations = 0;
  let improvements = 0;
  const removed = new Uint8Array(patients);
  const chosen: number[] = [];
  const free: number[] = [];
  const backward = new BackwardDecoder(day, decoder.mealDelayMin);

  while (iterations < budget.iterations && budget.timeLeft()) {
    iterations++;
    choosePatients();
    const into: DayDecoder | BackwardDecoder = rng.int(BACKWARD_ONE_IN) === 0 ? backward : decoder;
    into.clearFixed();
    for (let a = 0; a < n; a++) if (!removed[day.activityPatient[a]!] && current.start[a]! >= 0 && !day.pin[a]) into.fix(a, current.start[a]!, current.staff[a]!, current.room[a]!);
    // The removed days back in, patient by patient in a random order; within a day by the list's
    // priority, or (a third of the time) in a random order; meals sometimes at a new time.
    shuffle(chosen);
    free.length = 0;
    // What the current plan leaves out goes first (it needs the scarce slot), half the time.
    const unplacedFirst = rng.int(2) === 0;
    if (unplacedFirst) for (const p of chosen) for (const a of day.patientActivities[p]!) if (!day.pin[a] && current.start[a]! < 0) free.push(a);
    for (const p of chosen) {
      const own = day.patientActivities[p]!.filter((a) => !day.pin[a] && !(unplacedFirst && current.start[a]! < 0));
      if (rng.int(3) === 0) shuffle(own);
      else own.sort((x, y) => rank[x]! - rank[y]!);
      free.push(...own);
      if (budget.maxMealDelayMin > 0 && rng.int(3) === 0) decoder.mealDelayMin[p] = 15 * rng.int(Math.floor(budget.maxMealDelayMin / 15) + 1);
    }
    into.decode(free);
    const cost = scheduleCost(day, into);
    if (cost <= currentCost + 1e-9) {
      currentCost = cost;
      current.start.set(into.start);
      current.staff.set(into.staffOf);
      current.room.set(into.roomOf);
      current.meal.set(decoder.mealDelayMin);
      if (cost < bestCost - 1e-9) {
        bestCost = cost;
        best.start.set(current.start);
        best.staff.set(current.staff);
        best.room.set(current.room);
        best.meal.set(current.meal);
        improvements++;
      }
    } else decoder.mealDelayMin.set(current.meal);
    for (const p of chosen) removed[p] = 0;
  }
  // Leave the decoder holding the best, everything fixed.
  decoder.clearFixed();
  decoder.mealDelayMin.set(best.meal);
  for (let a = 0; a < n; a++) if (best.start[a]! >= 0 && !day.pin[a]) decoder.fix(a, best.start[a]!, best.staff[a]!, best.room[a]!);
  decoder.decode(new Int32Array(0));
  decoder.clearFixed();
  return { cost: scheduleCost(day, decoder), iterations, improvements };

  /**
   * A seed patient (one with something unplaced, half the time), then either (a third of the
   * time) everyone a clinician of theirs sees after `AFTERNOON_MIN` — the clinician's
   * afternoon, re-packed at once — or up to two patients who share a clinician with them.
   */
  function choosePatients(): void {
    chosen.length = 0;
    const short: number[] = [];
    for (let a = 0; a < n; a++) if (current.start[a]! < 0 && !day.pin[a]) short.push(day.activityPatient[a]!);
    const first = short.length > 0 && rng.int(2) === 0 ? short[rng.int(short.length)]! : rng.int(patients);
    removed[first] = 1;
    chosen.push(first);
    if (rng.int(3) === 0) {
      // A clinician the seed patient sees or needs: of one of their activities, the one placed or a qualified one.
      const own = day.patientActivities[first]!;
      const a = own[rng.int(own.length)]!;
      const candidates = day.staffOptions[a]!;
      const staff = current.staff[a]! >= 0 ? current.staff[a]! : candidates.length > 0 ? candidates[rng.int(candidates.length)]! : -1;
      if (staff >= 0) {
        for (let b = 0; b < n; b++) {
          const p = day.activityPatient[b]!;
          if (!removed[p] && current.staff[b] === staff && current.start[b]! + day.durationMin[b]! > AFTERNOON_MIN && chosen.length < MAX_AFTERNOON) {
            removed[p] = 1;
            chosen.push(p);
          }
        }
        return;
      }
    }
    const want = 1 + rng.int(MAX_REMOVED);
    const staffOfFirst = new Set<number>();
    for (const a of day.patientActivities[first]!) if (current.staff[a]! >= 0) staffOfFirst.add(current.staff[a]!);
    const related: number[] = [];
    for (let a = 0; a < n; a++) {
      const p = day.activityPatient[a]!;
      if (!removed[p] && staffOfFirst.has(current.staff[a]!)) related.push(p);
    }
    while (chosen.length < want && related.length > 0) {
      const p = related[rng.int(related.length)]!;
      if (!removed[p]) {
        removed[p] = 1;
        chosen.push(p);
      }
      // Drop every copy of p (a patient appears once per shared activity).
      for (let i = related.length - 1; i >= 0; i--) if (removed[related[i]!]) related.splice(i, 1);
    }
  }

  function shuffle(list: number[]): void {
    for (let i = list.length - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      const x = list[i]!;
      list[i] = list[j]!;
      list[j] = x;
    }
  }
}
