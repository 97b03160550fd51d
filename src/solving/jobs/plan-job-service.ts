// Planning jobs: request a day's plan, read the job's status and progress, cancel it.
// The job itself runs in plan-job-runner.ts (worker thread); this service only talks to the database.
import type { Knex } from 'knex';
import { z } from 'zod';
import { planJobs, type PlanJob } from '../../db/repositories/plan-jobs.ts';
import { plans } from '../../db/repositories/plans.ts';
import { idSchema, localDateSchema } from '../../domain/primitives.ts';
import { appError } from '../../errors/app-error.ts';
import { parseOrThrow } from '../../errors/from-zod-error.ts';
import { attendingPatients } from '../problem/attending-patients.ts';
import { buildJobProblem } from '../problem/build-job-problem.ts';
import { planJobRunnerFor } from './plan-job-runner.ts';
import { foundInCentre, requireCentre } from '../../api/services/centre-scoped-service.ts';
import type { Precondition } from '../../api/record-etag.ts';
import type { DayPlan, OutreachPlan } from '../../../solver/index.ts';
import { bookedResidents, buildOutreachProblem } from '../problem/build-outreach-problem.ts';
import { DEFAULT_OUTREACH_ITERATIONS_PER_REQUEST } from '../plans/outreach-plan-service.ts';

/** Default and largest solve time a job may ask for. */
export const DEFAULT_JOB_TIME_LIMIT_SEC = 5;
export const MAX_JOB_TIME_LIMIT_SEC = 120;

/** POST …/plan-jobs (also described in the OpenAPI document). */
export const planJobRequestSchema = z.strictObject({
  date: localDateSchema,
  /** 'day' (default): the ICC day; 'outreach': the date's care-home outreach day (POST …/outreach-days first). */
  kind: z.enum(['day', 'outreach']).default('day'),
  /** The patients attending that day. Default: those whose referral holds this date as its ICC day. */
  patientIds: z.array(idSchema).min(1, { message: 'must list at least one attending patient' }).max(500)
    .refine((ids) => new Set(ids).size === ids.length, { message: 'must not repeat a patient' })
    .optional(),
  timeLimitSec: z.number().positive().max(MAX_JOB_TIME_LIMIT_SEC, { message: `must be at most ${MAX_JOB_TIME_LIMIT_SEC} seconds` }).default(DEFAULT_JOB_TIME_LIMIT_SEC),
  seed: z.number().int().min(0).max(2 ** 31 - 1).default(1),
  /** Outreach only: the search's iteration budget (default 2000, as POST …/outreach-plan). */
  maxIterations: z.number().int().min(1).max(20000).optional(),
}).superRefine((request, ctx) => {
  if (request.kind === 'day' && request.maxIterations !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['maxIterations'], message: "is for outreach jobs only (kind 'outreach'); an ICC day's job runs for timeLimitSec" });
  }
});

/**
 * The job's plan: while it runs, the best found so far (`provisional: true`, `foundAt`:
 * when it was stored); once it has succeeded, the plan it produced (`provisional: false`).
 * Either way a DayPlan with its `score`.
 */
export type PlanJobPlan = (DayPlan | OutreachPlan) & { provisional: boolean; foundAt: string };

/** A job as the API shows it: the stored job, its plan (so far) and the version it produced. */
export type PlanJobView = Omit<PlanJob, 'provisionalPlan' | 'provisionalPlanAt'> & {
  plan: PlanJobPlan | null;
  planVersion: number | null;
  planUrl: string | null;
};

async function view(db: Knex, job: PlanJob): Promise<PlanJobView> {
  const { provisionalPlan, provisionalPlanAt, ...rest } = job;
  const stored = job.planId ? await plans.findById(db, job.centreId, job.planId) : undefined;
  const final = stored ? (stored.document as { plan?: DayPlan | OutreachPlan }).plan : undefined;
  let plan: PlanJobPlan | null = null;
  if (job.status === 'succeeded' && stored && final) plan = { provisional: false, foundAt: stored.createdAt, ...final };
  else if (job.status === 'running' && provisionalPlan && provisionalPlanAt) plan = { provisional: true, foundAt: provisionalPlanAt, ...provisionalPlan };
  return {
    ...rest,
    plan,
    planVersion: stored?.version ?? null,
    planUrl: stored ? `/api/centres/${job.centreId}/days/${job.date}/${job.request.kind === 'outreach' ? 'outreach-plan' : 'plan'}?version=${stored.version}` : null,
  };
}

async function requireJob(db: Knex, centreId: string, id: string): Promise<PlanJob> {
  await planJobRunnerFor(db).ready;
  return foundInCentre(db, centreId, await planJobs.findById(db, centreId, id), 'plan job', id);
}

export const planJobService = {
  /**
   * Checks the day can be planned (400 naming the field if not), stores a queued job and
   * hands it to the runner.
   */
  async create(db: Knex, centreId: string, body: unknown): Promise<PlanJobView> {
    const request = parseOrThrow(planJobRequestSchema, body, 'plan job');
    await requireCentre(db, centreId);
    await planJobRunnerFor(db).ready;
    const { date, timeLimitSec, seed } = request;
    let job: PlanJob;
    if (request.kind === 'outreach') {
      // The residents booked to the outreach day unless listed; the problem is built now so a day that cannot be planned is a 400.
      const patientIds = request.patientIds ?? (await bookedResidents(db, centreId, date));
      await buildOutreachProblem(db, centreId, date, patientIds);
      const maxIterations = request.maxIterations ?? DEFAULT_OUTREACH_ITERATIONS_PER_REQUEST;
      job = await planJobs.insert(db, centreId, { date, request: { kind: 'outreach', patientIds, timeLimitSec, seed, maxIterations } });
    } else {
      const patientIds = request.patientIds ?? (await attendingPatients(db, centreId, date));
      await buildJobProblem(db, centreId, date, patientIds);
      job = await planJobs.insert(db, centreId, { date, request: { patientIds, timeLimitSec, seed } });
    }
    planJobRunnerFor(db).wake();
    return view(db, job);
  },
  async get(db: Knex, centreId: string, id: string): Promise<PlanJobView> {
    return view(db, await requireJob(db, centreId, id));
  },
  /**
   * Cancels a queued or running job; 409 when it has already finished. `precondition` (If-Match)
   * is checked on the job as GET shows it, under a lock (the runner's progress writes wait).
   */
  async cancel(db: Knex, centreId: string, id: string, precondition?: Precondition<PlanJobView>): Promise<PlanJobView> {
    await requireJob(db, centreId, id);
    const cancelled = await db.transaction(async (trx) => {
      await planJobs.lock(trx, centreId, id);
      const job = await planJobs.findById(trx, centreId, id);
      if (!job) throw appError.notFound('plan job', id);
      precondition?.(await view(trx, job));
      const done = await planJobs.cancel(trx, job.id);
      if (!done) throw appError.conflict(`The job has already ${job.status}; only a queued or running job can be cancelled`, [{ path: 'status', message: `is ${job.status}` }]);
      return done;
    });
    await planJobRunnerFor(db).cancel(cancelled.id);
    return view(db, cancelled);
  },
};
