/** Take one activity out of the list and put it back elsewhere (earlier: more priority). */
import type { Rng } from '../../../model/rng.ts';
import type { DaySearchState } from '../day-search-state.ts';
import { relocatePosition, twoDistinctPositions, type DaySearchMove } from './day-search-move.ts';

export class RelocateMove implements DaySearchMove {
  readonly name = 'relocate';
  private from = 0;
  private to = 0;
  apply({ order }: DaySearchState, rng: Rng): boolean {
    if (order.length < 2) return false;
    [this.from, this.to] = twoDistinctPositions(order.length, rng);
    relocatePosition(order, this.from, this.to);
    return true;
  }
  undo({ order }: DaySearchState): void {
    relocatePosition(order, this.to, this.from);
  }
}
