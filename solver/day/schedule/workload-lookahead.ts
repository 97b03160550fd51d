/**
 * Workload lookahead for the parallel decoder: before an activity is booked at [t, e), ask
 * whether every patient and every clinician it touches could still get through their
 * remaining work by a target end (e.g. the makespan lower bound). For each such resource
 * the bound is the earliest start any of its remaining activities can take, plus the
 * minutes they need — the classic "resource load" bound, applied one step ahead.
 *
 * Only a clinician who is the sole option of an activity owns it (otherwise it is unclear
 * whose day the minutes fall on). Earliest starts come from the decoder's cached choices;
 * an activity whose slot overlaps the tentative booking on a shared patient or clinician
 * cannot start before its end (bookings only remove free time), which is what moves the
 * bound. It is a heuristic filter for the pick, never a feasibility rule.
 */
import type { CompiledDay } from '../compile/compile-day-problem.ts';

export class WorkloadLookahead {
  /** Resource of an activity: its patient, and its sole clinician (patient count + staff index) or −1. */
  private readonly patientOf: Int32Array;
  private readonly soleStaffOf: Int32Array;
  /** Activities owned by each resource (patients first, then clinicians). */
  private readonly owned: Int32Array[];
  private readonly stamp: Int32Array;
  private stampNow = 0;
  private readonly touched: number[] = [];
  /** Scratch for resourceBound. */
  private readonly starts: Int32Array;
  private readonly minutes: Int32Array;

  constructor(private readonly day: CompiledDay) {
    const patientCount = day.problem.patients.length;
    const n = day.activityCount;
    this.patientOf = day.activityPatient;
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
    this.stamp = new Int32Array(lists.length);
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
   * The latest of the affected resources' bounds (earliest start + remaining minutes) once
   * `a` is booked at t; stops counting as soon as one exceeds `stopAboveMin`.
   */
  endAfter(a: number, t: number, earliest: Int32Array, settled: Uint8Array, stopAboveMin = Infinity): number {
    this.stampNow++;
    this.touched.length = 0;
    const p = this.patientOf[a]!;
    const s = this.soleStaffOf[a]!;
    this.touch(p);
    if (s >= 0) this.touch(s);
    // Resources of the activities whose start this booking pushes back.
    const ownersLength = s >= 0 ? 2 : 1;
    for (let k = 0; k < ownersLength; k++) {
      const list = this.owned[k === 0 ? p : s]!;
      for (let i = 0; i < list.length; i++) {
        const b = list[i]!;
        if (b === a || settled[b] || this.earliestAfter(b, a, t, earliest) === earliest[b]) continue;
        this.touch(this.patientOf[b]!);
        const sb = this.soleStaffOf[b]!;
        if (sb >= 0) this.touch(sb);
      }
    }
    let end = t + this.day.durationMin[a]!;
    for (const r of this.touched) {
      end = Math.max(end, this.resourceBound(r, a, t, earliest, settled));
      if (end > stopAboveMin) break;
    }
    return end;
  }

  private touch(r: number): void {
    if (this.stamp[r] === this.stampNow) return;
    this.stamp[r] = this.stampNow;
    this.touched.push(r);
  }

  /**
   * Resource r's bound with `a` booked at t: over its remaining activities taken from the
   * latest earliest start down, max(earliest start + minutes of those starting no earlier)
   * (Jackson's head bound for one machine; at least min earliest start + all its minutes).
   */
  private resourceBound(r: number, a: number, t: number, earliest: Int32Array, settled: Uint8Array): number {
    const list = this.owned[r]!;
    const starts = this.starts;
    const minutes = this.minutes;
    const { durationMin } = this.day;
    let k = 0;
    for (let i = 0; i < list.length; i++) {
      const b = list[i]!;
      if (settled[b]) continue;
      const e = b === a ? t : this.earliestAfter(b, a, t, earliest);
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

  /** b's earliest start once `a` is booked at t: after a's end if their slots would clash on a shared patient or clinician. */
  private earliestAfter(b: number, a: number, t: number, earliest: Int32Array): number {
    const eb = earliest[b]!;
    const { durationMin } = this.day;
    const samePatient = this.patientOf[b] === this.patientOf[a];
    const sameStaff = this.soleStaffOf[b]! >= 0 && this.soleStaffOf[b] === this.soleStaffOf[a];
    if (!samePatient && !sameStaff) return eb;
    const gap = samePatient ? this.day.transferMin : 0;
    const end = t + durationMin[a]!;
    return eb < end + gap && t < eb + durationMin[b]! + gap ? end + gap : eb;
  }
}
