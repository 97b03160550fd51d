/** Decode the same list with another scheme (serial / parallel non-delay / parallel active). */
import type { Rng } from '../../../model/rng.ts';
import type { DaySearchState } from '../day-search-state.ts';
import type { DaySearchMove } from './day-search-move.ts';

export class SchemeSwitchMove implements DaySearchMove {
  readonly name = 'scheme-switch';
  private previous = 0;
  apply(state: DaySearchState, rng: Rng): boolean {
    if (state.schemeCount < 2) return false;
    this.previous = state.scheme;
    const next = rng.int(state.schemeCount - 1);
    state.scheme = next >= this.previous ? next + 1 : next;
    return true;
  }
  undo(state: DaySearchState): void {
    state.scheme = this.previous;
  }
}
