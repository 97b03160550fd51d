// Planning jobs through the API on both databases: a job end to end, the 4xx of a day that
// cannot be planned, cancelling, and a job whose data changed while queued failing with its error.
import request from 'supertest';
import type { Express } from 'express';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp } from '../../../src/app.ts';
import { plans } from '../../../src/db/repositories/plans.ts';
import { patients, referrals } from '../../../src/db/index.ts';
import { referralTransitions } from '../../../src/db/repositories/referral-transitions.ts';
import { loadDemoCentre } from '../../../src/demo/load-demo-centre.ts';
import { createPlanJobRunner, planJobRunnerFor } from '../../../src/solving/jobs/plan-job-runner.ts';
import { planDayInWorker } from '../../../src/solving/workers/plan-day-in-worker.ts';
import { buildJobProblem } from '../../../src/solving/problem/build-job-problem.ts';
import { createLogger } from '../../../src/logger.ts';
import { validatePlan } from '../../../solver/validate/validate-plan.ts';
import type { DayPlan, DayProblem } from '../../../solver/model/index.ts';
import { DEFAULT_WEIGHTS, buildTravel, indexLocations, scorePlan, validateTransportPlan, type TransportPlan, type TransportProblem } from '../../../solver/index.ts';
import { describeEachDatabase } from '../../helpers/describe-each-database.ts';
import { truncateAll } from '../../helpers/test-database.ts';
import { patientBody } from '../../helpers/fixtures.ts';

const DATE = '2026-12-01';
const SATURDAY = '2026-12-05';

