/**
 * Holding a schedule made outside the decoder (re-timed, re-staffed, re-inserted) in a forward
 * decoder: each activity fixed where it was put, in order of start, so the decoder checks every
 * hard rule again as it holds it.
 */
import type { CompiledDay } from '../compile/compile-day-problem.ts';
import type { DayDecoder } from './day-decoder.ts';

/** Holds a schedule in `decoder`, everything fixed in order of start; whether every activity stayed where it was put. */
export function holdSchedule(day: CompiledDay, decoder: DayDecoder, schedule: { start: Int32Array; staffOf: Int32Array; roomOf: Int32Array }): boolean {
  const placed: number[] = [];
  for (let a = 0; a < day.activityCount; a++) if (schedule.start[a]! >= 0) placed.push(a);
  placed.sort((x, y) => schedule.start[x]! - schedule.start[y]! || x - y);
  decoder.clearFixed();
  for (const a of placed) decoder.fix(a, schedule.start[a]!, schedule.staffOf[a]!, schedule.roomOf[a]!);
  decoder.decode(new Int32Array(0));
  decoder.clearFixed();
  return placed.every((a) => decoder.start[a] === schedule.start[a]);
}
