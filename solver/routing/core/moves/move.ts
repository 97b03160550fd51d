import type { RoutingSolution } from '../routing-solution.ts';

/**
 * One local-search move. Every operator (relocate, swap, 2-opt*) produces moves with
 * this interface: the cheap `gain` first, the full feasibility check only for moves
 * worth making, then `apply`.
 */
export interface Move {
  readonly operator: string;
  /** Decrease of the objective if applied (> 0 improves). */
  gain(): number;
  /** Every route the move touches stays feasible (capacity, windows, ride times, shift). */
  isValid(): boolean;
  /** Applies the move; call only after `isValid()` returned true. */
  apply(): void;
}

/** A local-search neighbourhood: lazily lists candidate moves on the current solution. */
export interface MoveOperator {
  readonly name: string;
  moves(sol: RoutingSolution): Iterable<Move>;
}
