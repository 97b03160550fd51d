// The day problem a planning job solves, read from the database. Used twice: when a job is
// requested (so an unplannable day gets a 4xx at once) and when it starts (the data may have
// changed while it was queued).
import type { Db } from '../../db/create-database.ts';
import { buildDayProblem, DayProblemInputError } from './build-day-problem.ts';
import { loadDayEntities } from './load-day-entities.ts';
import { centreShifts, outreachTeamKeys } from './outreach-teams.ts';
import type { DayProblem } from '../../../solver/index.ts';
import { centres } from '../../db/repositories/centres.ts';
import { patients } from '../../db/repositories/patients.ts';
import { plans } from '../../db/repositories/plans.ts';
import { vehicles } from '../../db/repositories/vehicles.ts';
import type { PlanPin } from '../../domain/plan.ts';
import { untimedTransport, type NotRouted, type UntimedTransport } from '../transport/day-transport.ts';

/**
 * @throws DayProblemInputError (400, naming the field) when the day cannot be planned: closed
 *   date, no staff on shift, a patient without referral or pre-visit outcome, …
 */
export async function buildJobProblem(db: Db, centreId: string, date: string, patientIds: string[]): Promise<DayProblem> {
  const entities = await loadDayEntities(db, centreId, date, patientIds);
  // The outreach team is at care homes that day: the ICC day is planned without them.
  const outreachTeam = await outreachTeamKeys(db, centreId, date);
  const problem = buildDayProblem({ ...entities, shifts: centreShifts(entities.shifts, outreachTeam) }, date);
  if (problem.staff.length === 0) {
    const out = outreachTeam.size > 0 ? ` at the centre (${outreachTeam.size} are on the outreach team that day)` : '';
    throw new DayProblemInputError('shifts', `no active staff member with a qualification the catalogue uses has a shift on ${date}${out}`);
  }
  return problem;
}

/** What a planning job solves: the day (with the coordinator's pins kept) and its transport. */
export interface JobInput {
  problem: DayProblem;
  /** The pins of the day's newest version that still apply (patient attends, staff on shift, room known). */
  pins: PlanPin[];
  transport?: UntimedTransport;
  notRouted: NotRouted[];
  notes: string[];
}

/**
 * The day problem of a job, plus what the coordinator decided on the day's newest version
 * (its pins, dropped with a note where the patient, staff member or room is no longer in the
 * day) and the transport problem from the centre's vehicles and the patients' homes.
 */
export async function buildJobInput(db: Db, centreId: string, date: string, patientIds: string[]): Promise<JobInput> {
  const problem = await buildJobProblem(db, centreId, date, patientIds);
  const notes: string[] = [];
  const latest = await plans.latest(db, centreId, date);
  const patientIdsOfDay = new Set(problem.patients.map((p) => p.id));
  const staffIds = new Set(problem.staff.map((s) => s.id));
  const roomIds = new Set(problem.rooms.map((r) => r.id));
  const pins = (latest?.pins ?? []).filter((pin) => {
    const fits = patientIdsOfDay.has(pin.patientId) && (pin.staffId === undefined || staffIds.has(pin.staffId)) && (pin.roomId === undefined || roomIds.has(pin.roomId));
    if (!fits) notes.push(`The pin of ${pin.patientId}'s ${pin.typeId} (version ${latest!.version}) no longer fits the day (patient, staff member or room gone) and was not kept.`);
    return fits;
  });
  if (pins.length > 0) notes.push(`Kept ${pins.length} pin(s) of version ${latest!.version}.`);
  const withPins: DayProblem = pins.length > 0 ? { ...problem, pins: [...(problem.pins ?? []), ...pins] } : problem;
  const [centre, patientList, vehicleList] = await Promise.all([centres.findById(db, centreId), patients.list(db, centreId), vehicles.list(db, centreId)]);
  const built = untimedTransport(centre!, withPins, patientList, vehicleList);
  if (built.note) notes.push(built.note);
  return { problem: withPins, pins, ...(built.transport ? { transport: built.transport } : {}), notRouted: built.notRouted, notes };
}
