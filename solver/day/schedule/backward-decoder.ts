/**
 * The backward serial schedule-generation scheme: the forward decoder run on the mirrored
 * day (see mirror-day.ts), its starts mapped back to real time. A priority list decoded this
 * way books each activity at its latest feasible start once everything after it is booked:
 * the first geriatrician's review in the list gets the last slot before the MDT, and each
 * patient's day is packed back to back ahead of their review (short waits, late arrivals).
 */
import type { CompiledDay } from '../compile/compile-day-problem.ts';
import { DayDecoder, type DecodeResult } from './day-decoder.ts';
import { mirrorDay } from './mirror-day.ts';

export class BackwardDecoder implements DecodeResult {
  /** Start minute per activity in real time, −1 if not placed. */
  readonly start: Int32Array;
  readonly staffOf: Int32Array;
  readonly roomOf: Int32Array;
  readonly sessionOf: Int32Array;
  readonly block: Uint8Array;
  readonly staffLoad: Int32Array;
  private readonly mirrored: DayDecoder;

  constructor(
    private readonly day: CompiledDay,
    /** Per patient: minutes before the lunch window closes by which the meal should end (shared with the search). */
    readonly mealDelayMin: Int32Array,
  ) {
    this.mirrored = new DayDecoder(mirrorDay(day));
    this.start = new Int32Array(day.activityCount).fill(-1);
    // Staff, rooms, sessions, blocks and loads are the same in either direction of time.
    this.staffOf = this.mirrored.staffOf;
    this.roomOf = this.mirrored.roomOf;
    this.sessionOf = this.mirrored.sessionOf;
    this.block = this.mirrored.block;
    this.staffLoad = this.mirrored.staffLoad;
  }

  /** Holds an activity at a real-time start (see DayDecoder.fix). */
  fix(a: number, startMin: number, staff = -1, room = -1): void {
    this.mirrored.fix(a, this.day.horizonMin - startMin - this.day.durationMin[a]!, staff, room);
  }

  clearFixed(): void {
    this.mirrored.clearFixed();
  }

  /** Decodes a priority list (each free activity once); pins keep their real times. */
  decode(order: ArrayLike<number>): void {
    const { mirrored, day } = this;
    mirrored.mealDelayMin.set(this.mealDelayMin);
    mirrored.decode(order);
    for (let a = 0; a < day.activityCount; a++) {
      const s = mirrored.start[a]!;
      this.start[a] = s < 0 ? -1 : day.horizonMin - s - day.durationMin[a]!;
    }
  }
}
