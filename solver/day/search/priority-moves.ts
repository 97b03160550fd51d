/**
 * Local-search moves over the priority list. Each move changes the list in place and can
 * undo itself, so a rejected candidate costs no copy (VROOM-style: one small interface,
 * one class per move, named after what it does).
 */
import type { Rng } from '../../model/rng.ts';

export interface PriorityMove {
  readonly name: string;
  /** Changes `order` in place; false if it found nothing to change. */
  apply(order: Int32Array, rng: Rng): boolean;
  /** Reverts the last apply. */
  undo(order: Int32Array): void;
}

/** Two different positions in a list of `length` ≥ 2, uniformly (draws the rng exactly twice). */
function twoDistinctPositions(length: number, rng: Rng): [number, number] {
  const first = rng.int(length);
  const second = rng.int(length - 1);
  return [first, second >= first ? second + 1 : second];
}

/** Swap two activities' places in the list. */
export class SwapMove implements PriorityMove {
  readonly name = 'swap';
  private i = 0;
  private j = 0;
  apply(order: Int32Array, rng: Rng): boolean {
    if (order.length < 2) return false;
    [this.i, this.j] = twoDistinctPositions(order.length, rng);
    swap(order, this.i, this.j);
    return true;
  }
  undo(order: Int32Array): void {
    swap(order, this.i, this.j);
  }
}

/** Take one activity out and put it back elsewhere (earlier: more priority). */
export class RelocateMove implements PriorityMove {
  readonly name = 'relocate';
  private from = 0;
  private to = 0;
  apply(order: Int32Array, rng: Rng): boolean {
    if (order.length < 2) return false;
    [this.from, this.to] = twoDistinctPositions(order.length, rng);
    relocate(order, this.from, this.to);
    return true;
  }
  undo(order: Int32Array): void {
    relocate(order, this.to, this.from);
  }
}

/** Swap neighbours: the smallest change, useful late in the search. */
export class AdjacentSwapMove implements PriorityMove {
  readonly name = 'adjacent-swap';
  private i = 0;
  apply(order: Int32Array, rng: Rng): boolean {
    if (order.length < 2) return false;
    this.i = rng.int(order.length - 1);
    swap(order, this.i, this.i + 1);
    return true;
  }
  undo(order: Int32Array): void {
    swap(order, this.i, this.i + 1);
  }
}

/**
 * Move all of one patient's activities to a new place in the list, together and in
 * their current relative order (large-neighbourhood style: re-plans a whole patient).
 */
export class PatientBlockMove implements PriorityMove {
  readonly name = 'patient-block';
  private saved = new Int32Array(0);
  constructor(private readonly patientOf: Int32Array, private readonly patientCount: number) {}
  apply(order: Int32Array, rng: Rng): boolean {
    if (this.patientCount < 2) return false;
    if (this.saved.length !== order.length) this.saved = new Int32Array(order.length);
    this.saved.set(order);
    const p = rng.int(this.patientCount);
    const mine: number[] = [];
    const rest: number[] = [];
    for (const a of order) (this.patientOf[a] === p ? mine : rest).push(a);
    if (mine.length === 0 || rest.length === 0) return false;
    const at = rng.int(rest.length + 1);
    order.set(rest.slice(0, at), 0);
    order.set(mine, at);
    order.set(rest.slice(at), at + mine.length);
    return true;
  }
  undo(order: Int32Array): void {
    order.set(this.saved);
  }
}

function swap(order: Int32Array, i: number, j: number): void {
  const x = order[i]!;
  order[i] = order[j]!;
  order[j] = x;
}

function relocate(order: Int32Array, from: number, to: number): void {
  const x = order[from]!;
  if (from < to) order.copyWithin(from, from + 1, to + 1);
  else order.copyWithin(to + 1, to, from);
  order[to] = x;
}

/** The decoding scheme is part of the search state: this move switches it. */
export interface SchemeState {
  scheme: number;
  readonly schemeCount: number;
}

/** Decode the same list with another scheme (serial / parallel non-delay / parallel active). */
export class SchemeSwitchMove implements PriorityMove {
  readonly name = 'scheme-switch';
  private previous = 0;
  constructor(private readonly state: SchemeState) {}
  apply(_order: Int32Array, rng: Rng): boolean {
    if (this.state.schemeCount < 2) return false;
    this.previous = this.state.scheme;
    const next = rng.int(this.state.schemeCount - 1);
    this.state.scheme = next >= this.previous ? next + 1 : next;
    return true;
  }
  undo(): void {
    this.state.scheme = this.previous;
  }
}

