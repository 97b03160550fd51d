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
import { solve, SolveTimedOutError, WorkerCancelledError, type WorkerRun } from '../workers/solve-pool.ts';
import type { SolveUpdate } from '../workers/solve-tasks.ts';
import type { DayPlan, OutreachPlan, OutreachProblem, ProgressEvent } from '../../../solver/index.ts';
import { buildJobInput } from '../problem/build-job-problem.ts';
import { buildOutreachProblem } from '../problem/build-outreach-problem.ts';
import type { DayPlanDocument } from '../plans/plan-service.ts';
import type { OutreachPlanDocument } from '../plans/outreach-plan-service.ts';
import { checkCoupled, storedTransport } from '../transport/day-transport.ts';
import type { CoupledDayResult } from '../transport/plan-coupled-day.ts';
import { writePlanVersion } from '../plans/plan-versions.ts';
import { logger as serviceLogger, type Logger } from '../../logger.ts';
import { solveGapPercent, solveSeconds } from '../../metrics.ts';

/** Progress is written at most this often, so a fast solver cannot flood the database. */
const PROGRESS_WRITE_INTERVAL_MS = 250;
/** The best plan so far is written at most this often (and only when it improved). */
const BEST_PLAN_WRITE_INTERVAL_MS = 1000;
/** A claimed job stays its runner's this long without renewal (renewed every third of it). */
const DEFAULT_LEASE_MS = 30_000;
/** How often an idle runner looks for queued jobs and expired leases. */
const DEFAULT_POLL_MS = 2_000;
/** A job whose process died is resumed this often; the next time it is failed as interrupted. */
const MAX_RESUMES = 2;
/** How long past its time limit a worker may run (start-up, final repairs) before it is stopped. */
const WATCHDOG_GRACE_MS = 30_000;

export interface PlanJobRunnerOptions {
  /** Names this runner in plan_jobs.owner_id; default host:pid:random. */
  ownerId?: string;
  /** A claimed job stays this runner's this long without renewal (renewed every third of it). */
  leaseMs?: number;
  /** How often the runner looks for queued jobs (posted to any process) and expired leases. */
  pollMs?: number;
  /** Where job start and finish lines go (default: the service logger). */
  logger?: Logger;
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

type JobInput = Awaited<ReturnType<typeof buildJobInput>>;

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
  const running = new Map<string, WorkerRun<unknown>>();
  const log = (options.logger ?? serviceLogger).child({ component: 'plan-jobs' });
  let closed = false;

