// Roles and access over the API on both databases: 401 without a valid token, each role
// denied what it must not see (403) and allowed what it may, tokens issued once and revoked,
// and every read of patient data written to the audit log with the token that made it.
import request from 'supertest';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planDayByJob } from '../../helpers/plan-by-job.ts';
import { createApp } from '../../../src/app.ts';
import { auditLog, patients, staffMembers } from '../../../src/db/index.ts';
import { loadDemoCentre } from '../../../src/demo/load-demo-centre.ts';
import { planJobRunnerFor } from '../../../src/solving/jobs/plan-job-runner.ts';
import { createLogger } from '../../../src/logger.ts';
import { bearer, issueToken } from '../../helpers/auth-tokens.ts';
import { describeEachDatabase } from '../../helpers/describe-each-database.ts';
import { centreBody, patientBody } from '../../helpers/fixtures.ts';
import { truncateAll } from '../../helpers/test-database.ts';

const DATE = '2026-12-01';

describeEachDatabase('roles and access', (getDb) => {
  let app: Express;
  let admin: string;
  let centreA: string;
  let centreB: string;
  let patientB: string;
  let clinicianX: { id: string; token: string };
  let clinicianY: { id: string; token: string };
  let coordinatorA: string;
  let transportA: string;
  const dayUrl = (suffix: string) => `/api/centres/${centreA}/days/${DATE}${suffix}`;

  beforeAll(async () => {
    await truncateAll(getDb());
    const db = getDb();
    app = createApp({ db, logger: createLogger('silent'), auth: { enforce: true } });
    admin = await issueToken(db, { role: 'admin' });
    centreA = (await loadDemoCentre(db, { seed: 1, startDate: '2026-11-30' })).centreId!;
    centreB = (await request(app).post('/api/centres').set(bearer(admin)).send(centreBody('Other ICC')).expect(201)).body.id;
    patientB = (await request(app).post(`/api/centres/${centreB}/patients`).set(bearer(admin)).send(patientBody(7)).expect(201)).body.id;

    coordinatorA = await issueToken(db, { role: 'coordinator', centreId: centreA });
    transportA = await issueToken(db, { role: 'transport', centreId: centreA });
    const clinicians = (await staffMembers.list(db, centreA)).filter((s) => s.discipline !== 'support-worker').slice(0, 2);
    const [x, y] = await Promise.all(clinicians.map(async (s) => ({ id: s.id, token: await issueToken(db, { role: 'clinician', centreId: centreA, staffId: s.id }) })));
    clinicianX = x!;
    clinicianY = y!;

    // A planned day, made by the coordinator through the API like in production.
    const attending = (await patients.list(db, centreA)).filter((p) => !p.unavailableDates.includes(DATE)).slice(0, 4).map((p) => p.id);
    await planDayByJob(app, db, centreA, { date: DATE, patientIds: attending, timeLimitSec: 1 }, bearer(coordinatorA));
  });

  afterAll(async () => {
    await planJobRunnerFor(getDb()).close();
  });

  describe('authentication', () => {
    it('answers 401 with a Bearer challenge without a token, with an unknown one, or a malformed header', async () => {
      const none = await request(app).get(`/api/centres/${centreA}/patients`).expect(401);
      expect(none.headers['www-authenticate']).toMatch(/^Bearer/);
      expect(none.body.error.code).toBe('unauthorized');
      await request(app).get(`/api/centres/${centreA}/patients`).set(bearer('icc_not-a-real-token')).expect(401);
      await request(app).get(`/api/centres/${centreA}/patients`).set('Authorization', `Basic ${coordinatorA}`).expect(401);
    });

    it('leaves /health, /openapi.json and the token-credentialled feeds public', async () => {
      await request(app).get('/health').expect(200);
      await request(app).get('/openapi.json').expect(200);
      // No token header: the feed route itself answers (404 for an unknown feed token), not 401.
      const feed = await request(app).get('/feeds/0123456789abcdef.ics');
      expect(feed.status).toBe(404);
    });
  });

  describe('clinician', () => {
    it("reads their own timetable, and gets 403 for another clinician's", async () => {
      const own = await request(app).get(dayUrl(`/plan/by-staff?staffId=${clinicianX.id}`)).set(bearer(clinicianX.token)).expect(200);
      expect(own.body.staff.map((s: { staffId: string }) => s.staffId)).toEqual([clinicianX.id]);
      const other = await request(app).get(dayUrl(`/plan/by-staff?staffId=${clinicianY.id}`)).set(bearer(clinicianX.token)).expect(403);
      expect(other.body.error.code).toBe('forbidden');
      // Without naming themselves they would get everyone's timetable: denied.
      await request(app).get(dayUrl('/plan/by-staff')).set(bearer(clinicianX.token)).expect(403);
      await request(app).get(dayUrl(`/plan/by-staff?staffId=${clinicianY.id}`)).set(bearer(clinicianY.token)).expect(200);
    });

    it('cannot read patients, referrals, the whole plan or the by-patient view', async () => {
      for (const path of ['/patients', '/referrals', '/follow-ups']) {
        await request(app).get(`/api/centres/${centreA}${path}`).set(bearer(clinicianX.token)).expect(403);
      }
      await request(app).get(dayUrl('/plan')).set(bearer(clinicianX.token)).expect(403);
      await request(app).get(dayUrl('/plan/by-patient')).set(bearer(clinicianX.token)).expect(403);
      await request(app).post(`/api/centres/${centreA}/plan-jobs`).set(bearer(clinicianX.token)).send({ date: DATE }).expect(403);
    });

    it('issues the feed of their own timetable, and no one else\'s (403)', async () => {
      const feeds = `/api/centres/${centreA}/feed-tokens`;
      const own = await request(app).post(feeds).set(bearer(clinicianX.token)).send({ kind: 'staff', ownerId: clinicianX.id }).expect(201);
      expect(own.body.url).toMatch(/^\/feeds\/.+\.ics$/);
      await request(app).post(feeds).set(bearer(clinicianX.token)).send({ kind: 'staff', ownerId: clinicianY.id }).expect(403);
      await request(app).post(feeds).set(bearer(clinicianX.token)).send({ kind: 'room', ownerId: clinicianX.id }).expect(403);
      await request(app).get(feeds).set(bearer(clinicianX.token)).expect(403);
      await request(app).delete(`${feeds}/${own.body.id}`).set(bearer(clinicianX.token)).expect(403);
    });
  });

  describe('transport', () => {
    it("reads its centre's vehicles and rounds but not patients or the router's raw rounds with home coordinates (403)", async () => {
      await request(app).get(`/api/centres/${centreA}/vehicles`).set(bearer(transportA)).expect(200);
      const rounds = await request(app).get(dayUrl('/rounds')).set(bearer(transportA));
      expect(rounds.status).toBe(200);
      expect(JSON.stringify(rounds.body)).not.toMatch(/"lat"|"lon"/);
      await request(app).get(dayUrl('/pre-visit-rounds')).set(bearer(transportA)).expect(403);
      const denied = await request(app).get(`/api/centres/${centreA}/patients`).set(bearer(transportA)).expect(403);
      expect(denied.body.error.message).toMatch(/transport token may not GET/);
      await request(app).get(dayUrl('/plan/by-patient')).set(bearer(transportA)).expect(403);
      await request(app).get(`/api/centres/${centreB}/vehicles`).set(bearer(transportA)).expect(403);
      // The day's lists in each format are theirs; a clinician gets 403 for them.
      for (const list of ['/transport', '/transport.csv', '/rounds.csv']) {
        const res = await request(app).get(dayUrl(list)).set(bearer(transportA));
        expect([200, 404], `${list}: ${res.status} ${JSON.stringify(res.body)}`).toContain(res.status);
        await request(app).get(dayUrl(list)).set(bearer(clinicianX.token)).expect(403);
      }
      expect((await request(app).get(dayUrl('/transport.csv')).set(bearer(transportA))).status).toBe(200);
      const reads = await auditLog.forEntity(getDb(), 'transport-list', DATE);
      expect(reads.filter((e) => e.details?.role === 'transport' && e.details.path === `/api/centres/${centreA}/days/${DATE}/transport.csv`).length).toBeGreaterThanOrEqual(2);
    });
  });

  describe('coordinator', () => {
    it('does everything at their centre and nothing at another (403)', async () => {
      await request(app).get(`/api/centres/${centreA}/patients`).set(bearer(coordinatorA)).expect(200);
      await request(app).get(dayUrl('/plan/by-patient')).set(bearer(coordinatorA)).expect(200);
      await request(app).post(`/api/centres/${centreA}/rooms`).set(bearer(coordinatorA)).send({ name: 'Quiet room', type: 'consulting', capacity: 1 }).expect((res) => {
        expect(res.status).not.toBe(403);
      });
      const other = await request(app).get(`/api/centres/${centreB}/patients`).set(bearer(coordinatorA)).expect(403);
      expect(other.body.error.message).toMatch(/another centre/);
      await request(app).get(`/api/centres/${centreB}/patients/${patientB}`).set(bearer(coordinatorA)).expect(403);
      await request(app).get('/api/centres').set(bearer(coordinatorA)).expect(403);
      await request(app).post('/api/tokens').set(bearer(coordinatorA)).send({ name: 'x', role: 'admin' }).expect(403);
    });
  });

  describe('tokens', () => {
    it('an admin issues a token (secret shown once, only its hash stored), it works, and revoking it gives 401', async () => {
      const issued = await request(app).post('/api/tokens').set(bearer(admin)).send({ name: 'Ward 3 coordinator', role: 'coordinator', centreId: centreB }).expect(201);
      expect(issued.body.token).toMatch(/^icc_[A-Za-z0-9_-]{43}$/); // 32 random bytes
      const rows = await getDb()('api_tokens').where({ id: issued.body.id });
      expect(rows[0].token_hash).not.toContain(issued.body.token);
      expect(JSON.stringify(rows[0])).not.toContain(issued.body.token);
      const listed = await request(app).get('/api/tokens').set(bearer(admin)).expect(200);
      expect(JSON.stringify(listed.body)).not.toContain(issued.body.token);

      const me = await request(app).get('/api/tokens/me').set(bearer(issued.body.token)).expect(200);
      expect(me.body).toMatchObject({ tokenId: issued.body.id, role: 'coordinator', centreId: centreB });
      await request(app).get(`/api/centres/${centreB}/patients`).set(bearer(issued.body.token)).expect(200);

      await request(app).delete(`/api/tokens/${issued.body.id}`).set(bearer(admin)).expect(200);
      await request(app).get(`/api/centres/${centreB}/patients`).set(bearer(issued.body.token)).expect(401);
    });

    it('names the missing field when a role needs a centre or a staff member', async () => {
      const noCentre = await request(app).post('/api/tokens').set(bearer(admin)).send({ name: 'c', role: 'coordinator' }).expect(400);
      expect(noCentre.body.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'centreId' })]));
      const noStaff = await request(app).post('/api/tokens').set(bearer(admin)).send({ name: 'c', role: 'clinician', centreId: centreA }).expect(400);
      expect(noStaff.body.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'staffId' })]));
      // A staff member of another centre cannot be named.
      await request(app).post('/api/tokens').set(bearer(admin)).send({ name: 'c', role: 'clinician', centreId: centreB, staffId: clinicianX.id }).expect(400);
    });
  });

  describe('audit of patient-data reads', () => {
    it('records who (token id and role), what (entity and id or query) and when', async () => {
      const before = Date.now();
      const meRes = await request(app).get('/api/tokens/me').set(bearer(coordinatorA)).expect(200);
      const patient = (await patients.list(getDb(), centreA))[0]!;
      await request(app).get(`/api/centres/${centreA}/patients/${patient.id}`).set(bearer(coordinatorA)).expect(200);
      const [entry] = await auditLog.forEntity(getDb(), 'patient', patient.id);
      expect(entry).toMatchObject({ action: 'read', entity: 'patient', entityId: patient.id, details: { tokenId: meRes.body.tokenId, role: 'coordinator' } });
      expect(entry!.actor).toContain(`token:${meRes.body.tokenId}`);
      expect(Date.parse(entry!.at)).toBeGreaterThanOrEqual(before - 5000);

      await request(app).get(`/api/centres/${centreA}/patients?efiCategory=severe`).set(bearer(coordinatorA)).expect(200);
      expect(await auditLog.forEntity(getDb(), 'patient', '?efiCategory=severe')).toHaveLength(1);

      await request(app).get(dayUrl(`/plan/by-staff?staffId=${clinicianX.id}`)).set(bearer(clinicianX.token)).expect(200);
      const planReads = await auditLog.forEntity(getDb(), 'day-plan', DATE);
      expect(planReads.some((e) => e.details?.role === 'clinician' && (e.details.query as Record<string, string>).staffId === clinicianX.id)).toBe(true);
    });

    it('writes nothing for a denied read, and the token (not x-actor) names the actor of a write', async () => {
      await request(app).get(`/api/centres/${centreB}/patients/${patientB}`).set(bearer(transportA)).expect(403);
      // (The admin's creation of this patient answered with the record: that read is logged.)
      const reads = (await auditLog.forEntity(getDb(), 'patient', patientB)).filter((e) => e.action === 'read');
      expect(reads.map((e) => e.details?.role)).toEqual(['admin']);
      const patched = await request(app).patch(`/api/centres/${centreB}/patients/${patientB}`).set(bearer(admin)).set('x-actor', 'someone else').send({ gpPractice: 'Elsewhere' }).expect(200);
      expect(patched.body.gpPractice).toBe('Elsewhere');
      const update = (await auditLog.forEntity(getDb(), 'patient', patientB)).find((e) => e.action === 'update');
      expect(update?.actor).toMatch(/^token:.* \(admin: admin for tests\)$/);
    });
  });

  describe('audit of write responses that carry patient data', () => {
    const readsOf = async (entity: string, id: string) => (await auditLog.forEntity(getDb(), entity, id)).filter((e) => e.action === 'read');
    const readCount = async () => Number((await getDb()('audit_log').where({ action: 'read' }).count({ n: '*' }))[0]!.n);
    const patients = () => `/api/centres/${centreA}/patients`;

    it('records who, what and when for a created or updated patient, several created at once, a referral moved on, a plan edited, a job queued', async () => {
      const me = (await request(app).get('/api/tokens/me').set(bearer(coordinatorA)).expect(200)).body;
      const before = Date.now();
      const created = await request(app).post(patients()).set(bearer(coordinatorA)).send(patientBody(8101)).expect(201);
      const [createdRead] = await readsOf('patient', created.body.id);
      expect(createdRead).toMatchObject({ entity: 'patient', entityId: created.body.id, details: { tokenId: me.tokenId, role: 'coordinator', method: 'POST', status: 201 } });
      expect(createdRead!.actor).toContain(`token:${me.tokenId}`);
      expect(Date.parse(createdRead!.at)).toBeGreaterThanOrEqual(before - 5000);

      await request(app).patch(`${patients()}/${created.body.id}`).set(bearer(coordinatorA)).send({ gpPractice: 'Orchard Park' }).expect(200);
      expect((await readsOf('patient', created.body.id)).map((e) => e.details?.method)).toEqual(['POST', 'PATCH']);

      const bulk = await request(app).post(patients()).set(bearer(coordinatorA)).send([patientBody(8102), patientBody(8103)]).expect(201);
      const bulkRead = (await readsOf('patient', '(list)')).find((e) => e.details?.method === 'POST');
      expect(bulkRead?.details?.ids).toEqual(bulk.body.map((p: { id: string }) => p.id));

      const referral = (await request(app).get(`/api/centres/${centreA}/referrals`).set(bearer(coordinatorA)).expect(200)).body.at(-1);
      await request(app).post(`/api/centres/${centreA}/referrals/${referral.id}/transitions`).set(bearer(coordinatorA)).send({ to: 'cancelled', note: 'moved away' }).expect(201);
      expect((await readsOf('referral', referral.id)).some((e) => e.details?.method === 'POST' && String(e.details.path).endsWith('/transitions'))).toBe(true);

      const current = await request(app).get(dayUrl('/plan')).set(bearer(coordinatorA)).expect(200);
      const activityId = current.body.plan.activities.find((a: { kind: string }) => a.kind !== 'meal').id;
      await request(app).post(dayUrl('/plan/pins')).set(bearer(coordinatorA)).set('If-Match', current.headers.etag!).send({ activityId }).expect(200);
      expect((await readsOf('day-plan', DATE)).some((e) => e.details?.method === 'POST' && String(e.details.path).endsWith('/plan/pins'))).toBe(true);

      const [job] = await getDb()('plan_jobs').where({ centre_id: centreA }).select('id');
      expect((await readsOf('plan-job', job.id)).some((e) => e.details?.method === 'POST' && e.details.status === 202)).toBe(true);
    });

    it('records nothing for responses without patient data: a 204, an error, set-up records, feed tokens, follow-up types', async () => {
      const doomed = await request(app).post(patients()).set(bearer(coordinatorA)).send(patientBody(8104)).expect(201);
      const count = await readCount();
      await request(app).delete(`${patients()}/${doomed.body.id}`).set(bearer(coordinatorA)).expect(204);
      await request(app).patch(`${patients()}/${doomed.body.id}`).set(bearer(coordinatorA)).send({ gpPractice: 'x' }).expect(404);
      const bad = await request(app).post(patients()).set(bearer(coordinatorA)).send({ ...patientBody(8105), nhsNumber: '1234567890' }).expect(400);
      expect(bad.body.error.details[0].path).toBe('nhsNumber');
      await request(app).post(`/api/centres/${centreA}/rooms`).set(bearer(coordinatorA)).send({ name: 'Side room', type: 'consulting', capacity: 1 }).expect(201);
      await request(app).post(`/api/centres/${centreA}/feed-tokens`).set(bearer(coordinatorA)).send({ kind: 'staff', ownerId: clinicianX.id }).expect(201);
      const types = await request(app).get(`/api/centres/${centreA}/follow-ups/types`).set(bearer(coordinatorA)).expect(200);
      await request(app).put(`/api/centres/${centreA}/follow-ups/types`).set(bearer(coordinatorA)).send(types.body.types).expect(200);
      await request(app).patch(`/api/centres/${centreA}`).set(bearer(coordinatorA)).send({ fullPatientDetailsInFeeds: false }).expect(200);
      expect(await readCount()).toBe(count);
      // The write itself is still in the log, as before.
      expect((await auditLog.forEntity(getDb(), 'patient', doomed.body.id)).map((e) => e.action)).toEqual(['create', 'read', 'delete']);
    });

    it('sends no patient data when its audit entry cannot be written: a 500 instead', async () => {
      const db = getDb();
      await db.raw("alter table audit_log add constraint refuse_patient_reads check (action <> 'read' or entity <> 'patient') not valid");
      try {
        const res = await request(app).post(patients()).set(bearer(coordinatorA)).send(patientBody(8106));
        expect(res.status, JSON.stringify(res.body)).toBe(500);
        expect(res.body.error.code).toBe('internal_error');
        expect(JSON.stringify(res.body)).not.toContain(patientBody(8106).nhsNumber);
      } finally {
        await db.raw('alter table audit_log drop constraint refuse_patient_reads');
      }
    });
  });
});
