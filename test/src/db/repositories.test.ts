import { beforeEach, expect, it } from 'vitest';
import {
  auditLog, centres, feedTokens, patients, plans, preVisits, referrals, staffMembers,
} from '../../../src/db/index.ts';
import { centreCreateSchema, patientCreateSchema, preVisitCreateSchema, referralCreateSchema, staffMemberCreateSchema } from '../../../src/domain/index.ts';
import { AppError } from '../../../src/errors/app-error.ts';
import { describeEachDatabase } from '../../helpers/describe-each-database.ts';
import { centreBody, patientBody } from '../../helpers/fixtures.ts';
import { truncateAll } from '../../helpers/test-database.ts';

describeEachDatabase('repositories', (getDb) => {
  let centreId: string;
  beforeEach(async () => {
    await truncateAll(getDb());
    centreId = (await centres.insert(getDb(), centreCreateSchema.parse(centreBody()))).id;
  });

  it('round-trips dates as YYYY-MM-DD strings and jsonb as values', async () => {
    const p = await patients.insert(getDb(), centreId, patientCreateSchema.parse(patientBody(1, { dateOfBirth: '1938-04-01', unavailableDates: ['2026-03-05'] })));
    const again = await patients.findById(getDb(), centreId, p.id);
    expect(again).toMatchObject({ dateOfBirth: '1938-04-01', unavailableDates: ['2026-03-05'], addressLines: ['12 Beverley Road', 'Hull'] });
  });

  it('insertMany writes in one statement and a failure writes nothing', async () => {
    const docs = [1, 2].map((n) => staffMemberCreateSchema.parse({ name: `S${n}`, discipline: 'ot' }));
    expect(await staffMembers.insertMany(getDb(), centreId, docs)).toHaveLength(2);
    const clash = [patientCreateSchema.parse(patientBody(1)), patientCreateSchema.parse(patientBody(1, { localRef: 'X' }))];
    await expect(patients.insertMany(getDb(), centreId, clash)).rejects.toBeInstanceOf(AppError);
    expect(await patients.list(getDb(), centreId)).toEqual([]);
  });

  it('a transaction that fails part-way leaves nothing behind', async () => {
    const db = getDb();
    await expect(
      db.transaction(async (trx) => {
        await patients.insert(trx, centreId, patientCreateSchema.parse(patientBody(1)));
        await patients.insert(trx, centreId, patientCreateSchema.parse(patientBody(1, { localRef: 'dup' })));
      }),
    ).rejects.toMatchObject({ status: 409 });
    expect(await patients.list(db, centreId)).toEqual([]);
  });

  it('referral status changes append history; pre-visit upsert keeps one row per referral', async () => {
    const db = getDb();
    const patient = await patients.insert(db, centreId, patientCreateSchema.parse(patientBody(1)));
    const referral = await db.transaction((trx) =>
      referrals.insert(trx, centreId, referralCreateSchema.parse({ patientId: patient.id, referrer: { kind: 'gp', name: 'Dr P' }, referredDate: '2026-01-10' })),
    );
    const updated = await db.transaction((trx) => referrals.update(trx, centreId, referral.id, { status: 'declined', statusNote: 'moved away' }));
    expect(updated?.statusHistory.map((h) => [h.status, h.note])).toEqual([['received', null], ['declined', 'moved away']]);

    await preVisits.upsert(db, referral.id, preVisitCreateSchema.parse({ requiredAssessmentTypeIds: [], carerAttending: true }));
    await preVisits.upsert(db, referral.id, preVisitCreateSchema.parse({ requiredAssessmentTypeIds: [], carerAttending: false }));
    expect(await preVisits.listByReferrals(db, [referral.id])).toMatchObject([{ carerAttending: false }]);
  });

  it('plans get increasing versions per centre, date and kind', async () => {
    const db = getDb();
    const doc = { date: '2026-03-02', kind: 'day' as const, status: 'draft' as const, document: { itineraries: [] }, pins: [] };
    const v1 = await plans.insertNextVersion(db, centreId, doc);
    const v2 = await plans.insertNextVersion(db, centreId, { ...doc, document: { itineraries: [1] } });
    const otherDay = await plans.insertNextVersion(db, centreId, { ...doc, date: '2026-03-03' });
    expect([v1.version, v2.version, otherDay.version]).toEqual([1, 2, 1]);
    expect(await plans.latest(db, centreId, '2026-03-02')).toMatchObject({ version: 2, document: { itineraries: [1] } });
  });

  it('feed tokens are found by hash until revoked; audit entries are listed per record', async () => {
    const db = getDb();
    const hash = 'a'.repeat(64);
    const token = await feedTokens.insert(db, centreId, { ownerKind: 'staff', ownerId: centreId, tokenHash: hash, revoked: false });
    expect((await feedTokens.findActiveByHash(db, hash))?.id).toBe(token.id);
    await feedTokens.revoke(db, centreId, token.id);
    expect(await feedTokens.findActiveByHash(db, hash)).toBeUndefined();

    await auditLog.append(db, { actor: 'tester', action: 'revoke', entity: 'feed token', entityId: token.id, details: { why: 'lost phone' } });
    expect(await auditLog.forEntity(db, 'feed token', token.id)).toMatchObject([{ actor: 'tester', details: { why: 'lost phone' } }]);
  });

  it('centres.count is a number on both engines', async () => {
    expect(await centres.count(getDb())).toBe(1);
  });
});
