/**
 * The day with time running backwards (minute t becomes horizon − t): every window, shift,
 * break and pin mirrored, and each precedence arc reversed. Every hard rule of SPEC §3C is
 * symmetric under this mirror (overlaps, transfer gaps, rest runs, time on site, lags), so
 * the forward decoder run on the mirrored day is a backward schedule-generation scheme: it
 * places each activity at its *latest* feasible start, after (in real time: before) its
 * successors. That puts the bottleneck first — each geriatrician's review is booked back
 * from the MDT, and the patient's earlier activities packed right behind it.
 */
import type { DayProblem } from '../../model/day-problem.ts';
import type { CompiledDay } from '../compile/compile-day-problem.ts';

/** The compiled day in mirrored time (`horizonMin − t`); activity indices are unchanged. */
export function mirrorDay(day: CompiledDay): CompiledDay {
  const h = day.horizonMin;
  const { problem } = day;
  const span = (w: { startMin: number; endMin: number }) => ({ startMin: h - w.endMin, endMin: h - w.startMin });
  // Only what the decoder reads from the problem needs mirroring: opening hours, shifts,
  // breaks and the patients' on-site windows.
  const mirroredProblem: DayProblem = {
    ...problem,
    centre: { ...problem.centre, openMin: h - problem.centre.closeMin, closeMin: h - problem.centre.openMin },
    staff: problem.staff.map((s) => ({ ...s, shift: span(s.shift), breaks: s.breaks.map(span) })),
    patients: problem.patients.map((p) => ({ ...p, earliestArrivalMin: h - p.latestDepartureMin, latestDepartureMin: h - p.earliestArrivalMin })),
  };
  const earliestStartMin = new Int32Array(day.activityCount);
  const latestEndMin = new Int32Array(day.activityCount);
  const ownEarliestStartMin = new Int32Array(day.activityCount);
  const ownLatestEndMin = new Int32Array(day.activityCount);
  for (let a = 0; a < day.activityCount; a++) {
    earliestStartMin[a] = h - day.latestEndMin[a]!;
    latestEndMin[a] = h - day.earliestStartMin[a]!;
    ownEarliestStartMin[a] = h - day.ownLatestEndMin[a]!;
    ownLatestEndMin[a] = h - day.ownEarliestStartMin[a]!;
  }
  return {
    ...day,
    problem: mirroredProblem,
    earliestStartMin,
    latestEndMin,
    ownEarliestStartMin,
    ownLatestEndMin,
    preds: day.succs,
    succs: day.preds,
    pin: day.pin.map((pin, a) => (pin ? { ...pin, startMin: h - pin.startMin - day.durationMin[a]! } : undefined)),
  };
}