/**
 * Targets what the last decode left unplaced: moves that activity's patient (the whole
 * block, in order) earlier in the list, so their day is built before others take the time.
 */
export class PromoteUnplacedMove implements PriorityMove {
  readonly name = 'promote-unplaced';
  private saved = new Int32Array(0);
  constructor(
    private readonly patientOf: Int32Array,
    /** The activities the last decode could not place. */
    private readonly unplaced: () => readonly number[],
  ) {}
  apply(order: Int32Array, rng: Rng): boolean {
    const candidates = this.unplaced();
    if (candidates.length === 0) return false;
    const p = this.patientOf[candidates[rng.int(candidates.length)]!]!;
    let first = -1;
    for (let i = 0; i < order.length; i++)
      if (this.patientOf[order[i]!] === p) {
        first = i;
        break;
      }
    if (first <= 0) return false;
    if (this.saved.length !== order.length) this.saved = new Int32Array(order.length);
    this.saved.set(order);
    const mine: number[] = [];
    const rest: number[] = [];
    for (const a of order) (this.patientOf[a] === p ? mine : rest).push(a);
    const at = rng.int(first);
    order.set(rest.slice(0, at), 0);
    order.set(mine, at);
    order.set(rest.slice(at), at + mine.length);
    return true;
  }
  undo(order: Int32Array): void {
    order.set(this.saved);
  }
}

/** Shift one patient's meal within the lunch window (the meal's delay is part of the search state). */
export class MealShiftMove implements PriorityMove {
  readonly name = 'meal-shift';
  private patient = 0;
  private previous = 0;
  constructor(
    private readonly mealDelayMin: Int32Array,
    /** Largest useful delay (lunch window − meal duration); 0 disables the move. */
    private readonly maxDelayMin: number,
  ) {}
  apply(_order: Int32Array, rng: Rng): boolean {
    if (this.maxDelayMin <= 0 || this.mealDelayMin.length === 0) return false;
    this.patient = rng.int(this.mealDelayMin.length);
    this.previous = this.mealDelayMin[this.patient]!;
    const steps = Math.floor(this.maxDelayMin / 15);
    const next = 15 * rng.int(steps + 1);
    if (next === this.previous) return false;
    this.mealDelayMin[this.patient] = next;
    return true;
  }
  undo(): void {
    this.mealDelayMin[this.patient] = this.previous;
  }
}


/**
 * Targets what the last decode left unplaced: swaps it in the list with an activity of the
 * same kind that was placed (another patient's geriatrician's review, say), so the two
 * patients trade who gets the scarce clinician — the move that changes who is left out.
 * With `worth`, a rival whose patient has a lower priority is taken when there is one: when
 * someone must go without, it should be the patient it costs least.
 */
export class SwapWithUnplacedMove implements PriorityMove {
  readonly name = 'swap-with-unplaced';
  private i = 0;
  private j = 0;
  private readonly position: Int32Array;
  constructor(
    /** Per activity, a key shared by activities competing for the same staff (e.g. the assessment type). */
    private readonly kindOf: Int32Array,
    /** The activities the last decode could not place. */
    private readonly unplaced: () => readonly number[],
    /** Per activity, what leaving it out costs (its patient's priority): cheaper rivals are preferred. */
    private readonly worth?: Float64Array,
  ) {
    this.position = new Int32Array(kindOf.length);
  }
  apply(order: Int32Array, rng: Rng): boolean {
    const candidates = this.unplaced();
    if (candidates.length === 0) return false;
    const u = candidates[rng.int(candidates.length)]!;
    const kind = this.kindOf[u]!;
    for (let i = 0; i < order.length; i++) this.position[order[i]!] = i;
    // Reservoir-sample one placed rival of the same kind, one that matters less if any does.
    let rival = -1;
    let seen = 0;
    let cheaper = false;
    const worth = this.worth;
    for (let i = 0; i < order.length; i++) {
      const v = order[i]!;
      if (v === u || this.kindOf[v] !== kind || candidates.includes(v)) continue;
      const isCheaper = worth !== undefined && worth[v]! < worth[u]!;
      if (isCheaper && !cheaper) {
        cheaper = true;
        seen = 0;
      }
      if (cheaper && !isCheaper) continue;
      seen++;
      if (rng.int(seen) === 0) rival = v;
    }
    if (rival < 0) return false;
    this.i = this.position[u]!;
    this.j = this.position[rival]!;
    swap(order, this.i, this.j);
    return true;
  }
  undo(order: Int32Array): void {
    swap(order, this.i, this.j);
  }
}
