/**
 * A drop exchange, one of the patient rebuild's polishes (rebuild-patients.ts): a patient who
 * lacks something (the taker) and a patient with everything placed whose drop costs less (the
 * giver: lower priority) both taken out, the taker put back first so it can take the giver's
 * scarce slot, the giver after; then with a third patient (the link) between them, one
 * booked with a clinician the taker lacks where the taker's day would want it, so the taker
 * takes the link's slot and the link the giver's (an ejection chain).
 *
 * Why: on ICC days the geriatricians' review slots before the MDT are the scarce resource, so
 * some reviews are left out; which ones is decided by the search, and the search costs waiting
 * and time on site as much as the drop. A plan that leaves out a dearer patient's review than
 * it needs to (icc-32 76k, seed 1: JB-0013's at 3430 while JB-0023's, 1640, is placed) cannot
 * be mended by one day moved at a time: the taker's day fits only where the giver's was.
 */
import type { CompiledDay } from '../compile/compile-day-problem.ts';

export interface DropExchange {
  taker: number;
  giver: number;
}

/**
 * Every exchange in the schedule `start` (−1: unplaced): takers (patients lacking something not
 * pinned), dearest first; for each, givers (patients with everything placed and a lower
 * priority), cheapest first.
 */
export function dropExchanges(day: CompiledDay, start: Int32Array): DropExchange[] {
  const patients = day.patientActivities.length;
  const lacking = lackingPatients(day, start);
  const complete: number[] = [];
  for (let p = 0; p < patients; p++) {
    const own = day.patientActivities[p]!;
    if (own.length > 0 && own.every((a) => start[a]! >= 0)) complete.push(p);
  }
  const priority = (p: number) => day.patientPriority[p]!;
  complete.sort((x, y) => priority(x) - priority(y) || x - y);
  const out: DropExchange[] = [];
  for (const taker of lacking) for (const giver of complete) if (priority(giver) < priority(taker)) out.push({ taker, giver });
  return out;
}

/** Patients lacking an activity (not a pin, not a meal) in the schedule `start`, dearest first. */
export function lackingPatients(day: CompiledDay, start: Int32Array): number[] {
  const lacking: number[] = [];
  day.patientActivities.forEach((own, p) => {
    if (own.some((a) => start[a]! < 0 && !day.pin[a] && day.activityKind[a] !== 'meal')) lacking.push(p);
  });
  return lacking.sort((x, y) => day.patientPriority[y]! - day.patientPriority[x]! || x - y);
}

/**
 * The links of an exchange: patients other than `exclude` booked (in `start`/`staff`) with a
 * clinician qualified for one of the activities `wanted` (activity → start, minutes) over its
 * duration, in patient order.
 */
export function bookedAgainst(
  day: CompiledDay,
  start: Int32Array,
  staff: Int32Array,
  wanted: ReadonlyMap<number, number>,
  exclude: ReadonlySet<number>,
): number[] {
  const found = new Set<number>();
  for (const [a, t] of wanted) {
    const e = t + day.durationMin[a]!;
    const qualified = new Set(day.staffOptions[a]!);
    for (let b = 0; b < day.activityCount; b++) {
      const p = day.activityPatient[b]!;
      if (exclude.has(p) || start[b]! < 0 || !qualified.has(staff[b]!)) continue;
      if (start[b]! < e && t < start[b]! + day.durationMin[b]!) found.add(p);
    }
  }
  return [...found].sort((x, y) => x - y);
}
