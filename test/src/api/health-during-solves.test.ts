// /health stays fast while every kind of solve runs its longest allowed solve: a plan job
// (120 s), booking (300 s), the rounds list, pre-visit rounds and follow-up routing (60 s), and
// a replan (30 s).
// The solves run on the pool's threads; the event loop only posts inputs and answers. Real
// HTTP on a real socket (the client's timings include the server's event loop, which is the
// point), then every solve is cancelled (the job by its cancel route, the others by the client
// going away) so the file ends in seconds, not minutes.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp } from '../../../src/app.ts';
import { patients } from '../../../src/db/index.ts';
import { loadDemoCentre } from '../../../src/demo/load-demo-centre.ts';
import { planJobRunnerFor } from '../../../src/solving/jobs/plan-job-runner.ts';
import { closeSolvePool } from '../../../src/solving/workers/solve-pool.ts';
import { createLogger } from '../../../src/logger.ts';
import { describeEachDatabase } from '../../helpers/describe-each-database.ts';
import { truncateAll } from '../../helpers/test-database.ts';
import { patientBody } from '../../helpers/fixtures.ts';

// One thread per solve, so every kind runs at once (the default is one per core). Test files
// share a process (vitest isolate: false), so the pool is started afresh here and the setting
// given back after.
const threadsBefore = process.env.ICC_SOLVER_THREADS;

const DATE = '2026-10-22';
const ROUNDS_DATE = '2026-10-23';
const HEALTH_LIMIT_MS = 250;
/** Solves that may finish before their time limit; the others run until the client goes away. */
const MAY_END_EARLY = new Set(['booking', 'replan']);

