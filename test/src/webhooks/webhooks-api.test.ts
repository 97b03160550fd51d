// Webhooks end to end on both databases, with a real receiver on 127.0.0.1 that is down
// (connection refused, then 503) before it recovers: every event arrives afterwards, in order,
// signed with the secret shown at registration; deliveries are listed and can be re-sent.
// The dispatcher's backoff is shortened (100–400 ms) so the test stays within seconds.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp } from '../../../src/app.ts';
import { planJobs } from '../../../src/db/repositories/plan-jobs.ts';
import { createLogger } from '../../../src/logger.ts';
import { writePlanVersion } from '../../../src/solving/plans/plan-versions.ts';
import { retryDelayMs, startWebhookDispatcher, type WebhookDispatcher } from '../../../src/webhooks/webhook-dispatcher.ts';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyWebhookSignature } from '../../../src/webhooks/webhook-signature.ts';
import { describeEachDatabase } from '../../helpers/describe-each-database.ts';
import { centreBody, patientBody } from '../../helpers/fixtures.ts';
import { truncateAll } from '../../helpers/test-database.ts';

interface Received { eventId: string; event: string; body: string; timestamp: number; signature: string }

/** A receiver on a fixed port that can be switched off (refusing connections), failing (503) or up. */
function receiver(port: number) {
  const received: Received[] = [];
  let mode: 'failing' | 'up' = 'failing';
  let failures = 0;
  let server: Server | undefined;
  const handler = (req: IncomingMessage, res: import('node:http').ServerResponse) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      if (mode === 'failing') {
        failures++;
        res.writeHead(503).end();
        return;
      }
      received.push({
        eventId: String(req.headers['icc-webhook-id']), event: String(req.headers['icc-webhook-event']), body,
        timestamp: Number(req.headers[TIMESTAMP_HEADER.toLowerCase()]), signature: String(req.headers[SIGNATURE_HEADER.toLowerCase()]),
      });
      res.writeHead(204).end();
    });
  };
  return {
    port,
    received,
    failures: () => failures,
    start: (next: 'failing' | 'up') => new Promise<void>((resolve) => {
      mode = next;
      if (server) return resolve();
      server = createServer(handler).listen(port, '127.0.0.1', () => resolve());
    }),
    recover: () => {
      mode = 'up';
    },
    stop: () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
  };
}

