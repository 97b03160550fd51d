import type { Move, MoveOperator } from './moves/move.ts';
import { relocate } from './moves/relocate.ts';
import { swap } from './moves/swap.ts';
import { twoOptStar } from './moves/two-opt-star.ts';
import type { RoutingSolution } from './routing-solution.ts';

const MIN_GAIN = 1e-6;

/** The default neighbourhoods, tried in this order. */
export const DEFAULT_OPERATORS: MoveOperator[] = [relocate, swap, twoOptStar];

/**
 * First-improvement descent: applies any valid move with a positive gain, restarting
 * the neighbourhood after each, until no operator improves or `maxMoves` is reached.
 * Returns the number of moves applied.
 */
export function localSearch(sol: RoutingSolution, operators: MoveOperator[] = DEFAULT_OPERATORS, maxMoves = 10_000): number {
  let applied = 0;
  let improved = true;
  while (improved && applied < maxMoves) {
    improved = false;
    for (const operator of operators) {
      // Operators build each move from the solution as it is when the move is listed,
      // so the scan may go on after applying one.
      for (const move of operator.moves(sol)) {
        if (isImproving(move)) {
          move.apply();
          applied++;
          improved = true;
          if (applied >= maxMoves) return applied;
        }
      }
    }
  }
  return applied;
}

function isImproving(move: Move): boolean {
  return move.gain() > MIN_GAIN && move.isValid();
}
