// Reads what buildDayProblem needs for one centre and date through the data layer.
import type { Db } from '../../db/create-database.ts';
import {
  assessmentTypes, centres, patients, precedenceRules, preVisits, referrals, rooms, shifts, staffMembers,
} from '../../db/index.ts';
import { DayProblemInputError, type DayProblemEntities } from './build-day-problem.ts';

/**
 * The centre's documents for `date`, with the given patients attending (in that order).
 * Pass the result to `buildDayProblem(entities, date)`.
 * @throws DayProblemInputError naming `centreId` or `patientIds[i]` when they are unknown.
 * @example buildDayProblem(await loadDayEntities(db, centreId, '2026-12-01', ids), '2026-12-01')
 */
export async function loadDayEntities(db: Db, centreId: string, date: string, patientIds: string[]): Promise<DayProblemEntities> {
  const centre = await centres.findById(db, centreId);
  if (!centre) throw new DayProblemInputError('centreId', `no centre with id "${centreId}"`);
  const byId = new Map((await patients.list(db, centreId)).map((p) => [p.id, p]));
  const attending = patientIds.map((id, i) => {
    const patient = byId.get(id);
    if (!patient) throw new DayProblemInputError(`patientIds[${i}]`, `no patient with id "${id}" at this centre`);
    return patient;
  });
  const attendingIds = new Set(patientIds);
  const theirReferrals = (await referrals.list(db, centreId)).filter((r) => attendingIds.has(r.patientId));
  return {
    centre,
    staff: await staffMembers.list(db, centreId),
    shifts: await shifts.list(db, centreId, { date }),
    rooms: await rooms.list(db, centreId),
    assessmentTypes: await assessmentTypes.list(db, centreId),
    precedenceRules: await precedenceRules.list(db, centreId),
    patients: attending,
    referrals: theirReferrals,
    preVisits: await preVisits.listByReferrals(db, theirReferrals.map((r) => r.id)),
  };
}
