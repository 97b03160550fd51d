// An outreach day planned as a plan job, like an ICC day (POST …/plan-jobs with kind 'outreach'),
// on both databases: queued (202), run on the runner's worker with its progress recorded, stored
// as the outreach plan's next version (the job's planUrl), the same plan as the direct
// POST …/outreach-plan gives for the same residents, iterations and seed; its webhooks say it is
// an outreach plan and point at it; bad requests named.
import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp } from '../../../src/app.ts';
import { loadDemoCentre } from '../../../src/demo/load-demo-centre.ts';
import { createLogger } from '../../../src/logger.ts';
import { createPlanJobRunner, planJobRunnerFor } from '../../../src/solving/jobs/plan-job-runner.ts';
import { buildOutreachProblem } from '../../../src/solving/problem/build-outreach-problem.ts';
import { planOutreachInWorker } from '../../../src/solving/workers/outreach-in-worker.ts';
import { describeEachDatabase } from '../../helpers/describe-each-database.ts';
import { errorPaths } from '../../helpers/fixtures.ts';
import { createReplyChecker } from '../../helpers/documented-replies.ts';
import { seedOutreachDay } from '../../helpers/outreach-day.ts';
import { truncateAll } from '../../helpers/test-database.ts';

const START = '2026-11-30';
const DAY = '2026-12-02';
const NO_OUTREACH_DAY = '2026-12-03';

describeEachDatabase('outreach plan jobs API', (getDb) => {
  let app: Express;
  let centreId: string;
  let residentIds: string[];
  const api = (path: string) => `/api/centres/${centreId}${path}`;

  beforeAll(async () => {
    await truncateAll(getDb());
    app = createApp({ db: getDb(), logger: createLogger('silent') });
    centreId = (await loadDemoCentre(getDb(), { seed: 1, startDate: START })).centreId!;
    ({ residentIds } = await seedOutreachDay(app, centreId, DAY, ['CH-JOB-1', 'CH-JOB-2', 'CH-JOB-3'], (i) => 7401 + 10 * i));
  }, 180_000);

  afterAll(async () => {
    await planJobRunnerFor(getDb()).close();
  });

  it('plans the outreach day as a job: progress recorded, the plan stored as the next outreach version, the same plan as the direct request', async () => {
    // An endpoint nobody answers: its deliveries stay pending, to be read back.
    const hook = (await request(app).post(api('/webhooks')).send({ url: 'http://127.0.0.1:9/hooks', events: ['plan.changed', 'job.finished'] }).expect(201)).body as { id: string };
    const body = { date: DAY, kind: 'outreach', patientIds: residentIds, maxIterations: 300, seed: 1, timeLimitSec: 60 };
    const queued = await request(app).post(api('/plan-jobs')).send(body);
    expect(queued.status, JSON.stringify(queued.body).slice(0, 400)).toBe(202);
    expect(queued.body.request).toEqual({ kind: 'outreach', patientIds: residentIds, timeLimitSec: 60, seed: 1, maxIterations: 300 });
    await planJobRunnerFor(getDb()).idle();

    const job = (await request(app).get(queued.headers.location!).expect(200)).body;
    expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
    expect(job.progress).toMatchObject({ fraction: 1, iteration: 300 });
    expect(job.planVersion).toBe(1);
    expect(job.planUrl).toBe(`/api/centres/${centreId}/days/${DAY}/outreach-plan?version=1`);
    expect(job.plan.provisional).toBe(false);
    expect(job.plan.visits.length).toBe(9);
    expect(job.plan.unscheduled).toEqual([]);

    const storedReply = await request(app).get(job.planUrl).expect(200);
    createReplyChecker().expectDocumented('get', '/api/centres/:centreId/days/:date/outreach-plan', storedReply);
    const stored = storedReply.body;
    expect(stored.source).toEqual({ kind: 'job', jobId: job.id, maxIterations: 300, seed: 1, timeLimitSec: 60 });
    const { provisional: _p, foundAt: _f, ...jobPlan } = job.plan;
    expect(stored.plan).toEqual(jobPlan);
    // No ICC day plan was written for the date.
    await request(app).get(api(`/days/${DAY}/plan`)).expect(404);
    // The webhooks name the kind, and the new version's URL is the outreach plan's.
    const deliveries = (await request(app).get(api(`/webhooks/${hook.id}/deliveries?limit=1000`)).expect(200)).body as Array<{ event: string; payload: { data: Record<string, unknown> } }>;
    expect(deliveries.find((d) => d.event === 'plan.changed')?.payload.data).toMatchObject({ kind: 'outreach', version: 1, source: 'job', planUrl: job.planUrl });
    expect(deliveries.find((d) => d.event === 'job.finished')?.payload.data).toMatchObject({ jobId: job.id, kind: 'outreach', status: 'succeeded', planId: job.planId });

    // The direct request with the same residents, iterations and seed plans the same visits.
    const direct = (await request(app).post(api(`/days/${DAY}/outreach-plan`)).send({ patientIds: residentIds, maxIterations: 300, seed: 1 }).expect(201)).body;
    expect(direct.version).toBe(2);
    expect(direct.plan.visits).toEqual(stored.plan.visits);
  }, 120_000);

  it('a job left running by a process that stopped is resumed (its best plan so far a construction), not failed', async () => {
    // What a process that died mid-job leaves behind: a running outreach job, its lease run out,
    // and the best plan it had found (here: 2,000 iterations' worth).
    const problem = await buildOutreachProblem(getDb(), centreId, DAY, residentIds);
    const provisional = await planOutreachInWorker({ problem, options: { maxIterations: 2000, seed: 3 } });
    const [orphan] = await getDb()('plan_jobs')
      .insert({
        centre_id: centreId, date: DAY, status: 'running', request: JSON.stringify({ kind: 'outreach', patientIds: residentIds, timeLimitSec: 60, seed: 1, maxIterations: 1 }),
        owner_id: 'a-process-that-died', lease_expires_at: getDb().raw("now() - interval '1 minute'"),
        provisional_plan: JSON.stringify(provisional), provisional_plan_at: getDb().fn.now(),
      })
      .returning('id');
    const restarted = createPlanJobRunner(getDb());
    await restarted.ready;
    restarted.wake();
    await restarted.idle();
    const res = await request(app).get(api(`/plan-jobs/${orphan.id}`)).expect(200);
    expect(res.body).toMatchObject({ status: 'succeeded', resumes: 1, error: null });
    // Its best plan so far's visit order is one of the search's constructions (on this small day
    // every construction is already as good, so the score cannot tell more).
    expect(res.body.plan.score.soft).toBeLessThanOrEqual(provisional.score.soft);
    expect(res.body.plan.unscheduled).toEqual([]);
    await restarted.close();
  });

  it('names what is wrong: no outreach day that date (date), maxIterations on an ICC day job (maxIterations), an unknown kind (kind)', async () => {
    const noDay = await request(app).post(api('/plan-jobs')).send({ date: NO_OUTREACH_DAY, kind: 'outreach', patientIds: residentIds }).expect(400);
    expect(errorPaths(noDay.body)).toEqual(['date']);
    const iterations = await request(app).post(api('/plan-jobs')).send({ date: DAY, patientIds: residentIds, maxIterations: 10 }).expect(400);
    expect(errorPaths(iterations.body)).toEqual(['maxIterations']);
    const kind = await request(app).post(api('/plan-jobs')).send({ date: DAY, kind: 'rounds', patientIds: residentIds }).expect(400);
    expect(errorPaths(kind.body)).toEqual(['kind']);
  });
});
