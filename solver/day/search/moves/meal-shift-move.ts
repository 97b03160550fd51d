/** Shift one patient's meal within the lunch window, in 15-minute steps. */
import type { Rng } from '../../../model/rng.ts';
import type { DaySearchState } from '../day-search-state.ts';
import type { DaySearchMove } from './day-search-move.ts';

export class MealShiftMove implements DaySearchMove {
  readonly name = 'meal-shift';
  private patient = 0;
  private previous = 0;
  apply({ mealDelayMin, maxMealDelayMin }: DaySearchState, rng: Rng): boolean {
    if (maxMealDelayMin <= 0 || mealDelayMin.length === 0) return false;
    this.patient = rng.int(mealDelayMin.length);
    this.previous = mealDelayMin[this.patient]!;
    const steps = Math.floor(maxMealDelayMin / 15);
    const next = 15 * rng.int(steps + 1);
    if (next === this.previous) return false;
    mealDelayMin[this.patient] = next;
    return true;
  }
  undo({ mealDelayMin }: DaySearchState): void {
    mealDelayMin[this.patient] = this.previous;
  }
}
