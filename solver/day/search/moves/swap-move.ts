/** Swap two activities' places in the list. */
import type { Rng } from '../../../model/rng.ts';
import type { DaySearchState } from '../day-search-state.ts';
import { swapPositions, twoDistinctPositions, type DaySearchMove } from './day-search-move.ts';

export class SwapMove implements DaySearchMove {
  readonly name = 'swap';
  private i = 0;
  private j = 0;
  apply({ order }: DaySearchState, rng: Rng): boolean {
    if (order.length < 2) return false;
    [this.i, this.j] = twoDistinctPositions(order.length, rng);
    swapPositions(order, this.i, this.j);
    return true;
  }
  undo({ order }: DaySearchState): void {
    swapPositions(order, this.i, this.j);
  }
}
