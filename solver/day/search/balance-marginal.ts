/**
 * What giving one more activity to a clinician does to the workload-balance term: the change in
 * the spread (most booked minus least booked) of their discipline, weighted. The exact
 * single-patient programme (exact-patient-day.ts) reads it as part of a start's cost, so of two
 * days equal in waiting and time on site it takes the one whose activities go to the clinicians
 * with the least booked, and a blood test goes to an idle ANP rather than the phlebotomist.
 */
import type { CompiledDay } from '../compile/compile-day-problem.ts';

export class BalanceMarginal {
  /** Each discipline's clinicians. */
  private readonly members: number[][];

  constructor(private readonly day: CompiledDay) {
    this.members = Array.from({ length: day.disciplineCount }, () => []);
    day.staffDiscipline.forEach((k, s) => this.members[k]!.push(s));
  }

  /** Whether the term counts at all (a weight and a discipline with two or more clinicians). */
  get active(): boolean {
    return this.day.weights.workloadImbalanceMin > 0 && this.members.some((m) => m.length > 1);
  }

  /** The weighted change in the spread of s's discipline when `durationMin` more is booked to s, with `load` as booked now. */
  of(load: ArrayLike<number>, s: number, durationMin: number): number {
    const members = this.members[this.day.staffDiscipline[s]!]!;
    if (members.length < 2) return 0;
    let lo = Infinity;
    let hi = -Infinity;
    let loAfter = Infinity;
    let hiAfter = -Infinity;
    for (const m of members) {
      const l = load[m]!;
      const after = m === s ? l + durationMin : l;
      if (l < lo) lo = l;
      if (l > hi) hi = l;
      if (after < loAfter) loAfter = after;
      if (after > hiAfter) hiAfter = after;
    }
    return this.day.weights.workloadImbalanceMin * (hiAfter - loAfter - (hi - lo));
  }
}