/** Polls the job until it leaves queued/running (or the deadline passes). */
async function waitForJob(app: Express, url: string, until: (status: string) => boolean = (s) => s !== 'queued' && s !== 'running') {
  const deadline = Date.now() + 45_000;
  for (;;) {
    const res = await request(app).get(url).expect(200);
    if (until(res.body.status) || Date.now() > deadline) return res.body;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

describeEachDatabase('plan jobs API', (getDb) => {
  let app: Express;
  let centreId: string;
  let attending: string[];
  const jobsUrl = () => `/api/centres/${centreId}/plan-jobs`;

  beforeAll(async () => {
    await truncateAll(getDb());
    app = createApp({ db: getDb(), logger: createLogger('silent') });
    centreId = (await loadDemoCentre(getDb(), { seed: 1, startDate: '2026-11-30' })).centreId!;
    const stored = await patients.list(getDb(), centreId);
    attending = stored.filter((p) => !p.unavailableDates.includes(DATE)).slice(0, 4).map((p) => p.id);
  });

  afterAll(async () => {
    await planJobRunnerFor(getDb()).close();
  });

  it('plans a day as a job: 202 with Location, progress, then a stored draft plan that passes validatePlan', async () => {
    const res = await request(app).post(jobsUrl()).send({ date: DATE, patientIds: attending, timeLimitSec: 1, seed: 3 }).expect(202);
    expect(res.body.status).toBe('queued');
    expect(res.headers.location).toBe(`${jobsUrl()}/${res.body.id}`);
    expect(res.body.request).toEqual({ patientIds: attending, timeLimitSec: 1, seed: 3 });

    const job = await waitForJob(app, res.headers.location!);
    expect(job.status).toBe('succeeded');
    expect(job.error).toBeNull();
    expect(job.progress.fraction).toBe(1);
    expect(job.planVersion).toBeGreaterThanOrEqual(1);

    const stored = await plans.findById(getDb(), centreId, job.planId);
    expect(stored).toMatchObject({ date: DATE, status: 'draft', version: job.planVersion });
    const { problem, plan } = stored!.document as { problem: DayProblem; plan: DayPlan };
    expect(problem.patients.map((p) => p.id)).toEqual(attending);
    expect(plan.itineraries).toHaveLength(attending.length);
    const validation = validatePlan(problem, plan);
    expect(validation.violations.map((v) => v.message)).toEqual([]);
    expect(job.progress.bestHard).toBe(plan.score.hard);
    const viaApi = await request(app).get(job.planUrl).expect(200);
    expect(viaApi.body).toMatchObject({ id: job.planId, version: job.planVersion, status: 'draft' });
    expect(viaApi.body.plan.activities).toEqual(plan.activities);
  });

  it('shows the best plan so far while the job runs (provisional, with its score, valid), then the final plan', async () => {
    const many = (await patients.list(getDb(), centreId)).filter((p) => !p.unavailableDates.includes(DATE)).slice(0, 12).map((p) => p.id);
    const problem = await buildJobProblem(getDb(), centreId, DATE, many);
    const res = await request(app).post(jobsUrl()).send({ date: DATE, patientIds: many, timeLimitSec: 8, seed: 1 }).expect(202);
    expect(res.body.plan).toBeNull();
    const running = await waitForJob(app, res.headers.location!, (s) => s !== 'queued');
    let seen = running;
    const deadline = Date.now() + 30_000;
    while (seen.status === 'running' && seen.plan === null && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      seen = (await request(app).get(res.headers.location!).expect(200)).body;
    }
    expect(seen.status).toBe('running');
    expect(seen.plan).toMatchObject({ provisional: true, score: { hard: 0 } });
    expect(typeof seen.plan.score.soft).toBe('number');
    expect(Date.parse(seen.plan.foundAt)).not.toBeNaN();
    expect(validatePlan(problem, seen.plan).violations.map((v) => v.message)).toEqual([]);
    expect(seen.plan.itineraries).toHaveLength(many.length);

    const done = await waitForJob(app, res.headers.location!);
    expect(done.status).toBe('succeeded');
    expect(done.plan.provisional).toBe(false);
    expect(done.plan.score.soft).toBeLessThanOrEqual(seen.plan.score.soft + 0.01);
    const stored = await plans.findById(getDb(), centreId, done.planId);
    expect(done.plan.activities).toEqual((stored!.document as { plan: DayPlan }).plan.activities);
    // The plan so far is not kept once the job has finished.
    const row = await getDb()('plan_jobs').where({ id: done.id }).first();
    expect(row.provisional_plan).toBeNull();
  });

  it('answers 400 naming the field when the day cannot be planned, and stores no job', async () => {
    const closed = await request(app).post(jobsUrl()).send({ date: SATURDAY, patientIds: attending, timeLimitSec: 1 }).expect(400);
    expect(closed.body.error.details[0].path).toBe('date');

    const newcomer = await request(app).post(`/api/centres/${centreId}/patients`).send(patientBody(9001)).expect(201);
    const unreferred = await request(app).post(jobsUrl()).send({ date: DATE, patientIds: [newcomer.body.id] }).expect(400);
    expect(unreferred.body.error.details[0].path).toBe('referrals');

    const bad = await request(app).post(jobsUrl()).send({ date: DATE, patientIds: attending, timeLimitSec: 500, colour: 'red' }).expect(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['colour', 'timeLimitSec']);

    const none = await getDb()('plan_jobs').where({ centre_id: centreId, date: SATURDAY }).count({ n: '*' });
    expect(Number(none[0]!.n)).toBe(0);
  });

  it('cancels a running job: it stays cancelled, keeps no plan, and cannot be cancelled twice', async () => {
    const res = await request(app).post(jobsUrl()).send({ date: DATE, patientIds: attending, timeLimitSec: 60 }).expect(202);
    const url = res.headers.location!;
    await waitForJob(app, url, (s) => s !== 'queued');
    const cancelled = await request(app).post(`${url}/cancel`).expect(200);
    expect(cancelled.body.status).toBe('cancelled');
    await planJobRunnerFor(getDb()).idle();
    const after = await request(app).get(url).expect(200);
    expect(after.body).toMatchObject({ status: 'cancelled', planId: null, error: null });
    expect(after.body.finishedAt).not.toBeNull();
    const again = await request(app).delete(url).expect(409);
    expect(again.body.error.message).toMatch(/already cancelled/);
  });

  it('a job whose day became unplannable while queued fails and stores the error naming the field', async () => {
    const first = await request(app).post(jobsUrl()).send({ date: DATE, patientIds: attending.slice(0, 2), timeLimitSec: 1 }).expect(202);
    const second = await request(app).post(jobsUrl()).send({ date: DATE, patientIds: attending, timeLimitSec: 1 }).expect(202);
    // The runner plans one job at a time, so the second is still queued: make its last patient unavailable.
    await request(app).patch(`/api/centres/${centreId}/patients/${attending[3]}`).send({ unavailableDates: [DATE] }).expect(200);
    const failed = await waitForJob(app, second.headers.location!);
    expect(failed.status).toBe('failed');
    expect(failed.planId).toBeNull();
    expect(failed.error.code).toBe('validation_failed');
    expect(failed.error.details[0].path).toBe('patients[3].unavailableDates');
    expect((await waitForJob(app, first.headers.location!)).status).toBe('succeeded');
    await request(app).patch(`/api/centres/${centreId}/patients/${attending[3]}`).send({ unavailableDates: [] }).expect(200);
  });

  it('without patientIds, plans the patients whose referral holds that ICC day (400 naming patientIds when nobody does)', async () => {
    const other = '2026-12-03';
    const nobody = await request(app).post(jobsUrl()).send({ date: other, timeLimitSec: 1 }).expect(400);
    expect(nobody.body.error.details[0].path).toBe('patientIds');

    const theirReferrals = (await referrals.list(getDb(), centreId)).filter((r) => attending.slice(0, 2).includes(r.patientId));
    for (const r of theirReferrals) await referralTransitions.saveBooking(getDb(), r.id, { iccDate: other });
    const res = await request(app).post(jobsUrl()).send({ date: other, timeLimitSec: 1 }).expect(202);
    expect([...res.body.request.patientIds].sort()).toEqual(attending.slice(0, 2).sort());
    await request(app).post(`${res.headers.location}/cancel`).expect(200);
  });

  it('a job left running by a process that stopped (its lease expired) is resumed from its provisional plan when a new runner starts', async () => {
    // What a process that died mid-job leaves behind: a running job, its lease run out, and the best plan it had found.
    const problem = await buildJobProblem(getDb(), centreId, DATE, attending);
    const provisional = (await planDayInWorker({ problem, options: { maxIterations: 200, seed: 3 } }).result);
    const [orphan] = await getDb()('plan_jobs')
      .insert({
        centre_id: centreId, date: DATE, status: 'running', request: JSON.stringify({ patientIds: attending, timeLimitSec: 1, seed: 1 }),
        owner_id: 'a-process-that-died', lease_expires_at: getDb().raw("now() - interval '1 minute'"),
        provisional_plan: JSON.stringify(provisional), provisional_plan_at: getDb().fn.now(),
      })
      .returning('id');
    const restarted = createPlanJobRunner(getDb());
    await restarted.ready;
    const taken = await request(app).get(`${jobsUrl()}/${orphan.id}`).expect(200);
    expect(taken.body).toMatchObject({ resumes: 1, error: null });
    expect(['queued', 'running']).toContain(taken.body.status);
    restarted.wake();
    await restarted.idle();
    const res = await request(app).get(`${jobsUrl()}/${orphan.id}`).expect(200);
    expect(res.body).toMatchObject({ status: 'succeeded', resumes: 1, error: null });
    expect(res.body.resumedAt).not.toBeNull();
    // Resumed, not restarted from nothing: the plan places at least what the provisional plan placed.
    expect(res.body.plan.activities.length).toBeGreaterThanOrEqual(provisional.activities.length);
    await restarted.close();
  });

  it('a job whose process died more often than a job is resumed is failed as interrupted', async () => {
    const [orphan] = await getDb()('plan_jobs')
      .insert({ centre_id: centreId, date: DATE, status: 'running', request: JSON.stringify({ patientIds: attending, timeLimitSec: 1, seed: 1 }), owner_id: 'a-process-that-died', lease_expires_at: getDb().raw("now() - interval '1 minute'"), resumes: 2 })
      .returning('id');
    const restarted = createPlanJobRunner(getDb());
    await restarted.ready;
    await restarted.close();
    const res = await request(app).get(`${jobsUrl()}/${orphan.id}`).expect(200);
    expect(res.body).toMatchObject({ status: 'failed', planId: null, resumes: 2, error: { code: 'interrupted' } });
    expect(res.body.finishedAt).not.toBeNull();
  });

  it('plans the day with its transport: both checkers accept the stored version; a new job keeps the pins of the newest version', async () => {
    const first = await request(app).post(jobsUrl()).send({ date: DATE, patientIds: attending, timeLimitSec: 1, seed: 4 }).expect(202);
    await planJobRunnerFor(getDb()).idle();
    const done = (await request(app).get(`${jobsUrl()}/${first.body.id}`).expect(200)).body;
    expect(done.status).toBe('succeeded');
    const stored = await plans.findById(getDb(), centreId, done.planId);
    const doc = stored!.document as unknown as { problem: DayProblem; plan: DayPlan; transport: { problem: TransportProblem; plan: TransportPlan } };
    expect(doc.transport.plan.runs.length).toBeGreaterThan(0);
    const travel = buildTravel(doc.transport.problem.locations, doc.transport.problem.travel);
    const index = indexLocations(doc.transport.problem.locations);
    const travelMin = (a: string, b: string) => travel.travelMin(index.get(a)!, index.get(b)!);
    expect(validatePlan(doc.problem, doc.plan).violations.map((v) => v.message)).toEqual([]);
    expect(validateTransportPlan(doc.transport.problem, doc.transport.plan, { travelMin, day: { problem: doc.problem, plan: doc.plan } }).violations.map((v) => v.message)).toEqual([]);
    // Each carried patient's itinerary runs from their drop-off to their pick-up.
    for (const times of doc.transport.plan.passengers) {
      const itinerary = doc.plan.itineraries.find((i) => i.patientId === times.patientId)!;
      if (times.arrivalMin !== undefined) expect(itinerary.arrivalMin).toBe(times.arrivalMin);
      if (times.departureMin !== undefined) expect(itinerary.departureMin).toBe(times.departureMin);
    }
    // The stored score is the stored plan's: time on site counted from drop-off to pick-up, which
    // here differs from counting from the first activity (so a score left from before would show).
    expect(doc.plan.score).toEqual(scorePlan(doc.problem, doc.plan.activities, doc.plan.unscheduled, DEFAULT_WEIGHTS, doc.plan.itineraries));
    expect(scorePlan(doc.problem, doc.plan.activities, doc.plan.unscheduled, DEFAULT_WEIGHTS).soft).not.toBe(doc.plan.score.soft);

    // The coordinator pins an activity; the next job plans around it.
    const current = await request(app).get(`/api/centres/${centreId}/days/${DATE}/plan`).expect(200);
    const activity = doc.plan.activities.find((a) => a.typeId !== 'meal')!;
    await request(app).post(`/api/centres/${centreId}/days/${DATE}/plan/pins`).set('If-Match', current.headers.etag!).send({ activityId: activity.id }).expect(200);
    const again = await request(app).post(jobsUrl()).send({ date: DATE, patientIds: attending, timeLimitSec: 1, seed: 5 }).expect(202);
    await planJobRunnerFor(getDb()).idle();
    const next = (await request(app).get(`${jobsUrl()}/${again.body.id}`).expect(200)).body;
    expect(next.status).toBe('succeeded');
    const kept = (await request(app).get(`/api/centres/${centreId}/days/${DATE}/plan?version=${next.planVersion}`).expect(200)).body;
    expect(kept.pins).toEqual([expect.objectContaining({ patientId: activity.patientId, typeId: activity.typeId, startMin: activity.startMin })]);
    const placed = kept.plan.activities.find((a: { id: string }) => a.id === activity.id);
    expect(placed).toMatchObject({ startMin: activity.startMin, roomId: activity.roomId });
  });

  it('404 for an unknown job or centre', async () => {
    await request(app).get(`${jobsUrl()}/00000000-0000-4000-8000-000000000000`).expect(404);
    await request(app).get('/api/centres/00000000-0000-4000-8000-000000000000/plan-jobs/x').expect(404);
  });
});
