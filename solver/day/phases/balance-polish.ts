/**
 * The final repair's balance polish (ICC days of at most BALANCE_POLISH_MAX_ACTIVITIES): each
 * patient's day, then every two patients' days (the first first), taken out and put back exactly
 * with the workload balance read (ExactPatientDays with readsBalance), kept when the plan costs
 * less. Why: the exact programme elsewhere times a day by waiting, time on site and preferences
 * only, so of two days equal in those it takes either, and which clinicians are free then (who
 * can take the day's blood test: an idle ANP or the phlebotomist) is left to chance. On icc-8
 * planDay's 812.5 plan (160k, seed 2) JB-0001's day at the same cost, with its blood test moved
 * to when the least booked ANP is free, gives 807.5 (CP-SAT started from the 812.5 found the same).
 */
import type { CompiledDay } from '../compile/compile-day-problem.ts';
import type { DayDecoder, DecodeResult } from '../schedule/day-decoder.ts';
import { holdSchedule } from '../schedule/hold-schedule.ts';
import { ExactPatientDays } from '../search/exact-patient-day.ts';
import { scheduleCost } from '../search/schedule-cost.ts';
import { timeGridMin } from '../bound/time-grid.ts';

/**
 * Days of more activities skip the polish (its pairs grow with the square of the patients).
 * 100 -> 120 (icc-16 too, 113 activities), fixed budgets on main at a9041f4: icc-16 16k seeds
 * 1-4 5006.5 / 5006.5 / 5024.5 / 5066.5 -> 5006.5 / 5006.5 / 5018.5 / 5060.5 (one assessment out
 * each, as before); 64k seed 1 5000.5 (measured with it on 3bae95d, without it on a9041f4).
 * icc-32 (227 activities) and icc-64 skip it.
 */
export const BALANCE_POLISH_MAX_ACTIVITIES = 120;

export interface BalancePolishOutcome {
  /** The decoder (holding the cheaper plan) or the schedule given. */
  schedule: DecodeResult;
  /** Moves kept because the plan cost less. */
  improvements: number;
}

/** `from` polished; the decoder is used for the moves and holds the result when it gains. */
export function balancePolish(day: CompiledDay, decoder: DayDecoder, from: DecodeResult, timeLeft: () => boolean): BalancePolishOutcome {
  const n = day.activityCount;
  const patients = day.patientActivities.length;
  if (n > BALANCE_POLISH_MAX_ACTIVITIES || day.weights.workloadImbalanceMin <= 0) return { schedule: from, improvements: 0 };
  const exact = new ExactPatientDays(day, timeGridMin(day.problem), false, true);
  // `from` may be the decoder itself: what it holds now is copied before any move.
  const given = { start: Int32Array.from(from.start), staffOf: Int32Array.from(from.staffOf), roomOf: Int32Array.from(from.roomOf) };
  const current = { start: given.start.slice(), staffOf: given.staffOf.slice(), roomOf: given.roomOf.slice() };
  let cost = scheduleCost(day, from);
  let improvements = 0;
  const out = new Uint8Array(patients);
  const moves: number[][] = [];
  for (let p = 0; p < patients; p++) moves.push([p]);
  for (let p = 0; p < patients; p++) for (let q = 0; q < patients; q++) if (p !== q) moves.push([p, q]);
  for (const move of moves) {
    if (!timeLeft()) break;
    for (const p of move) out[p] = 1;
    decoder.clearFixed();
    for (let a = 0; a < n; a++) if (!out[day.activityPatient[a]!] && current.start[a]! >= 0 && !day.pin[a]) decoder.fix(a, current.start[a]!, current.staffOf[a]!, current.roomOf[a]!);
    decoder.decodeHeld();
    let whole = true;
    for (const p of move) if (whole && exact.place(decoder, p).length > 0) whole = false;
    for (const p of move) out[p] = 0;
    // A day the programme could not hold whole is not kept (what it lacks would be decoded anywhere).
    if (!whole) continue;
    const moved = scheduleCost(day, decoder);
    if (moved >= cost - 1e-9) continue;
    cost = moved;
    improvements++;
    current.start.set(decoder.start);
    current.staffOf.set(decoder.staffOf);
    current.roomOf.set(decoder.roomOf);
  }
  // The decoder holds the last move tried: hold the cheapest (every rule checked again), or what was given.
  if (improvements > 0 && holdSchedule(day, decoder, current) && scheduleCost(day, decoder) <= cost + 1e-9) return { schedule: decoder, improvements };
  holdSchedule(day, decoder, given);
  return { schedule: from, improvements: 0 };
}
