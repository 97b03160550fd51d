// Runs queued planning jobs one at a time (the machine's cores are shared with the API), each
// on a worker thread. Everything a client sees — status, progress, plan, error — is written
// to the database; this process only keeps the handles it needs to cancel its own workers.
// Several processes may share one database: each runner claims queued jobs atomically (any
// process's), renews a lease on the one it runs, and fails only jobs whose lease expired.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Db } from '../../db/create-database.ts';
import { planJobs, type PlanJob, type PlanJobError, type PlanJobProgress } from '../../db/repositories/plan-jobs.ts';
import { isAppError } from '../../errors/app-error.ts';
import { planDayInWorker } from '../workers/plan-day-in-worker.ts';
import { WorkerCancelledError, type WorkerRun } from '../workers/run-in-worker.ts';
import type { DayPlan, ProgressEvent } from '../../../solver/index.ts';
import { buildJobProblem } from '../problem/build-job-problem.ts';
import { writePlanVersion } from '../plans/plan-versions.ts';

/** Progress is written at most this often, so a fast solver cannot flood the database. */
const PROGRESS_WRITE_INTERVAL_MS = 250;
/** The best plan so far is written at most this often (and only when it improved). */
const BEST_PLAN_WRITE_INTERVAL_MS = 1000;
/** A claimed job stays its runner's this long without renewal (renewed every third of it). */
const DEFAULT_LEASE_MS = 30_000;
/** How often an idle runner looks for queued jobs and expired leases. */
const DEFAULT_POLL_MS = 2_000;
/** How long past its time limit a worker may run (start-up, final repairs) before it is stopped. */
const WATCHDOG_GRACE_MS = 30_000;

export interface PlanJobRunnerOptions {
  /** Names this runner in plan_jobs.owner_id; default host:pid:random. */
  ownerId?: string;
  /** A claimed job stays this runner's this long without renewal (renewed every third of it). */
  leaseMs?: number;
  /** How often the runner looks for queued jobs (posted to any process) and expired leases. */
  pollMs?: number;
}

export interface PlanJobRunner {
  readonly ownerId: string;
  /**
   * Resolves once running jobs whose owner stopped renewing its lease (a process that died)
   * are marked failed. Jobs other live processes run are left alone. Await it before
   * reading or queueing jobs.
   */
  ready: Promise<void>;
  /** A job was queued: look for work now rather than at the next poll. */
  wake(): void;
  /** Stops the job's worker if this process runs it (the caller marks it cancelled in the database). */
  cancel(jobId: string): Promise<void>;
  /** Resolves when this runner has no job in hand and finds none queued. */
  idle(): Promise<void>;
  /** Stops polling, cancels this runner's worker and hands its job back to the queue (shutdown, tests). */
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

export function createPlanJobRunner(db: Db, options: PlanJobRunnerOptions = {}): PlanJobRunner {
  const ownerId = options.ownerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const pollMs = options.pollMs ?? DEFAULT_POLL_MS;
  const running = new Map<string, WorkerRun<DayPlan>>();
  let closed = false;

  async function run(job: PlanJob): Promise<void> {
    const jobId = job.id;
    let lastProgress: PlanJobProgress | null = null;
    let lastWriteMs = 0;
    let progressWrites: Promise<unknown> = Promise.resolve();
    let worker: WorkerRun<DayPlan> | undefined;
    /** False once the job no longer runs under this runner: cancelled, perhaps by another process. */
    let stillOurs = true;
    // Writes are chained, so they land in order; a refused write stops the worker.
    const write = (record: () => Promise<boolean>) => {
      progressWrites = progressWrites
        .then(async () => {
          if (!(await record())) {
            stillOurs = false;
            await worker?.cancel();
          }
        })
        .catch(() => undefined);
    };
    const heartbeat = setInterval(() => write(() => planJobs.renewLease(db, jobId, ownerId, leaseMs)), leaseMs / 3);
    let watchdog: ReturnType<typeof setTimeout> | undefined;
    let timedOut = false;
    try {
      const problem = await buildJobProblem(db, job.centreId, job.date, job.request.patientIds);
      write(() => planJobs.renewLease(db, jobId, ownerId, leaseMs));
      await progressWrites;
      if (!stillOurs || closed) return;
      worker = planDayInWorker(
        {
          problem,
          options: {
            timeLimitMs: job.request.timeLimitSec * 1000,
            seed: job.request.seed,
            // Handed back by a runner that shut down: start from the best plan it had found.
            ...(job.provisionalPlan ? { startFrom: job.provisionalPlan.activities.map((a) => ({ id: a.id, startMin: a.startMin, staffId: a.staffId, roomId: a.roomId })) } : {}),
          },
          bestPlanEveryMs: BEST_PLAN_WRITE_INTERVAL_MS,
        },
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
      const started = worker;
      // The planner keeps to its time limit; a worker that does not is stopped and the job failed.
      watchdog = setTimeout(() => {
        timedOut = true;
        void started.cancel();
      }, job.request.timeLimitSec * 1000 + WATCHDOG_GRACE_MS);
      const plan = await worker.result;
      await progressWrites;
      await db.transaction(async (trx) => {
        const stored = (await writePlanVersion(trx, { centreId: job.centreId, doc: { date: job.date, kind: 'day', status: 'draft', document: { problem, plan, source: { kind: 'job', jobId } }, pins: [] } }))!;
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
      clearInterval(heartbeat);
      clearTimeout(watchdog);
      running.delete(jobId);
    }
  }

  // One job at a time per runner (the machine's cores are shared with the API). `again`
  // records a wake-up that came while draining, so no queued job waits for the next poll.
  let draining: Promise<void> | undefined;
  let again = false;
  async function drain(): Promise<void> {
    do {
      again = false;
      for (;;) {
        if (closed) return;
        const job = await planJobs.claimNext(db, ownerId, leaseMs);
        if (!job) break;
        await run(job);
      }
    } while (again && !closed);
  }
  function wake(): void {
    if (closed) return;
    if (draining) {
      again = true;
      return;
    }
    // A failure to even claim (database gone) must not stop later polls.
    draining = ready.then(drain).catch(() => undefined).finally(() => {
      draining = undefined;
      if (again && !closed) wake(); // woken after drain's last look
    });
  }

  const interrupted = { code: 'interrupted', message: `The service process running this job stopped (no sign of life for ${leaseMs / 1000} s); request the plan again.`, details: null };
  const ready = planJobs.failExpired(db, interrupted).then(() => undefined);
  ready.catch(() => undefined); // reported to whoever awaits it, never as an unhandled rejection
  const poll = setInterval(() => {
    if (closed) return;
    planJobs.failExpired(db, interrupted).catch(() => undefined);
    wake();
  }, pollMs);
  poll.unref(); // an idle runner never keeps the process alive
  wake();

  return {
    ownerId,
    ready,
    wake,
    async cancel(jobId) {
      await running.get(jobId)?.cancel();
    },
    async idle() {
      while (draining) await draining;
    },
    async close() {
      closed = true;
      clearInterval(poll);
      await Promise.all([...running.values()].map((worker) => worker.cancel()));
      while (draining) await draining;
      await planJobs.release(db, ownerId).catch(() => undefined);
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
