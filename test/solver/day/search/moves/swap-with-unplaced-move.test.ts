import { describe, expect, it } from 'vitest';
import { SwapWithUnplacedMove } from '../../../../../solver/day/search/moves/swap-with-unplaced-move.ts';
import type { DaySearchState } from '../../../../../solver/day/search/day-search-state.ts';
import { createRng } from '../../../../../solver/model/rng.ts';

// Activities 0–5: 0, 2, 4 are reviews (kind 1), the rest something else (kind 0).
const kind = Int32Array.from([1, 0, 1, 0, 1, 0]);

/** A search state holding just a list and what the last decode left unplaced. */
function stateOf(order: Int32Array, unplaced: number[]): DaySearchState {
  return { order, unplaced, scheme: 0, schemeCount: 1, mealDelayMin: new Int32Array(0), maxMealDelayMin: 0 };
}

describe('SwapWithUnplacedMove', () => {
  it('swaps the unplaced activity with a placed one of its kind, and undoes it', () => {
    const move = new SwapWithUnplacedMove(kind);
    const order = Int32Array.from([0, 1, 2, 3, 4, 5]);
    const state = stateOf(order, [4]);
    const rng = createRng(1);
    for (let k = 0; k < 20; k++) {
      expect(move.apply(state, rng)).toBe(true);
      const at = order.indexOf(4);
      expect([0, 2]).toContain(at);
      expect(kind[order[4]!]).toBe(1);
      move.undo(state);
      expect(Array.from(order)).toEqual([0, 1, 2, 3, 4, 5]);
    }
  });

  it('prefers a rival whose patient matters less, when there is one', () => {
    // Review 4 (worth 5) is unplaced; review 0 is worth 7, review 2 worth 3.
    const worth = Float64Array.from([7, 1, 3, 1, 5, 1]);
    const move = new SwapWithUnplacedMove(kind, worth);
    const rng = createRng(2);
    for (let k = 0; k < 20; k++) {
      const order = Int32Array.from([0, 1, 2, 3, 4, 5]);
      move.apply(stateOf(order, [4]), rng);
      expect(order.indexOf(4)).toBe(2);
    }
    // With nobody cheaper, any placed rival of the kind will do.
    const none = new SwapWithUnplacedMove(kind, worth);
    const seen = new Set<number>();
    for (let k = 0; k < 40; k++) {
      const order = Int32Array.from([0, 1, 2, 3, 4, 5]);
      none.apply(stateOf(order, [2]), rng);
      seen.add(order.indexOf(2));
    }
    expect(seen).toEqual(new Set([0, 4]));
  });
});
