/**
 * One local-search move over the day search's state (VROOM-style: one small interface, one
 * class per move, named after what it does). A move changes the state in place and can undo
 * itself, so a rejected candidate costs no copy.
 */
import type { Rng } from '../../../model/rng.ts';
import type { DaySearchState } from '../day-search-state.ts';

export interface DaySearchMove {
  readonly name: string;
  /** Changes `state` in place; false if it found nothing to change. */
  apply(state: DaySearchState, rng: Rng): boolean;
  /** Reverts the last apply. */
  undo(state: DaySearchState): void;
}

/** Two different positions in a list of `length` ≥ 2, uniformly (draws the rng exactly twice). */
export function twoDistinctPositions(length: number, rng: Rng): [number, number] {
  const first = rng.int(length);
  const second = rng.int(length - 1);
  return [first, second >= first ? second + 1 : second];
}

export function swapPositions(order: Int32Array, i: number, j: number): void {
  const x = order[i]!;
  order[i] = order[j]!;
  order[j] = x;
}

/** Takes the entry at `from` out and puts it back at `to`. */
export function relocatePosition(order: Int32Array, from: number, to: number): void {
  const x = order[from]!;
  if (from < to) order.copyWithin(from, from + 1, to + 1);
  else order.copyWithin(to + 1, to, from);
  order[to] = x;
}

/** Moves all of patient p's activities (in their relative order) to list position `at` among the others. */
export function movePatientBlock(order: Int32Array, at: number, mine: readonly number[], rest: readonly number[]): void {
  order.set(rest.slice(0, at), 0);
  order.set(mine, at);
  order.set(rest.slice(at), at + mine.length);
}

/** Splits the list into patient p's activities and everyone else's, each in list order. */
export function splitByPatient(order: Int32Array, patientOf: Int32Array, p: number): { mine: number[]; rest: number[] } {
  const mine: number[] = [];
  const rest: number[] = [];
  for (const a of order) (patientOf[a] === p ? mine : rest).push(a);
  return { mine, rest };
}
