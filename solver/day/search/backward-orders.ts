/**
 * Constructions from the MDT backwards (issue 17, "bottleneck-first construction"): the
 * geriatricians' reviews are booked first, each at its latest start before the MDT (the
 * backward decoder, on the mirrored day); then each patient's other assessments, packed back
 * from their review, bloods (which must end an hour before it) first; then each patient's
 * first assessment (the ANP's) — either at its earliest start, by the forward decoder holding
 * everything else, patients whose other assessments begin soonest first, or backwards too.
 * The first patients in the list get the last reviews and the two at its end the reviews
 * before the geriatricians' breaks (on the 8-patient demo day the afternoon takes at most six
 * reviews), so every ordered pair of patients is tried at the end, the others longest day first.
 *
 * Each schedule is handed to the search as a list in start order (what it left out next to
 * its patient's other activities) with its meal times as delays, as the non-delay
 * constructions are; the `count` cheapest distinct ones (by the forward decode of the list)
 * are returned. Every pair is tried (n(n − 1) × 8 schedules): meant for small days.
 */
import type { CompiledDay } from '../compile/compile-day-problem.ts';
import { BackwardDecoder } from '../schedule/backward-decoder.ts';
import { DayDecoder } from '../schedule/day-decoder.ts';
import { scheduleCost } from './schedule-cost.ts';

export interface BackwardStart {
  name: string;
  order: Int32Array;
  /** Per patient: the meal's delay from its window's opening in this schedule. */
  mealDelay: Int32Array;
  /** The forward decode of `order` with these delays. */
  cost: number;
}

export function backwardOrders(day: CompiledDay, options: { count: number; maxMealDelayMin: number }): BackwardStart[] {
  const n = day.activityCount;
  const patientCount = day.patientActivities.length;
  const forward = new DayDecoder(day);
  forward.groupTakesRoom = true;
  const backward = new BackwardDecoder(day, new Int32Array(patientCount));
  const free = [...Array(n).keys()].filter((a) => !day.pin[a]);
  const isMeal = (a: number) => day.activityKind[a] === 'meal';
  /** The patient's first assessment: nothing before it, something after it. */
  const isFirst = (a: number) => !isMeal(a) && day.preds[a]!.length === 0 && day.succs[a]!.length > 0;
  const isLast = (a: number) => !isMeal(a) && day.succs[a]!.length === 0;
  const lagOut = (a: number) => day.succs[a]!.reduce((lag, arc) => Math.max(lag, arc.lagMin), 0);
  const dayLength = day.patientActivities.map((own) => own.reduce((sum, a) => sum + day.durationMin[a]!, 0));
  const start = new Int32Array(n);

  /**
   * The schedule for patients in this order (the first gets the last review); meals at
   * `mealStage` (−1 before the reviews, 3 after everything), each `mealDelay` before its
   * window closes; the first assessments forwards or backwards.
   */
  const build = (patients: readonly number[], mealStage: number, mealDelay: number, firstForward: boolean): BackwardStart => {
    const rank = new Int32Array(patientCount);
    patients.forEach((p, i) => (rank[p] = i));
    const stage = (a: number) => (isMeal(a) ? mealStage : isLast(a) ? 0 : isFirst(a) ? 2 : 1);
    const list = free
      .filter((a) => !firstForward || !isFirst(a))
      .sort((x, y) => stage(x) - stage(y) || rank[day.activityPatient[x]!]! - rank[day.activityPatient[y]!]! || lagOut(y) - lagOut(x) || day.durationMin[y]! - day.durationMin[x]! || x - y);
    backward.mealDelayMin.fill(mealDelay);
    backward.decode(Int32Array.from(list));
    start.set(backward.start);
    if (firstForward) {
      forward.clearFixed();
      for (const a of free) if (start[a]! >= 0) forward.fix(a, start[a]!, backward.staffOf[a]!, backward.roomOf[a]!);
      const firstOther = new Int32Array(patientCount).fill(1 << 20);
      for (const a of free) if (start[a]! >= 0 && !isMeal(a) && !isFirst(a)) firstOther[day.activityPatient[a]!] = Math.min(firstOther[day.activityPatient[a]!]!, start[a]!);
      const firsts = free.filter(isFirst).sort((x, y) => firstOther[day.activityPatient[x]!]! - firstOther[day.activityPatient[y]!]! || x - y);
      forward.decode(Int32Array.from(firsts));
      start.set(forward.start);
      forward.clearFixed();
    }
    // In start order; what is left out next to its patient's placed activities (a first
    // assessment just before them, anything else just after).
    const first = new Int32Array(patientCount).fill(1 << 20);
    const last = new Int32Array(patientCount);
    for (const a of free) {
      if (start[a]! < 0) continue;
      const p = day.activityPatient[a]!;
      first[p] = Math.min(first[p]!, start[a]!);
      last[p] = Math.max(last[p]!, start[a]!);
    }
    const key = (a: number) => (start[a]! >= 0 ? start[a]! : isFirst(a) ? first[day.activityPatient[a]!]! - 0.5 : last[day.activityPatient[a]!]! + 0.5);
    const order = Int32Array.from([...free].sort((x, y) => key(x) - key(y) || x - y));
    const delays = new Int32Array(patientCount);
    for (const a of free) {
      if (!isMeal(a) || start[a]! < 0) continue;
      delays[day.activityPatient[a]!] = Math.max(0, Math.min(options.maxMealDelayMin, start[a]! - day.earliestStartMin[a]!));
    }
    forward.mealDelayMin.set(delays);
    forward.decode(order);
    return { name: `backward from the MDT, ${patients.join(' ')}`, order, mealDelay: delays, cost: scheduleCost(day, forward) };
  };

  const byCost = new Map<number, BackwardStart>();
  for (let i = 0; i < patientCount; i++)
    for (let j = 0; j < patientCount; j++) {
      if (i === j) continue;
      const rest = [...Array(patientCount).keys()].filter((p) => p !== i && p !== j).sort((x, y) => dayLength[y]! - dayLength[x]! || x - y);
      for (const mealStage of [-1, 3])
        for (const mealDelay of [0, options.maxMealDelayMin])
          for (const firstForward of [true, false]) {
            const built = build([...rest, i, j], mealStage, mealDelay, firstForward);
            const key = Math.round(built.cost * 100);
            if (!byCost.has(key)) byCost.set(key, built);
          }
    }
  return [...byCost.values()].sort((x, y) => x.cost - y.cost).slice(0, options.count);
}
