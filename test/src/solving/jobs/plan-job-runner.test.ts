// The job runner against a real database, as several service processes sharing it would run
// it: progress lands in the database while the worker plans; a job cancelled through another
// connection stops its worker; claims are atomic, so with two runners every job runs once; a
// runner's renewed lease keeps its job safe from others' sweeps and restarts, while a job
// whose owner stopped renewing is failed; a closing runner hands its job to another.
// On PostgreSQL the second "process" has its own connection pool; PGlite has one connection,
// so there both runners share it.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { patients } from '../../../../src/db/index.ts';
import { createDatabase, type Db } from '../../../../src/db/create-database.ts';
import { planJobs, type PlanJob } from '../../../../src/db/repositories/plan-jobs.ts';
import { plans } from '../../../../src/db/repositories/plans.ts';
import type { DayPlan } from '../../../../solver/model/index.ts';
import { loadDemoCentre } from '../../../../src/demo/load-demo-centre.ts';
import { createPlanJobRunner, type PlanJobRunner } from '../../../../src/solving/jobs/plan-job-runner.ts';
import { describeEachDatabase } from '../../../helpers/describe-each-database.ts';
import { testDatabaseUrl, truncateAll } from '../../../helpers/test-database.ts';

const DATE = '2026-12-01';

/** Polls `read` until `done` holds (or fails after the deadline). */
async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 45_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting; last value ${JSON.stringify(value).slice(0, 300)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describeEachDatabase('plan job runner', (getDb, kind) => {
  let centreId: string;
  let attending: string[];
  /** A second connection to the same database, as another process would have. */
  let otherDb: Db;
  const runners: PlanJobRunner[] = [];
  const runner = (db: Db, options: Parameters<typeof createPlanJobRunner>[1] = {}) => {
    const created = createPlanJobRunner(db, options);
    runners.push(created);
    return created;
  };
  const job = (id: string) => planJobs.findById(getDb(), centreId, id) as Promise<PlanJob>;
  const queue = (timeLimitSec: number) => planJobs.insert(getDb(), centreId, { date: DATE, request: { patientIds: attending, timeLimitSec, seed: 1 } });

  beforeAll(async () => {
    await truncateAll(getDb());
    centreId = (await loadDemoCentre(getDb(), { seed: 1, startDate: '2026-11-30' })).centreId!;
    attending = (await patients.list(getDb(), centreId)).filter((p) => !p.unavailableDates.includes(DATE)).slice(0, 6).map((p) => p.id);
    otherDb = kind === 'postgres'
      ? await createDatabase({ databaseUrl: testDatabaseUrl, searchPath: getDb().client.config.searchPath as string[], poolMax: 3 })
      : getDb();
  });

  afterAll(async () => {
    for (const r of runners) await r.close();
    if (otherDb !== getDb()) await otherDb.destroy();
  });

  it('records progress while running, and stops the worker when another connection cancels the job', async () => {
    const a = runner(getDb());
    await a.ready;
    const queued = await queue(60);
    a.wake();
    const seen = await waitFor(() => job(queued.id), (j) => j.progress !== null);
    expect(seen).toMatchObject({ status: 'running', ownerId: a.ownerId });
    expect(seen.progress!.fraction).toBeGreaterThanOrEqual(0);
    expect(seen.progress!.fraction).toBeLessThan(1);

    // As another process would: only the database is told.
    const cancelledAt = Date.now();
    await planJobs.cancel(otherDb, queued.id);
    await a.idle();
    // Far sooner than the 60 s time limit: the next progress write noticed and stopped the worker.
    expect(Date.now() - cancelledAt).toBeLessThan(20_000);
    expect(await job(queued.id)).toMatchObject({ status: 'cancelled', planId: null, error: null });
    await a.close();
  });

  it('claims atomically: concurrent claims through two connections take each queued job exactly once', async () => {
    const queued = await Promise.all(Array.from({ length: 8 }, () => queue(1)));
    const claims = await Promise.all(Array.from({ length: 16 }, (_, i) => planJobs.claimNext(i % 2 ? otherDb : getDb(), `claimer-${i}`, 30_000)));
    const claimed = claims.filter((c) => c !== undefined);
    expect(claimed.map((c) => c.id).sort()).toEqual(queued.map((q) => q.id).sort());
    for (const c of claimed) expect(c).toMatchObject({ status: 'running', ownerId: expect.stringMatching(/^claimer-/) });
    for (const q of queued) await planJobs.cancel(getDb(), q.id);
  });

  it('two runners on one database run every queued job exactly once', async () => {
    const a = runner(getDb(), { pollMs: 200 });
    const b = runner(otherDb, { pollMs: 200 });
    await Promise.all([a.ready, b.ready]);
    const queued = await Promise.all(Array.from({ length: 4 }, () => queue(0.5)));
    a.wake();
    b.wake();
    const done = await Promise.all(queued.map((q) => waitFor(() => job(q.id), (j) => j.status !== 'queued' && j.status !== 'running', 90_000)));
    expect(done.map((j) => j.status)).toEqual(['succeeded', 'succeeded', 'succeeded', 'succeeded']);
    // One stored plan per job: no job was planned twice.
    for (const j of done) {
      const made = await getDb()('plans').whereRaw("document->'source'->>'jobId' = ?", [j.id]).count({ n: '*' });
      expect(Number(made[0]!.n), j.id).toBe(1);
    }
    expect(new Set(done.map((j) => j.ownerId))).toEqual(new Set([a.ownerId, b.ownerId]));
    await Promise.all([a.close(), b.close()]);
  });

  it("renews the lease of a live job (a starting runner leaves it alone), and resumes a job whose owner stopped renewing", async () => {
    const a = runner(getDb(), { leaseMs: 1500, pollMs: 200 });
    await a.ready;
    const live = await queue(6);
    a.wake();
    await waitFor(() => job(live.id), (j) => j.status === 'running');
    // What a process that died mid-job leaves behind: its lease ran out a minute ago.
    const [dead] = await getDb()('plan_jobs')
      .insert({ centre_id: centreId, date: DATE, status: 'running', request: JSON.stringify({ patientIds: attending, timeLimitSec: 1, seed: 1 }), owner_id: 'a-process-that-died', lease_expires_at: getDb().raw("now() - interval '1 minute'") })
      .returning('id');
    // The live runner's sweep puts it back in the queue as resumed, without any restart.
    const resumed = await waitFor(() => job(dead.id), (j) => j.resumes > 0, 10_000);
    expect(resumed).toMatchObject({ resumes: 1, error: null, planId: null });
    expect(resumed.resumedAt).not.toBeNull();

    // Longer than the lease: only renewals keep the live job from looking abandoned.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const b = runner(otherDb, { leaseMs: 1500, pollMs: 200 });
    await b.ready;
    await new Promise((resolve) => setTimeout(resolve, 500)); // a few sweeps by both
    expect(await job(live.id)).toMatchObject({ status: 'running', ownerId: a.ownerId, error: null });
    const finished = await waitFor(() => job(live.id), (j) => j.status !== 'running', 60_000);
    expect(finished).toMatchObject({ status: 'succeeded', ownerId: a.ownerId });
    // The resumed job is planned by one of the live runners, and still says it was resumed.
    const resumedDone = await waitFor(() => job(dead.id), (j) => j.status !== 'running' && j.status !== 'queued', 60_000);
    expect(resumedDone).toMatchObject({ status: 'succeeded', resumes: 1 });
    await Promise.all([a.close(), b.close()]);
  });

  it('a closing runner hands its running job back to the queue, and another runner plans it', async () => {
    const a = runner(getDb(), { pollMs: 60_000 });
    await a.ready;
    // Long enough that the job is still running when the runner closes, even on a loaded machine
    // (with 3 s it had at times finished first, and came back succeeded rather than queued).
    const queued = await queue(10);
    a.wake();
    const found = await waitFor(() => job(queued.id), (j) => j.status === 'running' && j.provisionalPlan !== null);
    await a.close();
    // The best plan so far stays with the job: the next runner starts from it.
    const handedBack = await job(queued.id);
    expect(handedBack).toMatchObject({ status: 'queued', ownerId: null, startedAt: null });
    expect(handedBack.provisionalPlan!.score.soft).toBeLessThanOrEqual(found.provisionalPlan!.score.soft);
    const b = runner(otherDb, { pollMs: 60_000 });
    const done = await waitFor(() => job(queued.id), (j) => j.status !== 'queued' && j.status !== 'running', 60_000);
    expect(done).toMatchObject({ status: 'succeeded', ownerId: b.ownerId, provisionalPlan: null });
    const stored = await plans.findById(getDb(), centreId, done.planId!);
    const final = (stored!.document as { plan: DayPlan }).plan;
    expect(final.score.soft).toBeLessThanOrEqual(handedBack.provisionalPlan!.score.soft);
    await b.close();
  }, 120_000);
});
