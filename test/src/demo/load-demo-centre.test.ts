import { beforeAll, expect, it } from 'vitest';
import {
  assessmentTypes, centres, patients, precedenceRules, preVisits, referrals, rooms, shifts, staffMembers, vehicles,
} from '../../../src/db/index.ts';
import { generateDemoCentre } from '../../../src/demo/generate-demo-centre.ts';
import { loadDemoCentre } from '../../../src/demo/load-demo-centre.ts';
import { describeEachDatabase } from '../../helpers/describe-each-database.ts';
import { truncateAll } from '../../helpers/test-database.ts';

const START = '2026-11-30';
const demo = generateDemoCentre({ seed: 1, startDate: START });

describeEachDatabase('loadDemoCentre', (getDb) => {
  let centreId: string;

  beforeAll(async () => {
    await truncateAll(getDb());
    const result = await loadDemoCentre(getDb(), { seed: 1, startDate: START });
    expect(result.loaded).toBe(true);
    centreId = result.centreId!;
  }, 180_000);

  it('stores every part of the generated centre', async () => {
    const db = getDb();
    expect(await centres.count(db)).toBe(1);
    expect(await staffMembers.list(db, centreId)).toHaveLength(demo.staff.length);
    expect(await shifts.list(db, centreId)).toHaveLength(demo.shifts.length);
    expect(await rooms.list(db, centreId)).toHaveLength(demo.rooms.length);
    expect(await assessmentTypes.list(db, centreId)).toHaveLength(demo.assessmentTypes.length);
    expect(await precedenceRules.list(db, centreId)).toHaveLength(demo.precedenceRules.length);
    expect(await vehicles.list(db, centreId)).toHaveLength(3);
    const storedPatients = await patients.list(db, centreId);
    expect(storedPatients.map((p) => p.nhsNumber).sort()).toEqual(demo.patients.map((p) => p.nhsNumber).sort());
    const storedReferrals = await referrals.list(db, centreId);
    expect(storedReferrals).toHaveLength(60);
    expect(storedReferrals.every((r) => r.statusHistory.length === 1 && r.statusHistory[0]!.status === 'pre-visit-done')).toBe(true);
    expect(await preVisits.listByReferrals(db, storedReferrals.map((r) => r.id))).toHaveLength(60);
  });

  it('points every reference at the stored rows (drivers, precedences, pre-visit assessments)', async () => {
    const db = getDb();
    const staffIds = new Set((await staffMembers.list(db, centreId)).map((s) => s.id));
    const typeIds = new Set((await assessmentTypes.list(db, centreId)).map((t) => t.id));
    for (const v of await vehicles.list(db, centreId)) expect(staffIds.has(v.driverStaffId!)).toBe(true);
    for (const r of await precedenceRules.list(db, centreId)) {
      for (const side of [r.before, r.after]) expect(side === '*' || typeIds.has(side)).toBe(true);
    }
    const storedReferrals = await referrals.list(db, centreId);
    for (const visit of await preVisits.listByReferrals(db, storedReferrals.map((r) => r.id))) {
      for (const id of [...visit.requiredAssessmentTypeIds, ...visit.carerRequiredFor]) expect(typeIds.has(id)).toBe(true);
      expect(staffIds.has(visit.supportWorkerId!)).toBe(true);
    }
  });

  it('does nothing when a centre already exists', async () => {
    const db = getDb();
    const again = await loadDemoCentre(db, { seed: 2, startDate: START });
    expect(again).toEqual({ loaded: false });
    expect(await centres.count(db)).toBe(1);
    expect(await patients.list(db, centreId)).toHaveLength(60);
  });

  it('defaults the rota to the week of the clock it is given', async () => {
    const db = getDb();
    await truncateAll(db);
    // Thursday 2026-12-03 12:00 UTC → rota from Monday 2026-11-30.
    const result = await loadDemoCentre(db, { now: () => Date.UTC(2026, 11, 3, 12) });
    const dates = (await shifts.list(db, result.centreId!)).map((s) => s.date).sort();
    expect(dates[0]).toBe('2026-11-30');
    expect(dates[dates.length - 1]).toBe('2026-12-11');
  }, 120_000);
});
