// The service's error replies when the request or the service itself goes wrong: bodies too
// large or not JSON, and (below) internal failures, audit failures and an unavailable
// database — each a real failure on the real database, each in the one JSON error envelope.
import { pino } from 'pino';
import request from 'supertest';
import { beforeEach, expect, it } from 'vitest';
import { createApp } from '../../../src/app.ts';
import { createDatabase, embeddedPglite, type Db } from '../../../src/db/create-database.ts';
import { auditLog } from '../../../src/db/repositories/audit-log.ts';
import { bearer, issueToken } from '../../helpers/auth-tokens.ts';
import { describeEachDatabase } from '../../helpers/describe-each-database.ts';
import { createReplyChecker } from '../../helpers/documented-replies.ts';
import { centreBody, patientBody } from '../../helpers/fixtures.ts';
import { truncateAll } from '../../helpers/test-database.ts';

/** A real pino logger whose JSON lines are kept for the test to read. */
function recordingLogger() {
  const lines: Array<Record<string, unknown>> = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
  return { logger, lines };
}

describeEachDatabase('error replies', (getDb, kind) => {
  const app = () => createApp({ db: getDb() });
  beforeEach(() => truncateAll(getDb()));

  it('413 payload_too_large, in the envelope and naming the limit, for a JSON body over 5 MB; nothing saved', async () => {
    const { expectDocumented } = createReplyChecker();
    const body = { ...centreBody(), notes: 'x'.repeat(5 * 1024 * 1024) };
    const res = await request(app()).post('/api/centres').send(body).expect(413).expect('content-type', /application\/json/);
    expect(res.body).toEqual({
      error: { code: 'payload_too_large', message: 'The request body is larger than the 5mb limit (5242880 bytes)', details: { limitBytes: 5242880 } },
    });
    expectDocumented('post', '/api/centres', res);
    expect((await request(app()).get('/api/centres').expect(200)).body).toEqual([]);
  });

  it('400 bad_request naming the JSON problem for a malformed body, without echoing the body', async () => {
    const { expectDocumented } = createReplyChecker();
    const res = await request(app()).post('/api/centres').set('content-type', 'application/json').send('{"name": Hull}').expect(400);
    expect(res.body.error.code).toBe('bad_request');
    expect(res.body.error.message).toMatch(/^The request body is not valid JSON: Unexpected token 'H'/);
    expect(res.body.error.details).toEqual([{ path: '(body)', message: expect.stringMatching(/^Unexpected token 'H'/) }]);
    expect(JSON.stringify(res.body)).not.toContain('Hull');
    expectDocumented('post', '/api/centres', res);

    const cut = await request(app()).post('/api/centres').set('content-type', 'application/json').send('{"name":').expect(400);
    expect(cut.body.error.message).toBe('The request body is not valid JSON: Unexpected end of JSON input');
  });

  it('500 internal_error with a generic message, no SQL and no patient data, when the database fails a query; the failure is logged', async () => {
    const { expectDocumented } = createReplyChecker();
    const { logger, lines } = recordingLogger();
    const failing = createApp({ db: getDb(), logger });
    const centreId = (await request(failing).post('/api/centres').send(centreBody()).expect(201)).body.id as string;
    const patient = patientBody(1, { givenName: 'Mary', familyName: 'Failing' });
    // A genuine failure: the patients table is not there while the request runs.
    await getDb().raw('alter table patients rename to patients_away');
    let res: request.Response;
    try {
      res = await request(failing).post(`/api/centres/${centreId}/patients`).send(patient).expect(500);
    } finally {
      await getDb().raw('alter table patients_away rename to patients');
    }
    expect(res.body).toEqual({ error: { code: 'internal_error', message: 'Internal error', details: null } });
    expect(res.text).not.toMatch(/patients|insert|select|Mary|Failing|at .*\.ts:\d+/);
    expect(res.text).not.toContain(patient.nhsNumber);
    expectDocumented('post', '/api/centres/:centreId/patients', res);

    // The failure once, with its cause (the request log's own line for the 500 carries no cause).
    const logged = lines.filter((line) => line.level === 50 && line.msg === 'request failed');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ msg: 'request failed', method: 'POST', url: `/api/centres/${centreId}/patients` });
    expect((logged[0]!.err as { message: string }).message).toMatch(/relation "patients" does not exist/);
    // Once the table is back, the same request succeeds.
    await request(failing).post(`/api/centres/${centreId}/patients`).send(patient).expect(201);
  });

  it('500, never 400 or the data, when the audit entry of a patient-data reply cannot be written; nothing saved', async () => {
    const { expectDocumented } = createReplyChecker();
    const plain = app();
    const centreId = (await request(plain).post('/api/centres').send(centreBody()).expect(201)).body.id as string;
    const patient = (await request(plain).post(`/api/centres/${centreId}/patients`).send(patientBody(1)).expect(201)).body as { id: string; nhsNumber: string };
    const feed = (await request(plain).post(`/api/centres/${centreId}/feed-tokens`).send({ kind: 'patient', ownerId: patient.id }).expect(201)).body as { url: string };
    const coordinator = bearer(await issueToken(getDb(), { role: 'coordinator', centreId }));
    const audited = createApp({ db: getDb(), auth: { enforce: true } });
    await request(audited).get(`/api/centres/${centreId}/patients/${patient.id}`).set(coordinator).expect(200);

    // A genuine failure of the audit write: the audit log refuses every new row (a CHECK the
    // database reports as 23514, which the API otherwise turns into a 400).
    await getDb().raw('alter table audit_log add constraint audit_log_refuses check (false) not valid');
    try {
      const read = await request(audited).get(`/api/centres/${centreId}/patients/${patient.id}`).set(coordinator).expect(500);
      expect(read.body).toEqual({ error: { code: 'internal_error', message: 'Internal error', details: null } });
      expectDocumented('get', '/api/centres/:centreId/patients/:id', read);
      const list = await request(audited).get(`/api/centres/${centreId}/patients`).set(coordinator).expect(500);
      expect(list.text).not.toContain(patient.nhsNumber);

      const written = await request(audited).post(`/api/centres/${centreId}/patients`).set(coordinator).send(patientBody(2)).expect(500);
      expect(written.body.error.code).toBe('internal_error');

      // A feed read's entry is stored after the answer, with the others of its ~50 ms
      // (auditLog.record): the read before the failure is found is answered; once the writer
      // has failed, feed reads are refused until the waiting entries are stored.
      await request(audited).get(feed.url).expect(200);
      await expect(auditLog.flush(getDb())).rejects.toMatchObject({ status: 500 });
      const ical = await request(audited).get(feed.url).expect(500);
      expect(ical.body.error.code).toBe('internal_error');
      expect(ical.text).not.toContain('BEGIN:VCALENDAR');
    } finally {
      await getDb().raw('alter table audit_log drop constraint audit_log_refuses');
    }
    const after = await request(audited).get(`/api/centres/${centreId}/patients`).set(coordinator).expect(200);
    expect(after.body.map((p: { id: string }) => p.id)).toEqual([patient.id]);
  });

  /** A database that cannot be reached: a PostgreSQL port nothing listens on, or a closed PGlite. */
  /** What knex itself says about the unreachable database: through our logger, not the console. */
  const knexLines: string[] = [];
  const dbLogger = { warn: (m: string) => knexLines.push(m), error: (m: string) => knexLines.push(m), debug: () => {} };
  async function unreachableDatabase(): Promise<Db> {
    if (kind === 'postgres') return createDatabase({ databaseUrl: 'postgres://postgres@127.0.0.1:1/test', logger: dbLogger });
    const db = await createDatabase({ dataDir: 'memory', logger: dbLogger });
    await embeddedPglite(db)!.close();
    return db;
  }

  it('503 service_unavailable with Retry-After when the database is unreachable: health, any route, and before the token check', async () => {
    const { expectDocumented } = createReplyChecker();
    const db = await unreachableDatabase();
    try {
      const unavailable = { error: { code: 'service_unavailable', message: expect.stringMatching(/^The database is not reachable/), details: null } };
      const health = await request(createApp({ db })).get('/health').expect(503).expect('retry-after', '10');
      expect(health.body).toEqual(unavailable);
      expectDocumented('get', '/health', health);

      const { logger, lines } = recordingLogger();
      const list = await request(createApp({ db, logger })).get('/api/centres').expect(503).expect('retry-after', '10');
      expect(list.body).toEqual(unavailable);
      // Expected, so a warning (level 40) naming the route, with no stack and no error-level line.
      expect(lines.filter((line) => Number(line.level) >= 50)).toEqual([]);
      const warned = lines.filter((line) => line.level === 40 && line.code === 'service_unavailable');
      expect(warned).toHaveLength(1);
      expect(warned[0]).toMatchObject({ code: 'service_unavailable', method: 'GET', url: '/api/centres' });
      expect(JSON.stringify(warned[0])).not.toMatch(/"stack"|\n\s+at /);
      expectDocumented('get', '/api/centres', list);

      const guarded = await request(createApp({ db, auth: { enforce: true } })).get('/api/centres').set(bearer('x'.repeat(30))).expect(503).expect('retry-after', '10');
      expect(guarded.body).toEqual(unavailable);
      // knex's own complaint reached the logger it was given, not the console.
      expect(knexLines.length).toBeGreaterThan(0);
      for (const line of knexLines) expect(line).toMatch(/^knex: Acquire connection error/);
    } finally {
      await db.destroy().catch(() => undefined);
    }
  });

  it('503 with Retry-After and Connection: close for every request once the service is shutting down; nothing saved', async () => {
    const { expectDocumented } = createReplyChecker();
    const stopping = new AbortController();
    const service = createApp({ db: getDb(), shuttingDown: stopping.signal });
    await request(service).get('/health').expect(200);
    stopping.abort();
    const shuttingDown = { error: { code: 'service_unavailable', message: 'The service is shutting down; try again shortly', details: null } };
    const health = await request(service).get('/health').expect(503).expect('retry-after', '10').expect('connection', 'close');
    expect(health.body).toEqual(shuttingDown);
    expectDocumented('get', '/health', health);
    const created = await request(service).post('/api/centres').send(centreBody()).expect(503).expect('retry-after', '10');
    expect(created.body).toEqual(shuttingDown);
    expectDocumented('post', '/api/centres', created);
    expect((await request(app()).get('/api/centres').expect(200)).body).toEqual([]);
  });
});
