/**
 * A fresh starting list for a restart: patients in random order, each patient's activities
 * together — those with fewer predecessors first (the ANP's assessment before the review),
 * the rest shuffled, the meal somewhere among them. Unlike a fully random list it decodes
 * into a sensible day for each patient, so the search starts from a plausible plan.
 */
import type { Rng } from '../../model/rng.ts';
import type { CompiledDay } from '../compile/compile-day-problem.ts';

/** Writes the new list into `order` (which holds each free activity once). */
export function randomPatientOrder(day: CompiledDay, order: Int32Array, rng: Rng): void {
  const free = new Uint8Array(day.activityCount);
  for (const a of order) free[a] = 1;
  const patients = day.patientActivities.map((_, p) => p);
  shuffle(patients, rng);
  let at = 0;
  for (const p of patients) {
    const own = day.patientActivities[p]!.filter((a) => free[a]);
    shuffle(own, rng);
    // Stable by predecessor count keeps the shuffle among equals.
    own.sort((x, y) => rank(day, x) - rank(day, y));
    for (const a of own) order[at++] = a;
  }
}

/** The meal has no predecessors but goes anywhere; everything else by predecessor count. */
function rank(day: CompiledDay, a: number): number {
  return day.activityKind[a] === 'meal' ? 0.5 : day.preds[a]!.length;
}

function shuffle<T>(items: T[], rng: Rng): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const x = items[i]!;
    items[i] = items[j]!;
    items[j] = x;
  }
}