describeEachDatabase('/health while every kind of solve runs', (getDb) => {
  let server: Server;
  let base: string;
  let centreId: string;
  let attendingIds: string[];
  const api = (path: string) => `${base}/api/centres/${centreId}${path}`;
  const json = (method: string, body: unknown, signal?: AbortSignal, headers: Record<string, string> = {}) =>
    ({ method, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body), ...(signal ? { signal } : {}) });

  beforeAll(async () => {
    await closeSolvePool();
    process.env.ICC_SOLVER_THREADS = '6';
    await truncateAll(getDb());
    const app = createApp({ db: getDb(), logger: createLogger('silent') });
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    centreId = (await loadDemoCentre(getDb(), { seed: 1, startDate: '2026-10-19' })).centreId!;
    // A plan to replan: a short job first.
    const attending = (await patients.list(getDb(), centreId)).filter((p) => !p.unavailableDates.includes(DATE) && p.lat !== null).slice(0, 6);
    attendingIds = attending.map((p) => p.id);
    const job = await fetch(api('/plan-jobs'), json('POST', { date: DATE, patientIds: attendingIds, timeLimitSec: 1, seed: 1 }));
    expect(job.status).toBe(202);
    await planJobRunnerFor(getDb()).idle();
    // Pre-visits to route on the rounds date (the demo's support workers are on shift then).
    for (let i = 0; i < 6; i++) {
      const patient = await fetch(api('/patients'), json('POST', patientBody(7000 + i, { localRef: `HEALTH-${i}`, lat: 53.74 + 0.01 * i, lon: -0.38 + 0.01 * i })));
      expect(patient.status, await patient.clone().text()).toBe(201);
      const referral = await fetch(api('/referrals'), json('POST', { patientId: ((await patient.json()) as { id: string }).id, referrer: { kind: 'gp', name: 'Dr P' }, referredDate: '2026-10-01' }));
      expect(referral.status).toBe(201);
      const booked = await fetch(api(`/referrals/${((await referral.json()) as { id: string }).id}/transitions`), json('POST', { to: 'pre-visit-booked', date: ROUNDS_DATE }));
      expect(booked.status).toBe(201);
    }
    // Rehabilitation home visits to route: patients who attended on DATE, visits the next days.
    const physioType = ((await (await fetch(api('/assessment-types'))).json()) as Array<{ id: string; discipline: string }>).find((t) => t.discipline === 'physio')!.id;
    for (let i = 0; i < 6; i++) {
      const patient = await fetch(api('/patients'), json('POST', patientBody(7100 + i, { localRef: `REHAB-${i}`, lat: 53.75 + 0.01 * i, lon: -0.36 - 0.01 * i })));
      const referral = await fetch(api('/referrals'), json('POST', { patientId: ((await patient.json()) as { id: string }).id, referrer: { kind: 'gp', name: 'Dr P' }, referredDate: '2026-10-01' }));
      const referralId = ((await referral.json()) as { id: string }).id;
      expect((await fetch(api(`/referrals/${referralId}/pre-visit`), json('PUT', { requiredAssessmentTypeIds: [physioType] }))).status).toBe(200);
      expect((await fetch(api(`/referrals/${referralId}/transitions`), json('POST', { to: 'day-booked', date: DATE }))).status).toBe(201);
      expect((await fetch(api(`/referrals/${referralId}/transitions`), json('POST', { to: 'attended' }))).status).toBe(201);
      const outcome = await fetch(api(`/referrals/${referralId}/mdt-outcome`), json('POST', { carePlan: 'Strength and balance at home', followUps: [{ type: 'rehab-home-visit', windowStartDays: 1, windowEndDays: 3 }] }));
      expect(outcome.status, await outcome.clone().text()).toBe(201);
    }
  });

  afterAll(async () => {
    await planJobRunnerFor(getDb()).close();
    await new Promise((resolve) => server.close(resolve));
    await closeSolvePool();
    if (threadsBefore === undefined) delete process.env.ICC_SOLVER_THREADS;
    else process.env.ICC_SOLVER_THREADS = threadsBefore;
  });

  /** /health answered 15 times, 200 ms apart: each answer's time in ms (the event loop's latency included). */
  async function healthTimings(): Promise<number[]> {
    const timings: number[] = [];
    for (let i = 0; i < 15; i++) {
      const started = performance.now();
      const res = await fetch(`${base}/health`);
      timings.push(performance.now() - started);
      expect(res.status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return timings;
  }

  it(`answers /health within ${HEALTH_LIMIT_MS} ms while a plan job, booking, rounds, pre-visit rounds, follow-up routing and a replan solve`, async () => {
    // The machine's own latency with no solve running: a machine shared with other work can be
    // slower than the limit by itself, and that must not count against the service. A solve on
    // the event loop shows as seconds, far above either.
    const idle = await healthTimings();
    const limitMs = Math.max(HEALTH_LIMIT_MS, 2 * Math.max(...idle));
    const client = new AbortController();
    const plan = await (await fetch(api(`/days/${DATE}/plan`))).json() as { version: number; plan: { activities: Array<{ staffId?: string; startMin: number }> } };
    const sick = plan.plan.activities.find((a) => a.staffId !== undefined && a.startMin >= 10 * 60)!;
    const job = await fetch(api('/plan-jobs'), json('POST', { date: DATE, patientIds: attendingIds, timeLimitSec: 120, seed: 2 }));
    expect(job.status).toBe(202);
    const jobUrl = `${base}${job.headers.get('location')}`;
    const settled: Record<string, number | string> = {};
    const track = (name: string, request: Promise<Response>) => request.then(
      (res) => { settled[name] = res.status; return res.status; },
      () => { settled[name] = 'aborted'; return 'aborted'; },
    );
    const solves = [
      track('booking', fetch(api('/bookings/plan'), json('POST', { from: '2026-10-26', days: 28, timeLimitMs: 300_000 }, client.signal))),
      track('rounds', fetch(api(`/days/${ROUNDS_DATE}/rounds?timeLimitMs=60000`), { signal: client.signal })),
      track('pre-visit-rounds', fetch(api(`/days/${ROUNDS_DATE}/pre-visit-rounds?timeLimitMs=60000`), { signal: client.signal })),
      track('follow-up routing', fetch(api('/follow-ups/plan'), json('POST', { timeLimitMs: 60_000 }, client.signal))),
      track('replan', fetch(api(`/days/${DATE}/plan/replan`), json('POST', { now: '09:00', changes: [{ kind: 'staff-off-sick', staffId: sick.staffId, from: '10:00' }], timeLimitSec: 30 }, client.signal, { 'If-Match': `"${plan.version}"` }))),
    ];
    // Let every request read what it solves and every solver thread start (loading the solver
    // takes seconds on a loaded machine); from then on only solving goes on.
    await new Promise((resolve) => setTimeout(resolve, 8000));
    try {
      const timings = await healthTimings();
      // Every solve was still running while /health was asked (none had answered), and the job
      // too — except those that may end before their limit: booking when it proves its optimum
      // (seen in CI: 200 within 11 s) and the replan of this small day (seen: 200 within 10 s).
      // They solved on the pool all the same.
      expect(Object.entries(settled).filter(([name, status]) => !(MAY_END_EARLY.has(name) && status === 200))).toEqual([]);
      expect(((await (await fetch(jobUrl)).json()) as { status: string }).status).toBe('running');
      const shown = (ts: number[]) => ts.map((t) => t.toFixed(0)).join(', ');
      expect(Math.max(...timings), `health while solving ${shown(timings)} ms; with no solve ${shown(idle)} ms`).toBeLessThanOrEqual(limitMs);
    } finally {
      // Cancel everything (also when an assertion failed): the client goes away, so its solves
      // stop; the job is cancelled.
      client.abort();
      await Promise.all(solves);
      await fetch(`${jobUrl}/cancel`, { method: 'POST' });
    }
    await Promise.all(solves);
    for (const [name, outcome] of Object.entries(settled)) {
      expect(MAY_END_EARLY.has(name) ? [200, 'aborted'] : ['aborted'], name).toContain(outcome);
    }
    expect(Object.keys(settled).sort()).toEqual(['booking', 'follow-up routing', 'pre-visit-rounds', 'replan', 'rounds']);
    expect(((await (await fetch(jobUrl)).json()) as { status: string }).status).toBe('cancelled');
  });
});
