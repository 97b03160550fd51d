/**
 * The coarsest time grid on which some optimal plan lies: the greatest common divisor of
 * every time in the problem (durations, windows, shifts, breaks, lags, transfer, rest,
 * check-in, preferences, pins, the replanning time).
 *
 * Why some optimal plan lies on it: fix everything combinatorial about an optimal plan (who
 * does what in which room, the order on every staff member, room seat and patient, which
 * gaps are rests, which activities sit inside the carer's window). What remains is a linear
 * program over the start times whose constraints all read `x − y ≥ c` or `x ≥ c` with every
 * `c` a multiple of the grid (the objective's first starts, last ends and preference excess
 * are such variables too). Its matrix is totally unimodular, so it has an optimal solution
 * with every variable a multiple of the grid, and that plan keeps every hard rule and costs
 * no more. Bounds may therefore reason about grid-aligned plans only.
 */
import type { DayProblem } from '../../model/day-problem.ts';

/** The grid in minutes (≥ 1). */
export function timeGridMin(problem: DayProblem): number {
  const { centre } = problem;
  let g = 0;
  const add = (x: number | undefined): void => {
    if (x === undefined || !Number.isFinite(x)) return;
    g = gcd(g, Math.abs(Math.round(x)));
    if (!Number.isInteger(x)) g = 1;
  };
  for (const x of [centre.openMin, centre.closeMin, centre.lunchWindow.startMin, centre.lunchWindow.endMin, centre.mealDurationMin,
    centre.mdt.startMin, centre.mdt.durationMin, centre.transferMin, centre.checkInBufferMin, problem.replanFromMin]) add(x);
  for (const t of problem.assessmentTypes) add(t.durationMin);
  for (const r of problem.precedences) add(r.minLagMin);
  for (const s of problem.staff) {
    add(s.shift.startMin);
    add(s.shift.endMin);
    for (const b of s.breaks) { add(b.startMin); add(b.endMin); }
  }
  for (const p of problem.patients) {
    for (const x of [p.earliestArrivalMin, p.latestDepartureMin, p.maxOnSiteMin, p.rest?.minRestMin, p.carerPresent?.startMin,
      p.carerPresent?.endMin, p.preferredEarliestArrivalMin, p.preferredLatestDepartureMin]) add(x);
  }
  for (const pin of problem.pins ?? []) { add(pin.startMin); add(pin.durationMin); }
  return Math.max(1, g);
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}
