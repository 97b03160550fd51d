/** The day search's moves, in the order the search draws from (the order is part of a seed's plan). */
import type { CompiledDay } from '../../compile/compile-day-problem.ts';
import { AdjacentSwapMove } from './adjacent-swap-move.ts';
import type { DaySearchMove } from './day-search-move.ts';
import { MealShiftMove } from './meal-shift-move.ts';
import { PatientBlockMove } from './patient-block-move.ts';
import { PromoteUnplacedMove } from './promote-unplaced-move.ts';
import { RelocateMove } from './relocate-move.ts';
import { SchemeSwitchMove } from './scheme-switch-move.ts';
import { SwapMove } from './swap-move.ts';
import { SwapWithUnplacedMove } from './swap-with-unplaced-move.ts';

export function daySearchMoves(day: CompiledDay, iccDay: boolean): DaySearchMove[] {
  return [
    new SwapMove(),
    new RelocateMove(),
    new AdjacentSwapMove(),
    new PatientBlockMove(day.activityPatient, day.problem.patients.length),
    new SchemeSwitchMove(),
    new PromoteUnplacedMove(day.activityPatient),
    new MealShiftMove(),
    // Trading a scarce clinician between patients: only ICC days leave assessments out.
    ...(iccDay ? [new SwapWithUnplacedMove(typeKeys(day.activityTypeId), Float64Array.from(day.activityPatient, (p) => day.patientPriority[p]!))] : []),
  ];
}

/** Per activity, its assessment type as a small integer (activities that compete for the same staff). */
function typeKeys(typeIds: readonly string[]): Int32Array {
  const index = new Map<string, number>();
  return Int32Array.from(typeIds, (id) => {
    if (!index.has(id)) index.set(id, index.size);
    return index.get(id)!;
  });
}
