/**
 * A resource that holds one thing at a time (a staff member, a one-seat room), as a sorted
 * list of busy intervals in typed arrays: the decoder's inner loop asks "when is the
 * earliest start ≥ t with d free minutes?" thousands of times per second, so no objects.
 */
export class UnitTimeline {
  private starts: Int32Array;
  private ends: Int32Array;
  private count = 0;
  private baseStarts = new Int32Array(0);
  private baseEnds = new Int32Array(0);

  constructor(initialCapacity = 16) {
    this.starts = new Int32Array(initialCapacity);
    this.ends = new Int32Array(initialCapacity);
  }

  /** Earliest start ≥ t where [start, start + d) is free. Never fails: after the last interval all is free. */
  nextFree(t: number, d: number): number {
    const { starts, ends } = this;
    for (let i = this.firstEndingAfter(t); i < this.count; i++) {
      if (starts[i]! >= t + d) return t;
      if (ends[i]! > t) t = ends[i]!;
    }
    return t;
  }

  /**
   * Index of the first interval ending after t. Intervals are disjoint and sorted by start
   * (bookings go only where free; `freezeBase` merges overlapping fixed blocks), so their ends
   * are sorted too and a binary search finds it.
   */
  private firstEndingAfter(t: number): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.ends[mid]! <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** End of the last busy interval that ends at or before t (−Infinity if none). */
  lastEndBefore(t: number): number {
    const i = this.firstEndingAfter(t);
    return i > 0 ? this.ends[i - 1]! : -Infinity;
  }

  isFree(t: number, d: number): boolean {
    return this.nextFree(t, d) === t;
  }

  /** Marks [startMin, endMin) busy (caller has checked it was free, or it is a fixed block). */
  add(startMin: number, endMin: number): void {
    if (endMin <= startMin) return;
    if (this.count === this.starts.length) this.grow();
    let i = this.count;
    while (i > 0 && this.starts[i - 1]! > startMin) {
      this.starts[i] = this.starts[i - 1]!;
      this.ends[i] = this.ends[i - 1]!;
      i--;
    }
    this.starts[i] = startMin;
    this.ends[i] = endMin;
    this.count++;
  }

  /**
   * Remembers the current intervals (shift limits, breaks, pins) as the state `reset` returns
   * to, merging any that overlap (a break past the end of a shift) so the intervals stay disjoint.
   */
  freezeBase(): void {
    let kept = 0;
    for (let i = 0; i < this.count; i++) {
      if (kept > 0 && this.starts[i]! <= this.ends[kept - 1]!) {
        if (this.ends[i]! > this.ends[kept - 1]!) this.ends[kept - 1] = this.ends[i]!;
        continue;
      }
      this.starts[kept] = this.starts[i]!;
      this.ends[kept] = this.ends[i]!;
      kept++;
    }
    this.count = kept;
    this.baseStarts = this.starts.slice(0, this.count);
    this.baseEnds = this.ends.slice(0, this.count);
  }

  /** Back to the frozen base (placements are interleaved with it, so copy it back). */
  reset(): void {
    const n = this.baseStarts.length;
    for (let i = 0; i < n; i++) {
      this.starts[i] = this.baseStarts[i]!;
      this.ends[i] = this.baseEnds[i]!;
    }
    this.count = n;
  }

  private grow(): void {
    const starts = new Int32Array(this.starts.length * 2);
    const ends = new Int32Array(this.ends.length * 2);
    starts.set(this.starts);
    ends.set(this.ends);
    this.starts = starts;
    this.ends = ends;
  }
}
