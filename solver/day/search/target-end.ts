/**
 * The day's end a makespan search aims its decodes at (see DayDecoder.decodeParallel). For
 * the first half of the run, the lower bound: on most days some plan reaches it, and aiming
 * there steers every pick. After that, if the bound is still out of reach, one minute before
 * the best plan so far — the bound may simply be unreachable, and aiming just below the
 * incumbent is what can still improve it.
 *
 * The aim is part of the search state: the best list is re-decoded with the aim it was found
 * with, so the final plan is the one the search saw.
 */
export class TargetEnd {
  private bestEndMin = Infinity;
  private secondHalf = false;
  /** The aim the best list was decoded with. */
  private bestAimMin: number;
  private aimMin: number;

  constructor(
    /** The makespan lower bound (Infinity: no target). */
    private readonly boundMin: number,
    /** True once half the run (time or iterations) is spent. */
    private readonly halfSpent: () => boolean,
  ) {
    this.aimMin = boundMin;
    this.bestAimMin = boundMin;
  }

  /** The end to aim the next decode at. */
  current(): number {
    if (!this.secondHalf && this.boundMin < Infinity && this.halfSpent()) this.secondHalf = true;
    this.aimMin = this.secondHalf ? Math.max(this.boundMin, this.bestEndMin - 1) : this.boundMin;
    return this.aimMin;
  }

  /** The last decode is the new best; `endMin` is its last activity's end. */
  noteBest(endMin: number): void {
    this.bestAimMin = this.aimMin;
    this.bestEndMin = endMin;
  }

  /** The aim to re-decode the best list with. */
  best(): number {
    return this.bestAimMin;
  }
}

/** End of the last placed activity (start −1: not placed). */
export function lastEndMin(durationMin: Int32Array, start: Int32Array): number {
  let end = 0;
  for (let a = 0; a < start.length; a++) if (start[a]! >= 0) end = Math.max(end, start[a]! + durationMin[a]!);
  return end;
}
