/**
 * Workload lookahead for the parallel decoder: before an activity is booked at [t, e), ask
 * whether every patient and every clinician it affects could still get through their
 * remaining work by a target end (e.g. the makespan lower bound). For each such resource the
 * bound is Jackson's head bound over its remaining activities: taken from the latest earliest
 * start down, max(earliest start + minutes of those starting no earlier) — at least the
 * earliest start plus all its minutes, the classic resource-load bound, applied one step ahead.
 *
 * Only a clinician who is the sole option of an activity owns it (otherwise it is unclear
 * whose day the minutes fall on). Earliest starts come from the decoder's cached choices;
 * an activity whose slot overlaps the tentative booking on a shared patient or clinician
 * cannot start before its end (bookings only remove free time), which is what moves the
 * bounds. It is a heuristic filter for the pick, never a feasibility rule.
 */
import type { CompiledDay } from '../compile/compile-day-problem.ts';

export class WorkloadLookahead {
  private readonly patientOf: Int32Array;
  /** The sole clinician of an activity as a resource index (patient count + staff index), or −1. */
  private readonly soleStaffOf: Int32Array;
  private readonly durationMin: Int32Array;
  private readonly transferMin: number;
  /** Activities owned by each resource (patients first, then clinicians). */
  private readonly owned: Int32Array[];
  /** Per call: resources to check (stamped) and activities pushed back, with their new earliest start. */
  private stampNow = 0;
  private readonly resourceStamp: Int32Array;
  private readonly touched: number[] = [];
  private readonly pushedStamp: Int32Array;
  private readonly pushedStart: Int32Array;
  /** Scratch for resourceBound. */
  private readonly starts: Int32Array;
  private readonly minutes: Int32Array;

  constructor(day: CompiledDay) {
    const patientCount = day.problem.patients.length;
    const n = day.activityCount;
    this.patientOf = day.activityPatient;
    this.durationMin = day.durationMin;
    this.transferMin = day.transferMin;
    this.soleStaffOf = new Int32Array(n).fill(-1);
    const lists: number[][] = Array.from({ length: patientCount + day.problem.staff.length }, () => []);
    for (let a = 0; a < n; a++) {
      lists[day.activityPatient[a]!]!.push(a);
      const options = day.staffOptions[a]!;
      // Group sessions share a clinician's minutes between patients: leave them out.
      if (options.length === 1 && day.groupCapacity[a]! === 1) {
        this.soleStaffOf[a] = patientCount + options[0]!;
        lists[patientCount + options[0]!]!.push(a);
      }
    }
    this.owned = lists.map((list) => Int32Array.from(list));
    this.resourceStamp = new Int32Array(lists.length);
    this.pushedStamp = new Int32Array(n);
    this.pushedStart = new Int32Array(n);
    const longest = Math.max(0, ...lists.map((list) => list.length));
    this.starts = new Int32Array(longest);
    this.minutes = new Int32Array(longest);
  }

  /**
   * True if booking `a` at `t` leaves every resource it affects able to finish its remaining
   * work by `targetEndMin`. `earliest[b]` is the earliest start of each unsettled activity
   * given the bookings so far (a lower bound is enough).
   */
  fits(a: number, t: number, targetEndMin: number, earliest: Int32Array, settled: Uint8Array): boolean {
    return this.endAfter(a, t, earliest, settled, targetEndMin) <= targetEndMin;
  }

  /**
   * The latest of the affected resources' bounds once `a` is booked at t; stops counting as
   * soon as one exceeds `stopAboveMin`.
   */
  endAfter(a: number, t: number, earliest: Int32Array, settled: Uint8Array, stopAboveMin = Infinity): number {
    const stamp = ++this.stampNow;
    this.touched.length = 0;
    const end = t + this.durationMin[a]!;
    const p = this.patientOf[a]!;
    const s = this.soleStaffOf[a]!;
    this.touch(p);
    if (s >= 0) this.touch(s);
    // The patient's and the clinician's other activities whose slot clashes start after the
    // booking; the other resource of each such activity is affected too.
    this.pushBack(p, a, t, end + this.transferMin, this.transferMin, earliest, settled, stamp);
    if (s >= 0) this.pushBack(s, a, t, end, 0, earliest, settled, stamp);
    let bound = end;
    for (let i = 0; i < this.touched.length && bound <= stopAboveMin; i++) bound = Math.max(bound, this.resourceBound(this.touched[i]!, a, t, earliest, settled, stamp));
    return bound;
  }

  private touch(r: number): void {
    if (this.resourceStamp[r] === this.stampNow) return;
    this.resourceStamp[r] = this.stampNow;
    this.touched.push(r);
  }

  private pushBack(r: number, a: number, t: number, after: number, gap: number, earliest: Int32Array, settled: Uint8Array, stamp: number): void {
    const list = this.owned[r]!;
    for (let i = 0; i < list.length; i++) {
      const b = list[i]!;
      if (b === a || settled[b]) continue;
      const eb = this.pushedStamp[b] === stamp ? this.pushedStart[b]! : earliest[b]!;
      // Overlap with [t, end) (plus the transfer gap on the patient's side): only after it.
      if (!(eb < after && t < eb + this.durationMin[b]! + gap)) continue;
      this.pushedStamp[b] = stamp;
      this.pushedStart[b] = after;
      this.touch(this.patientOf[b]!);
      const sb = this.soleStaffOf[b]!;
      if (sb >= 0) this.touch(sb);
    }
  }

  /** Jackson's head bound of resource r's remaining activities, with `a` booked at t. */
  private resourceBound(r: number, a: number, t: number, earliest: Int32Array, settled: Uint8Array, stamp: number): number {
    const list = this.owned[r]!;
    const { starts, minutes, durationMin, pushedStamp, pushedStart } = this;
    let k = 0;
    for (let i = 0; i < list.length; i++) {
      const b = list[i]!;
      if (settled[b]) continue;
      const e = b === a ? t : pushedStamp[b] === stamp ? pushedStart[b]! : earliest[b]!;
      const d = durationMin[b]!;
      // Insertion sort, latest start first (a resource owns a handful of activities).
      let j = k - 1;
      while (j >= 0 && starts[j]! < e) {
        starts[j + 1] = starts[j]!;
        minutes[j + 1] = minutes[j]!;
        j--;
      }
      starts[j + 1] = e;
      minutes[j + 1] = d;
      k++;
    }
    let bound = 0;
    let work = 0;
    for (let i = 0; i < k; i++) {
      work += minutes[i]!;
      if (starts[i]! + work > bound) bound = starts[i]! + work;
    }
    return bound;
  }
}
