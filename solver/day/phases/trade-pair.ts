/**
 * A trade, one of the patient rebuild's neighbourhoods (rebuild-patients.ts): a patient whose
 * day ends late or who lacks something (the seed) and a patient with less to do whose day
 * starts earlier (the partner). Both are taken out and put back exactly, the seed first, so
 * the seed can take the partner's earlier start and the partner fit its shorter day in later.
 *
 * Why: on ICC days every assessment precedes the geriatrician's review, and the review ends
 * before the MDT, so a long day that starts late cannot hold its review while a short day
 * holds an early start (the first clinician's early slots are few: 12 ANPs for 32 patients
 * on the 32-patient demo day). Removing two such patients at random rarely pairs them.
 */
import type { Rng } from '../../model/rng.ts';
import type { CompiledDay } from '../compile/compile-day-problem.ts';

export interface TradePair {
  seed: number;
  partner: number;
}

/**
 * Draws a trade from the schedule `start` (−1: unplaced). The seed is, half the time when
 * something is left out, a patient who lacks something; otherwise the one of three drawn whose
 * day ends latest. The partner is, of two drawn among patients whose first activity (meals
 * aside) starts before the seed's, the one with fewer minutes of activity. Undefined when
 * nobody starts before the seed.
 */
export function tradePair(day: CompiledDay, start: Int32Array, workMin: readonly number[], rng: Rng): TradePair | undefined {
  const n = day.activityCount;
  const patients = day.patientActivities.length;
  const first = new Int32Array(patients).fill(0x7fffffff);
  const last = new Int32Array(patients).fill(-1);
  const short: number[] = [];
  for (let a = 0; a < n; a++) {
    if (start[a]! < 0) {
      if (!day.pin[a]) short.push(day.activityPatient[a]!);
      continue;
    }
    if (day.activityKind[a] === 'meal') continue;
    const p = day.activityPatient[a]!;
    first[p] = Math.min(first[p]!, start[a]!);
    last[p] = Math.max(last[p]!, start[a]! + day.durationMin[a]!);
  }
  let seed: number;
  if (short.length > 0 && rng.int(2) === 0) seed = short[rng.int(short.length)]!;
  else {
    seed = rng.int(patients);
    for (let k = 0; k < 2; k++) {
      const q = rng.int(patients);
      if (last[q]! > last[seed]!) seed = q;
    }
  }
  const earlier: number[] = [];
  for (let p = 0; p < patients; p++) if (p !== seed && last[p]! >= 0 && first[p]! < first[seed]!) earlier.push(p);
  if (earlier.length === 0) return undefined;
  let partner = earlier[rng.int(earlier.length)]!;
  const other = earlier[rng.int(earlier.length)]!;
  if (workMin[other]! < workMin[partner]!) partner = other;
  return { seed, partner };
}