  async function run(job: PlanJob): Promise<void> {
    const jobId = job.id;
    const startedAt = performance.now();
    const seconds = () => Math.round(performance.now() - startedAt) / 1000;
    log.info({ jobId, centreId: job.centreId, date: job.date, timeLimitSec: job.request.timeLimitSec }, 'plan job started');
    let outcome = 'handed-back';
    let lastProgress: PlanJobProgress | null = null;
    let lastWriteMs = 0;
    let progressWrites: Promise<unknown> = Promise.resolve();
    let worker: WorkerRun<unknown> | undefined;
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
    try {
      const outreach = job.request.kind === 'outreach';
      const input = outreach ? undefined : await buildJobInput(db, job.centreId, job.date, job.request.patientIds);
      const outreachProblem = outreach ? await buildOutreachProblem(db, job.centreId, job.date, job.request.patientIds) : undefined;
      write(() => planJobs.renewLease(db, jobId, ownerId, leaseMs));
      await progressWrites;
      if (!stillOurs || closed) return;
      const onUpdate = (update: SolveUpdate) => {
        if (update.kind === 'best-plan') {
          write(() => planJobs.recordProvisionalPlan(db, jobId, update.plan));
          return;
        }
        lastProgress = toProgress(update.event);
        const nowMs = performance.now();
        if (nowMs - lastWriteMs < PROGRESS_WRITE_INTERVAL_MS) return;
        lastWriteMs = nowMs;
        const snapshot = lastProgress;
        write(() => planJobs.recordProgress(db, jobId, snapshot));
      };
      const timeLimitMs = job.request.timeLimitSec * 1000;

      /** The ICC day: itineraries (with transport when anyone needs it), the best plan so far written as it improves. */
      const solveDay = async (input: JobInput): Promise<DayPlanDocument> => {
        // Handed back by a runner that shut down or died: start from the best plan it had found.
        const provisional = job.provisionalPlan && 'activities' in job.provisionalPlan ? job.provisionalPlan : undefined;
        const startFrom = provisional?.activities.map((a) => ({ id: a.id, startMin: a.startMin, staffId: a.staffId, roomId: a.roomId }));
        const options = { timeLimitMs, seed: job.request.seed, ...(startFrom ? { startFrom } : {}) };
        if (input.transport && input.transport.passengers.length > 0) {
          // The whole day: itineraries and transport planned together, the transport stored with the plan.
          const run = solve<'plan-coupled-day', CoupledDayResult>('plan-coupled-day', { input: { day: input.problem, transport: input.transport, options }, bestPlanEveryMs: BEST_PLAN_WRITE_INTERVAL_MS }, { timeLimitMs, graceMs: WATCHDOG_GRACE_MS, onUpdate });
          worker = run;
          running.set(jobId, run);
          const result = await run.result;
          const transport = storedTransport(input.transport, result.dayProblem, result.dayPlan, { problem: result.transportProblem, plan: result.transportPlan }, input.notRouted, result.notes);
          const checked = checkCoupled(result.dayProblem, result.dayPlan, { problem: result.transportProblem, plan: result.transportPlan });
          const unchecked = [...checked.dayViolations, ...checked.transportViolations].map((v) => `Not consistent: ${v.message}`);
          return { problem: result.dayProblem, plan: result.dayPlan, transport, source: { kind: 'job', jobId }, notes: [...input.notes, ...result.notes, ...unchecked] };
        }
        const run = solve<'plan-day', DayPlan>('plan-day', { problem: input.problem, options, bestPlanEveryMs: BEST_PLAN_WRITE_INTERVAL_MS }, { timeLimitMs, graceMs: WATCHDOG_GRACE_MS, onUpdate });
        worker = run;
        running.set(jobId, run);
        const plan = await run.result;
        return { problem: input.problem, plan, source: { kind: 'job', jobId }, ...(input.notes.length > 0 ? { notes: input.notes } : {}) };
      };

      /** The care-home outreach day: its iteration budget (or the time limit) ends the search; progress and the best plan so far are written. */
      const solveOutreach = async (problem: OutreachProblem): Promise<OutreachPlanDocument> => {
        const { maxIterations, seed } = job.request;
        // Handed back by a runner that shut down or died: its best visit order is a construction.
        const provisional = job.provisionalPlan && 'visits' in job.provisionalPlan ? job.provisionalPlan : undefined;
        const options = { maxIterations, seed, timeLimitMs, ...(provisional ? { startFrom: provisional.visits.map((v) => ({ id: v.id, startMin: v.startMin, staffId: v.staffId, roomId: v.roomId })) } : {}) };
        const run = solve<'plan-outreach', OutreachPlan>('plan-outreach', { problem, options, progress: true, bestPlanEveryMs: BEST_PLAN_WRITE_INTERVAL_MS }, { timeLimitMs, graceMs: WATCHDOG_GRACE_MS, onUpdate });
        worker = run;
        running.set(jobId, run);
        const plan = await run.result;
        return { problem, plan, source: { kind: 'job', jobId, maxIterations, seed, timeLimitSec: job.request.timeLimitSec } };
      };

      const result = outreachProblem
        ? { kind: 'outreach' as const, document: await solveOutreach(outreachProblem), pins: [] }
        : { kind: 'day' as const, document: await solveDay(input!), pins: input!.pins };
      await progressWrites;
      await db.transaction(async (trx) => {
        const stored = (await writePlanVersion(trx, { centreId: job.centreId, doc: { date: job.date, kind: result.kind, status: 'draft', document: result.document as unknown as Record<string, unknown>, pins: result.pins } }))!;
        const done = await planJobs.succeed(trx, jobId, stored.id, lastProgress);
        // Cancelled while the worker was finishing: keep no plan.
        if (!done) throw new PlanningCancelled();
      });
      outcome = 'succeeded';
      const { plan } = result.document;
      solveGapPercent.set(plan.gapPct);
      log.info({ jobId, kind: result.kind, seconds: seconds(), gapPct: plan.gapPct, unscheduled: plan.unscheduled.length }, 'plan job finished');
    } catch (error) {
      await progressWrites;
      if (error instanceof SolveTimedOutError) {
        await planJobs.fail(db, jobId, { code: 'planning_timed_out', message: `The planner did not finish within its time limit of ${job.request.timeLimitSec} s (+${WATCHDOG_GRACE_MS / 1000} s grace) and was stopped.`, details: null });
        outcome = 'timed-out';
        log.error({ jobId, seconds: seconds() }, 'plan job timed out and was stopped');
        return;
      }
      if (error instanceof WorkerCancelledError || error instanceof PlanningCancelled) {
        outcome = 'cancelled';
        log.info({ jobId, seconds: seconds() }, 'plan job cancelled');
        return;
      }
      outcome = 'failed';
      const failure = toJobError(error);
      await planJobs.fail(db, jobId, failure);
      // A day that cannot be planned is the data's problem (a warning); anything else is a fault.
      if (isAppError(error)) log.warn({ jobId, seconds: seconds(), code: failure.code }, `plan job failed: ${failure.message}`);
      else log.error({ jobId, seconds: seconds(), err: error }, 'plan job failed');
    } finally {
      solveSeconds.observe({ outcome }, seconds());
      clearInterval(heartbeat);
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

  const interrupted = { code: 'interrupted', message: `The service process running this job stopped (no sign of life for ${leaseMs / 1000} s) ${MAX_RESUMES + 1} times; request the plan again.`, details: null };
  // A job whose process died goes back to the queue with its best plan so far and is resumed.
  const sweep = () => planJobs.resumeExpired(db, MAX_RESUMES, interrupted);
  const ready = sweep().then(() => undefined);
  ready.catch(() => undefined); // reported to whoever awaits it, never as an unhandled rejection
  const poll = setInterval(() => {
    if (closed) return;
    sweep().catch(() => undefined);
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
