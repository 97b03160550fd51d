/**
 * A promotion, one of the patient rebuild's neighbourhoods (rebuild-patients.ts): a patient's
 * whole day moved so that its last activity (on ICC days the geriatrician's review) ends
 * before it now starts — a slot earlier — with everyone booked with the clinicians of that
 * day taken out, and those patients, and patients with something left out, put back exactly
 * after it. The slot the promoted patient leaves is then free for one who lacks it.
 */
import type { Rng } from '../../model/rng.ts';
import type { CompiledDay } from '../compile/compile-day-problem.ts';
import type { DayDecoder } from '../schedule/day-decoder.ts';
import { onDuty, type ExactPatientDays } from '../search/exact-patient-day.ts';

export interface HeldPlacements {
  start: Int32Array;
  staff: Int32Array;
  room: Int32Array;
}

/**
 * Patient x's day with its last activity ending by its current start, against `current`
 * with x out and the clinicians of x's day treated as free: each of x's activities with its
 * start and the clinician (of those on duty then) with the fewest other patients booked over
 * it, and those other patients. Undefined when x has nothing placed or no such day exists.
 */
export function promotion(
  day: CompiledDay,
  decoder: DayDecoder,
  exact: ExactPatientDays,
  current: HeldPlacements,
  x: number,
  rng: Rng,
): { placements: { a: number; t: number; staff: number }[]; ejected: number[] } | undefined {
  const n = day.activityCount;
  const own = day.patientActivities[x]!;
  let last = -1;
  for (const a of own) if (day.activityKind[a] !== 'meal' && current.start[a]! >= 0 && (last < 0 || current.start[a]! > current.start[last]!)) last = a;
  if (last < 0 || own.some((a) => current.start[a]! < 0 || day.pin[a])) return undefined;
  decoder.clearFixed();
  for (let a = 0; a < n; a++) if (day.activityPatient[a] !== x && current.start[a]! >= 0 && !day.pin[a]) decoder.fix(a, current.start[a]!, current.staff[a]!, current.room[a]!);
  decoder.decodeHeld();
  const staffed = own.filter((a) => day.staffOptions[a]!.length > 0);
  const ideal = exact.idealDay(decoder, x, staffed, new Map([[last, current.start[last]!]]));
  if (!ideal) return undefined;
  const placements: { a: number; t: number; staff: number }[] = [];
  const ejected: number[] = [];
  const out = new Uint8Array(day.patientActivities.length);
  out[x] = 1;
  for (const a of own) {
    const t = ideal.get(a)!;
    const e = t + day.durationMin[a]!;
    let staff = -1;
    let fewest = Infinity;
    let conflicts: number[] = [];
    for (const st of day.staffOptions[a]!) {
      if (!onDuty(day, st, t, e)) continue;
      const booked: number[] = [];
      for (let b = 0; b < n; b++) if (current.staff[b] === st && current.start[b]! < e && t < current.start[b]! + day.durationMin[b]! && day.activityPatient[b] !== x) booked.push(day.activityPatient[b]!);
      const count = booked.filter((p) => !out[p]).length + rng.int(2) * 0.5;
      if (count < fewest) {
        fewest = count;
        staff = st;
        conflicts = booked;
      }
    }
    for (const p of conflicts) {
      if (!out[p]) ejected.push(p);
      out[p] = 1;
    }
    placements.push({ a, t, staff });
  }
  placements.sort((u, v) => u.t - v.t);
  return { placements, ejected };
}
