// The job runner against a real database: progress lands in the database while the worker
// plans, and a job cancelled in the database by someone else (another process) stops its worker.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { patients } from '../../../src/db/index.ts';
import { planJobs } from '../../../src/db/repositories/plan-jobs.ts';
import { loadDemoCentre } from '../../../src/demo/load-demo-centre.ts';
import { createPlanJobRunner, type PlanJobRunner } from '../../../src/jobs/plan-job-runner.ts';
import { describeEachDatabase } from '../../helpers/describe-each-database.ts';
import { truncateAll } from '../../helpers/test-database.ts';

const DATE = '2026-12-01';

describeEachDatabase('plan job runner', (getDb) => {
  let centreId: string;
  let attending: string[];
  let runner: PlanJobRunner;

  beforeAll(async () => {
    await truncateAll(getDb());
    centreId = (await loadDemoCentre(getDb(), { seed: 1, startDate: '2026-11-30' })).centreId!;
    attending = (await patients.list(getDb(), centreId)).filter((p) => !p.unavailableDates.includes(DATE)).slice(0, 6).map((p) => p.id);
    runner = createPlanJobRunner(getDb());
    await runner.ready;
  });

  afterAll(async () => {
    await runner.close();
  });

  it('records progress while running, and stops the worker when the job is cancelled in the database', async () => {
    const job = await planJobs.insert(getDb(), centreId, { date: DATE, request: { patientIds: attending, timeLimitSec: 60, seed: 1 } });
    runner.enqueue(job.id);
    const deadline = Date.now() + 30_000;
    let seen = await planJobs.findById(getDb(), centreId, job.id);
    while (seen?.progress === null && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      seen = await planJobs.findById(getDb(), centreId, job.id);
    }
    expect(seen).toMatchObject({ status: 'running' });
    expect(seen!.progress!.fraction).toBeGreaterThanOrEqual(0);
    expect(seen!.progress!.fraction).toBeLessThan(1);

    // As another process would: only the database is told.
    const cancelledAt = Date.now();
    await planJobs.cancel(getDb(), job.id);
    await runner.idle();
    // Far sooner than the 60 s time limit: the next progress write noticed and stopped the worker.
    expect(Date.now() - cancelledAt).toBeLessThan(20_000);
    const after = await planJobs.findById(getDb(), centreId, job.id);
    expect(after).toMatchObject({ status: 'cancelled', planId: null, error: null });
  });
});
