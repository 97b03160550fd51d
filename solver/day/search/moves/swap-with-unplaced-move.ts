/**
 * Targets what the last decode left unplaced: swaps it in the list with an activity of the
 * same kind that was placed (another patient's geriatrician's review, say), so the two
 * patients trade who gets the scarce clinician — the move that changes who is left out.
 * With `worth`, a rival whose patient has a lower priority is taken when there is one: when
 * someone must go without, it should be the patient it costs least.
 */
import type { Rng } from '../../../model/rng.ts';
import type { DaySearchState } from '../day-search-state.ts';
import { swapPositions, type DaySearchMove } from './day-search-move.ts';

export class SwapWithUnplacedMove implements DaySearchMove {
  readonly name = 'swap-with-unplaced';
  private i = 0;
  private j = 0;
  private readonly position: Int32Array;
  constructor(
    /** Per activity, a key shared by activities competing for the same staff (e.g. the assessment type). */
    private readonly kindOf: Int32Array,
    /** Per activity, what leaving it out costs (its patient's priority): cheaper rivals are preferred. */
    private readonly worth?: Float64Array,
  ) {
    this.position = new Int32Array(kindOf.length);
  }
  apply({ order, unplaced }: DaySearchState, rng: Rng): boolean {
    if (unplaced.length === 0) return false;
    const u = unplaced[rng.int(unplaced.length)]!;
    const kind = this.kindOf[u]!;
    for (let i = 0; i < order.length; i++) this.position[order[i]!] = i;
    // Reservoir-sample one placed rival of the same kind, one that matters less if any does.
    let rival = -1;
    let seen = 0;
    let cheaper = false;
    const worth = this.worth;
    for (let i = 0; i < order.length; i++) {
      const v = order[i]!;
      if (v === u || this.kindOf[v] !== kind || unplaced.includes(v)) continue;
      const isCheaper = worth !== undefined && worth[v]! < worth[u]!;
      if (isCheaper && !cheaper) {
        cheaper = true;
        seen = 0;
      }
      if (cheaper && !isCheaper) continue;
      seen++;
      if (rng.int(seen) === 0) rival = v;
    }
    if (rival < 0) return false;
    this.i = this.position[u]!;
    this.j = this.position[rival]!;
    swapPositions(order, this.i, this.j);
    return true;
  }
  undo({ order }: DaySearchState): void {
    swapPositions(order, this.i, this.j);
  }
}
