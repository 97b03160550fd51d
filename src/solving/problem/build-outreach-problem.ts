// The outreach day problem for a centre and date, read from the database: the team that goes
// out (the outreach day's staff, with their shifts that date), the residents booked to it
// (each built from their referral and pre-visit outcome exactly as an ICC day builds its
// patients: required assessments, named clinicians, priority), their care homes, and the
// centre's outreach settings (homes per day, MDT on return or remote).
import type { Db } from '../../db/create-database.ts';
import { careHomes, outreachDays, referrals } from '../../db/index.ts';
import { referralTransitions } from '../../db/repositories/referral-transitions.ts';
import { defaultOutreachSettings } from '../../domain/outreach.ts';
import { timeToMin } from '../../domain/primitives.ts';
import type { OutreachHome, OutreachProblem } from '../../../solver/index.ts';
import { buildDayProblem, DayProblemInputError } from './build-day-problem.ts';
import { loadDayEntities } from './load-day-entities.ts';

/** Referrals in these states no longer bring the team to the resident, even if a date is held. */
const closedStatuses = new Set(['declined', 'cancelled', 'discharged', 'did-not-attend']);

/** The residents booked to the outreach day on `date` (referral order, each once). */
export async function bookedResidents(db: Db, centreId: string, date: string): Promise<string[]> {
  const booked = new Set((await referralTransitions.listOnDate(db, centreId, 'outreachDate', date)).map((b) => b.referralId));
  const open = (await referrals.list(db, centreId)).filter((r) => booked.has(r.id) && !closedStatuses.has(r.status));
  return [...new Set(open.map((r) => r.patientId))];
}

/**
 * @throws DayProblemInputError (400 naming the field) when the day cannot be planned: no
 *   outreach day on the date, a team member without a shift, a resident not linked to a care
 *   home, nobody booked, no coordinates to drive from or to.
 */
export async function buildOutreachProblem(db: Db, centreId: string, date: string, residentIds?: string[]): Promise<OutreachProblem> {
  const [day] = await outreachDays.list(db, centreId, { date });
  if (!day) throw new DayProblemInputError('date', `there is no outreach day on ${date} (POST …/outreach-days)`);
  const patientIds = residentIds ?? (await bookedResidents(db, centreId, date));
  if (patientIds.length === 0) throw new DayProblemInputError('patientIds', `no care-home resident is booked to the outreach day on ${date}: book residents (…/outreach-bookings) or list them`);
  const entities = await loadDayEntities(db, centreId, date, patientIds);
  const dayProblem = buildDayProblem(entities, date);
  const { centre } = entities;
  const settings = centre.outreach ?? defaultOutreachSettings;
  if (centre.lat === null || centre.lon === null) throw new DayProblemInputError('centre.lat', 'the centre has no coordinates to drive from (PATCH the centre with lat and lon)');

  const staff = day.staffIds.map((id, i) => {
    const member = dayProblem.staff.find((s) => s.id === id);
    if (!member) throw new DayProblemInputError(`staffIds[${i}]`, `staff member ${id} of the outreach team has no shift on ${date}, or no qualification the catalogue uses`);
    return member; // the ICC day's staff member as it is: same shift, breaks, qualifications
  });

  const homes = new Map<string, OutreachHome>();
  const residents = entities.patients.map((patient, i) => {
    if (!patient.careHomeId) throw new DayProblemInputError(`patientIds[${i}]`, `patient ${patient.localRef} is not linked to a care home (careHomeId): book them to an ICC day instead`);
    const dayPatient = dayProblem.patients.find((p) => p.id === patient.id)!;
    return { id: patient.id, ref: dayPatient.ref, initials: dayPatient.initials, homeId: patient.careHomeId, priority: dayPatient.priority, required: dayPatient.required };
  });
  for (const homeId of new Set(residents.map((r) => r.homeId))) {
    const home = await careHomes.findById(db, centreId, homeId);
    if (!home) throw new DayProblemInputError('patientIds', `care home ${homeId} does not exist in this centre`);
    if (home.lat === null || home.lon === null) throw new DayProblemInputError(`careHomes[${homeId}].lat`, `${home.name} has no coordinates (lat, lon) to drive to`);
    homes.set(home.id, {
      id: home.id,
      name: home.name,
      address: home.addressLines.join(', '),
      postcode: home.postcode,
      lat: home.lat,
      lon: home.lon,
      visitingHours: { startMin: timeToMin(home.visitingHours.start), endMin: timeToMin(home.visitingHours.end) },
      sharedRooms: home.sharedRooms.map((room) => ({ id: `${home.id}:${room.key}`, name: room.name, capacity: room.capacity })),
    });
  }

  return {
    date,
    centre: {
      id: centre.id,
      name: centre.name,
      lat: centre.lat,
      lon: centre.lon,
      mdt: { startMin: dayProblem.centre.mdt.startMin, durationMin: dayProblem.centre.mdt.durationMin },
      mdtMode: settings.mdtMode,
      maxHomes: settings.homesPerTeamPerDay,
      transferMin: centre.transferMin,
    },
    assessmentTypes: dayProblem.assessmentTypes,
    precedences: dayProblem.precedences,
    staff,
    homes: [...homes.values()],
    residents,
  };
}
