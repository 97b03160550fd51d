// Optimistic concurrency on every record besides plans: each read carries an ETag; of two
// editors who read the same copy and save at once, one is saved and the other gets 412 (never a
// silently lost change) — by PATCH, and by the PUTs, revokes and cancels of the records that
// have no PATCH; a stale DELETE is refused; without If-Match an edit still goes through.
// (if-match-coverage-api.test.ts proves every mutating operation in the OpenAPI document refuses a stale tag.)
import request from 'supertest';
import { beforeAll, expect, it } from 'vitest';
import { createApp } from '../../../src/app.ts';
import { planJobs } from '../../../src/db/repositories/plan-jobs.ts';
import { defaultFollowUpTypes } from '../../../src/domain/referral-pathway.ts';
import { describeEachDatabase } from '../../helpers/describe-each-database.ts';
import { assessmentTypeBody, careHomeBody, centreBody, patientBody, shiftBody, staffBody, vehicleBody } from '../../helpers/fixtures.ts';
import { createReplyChecker } from '../../helpers/documented-replies.ts';
import { truncateAll } from '../../helpers/test-database.ts';

describeEachDatabase('record concurrency (ETag / If-Match)', (getDb) => {
  const app = () => createApp({ db: getDb() });
  let C = '';
  const kinds: Array<{ kind: string; path: () => string; create: (n: number) => object; first: object; second: object }> = [];
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    await truncateAll(getDb());
    const centreId = (await request(app()).post('/api/centres').send(centreBody()).expect(201)).body.id as string;
    C = `/api/centres/${centreId}`;
    const post = async (path: string, body: object) => (await request(app()).post(`${C}/${path}`).send(body).expect(201)).body.id as string;
    ids.staff = await post('staff', staffBody());
    ids.type = await post('assessment-types', assessmentTypeBody('cga'));
    ids.patient = await post('patients', patientBody(1));
    kinds.push(
      { kind: 'centre', path: () => C, create: () => ({}), first: { name: 'Hull ICC' }, second: { name: 'Hull and East Riding ICC' } },
      { kind: 'staff', path: () => `${C}/staff`, create: (n) => staffBody({ name: `Dr Number ${n}` }), first: { name: 'Dr Two A' }, second: { name: 'Dr Two B' } },
      { kind: 'shifts', path: () => `${C}/shifts`, create: (n) => shiftBody(ids.staff!, { date: `2026-03-${String(n + 1).padStart(2, '0')}` }), first: { end: '16:00' }, second: { end: '16:15' } },
      { kind: 'rooms', path: () => `${C}/rooms`, create: (n) => ({ name: `Room ${n}`, type: 'consult' }), first: { capacity: 2 }, second: { capacity: 3 } },
      { kind: 'assessment-types', path: () => `${C}/assessment-types`, create: (n) => assessmentTypeBody(`physio-${n}`), first: { durationMin: 30 }, second: { durationMin: 35 } },
      { kind: 'precedence-rules', path: () => `${C}/precedence-rules`, create: () => ({ before: ids.type, after: '*' }), first: { minLagMin: 5 }, second: { minLagMin: 10 } },
      { kind: 'patients', path: () => `${C}/patients`, create: (n) => patientBody(100 + n), first: { mobility: 'wheelchair' }, second: { phone: '01482 000000' } },
      { kind: 'referrals', path: () => `${C}/referrals`, create: () => ({ patientId: ids.patient, referrer: { kind: 'gp', name: 'Dr Patel' }, referredDate: '2026-02-01' }), first: { notes: 'first' }, second: { notes: 'second' } },
      { kind: 'vehicles', path: () => `${C}/vehicles`, create: (n) => vehicleBody({ name: `Van ${n}` }), first: { seats: 5 }, second: { seats: 6 } },
      { kind: 'care-homes', path: () => `${C}/care-homes`, create: (n) => careHomeBody({ name: `Care home ${n}` }), first: { name: 'Home A' }, second: { name: 'Home B' } },
    );
  });

  /** The record's URL (the centre is its own). */
  let made = 0;
  async function recordUrl(k: (typeof kinds)[number]): Promise<string> {
    if (k.kind === 'centre') return C;
    return `${k.path()}/${(await request(app()).post(k.path()).send(k.create(++made)).expect(201)).body.id as string}`;
  }

  it('two editors save the same copy at once: one is saved, the other gets 412 and nothing of theirs is written — for every kind of record', async () => {
    const { expectDocumented } = createReplyChecker();
    for (const k of kinds) {
      const url = await recordUrl(k);
      const read = await request(app()).get(url).expect(200);
      const etag = read.headers.etag as string;
      expect(etag, k.kind).toMatch(/^"[\w-]{22}"$/);
      const [a, b] = await Promise.all([
        request(app()).patch(url).set('If-Match', etag).send(k.first),
        request(app()).patch(url).set('If-Match', etag).send(k.second),
      ]);
      expect([a.status, b.status].sort(), k.kind).toEqual([200, 412]);
      const [saved, refused, savedPatch, refusedPatch] = a.status === 200 ? [a, b, k.first, k.second] : [b, a, k.second, k.first];
      expect(refused.body.error, k.kind).toMatchObject({ code: 'precondition_failed', details: { currentEtag: saved.headers.etag } });
      expectDocumented('patch', url.replace(/^\/api\/centres\/[^/]+/, '/api/centres/:centreId').replace(/\/[0-9a-f-]{36}$/, k.kind === 'centre' ? '' : '/:id'), refused);
      const now = await request(app()).get(url).expect(200);
      expect(now.body, k.kind).toMatchObject(savedPatch);
      expect(now.headers.etag).toBe(saved.headers.etag);
      expect(now.headers.etag).not.toBe(etag);
      // The refused editor reads again and reapplies their change: now it goes through.
      const retried = await request(app()).patch(url).set('If-Match', now.headers.etag as string).send(refusedPatch).expect(200);
      expect(retried.body, k.kind).toMatchObject(refusedPatch);
    }
  });

  it('two editors at once on a pre-visit outcome, the follow-up types, an API token, a feed token and a plan job: one goes through, the other gets 412', async () => {
    const referralId = (await request(app()).post(`${C}/referrals`).send({ patientId: ids.patient, referrer: { kind: 'gp', name: 'Dr Patel' }, referredDate: '2026-02-01' }).expect(201)).body.id as string;
    const preVisit = `${C}/referrals/${referralId}/pre-visit`;
    await request(app()).put(preVisit).send({ requiredAssessmentTypeIds: [ids.type] }).expect(200);
    const apiToken = `/api/tokens/${(await request(app()).post('/api/tokens').send({ name: 'Ward 3', role: 'coordinator', centreId: C.split('/')[3] }).expect(201)).body.id as string}`;
    const feedToken = `${C}/feed-tokens/${(await request(app()).post(`${C}/feed-tokens`).send({ kind: 'staff', ownerId: ids.staff }).expect(201)).body.id as string}`;
    // A job another live process runs (its lease holds): nothing here moves its progress, so its ETag is the editors' alone.
    const centreId = C.split('/')[3]!;
    const job = await planJobs.insert(getDb(), centreId, { date: '2026-12-01', request: { patientIds: [ids.patient!], timeLimitSec: 1, seed: 1 } });
    await getDb()('plan_jobs').where({ id: job.id }).update({ status: 'running', owner_id: 'another-process', started_at: getDb().fn.now(), lease_expires_at: getDb().raw("now() + interval '1 hour'") });
    const editors: Array<{ kind: string; read: string; send: (etag: string, n: 0 | 1) => request.Test; ok: number }> = [
      { kind: 'pre-visit', read: preVisit, ok: 200, send: (etag, n) => request(app()).put(preVisit).set('If-Match', etag).send({ requiredAssessmentTypeIds: [ids.type], dietaryNeeds: [n === 0 ? 'soft diet' : 'diabetic'] }) },
      { kind: 'follow-up types', read: `${C}/follow-ups/types`, ok: 200, send: (etag, n) => request(app()).put(`${C}/follow-ups/types`).set('If-Match', etag).send(defaultFollowUpTypes.slice(n, n + 1)) },
      { kind: 'API token', read: apiToken, ok: 200, send: (etag) => request(app()).delete(apiToken).set('If-Match', etag) },
      { kind: 'feed token', read: feedToken, ok: 204, send: (etag) => request(app()).delete(feedToken).set('If-Match', etag) },
      { kind: 'plan job (cancel)', read: `${C}/plan-jobs/${job.id}`, ok: 200, send: (etag, n) => (n === 0 ? request(app()).post(`${C}/plan-jobs/${job.id}/cancel`) : request(app()).delete(`${C}/plan-jobs/${job.id}`)).set('If-Match', etag) },
    ];
    for (const e of editors) {
      const etag = (await request(app()).get(e.read).expect(200)).headers.etag as string;
      expect(etag, e.kind).toMatch(/^"[\w-]{22}"$/);
      const [a, b] = await Promise.all([e.send(etag, 0), e.send(etag, 1)]);
      expect([a.status, b.status].sort(), e.kind).toEqual([e.ok, 412].sort());
      const refused = a.status === 412 ? a : b;
      const now = await request(app()).get(e.read).expect(200);
      expect(refused.body.error, e.kind).toMatchObject({ code: 'precondition_failed', details: { currentEtag: now.headers.etag } });
      expect(now.headers.etag, e.kind).not.toBe(etag);
    }
    // What the winner wrote stands: the token and the feed are revoked, the job cancelled.
    expect((await request(app()).get(apiToken).expect(200)).body.revokedAt).not.toBeNull();
    expect((await request(app()).get(feedToken).expect(200)).body.revoked).toBe(true);
    expect((await request(app()).get(`${C}/plan-jobs/${job.id}`).expect(200)).body.status).toBe('cancelled');
  });

  it('a DELETE with a stale If-Match is refused and the record stays; with the current one it goes', async () => {
    for (const k of kinds.filter((kind) => kind.kind !== 'centre')) {
      const url = await recordUrl(k);
      const stale = (await request(app()).get(url).expect(200)).headers.etag as string;
      // A name of its own: the test above left one record per kind named by whichever editor won
      // the race, and care-home names are unique in a centre (the same name here was a 409 at times).
      const change = 'name' in k.first ? { ...k.first, name: `${(k.first as { name: string }).name} ${made}` } : k.first;
      await request(app()).patch(url).send(change).expect(200);
      const refused = await request(app()).delete(url).set('If-Match', stale).expect(412);
      expect(refused.body.error.code, k.kind).toBe('precondition_failed');
      const current = (await request(app()).get(url).expect(200)).headers.etag as string;
      await request(app()).delete(url).set('If-Match', current).expect(204);
      await request(app()).get(url).expect(404);
    }
  });

  it('If-Match stays optional (existing clients keep working); * matches any current record; a weak tag never matches', async () => {
    const url = `${C}/rooms/${(await request(app()).post(`${C}/rooms`).send({ name: 'Room 10', type: 'consult' }).expect(201)).body.id as string}`;
    await request(app()).patch(url).send({ capacity: 4 }).expect(200);
    await request(app()).patch(url).set('If-Match', '*').send({ capacity: 5 }).expect(200);
    const etag = (await request(app()).get(url).expect(200)).headers.etag as string;
    await request(app()).patch(url).set('If-Match', `W/${etag}`).send({ capacity: 6 }).expect(412);
    await request(app()).patch(url).set('If-Match', `"other", ${etag}`).send({ capacity: 6 }).expect(200);
  });
});