async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => probe.once('listening', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

const until = async (what: string, check: () => Promise<boolean>, timeoutMs = 20_000) => {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

it('backs off exponentially up to the cap', () => {
  expect([1, 2, 3, 4, 5, 30].map((n) => retryDelayMs(n, { baseMs: 10_000, maxMs: 3_600_000 }))).toEqual([10_000, 20_000, 40_000, 80_000, 160_000, 3_600_000]);
});

describeEachDatabase('webhooks', (getDb) => {
  let app: ReturnType<typeof createApp>;
  let dispatcher: WebhookDispatcher;
  let centreId: string;
  let hook: ReturnType<typeof receiver>;
  const api = (path: string) => `/api/centres/${centreId}${path}`;

  beforeAll(async () => {
    await truncateAll(getDb());
    app = createApp({ db: getDb(), logger: createLogger('silent') });
    centreId = (await request(app).post('/api/centres').send(centreBody()).expect(201)).body.id;
    hook = receiver(await freePort());
    dispatcher = startWebhookDispatcher(getDb(), { pollMs: 50, backoff: { baseMs: 100, maxMs: 400 }, timeoutMs: 2000 });
  });

  afterAll(async () => {
    await dispatcher.close();
    await hook.stop();
  });

  it('a receiver that is down gets every event afterwards, in order and signed; deliveries can be re-sent', async () => {
    const registered = await request(app).post(api('/webhooks'))
      .send({ url: `http://127.0.0.1:${hook.port}/hooks`, events: ['plan.published', 'plan.changed', 'referral.status-changed', 'job.finished'] }).expect(201);
    expect(registered.headers.location).toBe(api(`/webhooks/${registered.body.id}`));
    const secret = registered.body.secret as string;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const listed = await request(app).get(api('/webhooks')).expect(200);
    expect(JSON.stringify(listed.body)).not.toContain(secret);

    // Events while the receiver is down (nothing listens on its port): the requests do not wait for it.
    const patientId = (await request(app).post(api('/patients')).send(patientBody(1)).expect(201)).body.id;
    const referralId = (await request(app).post(api('/referrals')).send({ patientId, referrer: { kind: 'gp', name: 'Dr Patel' }, referredDate: '2026-11-16' }).expect(201)).body.id;
    await request(app).post(api(`/referrals/${referralId}/transitions`)).send({ to: 'pre-visit-booked' }).expect(201);
    await request(app).post(api(`/referrals/${referralId}/transitions`)).send({ to: 'received' }).expect(201);
    const plan = { date: '2026-12-07', kind: 'day' as const, document: { problem: {}, plan: {}, source: { kind: 'job' } }, pins: [] };
    await writePlanVersion(getDb(), { centreId, doc: { ...plan, status: 'draft' } });
    await writePlanVersion(getDb(), { centreId, doc: { ...plan, status: 'published' } });
    const job = await planJobs.insert(getDb(), centreId, { date: '2026-12-07', request: { patientIds: [], timeLimitSec: 1, seed: 1 } });
    await planJobs.cancel(getDb(), job.id);
    await request(app).post(api(`/referrals/${referralId}/transitions`)).send({ to: 'declined' }).expect(201);

    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- replies read field by field
    const deliveries = async () => (await request(app).get(api(`/webhooks/${registered.body.id}/deliveries`)).expect(200)).body as Array<Record<string, any>>;
    await until('failed attempts while down', async () => (await deliveries())[0]?.attempts >= 2);
    const whileDown = await deliveries();
    expect(whileDown.map((d) => d.event)).toEqual(['referral.status-changed', 'referral.status-changed', 'plan.changed', 'plan.published', 'job.finished', 'referral.status-changed']);
    expect(whileDown.every((d) => d.status === 'pending')).toBe(true);
    expect(whileDown[0]!.lastError).toMatch(/ECONNREFUSED|fetch failed/);
    // Only the head of the queue is tried: order is kept.
    expect(whileDown.slice(1).every((d) => d.attempts === 0)).toBe(true);

    await hook.start('failing'); // up, but answering 503
    await until('a 503 attempt', async () => hook.failures() > 0);
    expect((await deliveries())[0]!.lastStatusCode).toBe(503);
    hook.recover();
    await until('every delivery', async () => (await deliveries()).every((d) => d.status === 'delivered'));

    const done = await deliveries();
    expect(hook.received.map((r) => r.eventId)).toEqual(done.map((d) => d.eventId));
    for (const r of hook.received) {
      expect(verifyWebhookSignature(secret, r.timestamp, r.body, r.signature), `${r.event} is signed`).toBe(true);
      expect(verifyWebhookSignature('whsec_wrong', r.timestamp, r.body, r.signature)).toBe(false);
      expect(Math.abs(Date.now() / 1000 - r.timestamp)).toBeLessThan(60);
    }
    const bodies = hook.received.map((r) => JSON.parse(r.body));
    expect(bodies[0]).toMatchObject({ type: 'referral.status-changed', centreId, data: { referralId, from: 'received', to: 'pre-visit-booked' } });
    expect(bodies[3]).toMatchObject({ type: 'plan.published', data: { date: '2026-12-07', version: 2, status: 'published' } });
    expect(bodies[4]).toMatchObject({ type: 'job.finished', data: { jobId: job.id, status: 'cancelled' } });
    expect(done[0]!.attempts).toBeGreaterThan(2);

    const resent = await request(app).post(api(`/webhooks/${registered.body.id}/deliveries/${done[3]!.id}/resend`)).expect(201);
    expect(resent.body).toMatchObject({ eventId: done[3]!.eventId, status: 'pending' });
    await until('the re-send', async () => hook.received.length === 7);
    expect(hook.received[6]!.eventId).toBe(done[3]!.eventId);

    await request(app).post(api('/webhooks')).send({ url: 'ftp://x', events: ['plan.moved'] }).expect(400);
  });
});
