// Optimistic concurrency on every record besides plans: each read carries an ETag; of two
// editors who read the same copy and save at once, one is saved and the other gets 412 (never a
// silently lost change); a stale DELETE is refused; without If-Match an edit still goes through.
import request from 'supertest';
import { beforeAll, expect, it } from 'vitest';
import { createApp } from '../../../src/app.ts';
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
