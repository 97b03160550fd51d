/**
 * When people can work: a staff member's usable intervals for assessments (shift ∩ opening
 * hours, ending by the MDT start, minus breaks) and a patient's window for assessments.
 * Shared by the lower bound and the explanations; pure arithmetic on the problem.
 */
import type { DayPatient, DayProblem, DayStaffMember, MinuteWindow } from '../../model/day-problem.ts';

/** Free intervals of a staff member for assessments, sorted, non-overlapping. */
export function staffAssessmentIntervals(problem: DayProblem, staff: DayStaffMember): MinuteWindow[] {
  const { openMin, closeMin, mdt } = problem.centre;
  const startMin = Math.max(staff.shift.startMin, openMin);
  const endMin = Math.min(staff.shift.endMin, closeMin, mdt.startMin);
  return subtractIntervals({ startMin, endMin }, staff.breaks);
}

/** The window minus the given intervals. */
export function subtractIntervals(window: MinuteWindow, cuts: readonly MinuteWindow[]): MinuteWindow[] {
  let pieces: MinuteWindow[] = window.endMin > window.startMin ? [window] : [];
  for (const cut of cuts) {
    const next: MinuteWindow[] = [];
    for (const p of pieces) {
      if (cut.endMin <= p.startMin || cut.startMin >= p.endMin) { next.push(p); continue; }
      if (cut.startMin > p.startMin) next.push({ startMin: p.startMin, endMin: cut.startMin });
      if (cut.endMin < p.endMin) next.push({ startMin: cut.endMin, endMin: p.endMin });
    }
    pieces = next;
  }
  return pieces.sort((a, b) => a.startMin - b.startMin);
}

export function totalMinutes(intervals: readonly MinuteWindow[]): number {
  let total = 0;
  for (const i of intervals) total += Math.max(0, i.endMin - i.startMin);
  return total;
}

/** Intervals clipped to a window. */
export function clipIntervals(intervals: readonly MinuteWindow[], window: MinuteWindow): MinuteWindow[] {
  const out: MinuteWindow[] = [];
  for (const i of intervals) {
    const startMin = Math.max(i.startMin, window.startMin);
    const endMin = Math.min(i.endMin, window.endMin);
    if (endMin > startMin) out.push({ startMin, endMin });
  }
  return out;
}

/** Does some interval hold `durationMin` consecutive minutes? */
export function fitsIn(intervals: readonly MinuteWindow[], durationMin: number): boolean {
  return intervals.some((i) => i.endMin - i.startMin >= durationMin);
}

/**
 * Where a patient's assessments can lie: after arrival plus check-in, before departure,
 * inside opening hours, ending by the MDT start.
 */
export function patientAssessmentWindow(problem: DayProblem, patient: DayPatient): MinuteWindow {
  const { openMin, closeMin, mdt, checkInBufferMin } = problem.centre;
  return {
    startMin: Math.max(openMin, patient.earliestArrivalMin + checkInBufferMin),
    endMin: Math.min(closeMin, patient.latestDepartureMin, mdt.startMin),
  };
}

/** The longest stretch from first activity start to last activity end the patient may have. */
export function patientMaxSpanMin(problem: DayProblem, patient: DayPatient): number {
  const { openMin, closeMin, checkInBufferMin } = problem.centre;
  const firstStart = Math.max(openMin, patient.earliestArrivalMin + checkInBufferMin);
  const lastEnd = Math.min(closeMin, patient.latestDepartureMin);
  return Math.min(lastEnd - firstStart, patient.maxOnSiteMin - checkInBufferMin);
}
