// One demo ICC day as a solver problem: the demo centre's team and rooms on `date`, with
// `patients` of its referred patients attending. Used by the CLI, tests and benchmarks.
import type { DayProblem } from '../../solver/index.ts';
import { buildDayProblem } from '../solving/problem/build-day-problem.ts';
import { demoOpenDates, generateDemoCentre, type DemoCentre } from './generate-demo-centre.ts';

export interface DemoDayProblemOptions {
  seed: number;
  /** An open weekday, "YYYY-MM-DD". */
  date: string;
  /** Attending patients (the benchmarks use 8, 16, 32 and 64). */
  patients: number;
}

/**
 * Patients one team is planned for in a day. The two geriatricians are the bottleneck: their
 * 45-minute reviews come last and need blood results back, so in practice they run from
 * about 10:30 to the 15:30 MDT — six reviews each at the very most; 10 leaves some slack.
 */
export const PATIENTS_PER_TEAM = 10;

/**
 * The demo day problem for `date` with `patients` attending.
 *
 * Beyond 10 patients the day is scaled by duplicating the whole clinical team and every room
 * except the MDT room (dining room included), once per further 10 patients: 16 patients get
 * two teams, 32 four, 64 seven. Copies get ids suffixed ":team2", ":team3", … — as if
 * neighbouring centres pooled their staff for the day; one MDT meeting is still held.
 *
 * @example demoDayProblem({ seed: 1, date: '2026-12-01', patients: 16 }).patients.length // 16
 */
export function demoDayProblem(options: DemoDayProblemOptions): DayProblem {
  const { centre, attending } = demoDayAttendance(options);
  const problem = buildDayProblem({ ...centre, patients: attending }, options.date);
  return scaleTeams(problem, Math.ceil(options.patients / PATIENTS_PER_TEAM));
}

/**
 * The demo centre and who attends on `date`: the one draw that the day problem and the
 * transport problem both use, so they always describe the same people in the same order.
 */
export function demoDayAttendance({ seed, date, patients }: DemoDayProblemOptions): { centre: DemoCentre; attending: DemoCentre['patients'] } {
  if (!Number.isInteger(patients) || patients < 1) throw new Error(`patients must be a whole number ≥ 1, got ${patients}`);
  if (demoOpenDates(date, 1).length === 0) throw new Error(`the demo centre is closed on ${date} (weekends and bank holidays)`);
  // A fortnight's referral list, a little longer than needed because some patients are unavailable on the date.
  const centre = generateDemoCentre({ seed, startDate: date, days: 14, patientCount: Math.max(60, Math.ceil(patients * 1.25) + 4) });
  const attending = centre.patients.filter((p) => !p.unavailableDates.includes(date)).slice(0, patients);
  if (attending.length < patients) throw new Error(`only ${attending.length} demo patients are available on ${date}, ${patients} asked for`);
  return { centre, attending };
}

/** Copies share nothing with the originals, so editing one staff member's shift never moves another's. */
function scaleTeams(problem: DayProblem, teams: number): DayProblem {
  if (teams <= 1) return problem;
  const copies = Array.from({ length: teams - 1 }, (_, i) => i + 2);
  return {
    ...problem,
    staff: [...problem.staff, ...copies.flatMap((t) => problem.staff.map((s) => ({ ...structuredClone(s), id: `${s.id}:team${t}`, name: `${s.name} (team ${t})` })))],
    rooms: [
      ...problem.rooms,
      ...copies.flatMap((t) => problem.rooms.filter((r) => r.type !== 'mdt').map((r) => ({ ...r, id: `${r.id}:team${t}`, name: `${r.name} (team ${t})` }))),
    ],
  };
}
