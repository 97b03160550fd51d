// Loads the generated demo centre into the database through the data layer, in one
// transaction, when the database has no centre yet (`npm start` on a fresh machine).
// The database makes its own ids, so the generator's ids are mapped to the stored ones.
import { serviceSettings } from '../db/repositories/service-settings.ts';
import type { Db } from '../db/create-database.ts';
import {
  assessmentTypes, careHomes, centres, patients, precedenceRules, preVisits, referrals, rooms, shifts, staffMembers, vehicles,
} from '../db/index.ts';
import { addDays, isoWeekday } from '../domain/local-date.ts';
import { generateDemoCentre } from './generate-demo-centre.ts';

export interface LoadDemoCentreOptions {
  /** Default 1. */
  seed?: number;
  /** First day of the two-week rota. Default: Monday of the current week (from `now`). */
  startDate?: string;
  /** Clock in ms for the default start date. Default Date.now. */
  now?: () => number;
}

export interface LoadDemoCentreResult {
  /** False when a centre already existed and nothing was written. */
  loaded: boolean;
  centreId?: string;
  counts?: Record<string, number>;
}

/** Monday of the week containing the instant `ms` (UTC date). */
function mondayOf(ms: number): string {
  const today = new Date(ms).toISOString().slice(0, 10);
  return addDays(today, 1 - isoWeekday(today));
}

/** Maps generator ids to stored ids, failing loudly if a reference was not loaded. */
function idMap(pairs: Array<[string, string]>, what: string): (id: string) => string {
  const map = new Map(pairs);
  return (id) => {
    const stored = map.get(id);
    if (stored === undefined) throw new Error(`demo centre: ${what} ${id} was not loaded`);
    return stored;
  };
}

const withoutId = <T extends { id: string }>({ id: _id, ...rest }: T): Omit<T, 'id'> => rest;

/**
 * Loads the demo centre unless a centre already exists. Everything or nothing is written.
 * @example await loadDemoCentre(db) // { loaded: true, centreId: '…', counts: { patients: 60, … } }
 */
export async function loadDemoCentre(db: Db, options: LoadDemoCentreOptions = {}): Promise<LoadDemoCentreResult> {
  const demo = generateDemoCentre({
    seed: options.seed ?? 1,
    startDate: options.startDate ?? mondayOf((options.now ?? Date.now)()),
  });
  return db.transaction(async (trx) => {
    // Inside the transaction, so two starts racing cannot both load.
    if ((await centres.count(trx)) > 0) return { loaded: false };
    const centre = await centres.insert(trx, withoutId(demo.centre));
    const centreId = centre.id;
    // The demo tokens (src/auth/demo-tokens.ts) are bound to this centre by its id.
    await serviceSettings.set(trx, 'demo_centre_id', centreId);

    const staffIds: Array<[string, string]> = [];
    for (const member of demo.staff) staffIds.push([member.id, (await staffMembers.insert(trx, centreId, withoutId(member))).id]);
    const staffId = idMap(staffIds, 'staff member');

    await shifts.insertMany(trx, centreId, demo.shifts.map((s) => ({ ...withoutId(s), staffId: staffId(s.staffId) })));
    await rooms.insertMany(trx, centreId, demo.rooms.map(withoutId));

    const typeIds: Array<[string, string]> = [];
    for (const type of demo.assessmentTypes) typeIds.push([type.id, (await assessmentTypes.insert(trx, centreId, withoutId(type))).id]);
    const typeId = idMap(typeIds, 'assessment type');
    const typeRef = (id: string) => (id === '*' ? '*' : typeId(id));
    await precedenceRules.insertMany(trx, centreId, demo.precedenceRules.map((r) => ({ ...withoutId(r), before: typeRef(r.before), after: typeRef(r.after) })));

    await vehicles.insertMany(trx, centreId, demo.vehicles.map((v) => ({ ...withoutId(v), driverStaffId: v.driverStaffId === null ? null : staffId(v.driverStaffId) })));

    const homeIds: Array<[string, string]> = [];
    for (const home of demo.careHomes) homeIds.push([home.id, (await careHomes.insert(trx, centreId, withoutId(home))).id]);
    const careHomeId = idMap(homeIds, 'care home');

    const patientIds: Array<[string, string]> = [];
    for (const patient of demo.patients) {
      const stored = await patients.insert(trx, centreId, { ...withoutId(patient), careHomeId: patient.careHomeId === null ? null : careHomeId(patient.careHomeId) });
      patientIds.push([patient.id, stored.id]);
    }
    const patientId = idMap(patientIds, 'patient');

    const referralIds: Array<[string, string]> = [];
    for (const referral of demo.referrals) {
      const stored = await referrals.insert(trx, centreId, { ...withoutId(referral), patientId: patientId(referral.patientId) });
      referralIds.push([referral.id, stored.id]);
    }
    const referralId = idMap(referralIds, 'referral');

    for (const visit of demo.preVisits) {
      const { referralId: generatedReferralId, ...doc } = withoutId(visit);
      await preVisits.upsert(trx, referralId(generatedReferralId), {
        ...doc,
        supportWorkerId: doc.supportWorkerId === null ? null : staffId(doc.supportWorkerId),
        requiredAssessmentTypeIds: doc.requiredAssessmentTypeIds.map(typeId),
        namedClinicians: doc.namedClinicians.map((n) => ({ assessmentTypeId: typeId(n.assessmentTypeId), staffId: staffId(n.staffId) })),
        carerRequiredFor: doc.carerRequiredFor.map(typeId),
      });
    }

    return {
      loaded: true,
      centreId,
      counts: {
        staff: demo.staff.length,
        shifts: demo.shifts.length,
        rooms: demo.rooms.length,
        assessmentTypes: demo.assessmentTypes.length,
        precedenceRules: demo.precedenceRules.length,
        vehicles: demo.vehicles.length,
        careHomes: demo.careHomes.length,
        patients: demo.patients.length,
        referrals: demo.referrals.length,
        preVisits: demo.preVisits.length,
      },
    };
  });
}
