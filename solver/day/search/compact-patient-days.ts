/**
 * Justification, one patient at a time: a forward decode puts every activity at its earliest
 * start, so a patient whose review is late arrives early and waits. Holding everyone else and
 * the patient's anchor (the review) where they are, rebuild the patient's other activities
 * backwards — each at its latest start before the review — and keep the result when the plan
 * costs less (a later arrival, shorter waits). Then shift the patient's whole day: everyone
 * else held, all their activities (the review too) decoded forwards from a later start, in
 * 5-minute steps up to three hours — a short day that began at 8:45 and waited for lunch
 * after its review may fit better from 10:30. Repeats while anything improves.
 */
import type { CompiledDay } from '../compile/compile-day-problem.ts';
import type { BackwardDecoder } from '../schedule/backward-decoder.ts';
import type { DayDecoder, DecodeResult } from '../schedule/day-decoder.ts';
import { scheduleCost } from './schedule-cost.ts';

/** A patient's day is tried from its first start plus 5, 10, … 180 minutes. */
const SHIFT_STEP_MIN = 5;
const SHIFT_STEPS = 36;

export interface CompactionOutcome {
  /** The forward decoder holding the compacted plan. */
  best: DecodeResult;
  cost: number;
  /** Patients whose day was rebuilt for the better. */
  improvements: number;
  decodes: number;
}

export function compactPatientDays(
  day: CompiledDay,
  initial: DecodeResult,
  decoders: { forward: DayDecoder; backward: BackwardDecoder },
  options: { maxPasses?: number; timeLeft?: () => boolean } = {},
): CompactionOutcome {
  const { forward, backward } = decoders;
  const n = day.activityCount;
  const start = Int32Array.from(initial.start);
  const staff = Int32Array.from(initial.staffOf);
  const room = Int32Array.from(initial.roomOf);
  let decodes = 0;
  let improvements = 0;
  let cost = settle();
  for (let pass = 0; pass < (options.maxPasses ?? 3); pass++) {
    let improved = false;
    for (let p = 0; p < day.patientActivities.length; p++) {
      if (options.timeLeft && !options.timeLeft()) break;
      const own = day.patientActivities[p]!;
      backward.clearFixed();
      const free: number[] = [];
      for (let a = 0; a < n; a++) {
        const mine = day.activityPatient[a] === p;
        // The patient's own activities are all rebuilt (an unplaced one gets another try),
        // except the anchor, which stays where it is.
        if (mine && (start[a]! < 0 || day.succs[a]!.length > 0 || day.activityKind[a] === 'meal')) free.push(a);
        else if (start[a]! >= 0) backward.fix(a, start[a]!, staff[a]!, room[a]!);
      }
      if (free.length === 0) continue;
      // Latest first: the activity nearest the review is placed first when decoding backwards.
      free.sort((x, y) => start[y]! - start[x]!);
      if (free.every((a) => start[a]! < 0)) continue;
      backward.decode(free);
      decodes++;

      const trial = scheduleCost(day, backward);

      if (trial < cost - 1e-9) {
        keep(own, backward);
        cost = trial;
        improvements++;
        improved = true;
      }
      if (shiftDay(p)) improved = true;
    }
    if (!improved) break;
  }
  backward.clearFixed();
  cost = settle();
  return { best: forward, cost, improvements, decodes };

  function keep(own: readonly number[], from: DecodeResult): void {
    for (const a of own) {
      start[a] = from.start[a]!;
      staff[a] = from.staffOf[a]!;
      room[a] = from.roomOf[a]!;
    }
  }

  /** Patient p's whole day decoded forwards from later starts, everyone else held; keeps the cheapest if it beats the plan. */
  function shiftDay(p: number): boolean {
    const own = day.patientActivities[p]!;
    const free = own.filter((a) => !day.pin[a]).sort((x, y) => (start[x]! < 0 ? Infinity : start[x]!) - (start[y]! < 0 ? Infinity : start[y]!));
    const placedStarts = free.filter((a) => start[a]! >= 0).map((a) => start[a]!);
    if (free.length === 0 || placedStarts.length === 0) return false;
    const firstStart = Math.min(...placedStarts);
    forward.clearFixed();
    for (let a = 0; a < n; a++) if (day.activityPatient[a] !== p && start[a]! >= 0) forward.fix(a, start[a]!, staff[a]!, room[a]!);
    const order = Int32Array.from(free);
    let bestShift = -1;
    let bestCost = cost;
    for (let step = 1; step <= SHIFT_STEPS; step++) {
      if (options.timeLeft && !options.timeLeft()) break;
      forward.patientNotBeforeMin[p] = firstStart + step * SHIFT_STEP_MIN;
      forward.decode(order);
      decodes++;
      const trial = scheduleCost(day, forward);
      if (trial < bestCost - 1e-9) { bestCost = trial; bestShift = step; }
    }
    let improved = false;
    if (bestShift > 0) {
      forward.patientNotBeforeMin[p] = firstStart + bestShift * SHIFT_STEP_MIN;
      forward.decode(order);
      decodes++;
      keep(own, forward);
      cost = bestCost;
      improvements++;
      improved = true;
    }
    forward.patientNotBeforeMin[p] = 0;
    forward.clearFixed();
    return improved;
  }

  /** Decodes the held plan with the forward decoder (everything fixed) and returns its cost. */
  function settle(): number {
    forward.clearFixed();
    for (let a = 0; a < n; a++) if (start[a]! >= 0) forward.fix(a, start[a]!, staff[a]!, room[a]!);
    forward.decode(new Int32Array(0));
    decodes++;
    start.set(forward.start);
    staff.set(forward.staffOf);
    room.set(forward.roomOf);
    return scheduleCost(day, forward);
  }
}
