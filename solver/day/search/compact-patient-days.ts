/**
 * Justification, one patient at a time: a forward decode puts every activity at its earliest
 * start, so a patient whose review is late arrives early and waits. Holding everyone else and
 * the patient's anchor (the review) where they are, rebuild the patient's other activities
 * backwards — each at its latest start before the review — and keep the result when the plan
 * costs less (a later arrival, shorter waits). Repeats while anything improves.
 */
import type { CompiledDay } from '../compile/compile-day-problem.ts';
import type { BackwardDecoder } from '../schedule/backward-decoder.ts';
import type { DayDecoder, DecodeResult } from '../schedule/day-decoder.ts';
import { scheduleCost } from './schedule-cost.ts';

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
        for (const a of own) {
          start[a] = backward.start[a]!;
          staff[a] = backward.staffOf[a]!;
          room[a] = backward.roomOf[a]!;
        }
        cost = trial;
        improvements++;
        improved = true;
      }
    }
    if (!improved) break;
  }
  backward.clearFixed();
  cost = settle();
  return { best: forward, cost, improvements, decodes };

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
