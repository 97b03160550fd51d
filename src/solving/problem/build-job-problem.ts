// The day problem a planning job solves, read from the database. Used twice: when a job is
// requested (so an unplannable day gets a 4xx at once) and when it starts (the data may have
// changed while it was queued).
import type { Db } from '../../db/create-database.ts';
import { buildDayProblem, DayProblemInputError } from './build-day-problem.ts';
import { loadDayEntities } from './load-day-entities.ts';
import type { DayProblem } from '../../../solver/index.ts';

/**
 * @throws DayProblemInputError (400, naming the field) when the day cannot be planned: closed
 *   date, no staff on shift, a patient without referral or pre-visit outcome, …
 */
export async function buildJobProblem(db: Db, centreId: string, date: string, patientIds: string[]): Promise<DayProblem> {
  const problem = buildDayProblem(await loadDayEntities(db, centreId, date, patientIds), date);
  if (problem.staff.length === 0) {
    throw new DayProblemInputError('shifts', `no active staff member with a qualification the catalogue uses has a shift on ${date}`);
  }
  return problem;
}
