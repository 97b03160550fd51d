/**
 * A resource that holds up to `capacity` things at once (the dining room, a gym), as a
 * per-minute occupancy count over the horizon. Minutes are integers inside the solver, so
 * an Int16Array indexed by minute is exact and allocation-free.
 */
export class CapacityTimeline {
  private readonly used: Int16Array;
  private base: Int16Array;
  private dirtyFrom = Infinity;
  private dirtyTo = -Infinity;

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
    if (from < this.dirtyFrom) this.dirtyFrom = from;
    if (to > this.dirtyTo) this.dirtyTo = to;
    for (let m = from; m < to; m++) this.used[m] = this.used[m]! + amount;
  }

  freezeBase(): void {
    this.base = this.used.slice();
    this.dirtyFrom = Infinity;
    this.dirtyTo = -Infinity;
  }

  /** Back to the base, copying only the minutes touched since (a decode books a few hours). */
  reset(): void {
    for (let m = Math.max(0, this.dirtyFrom); m < this.dirtyTo; m++) this.used[m] = this.base[m]!;
    this.dirtyFrom = Infinity;
    this.dirtyTo = -Infinity;
  }
}
