// A planned (and published) day made through the API as a coordinator makes one: a plan job,
// the runner worked until idle, then publishing the newest version. For tests' set-up.
import type { Express } from 'express';
import request from 'supertest';
import type { Db } from '../../src/db/create-database.ts';
import { planJobRunnerFor } from '../../src/solving/jobs/plan-job-runner.ts';

type Headers = Record<string, string>;

/** Plans `date` for `patientIds` by a plan job; throws unless the job succeeded. Returns the job's view. */
export async function planDayByJob(app: Express, db: Db, centreId: string, job: { date: string; patientIds: string[]; timeLimitSec: number; seed?: number }, headers: Headers = {}) {
  const queued = await request(app).post(`/api/centres/${centreId}/plan-jobs`).set(headers).send({ seed: 2, ...job }).expect(202);
  await planJobRunnerFor(db).idle();
  const done = await request(app).get(queued.headers.location!).set(headers).expect(200);
  if (done.body.status !== 'succeeded') throw new Error(`the planning job ${done.body.status}: ${JSON.stringify(done.body.error)}`);
  return done.body as { id: string; status: 'succeeded'; planVersion: number };
}

/** Publishes the newest plan version of `date` (If-Match from a fresh read). */
export async function publishNewest(app: Express, centreId: string, date: string, headers: Headers = {}): Promise<void> {
  const plan = `/api/centres/${centreId}/days/${date}/plan`;
  const current = await request(app).get(plan).set(headers).expect(200);
  await request(app).post(`${plan}/publish`).set(headers).set('If-Match', current.headers.etag!).expect(200);
}
