/**
 * Move all of one patient's activities to a new place in the list, together and in their
 * current relative order (re-plans a whole patient against the others).
 */
import type { Rng } from '../../../model/rng.ts';
import type { DaySearchState } from '../day-search-state.ts';
import { movePatientBlock, splitByPatient, type DaySearchMove } from './day-search-move.ts';

export class PatientBlockMove implements DaySearchMove {
  readonly name = 'patient-block';
  private saved = new Int32Array(0);
  constructor(private readonly patientOf: Int32Array, private readonly patientCount: number) {}
  apply({ order }: DaySearchState, rng: Rng): boolean {
    if (this.patientCount < 2) return false;
    if (this.saved.length !== order.length) this.saved = new Int32Array(order.length);
    this.saved.set(order);
    const p = rng.int(this.patientCount);
    const { mine, rest } = splitByPatient(order, this.patientOf, p);
    if (mine.length === 0 || rest.length === 0) return false;
    movePatientBlock(order, rng.int(rest.length + 1), mine, rest);
    return true;
  }
  undo({ order }: DaySearchState): void {
    order.set(this.saved);
  }
}
