/**
 * Targets what the last decode left unplaced: moves that activity's patient (the whole
 * block, in order) earlier in the list, so their day is built before others take the time.
 */
import type { Rng } from '../../../model/rng.ts';
import type { DaySearchState } from '../day-search-state.ts';
import { movePatientBlock, splitByPatient, type DaySearchMove } from './day-search-move.ts';

export class PromoteUnplacedMove implements DaySearchMove {
  readonly name = 'promote-unplaced';
  private saved = new Int32Array(0);
  constructor(private readonly patientOf: Int32Array) {}
  apply({ order, unplaced }: DaySearchState, rng: Rng): boolean {
    if (unplaced.length === 0) return false;
    const p = this.patientOf[unplaced[rng.int(unplaced.length)]!]!;
    let first = -1;
    for (let i = 0; i < order.length; i++)
      if (this.patientOf[order[i]!] === p) {
        first = i;
        break;
      }
    if (first <= 0) return false;
    if (this.saved.length !== order.length) this.saved = new Int32Array(order.length);
    this.saved.set(order);
    const { mine, rest } = splitByPatient(order, this.patientOf, p);
    movePatientBlock(order, rng.int(first), mine, rest);
    return true;
  }
  undo({ order }: DaySearchState): void {
    order.set(this.saved);
  }
}
