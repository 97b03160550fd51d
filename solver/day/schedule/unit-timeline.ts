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
    for (let i = 0; i < this.count; i++) {
      if (ends[i]! <= t) continue;
      if (starts[i]! >= t + d) return t;
      t = ends[i]!;
    }
    return t;
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

  /** Remembers the current intervals (shift limits, breaks, pins) as the state `reset` returns to. */
  freezeBase(): void {
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
