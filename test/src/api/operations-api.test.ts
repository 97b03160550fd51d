// Operations: the request log (one line per request with a request id, nothing secret), the
// Prometheus metrics at /metrics (admin only) and the audit log read by patient, actor and time.
import { pino } from 'pino';
import request from 'supertest';
import { beforeAll, expect, it } from 'vitest';
import { createApp } from '../../../src/app.ts';
import { bearer, issueToken } from '../../helpers/auth-tokens.ts';
import { describeEachDatabase } from '../../helpers/describe-each-database.ts';
import { createReplyChecker } from '../../helpers/documented-replies.ts';
import { centreBody, patientBody } from '../../helpers/fixtures.ts';
import { truncateAll } from '../../helpers/test-database.ts';

function recordingLogger() {
  const lines: Array<Record<string, unknown>> = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
  return { logger, lines };
}

describeEachDatabase('operations', (getDb) => {
  let admin: Record<string, string>;
  let coordinator: Record<string, string>;
  let coordinatorSecret = '';
  let centreId = '';
  const app = () => createApp({ db: getDb(), auth: { enforce: true } });

  beforeAll(async () => {
    await truncateAll(getDb());
    admin = bearer(await issueToken(getDb(), { role: 'admin' }));
    centreId = (await request(app()).post('/api/centres').set(admin).send(centreBody()).expect(201)).body.id as string;
    coordinatorSecret = await issueToken(getDb(), { name: 'Ward 3 coordinator', role: 'coordinator', centreId });
    coordinator = bearer(coordinatorSecret);
  });

  it('logs one line per request with its id (also sent as X-Request-Id), never the token or a feed address', async () => {
    const { logger, lines } = recordingLogger();
    const logged = createApp({ db: getDb(), logger, auth: { enforce: true } });
    const res = await request(logged).get(`/api/centres/${centreId}/rooms`).set(coordinator).expect(200);
    const id = res.headers['x-request-id'] as string;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const line = lines.find((l) => (l.req as { id?: string } | undefined)?.id === id);
    expect(line).toMatchObject({ level: 30, req: { method: 'GET', url: `/api/centres/${centreId}/rooms` }, res: { statusCode: 200 } });
    expect(typeof line!.responseTime).toBe('number');
    // A caller's (or proxy's) request id is kept.
    const given = await request(logged).get('/health').set('X-Request-Id', 'proxy-42').expect(200);
    expect(given.headers['x-request-id']).toBe('proxy-42');
    await request(logged).get('/feeds/secret-feed-token-0123456789.ics').expect(404);
    const text = JSON.stringify(lines);
    expect(text).toContain('/feeds/<token>');
    expect(text).not.toContain('secret-feed-token-0123456789');
    expect(text).not.toContain(coordinatorSecret);
    // Expected refusals are not errors: a 503 while shutting down is a warning.
    const stopping = new AbortController();
    stopping.abort();
    const refused = await request(createApp({ db: getDb(), logger, auth: { enforce: true }, shuttingDown: stopping.signal })).get('/health').expect(503);
    expect(lines.find((l) => (l.req as { id?: string } | undefined)?.id === refused.headers['x-request-id'])).toMatchObject({ level: 40, res: { statusCode: 503 }, msg: 'GET /health 503' });
  });

  it('serves Prometheus metrics to an admin only: latency by route pattern, the job queue, feed hits', async () => {
    const { expectDocumented } = createReplyChecker();
    const room = (await request(app()).post(`/api/centres/${centreId}/rooms`).set(coordinator).send({ name: 'Clinic 1', type: 'clinic' }).expect(201)).body.id as string;
    await request(app()).get(`/api/centres/${centreId}/rooms/${room}`).set(coordinator).expect(200);
    const res = await request(app()).get('/metrics').set(admin).expect(200).expect('content-type', /text\/plain/);
    expectDocumented('get', '/metrics', res);
    expect(res.text).toMatch(/icc_http_request_duration_seconds_count\{[^}]*route="\/api\/centres\/\{centreId\}\/rooms\/\{id\}"[^}]*\} [1-9]/);
    expect(res.text).not.toContain(room);
    expect(res.text).toMatch(/icc_plan_jobs\{status="queued"\} 0/);
    expect(res.text).toContain('icc_solve_duration_seconds');
    expect(res.text).toContain('icc_feed_hits_total');
    expect(res.text).toContain('icc_process_cpu_seconds_total');
    await request(app()).get('/metrics').set(coordinator).expect(403);
    await request(app()).get('/metrics').expect(401);
  });

  it('reads the audit log by patient, actor and time (admin only); the read is itself audited', async () => {
    const { expectDocumented } = createReplyChecker();
    const before = new Date(Date.now() - 1000).toISOString();
    const patient = (await request(app()).post(`/api/centres/${centreId}/patients`).set(coordinator).send(patientBody(1)).expect(201)).body.id as string;
    const other = (await request(app()).post(`/api/centres/${centreId}/patients`).set(coordinator).send(patientBody(2)).expect(201)).body.id as string;
    await request(app()).get(`/api/centres/${centreId}/patients/${patient}`).set(coordinator).expect(200);
    const referral = (await request(app()).post(`/api/centres/${centreId}/referrals`).set(coordinator).send({ patientId: patient, referrer: { kind: 'gp', name: 'Dr Patel' }, referredDate: '2026-02-01' }).expect(201)).body.id as string;
    await request(app()).get(`/api/centres/${centreId}/referrals/${referral}`).set(coordinator).expect(200);

    const res = await request(app()).get(`/api/audit-log?patientId=${patient}`).set(admin).expect(200);
    expectDocumented('get', '/api/audit-log', res);
    const entries = res.body as Array<{ actor: string; action: string; entity: string; entityId: string; at: string }>;
    expect(entries.map((e) => `${e.action} ${e.entity}`)).toEqual(expect.arrayContaining(['create patient', 'read patient', 'create referral', 'read referral']));
    expect(entries.every((e) => e.entityId !== other)).toBe(true);
    // Everything but the admin's own read of this log was done by the coordinator.
    expect(entries.filter((e) => e.entity !== 'audit-log').every((e) => /Ward 3 coordinator/.test(e.actor))).toBe(true);
    expect(entries.map((e) => e.at)).toEqual([...entries.map((e) => e.at)].sort().reverse());

    const byActor = (await request(app()).get('/api/audit-log?actor=ward%203').set(admin).expect(200)).body as Array<{ entityId: string }>;
    expect(byActor.map((e) => e.entityId)).toEqual(expect.arrayContaining([patient, other, referral]));
    const later = new Date(Date.now() + 60_000).toISOString();
    expect((await request(app()).get(`/api/audit-log?patientId=${patient}&from=${later}`).set(admin).expect(200)).body).toEqual([]);
    expect((await request(app()).get(`/api/audit-log?patientId=${patient}&from=${before}&limit=2`).set(admin).expect(200)).body).toHaveLength(2);

    const bad = await request(app()).get('/api/audit-log?patientId=nope&from=yesterday').set(admin).expect(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['from', 'patientId']);
    await request(app()).get('/api/audit-log').set(coordinator).expect(403);
    const audited = (await request(app()).get('/api/audit-log?actor=admin').set(admin).expect(200)).body as Array<{ entity: string }>;
    expect(audited.some((e) => e.entity === 'audit-log')).toBe(true);
  });
});
