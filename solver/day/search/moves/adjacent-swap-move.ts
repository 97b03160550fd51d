/** Swap two neighbours in the list: the smallest change, useful late in the search. */
import type { Rng } from '../../../model/rng.ts';
import type { DaySearchState } from '../day-search-state.ts';
import { swapPositions, type DaySearchMove } from './day-search-move.ts';

export class AdjacentSwapMove implements DaySearchMove {
  readonly name = 'adjacent-swap';
  private i = 0;
  apply({ order }: DaySearchState, rng: Rng): boolean {
    if (order.length < 2) return false;
    this.i = rng.int(order.length - 1);
    swapPositions(order, this.i, this.i + 1);
    return true;
  }
  undo({ order }: DaySearchState): void {
    swapPositions(order, this.i, this.i + 1);
  }
}
