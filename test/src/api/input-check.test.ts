// Text PostgreSQL cannot store (NUL, lone surrogates) and impossible dates in the path: a 400
// naming the field wherever they appear, before any query runs; never a 500, SQL or a stack.
import request from 'supertest';
import { beforeAll, expect, it } from 'vitest';
import { createApp } from '../../../src/app.ts';
import { describeEachDatabase } from '../../helpers/describe-each-database.ts';
import { centreBody, patientBody } from '../../helpers/fixtures.ts';
import { truncateAll } from '../../helpers/test-database.ts';
import { bearer, issueToken } from '../../helpers/auth-tokens.ts';

const leaks = /select |insert |update |"plans"|\bat \S+\.ts|node_modules|\/work\//;

describeEachDatabase('input check', (getDb) => {
  const app = () => createApp({ db: getDb() });
  let centreId = '';
  let roomId = '';
  beforeAll(async () => {
    await truncateAll(getDb());
    centreId = (await request(app()).post('/api/centres').send(centreBody()).expect(201)).body.id as string;
    roomId = (await request(app()).post(`/api/centres/${centreId}/rooms`).send({ name: 'Clinic 1', type: 'clinic', capacity: 1 }).expect(201)).body.id as string;
    await request(app()).post(`/api/centres/${centreId}/patients`).send(patientBody(1)).expect(201);
  });

  const fieldsOf = (res: request.Response) => (res.body.error.details as { path: string }[]).map((d) => d.path);

  it('a NUL in a query value is a 400 naming the filter', async () => {
    const res = await request(app()).get(`/api/centres/${centreId}/patients?localRef=a%00b`).expect(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(fieldsOf(res)).toEqual(['localRef']);
  });

  it('a NUL in a path id is a 400 naming the parameter (from the OpenAPI paths)', async () => {
    const res = await request(app()).get(`/api/centres/${centreId}/referrals/%00`).expect(400);
    expect(fieldsOf(res)).toEqual(['id']);
    const centre = await request(app()).get('/api/centres/a%00/patients').expect(400);
    expect(fieldsOf(centre)).toEqual(['centreId']);
  });

  it('a NUL in any JSON string, or in a key, is a 400 naming its dotted path; nothing is saved', async () => {
    const res = await request(app()).patch(`/api/centres/${centreId}/rooms/${roomId}`).send({ name: 'a\u0000b' }).expect(400);
    expect(fieldsOf(res)).toEqual(['name']);
    const nested = await request(app()).post(`/api/centres/${centreId}/patients`).send(patientBody(2, { addressLines: ['ok', 'x\u0000'] })).expect(400);
    expect(fieldsOf(nested)).toEqual(['addressLines.1']);
    const key = await request(app()).post(`/api/centres/${centreId}/patients`).send({ ...patientBody(3), ['bad\u0000key']: 1 }).expect(400);
    expect(fieldsOf(key)).toEqual(['bad\\u0000key']);
    const room = await request(app()).get(`/api/centres/${centreId}/rooms/${roomId}`).expect(200);
    expect(room.body.name).toBe('Clinic 1');
    expect((await request(app()).get(`/api/centres/${centreId}/patients`).expect(200)).body).toHaveLength(1);
  });

  it('a lone surrogate is refused the same way (it cannot be stored as UTF-8)', async () => {
    const body = '{"name":"a\\ud800b"}';
    const res = await request(app()).patch(`/api/centres/${centreId}/rooms/${roomId}`).set('content-type', 'application/json').send(body).expect(400);
    expect(res.body.error.details).toEqual([{ path: 'name', message: expect.stringMatching(/well-formed Unicode/) }]);
  });

  it('impossible or malformed dates in the path are a 400 naming date, without SQL', async () => {
    for (const date of ['2026-02-30', '-2026-01-01', '2026-13-01', 'today']) {
      for (const tail of ['timetable.html', 'plan', 'transport.csv', 'rounds', 'pre-visit-rounds']) {
        const res = await request(app()).get(`/api/centres/${centreId}/days/${date}/${tail}`);
        expect(res.status, `${date}/${tail}`).toBe(400);
        expect(fieldsOf(res)).toEqual(['date']);
        expect(JSON.stringify(res.body)).not.toMatch(leaks);
      }
    }
  });

  it('checks the path and query before the token: an anonymous probe learns nothing and runs no query', async () => {
    const guarded = createApp({ db: getDb(), auth: { enforce: true } });
    await request(guarded).get(`/api/centres/${centreId}/patients?x=%00`).expect(400);
    const token = await issueToken(getDb(), { role: 'coordinator', centreId });
    const res = await request(guarded).get(`/api/centres/${centreId}/patients?localRef=%00`).set(bearer(token)).expect(400);
    expect(fieldsOf(res)).toEqual(['localRef']);
  });
});
