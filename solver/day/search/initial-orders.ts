/**
 * Construction: a few priority rules, each a plausible way a coordinator would fill the day.
 * The search decodes each and starts from the best.
 */
import type { CompiledDay } from '../compile/compile-day-problem.ts';

/** Named starting priority lists over the free (unpinned) activities. */
export function initialOrders(day: CompiledDay, free: number[]): Array<{ name: string; order: Int32Array }> {
  const { problem, activityPatient: patientOf, durationMin } = day;
  const arrival = (a: number) => problem.patients[patientOf[a]!]!.earliestArrivalMin;
  const priority = (a: number) => day.patientPriority[patientOf[a]!]!;
  // Activities with fewer staff options and longer durations are harder to fit: first.
  const difficulty = (a: number) => durationMin[a]! / Math.max(1, day.staffOptions[a]!.length || day.roomOptions[a]!.length);
  const byPatient = [...free].sort(
    (a, b) => arrival(a) - arrival(b) || priority(b) - priority(a) || patientOf[a]! - patientOf[b]! || day.preds[a]!.length - day.preds[b]!.length || a - b,
  );
  // Short days first: their last (bottleneck) assessment can happen early, leaving the
  // afternoon to patients with long days; and the reverse, for variety.
  const dayLength = day.patientActivities.map((own) => own.reduce((sum, a) => sum + durationMin[a]!, 0));
  const byDayLength = (sign: number) =>
    [...free].sort(
      (a, b) => sign * (dayLength[patientOf[a]!]! - dayLength[patientOf[b]!]!) || patientOf[a]! - patientOf[b]! || day.preds[a]!.length - day.preds[b]!.length || a - b,
    );
  const byDifficulty = [...free].sort((a, b) => difficulty(b) - difficulty(a) || a - b);
  // Round robin over patients: each patient's k-th activity before anyone's (k+1)-th.
  const rank = new Map<number, number>();
  for (const own of day.patientActivities) {
    const sorted = own.filter((a) => !day.pin[a]).sort((a, b) => day.preds[a]!.length - day.preds[b]!.length || durationMin[b]! - durationMin[a]!);
    sorted.forEach((a, k) => rank.set(a, k));
  }
  const roundRobin = [...free].sort((a, b) => rank.get(a)! - rank.get(b)! || durationMin[b]! - durationMin[a]! || a - b);
  // Meals first: they are a hard requirement with a narrow window, the rest can work around them.
  const mealsFirst = (list: number[]) => Int32Array.from([...list.filter((a) => day.activityKind[a] === 'meal'), ...list.filter((a) => day.activityKind[a] !== 'meal')]);
  // Each patient's meal after their assessments: it then fills a gap in the lunch window
  // instead of fixing everyone's lunch at its opening (which keeps reviews out of late morning).
  const mealsLast = (list: number[]) =>
    Int32Array.from([...list].sort((a, b) => (patientOf[a] === patientOf[b] ? Number(day.activityKind[a] === 'meal') - Number(day.activityKind[b] === 'meal') : 0)));
  return [
    { name: 'patient-by-patient, meal last', order: mealsLast(byPatient) },
    { name: 'short-days-first, meal last', order: mealsLast(byDayLength(1)) },
    { name: 'long-days-first, meal last', order: mealsLast(byDayLength(-1)) },
    { name: 'patient-by-patient', order: mealsFirst(byPatient) },
    { name: 'hardest-first', order: mealsFirst(byDifficulty) },
    { name: 'round-robin', order: mealsFirst(roundRobin) },
    { name: 'patient-by-patient, meals in place', order: Int32Array.from(byPatient) },
    { name: 'short-days-first', order: mealsFirst(byDayLength(1)) },
    { name: 'long-days-first', order: mealsFirst(byDayLength(-1)) },
  ];
}
