/**
 * A day put back exactly, then re-staffed at its times (restaff.ts) before it is judged.
 *
 * Why: the exact put-back (exact-patient-day.ts) times a patient's day at its cheapest for the
 * patient, but does not see the workload balance; each activity then goes to the least booked
 * clinician free at that time. When only one clinician is free there, the day can cost more
 * than the one it replaces, though the schedule re-staffed at the same times costs less. On the
 * 16-patient demo day (64k, seed 1, plan 5006.5) JB-0008 was 6 points above their own cheapest
 * day; put back exactly their medication review went to the one pharmacist free then (150 min
 * against 90: +30 of spread, 5030.5), and re-staffing at the same times gave 5000.5 (CP-SAT's
 * best known). The rebuild's polishes refused that day; re-staffed, they keep it.
 */
import type { CompiledDay } from '../compile/compile-day-problem.ts';
import type { DayDecoder } from '../schedule/day-decoder.ts';
import { holdSchedule } from '../schedule/hold-schedule.ts';
import { restaff } from './restaff.ts';

/**
 * Re-staffs the schedule `decoder` holds at its times (start, room and session kept; restaff's
 * descent and walk within `maxEvaluations`, each neighbour checked in `checker`), and holds the
 * result in `decoder` when it costs less. Returns the change in cost (≤ 0; 0 when nothing changed).
 */
export function restaffHeldDay(day: CompiledDay, decoder: DayDecoder, checker: DayDecoder, maxEvaluations: number): number {
  const schedule = {
    start: Int32Array.from(decoder.start),
    staffOf: Int32Array.from(decoder.staffOf),
    roomOf: Int32Array.from(decoder.roomOf),
    sessionOf: Int32Array.from(decoder.sessionOf),
  };
  const out = restaff(day, schedule, { maxEvaluations, holds: (s) => holdSchedule(day, checker, s) });
  if (out.gain >= -1e-9) return 0;
  if (holdSchedule(day, decoder, { ...schedule, staffOf: out.staffOf })) return out.gain;
  holdSchedule(day, decoder, schedule);
  return 0;
}
