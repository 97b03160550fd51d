// Runs queued planning jobs one at a time (the machine's cores are shared with the API), each
// on a worker thread. Everything a client sees — status, progress, plan, error — is written
// to the database; this process only keeps the handles it needs to cancel its own workers.
import type { Db } from '../db/create-database.ts';
import { planJobs, type PlanJobError, type PlanJobProgress } from '../db/repositories/plan-jobs.ts';
import { plans } from '../db/repositories/plans.ts';
import type { Plan, PlanCreate } from '../domain/plan.ts';
import { isAppError } from '../errors/app-error.ts';
import { planDayInWorker } from '../workers/plan-day-in-worker.ts';
import { WorkerCancelledError, type WorkerRun } from '../workers/run-in-worker.ts';
import type { DayPlan, ProgressEvent } from '../../solver/model/index.ts';
import { buildJobProblem } from './build-job-problem.ts';

/** Progress is written at most this often, so a fast solver cannot flood the database. */
const PROGRESS_WRITE_INTERVAL_MS = 250;
/** The best plan so far is written at most this often (and only when it improved). */
const BEST_PLAN_WRITE_INTERVAL_MS = 1000;
/** How long past its time limit a worker may run (start-up, final repairs) before it is stopped. */
const WATCHDOG_GRACE_MS = 30_000;

export interface PlanJobRunner {
  /**
   * Resolves once jobs left queued or running by an earlier process (which no worker will
   * ever finish) are marked failed. Await it before reading or queueing jobs. One service
   * process per database is assumed: a second process would fail the first one's jobs.
   */
  ready: Promise<void>;
  /** Queues a stored job (status 'queued'); it runs after those queued before it. */
  enqueue(jobId: string): void;
  /** Stops the job's worker if this process runs it (the caller marks it cancelled in the database). */
  cancel(jobId: string): Promise<void>;
  /** Resolves when every queued job has finished. */
  idle(): Promise<void>;
  /** Cancels the running worker and drops the queue (shutdown, tests). */
  close(): Promise<void>;
}

class PlanningCancelled extends Error {}

function toJobError(error: unknown): PlanJobError {
  if (isAppError(error)) return { code: error.code, message: error.message, details: error.details };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'planning_failed', message: `The planner failed: ${message}`, details: null };
}

function toProgress(event: ProgressEvent): PlanJobProgress {
  return { phase: event.phase, fraction: event.fraction, bestSoft: event.bestSoft, bestHard: event.bestHard, iteration: event.iteration };
}

/**
 * Saves the plan as the next version. An edit saved at the same moment takes the number
 * first; then the conditional insert writes nothing and the next number is tried.
 */
async function saveNextVersion(db: Db, centreId: string, doc: PlanCreate): Promise<Plan> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const latest = await plans.latest(db, centreId, doc.date);
    const saved = await plans.insertVersionIfAbsent(db, centreId, doc, (latest?.version ?? 0) + 1);
    if (saved) return saved;
  }
  throw new Error(`could not save the plan: the plan of ${doc.date} kept changing`);
}

export function createPlanJobRunner(db: Db): PlanJobRunner {
  let tail: Promise<void> = Promise.resolve();
  const running = new Map<string, WorkerRun<DayPlan>>();
  /** Cancelled before their worker started. */
  const cancelRequested = new Set<string>();
  let closed = false;

  async function run(jobId: string): Promise<void> {
    if (closed) return;
    const job = await planJobs.start(db, jobId);
    if (!job) {
      cancelRequested.delete(jobId); // cancelled while queued
      return;
    }
    let lastProgress: PlanJobProgress | null = null;
    let lastWriteMs = 0;
    let progressWrites: Promise<unknown> = Promise.resolve();
    let watchdog: ReturnType<typeof setTimeout> | undefined;
    let timedOut = false;
    try {
      const problem = await buildJobProblem(db, job.centreId, job.date, job.request.patientIds);
      if (cancelRequested.delete(jobId)) return;
      // Writes are chained, so they land in order. A job no longer running was cancelled,
      // perhaps by another process: stop its worker.
      const write = (record: () => Promise<boolean>) => {
        progressWrites = progressWrites
          .then(async () => {
            if (!(await record())) await worker.cancel();
          })
          .catch(() => undefined);
      };
      const worker = planDayInWorker(
        { problem, options: { timeLimitMs: job.request.timeLimitSec * 1000, seed: job.request.seed }, bestPlanEveryMs: BEST_PLAN_WRITE_INTERVAL_MS },
        (event) => {
          lastProgress = toProgress(event);
          const nowMs = performance.now();
          if (nowMs - lastWriteMs < PROGRESS_WRITE_INTERVAL_MS) return;
          lastWriteMs = nowMs;
          const snapshot = lastProgress;
          write(() => planJobs.recordProgress(db, jobId, snapshot));
        },
        (plan) => write(() => planJobs.recordProvisionalPlan(db, jobId, plan)),
      );
      running.set(jobId, worker);
      // The planner keeps to its time limit; a worker that does not is stopped and the job failed.
      watchdog = setTimeout(() => {
        timedOut = true;
        void worker.cancel();
      }, job.request.timeLimitSec * 1000 + WATCHDOG_GRACE_MS);
      const plan = await worker.result;
      await progressWrites;
      await db.transaction(async (trx) => {
        const stored = await saveNextVersion(trx, job.centreId, { date: job.date, kind: 'day', status: 'draft', document: { problem, plan, source: { kind: 'job', jobId } }, pins: [] });
        const done = await planJobs.succeed(trx, jobId, stored.id, lastProgress);
        // Cancelled while the worker was finishing: keep no plan.
        if (!done) throw new PlanningCancelled();
      });
    } catch (error) {
      await progressWrites;
      if (timedOut) {
        await planJobs.fail(db, jobId, { code: 'planning_timed_out', message: `The planner did not finish within its time limit of ${job.request.timeLimitSec} s (+${WATCHDOG_GRACE_MS / 1000} s grace) and was stopped.`, details: null });
        return;
      }
      if (error instanceof WorkerCancelledError || error instanceof PlanningCancelled) return;
      await planJobs.fail(db, jobId, toJobError(error));
    } finally {
      clearTimeout(watchdog);
      running.delete(jobId);
      cancelRequested.delete(jobId);
    }
  }

  const ready = planJobs
    .failUnfinished(db, { code: 'interrupted', message: 'The service restarted before this job finished; request the plan again.', details: null })
    .then(() => undefined);
  ready.catch(() => undefined); // reported to whoever awaits it, never as an unhandled rejection

  return {
    ready,
    enqueue(jobId) {
      // A failure to even record a failure (database gone) must not stop the queue.
      tail = tail.then(() => run(jobId)).catch(() => undefined);
    },
    async cancel(jobId) {
      const worker = running.get(jobId);
      if (worker) await worker.cancel();
      else cancelRequested.add(jobId);
    },
    idle: () => tail,
    async close() {
      closed = true;
      await Promise.all([...running.values()].map((worker) => worker.cancel()));
      await tail;
    },
  };
}

const runners = new WeakMap<Db, PlanJobRunner>();

/** The runner for a database handle: one queue per handle, created on first use. */
export function planJobRunnerFor(db: Db): PlanJobRunner {
  let runner = runners.get(db);
  if (!runner) {
    runner = createPlanJobRunner(db);
    runners.set(db, runner);
  }
  return runner;
}
