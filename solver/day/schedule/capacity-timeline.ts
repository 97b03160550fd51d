/**
 * A resource that holds up to `capacity` things at once (the dining room, a gym), as a
 * per-minute occupancy count over the horizon. Minutes are integers inside the solver, so
 * an Int16Array indexed by minute is exact and allocation-free.
 */
export class CapacityTimeline {
  private readonly used: Int16Array;
  private base: Int16Array;

  constructor(
    readonly capacity: number,
    readonly horizonMin: number,
  ) {
    this.used = new Int16Array(horizonMin + 1);
    this.base = new Int16Array(0);
  }

  /** Earliest start ≥ t where `amount` more fit throughout [start, start + d); Infinity past the horizon. */
  nextFree(t: number, d: number, amount = 1): number {
    const limit = this.capacity - amount;
    if (limit < 0) return Infinity;
    let start = Math.max(0, t);
    let m = start;
    while (m < start + d) {
      if (start + d > this.horizonMin) return Infinity;
      if (this.used[m]! > limit) {
        start = m + 1;
        m = start;
      } else m++;
    }
    return start;
  }

  add(startMin: number, endMin: number, amount = 1): void {
    const from = Math.max(0, startMin);
    const to = Math.min(this.horizonMin, endMin);
    for (let m = from; m < to; m++) this.used[m] = this.used[m]! + amount;
  }

  freezeBase(): void {
    this.base = this.used.slice();
  }

  reset(): void {
    this.used.set(this.base);
  }
}
