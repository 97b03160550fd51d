// SQL for planning jobs. Status changes are conditional updates (`where status in …`), so a
// cancel that lands while the worker finishes can never be overwritten by a late success.
// Several service processes may share the database: a runner claims a queued job atomically
// (FOR UPDATE SKIP LOCKED) and holds it by renewing a lease; only expired leases are swept.
import type { Knex } from 'knex';
import type { DayPlan, OutreachPlan } from '../../../solver/index.ts';
import { createRowCodec } from '../row-codec.ts';
import { webhookDeliveries } from './webhooks.ts';
import { translatingDbErrors } from '../translate-db-error.ts';
import { isUuid } from './centre-scoped-repository.ts';

export type PlanJobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

export interface PlanJobRequest {
  /** Absent: the date's ICC day; 'outreach': the date's care-home outreach day (patientIds are its residents). */
  kind?: 'outreach';
  patientIds: string[];
  timeLimitSec: number;
  seed: number;
  /** Outreach: the solver's iteration budget (the same request gives the same plan unless timeLimitSec ends it first). */
  maxIterations?: number;
}

export interface PlanJobProgress {
  phase: string;
  fraction: number;
  bestSoft: number;
  bestHard: number;
  iteration: number;
}

export interface PlanJobError {
  code: string;
  message: string;
  details: unknown;
}

export interface PlanJob {
  id: string;
  centreId: string;
  date: string;
  status: PlanJobStatus;
  request: PlanJobRequest;
  progress: PlanJobProgress | null;
  planId: string | null;
  error: PlanJobError | null;
  /** The runner that claimed the job (kept after it finishes, to say who ran it). */
  ownerId: string | null;
  /** While running: the owner holds the job until then, and renews it while it is alive. */
  leaseExpiresAt: string | null;
  /** While running: the best plan found so far (cleared when the job finishes). */
  provisionalPlan: DayPlan | OutreachPlan | null;
  provisionalPlanAt: string | null;
  /** How often another runner took the job over after its process died (0: never). */
  resumes: number;
  /** When it was last taken over; the runner then starts from `provisionalPlan`. */
  resumedAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

const codec = createRowCodec({ json: ['request', 'progress', 'error', 'provisionalPlan'] });
/** A finished job keeps no plan so far (a succeeded one points at its stored plan). */
const finished = { provisionalPlan: null, provisionalPlanAt: null };
const fromRow = (row: Record<string, unknown>) => codec.fromRow(row) as unknown as PlanJob;

/** Moves a job from one of `from` to `to` with `patch`; the updated job, or undefined if it was not in `from`. */
async function transition(db: Knex, id: string, from: PlanJobStatus[], patch: Record<string, unknown>): Promise<PlanJob | undefined> {
  const run = async (trx: Knex) => {
    const [row] = await trx('plan_jobs')
      .where({ id })
      .whereIn('status', from)
      .update({ ...codec.toRow(patch), updated_at: trx.fn.now() })
      .returning('*');
    const job = row ? fromRow(row) : undefined;
    if (job && job.finishedAt !== null) await jobFinished(trx, job);
    return job;
  };
  return db.isTransaction ? run(db) : db.transaction(run);
}

/** The job.finished webhook, queued in the transaction that finishes the job (the one place a job finishes). */
function jobFinished(db: Knex, job: Pick<PlanJob, 'id' | 'centreId' | 'date' | 'status' | 'planId' | 'error' | 'request'>) {
  return webhookDeliveries.enqueue(db, job.centreId, 'job.finished', {
    jobId: job.id, date: job.date, kind: job.request.kind ?? 'day', status: job.status, planId: job.planId, error: job.error, jobUrl: `/api/centres/${job.centreId}/plan-jobs/${job.id}`,
  });
}

/** The end of a lease starting now, in database time (processes' clocks may disagree). */
const leaseEnd = (db: Knex, leaseMs: number) => db.raw('now() + make_interval(secs => ?)', [leaseMs / 1000]);

/** Updates a running job without reading it back (the plan so far can be large); false when it no longer runs. */
async function stillRunning(db: Knex, id: string, patch: Record<string, unknown>): Promise<boolean> {
  const rows = await db('plan_jobs').where({ id, status: 'running' }).update({ ...codec.toRow(patch), updated_at: db.fn.now() }).returning('id');
  return rows.length > 0;
}

export const planJobs = {
  insert: (db: Knex, centreId: string, doc: { date: string; request: PlanJobRequest }) =>
    translatingDbErrors(async () => {
      const [row] = await db('plan_jobs').insert({ ...codec.toRow(doc), centre_id: centreId, status: 'queued' }).returning('*');
      return fromRow(row);
    }),
  findById: (db: Knex, centreId: string, id: string) =>
    translatingDbErrors(async () => {
      if (!isUuid(id) || !isUuid(centreId)) return undefined;
      const row = await db('plan_jobs').where({ id, centre_id: centreId }).first();
      return row ? fromRow(row) : undefined;
    }),
  /** Locks the row until the transaction `db` ends (SELECT … FOR UPDATE): the runner's progress writes wait. */
  lock: (db: Knex, centreId: string, id: string) =>
    translatingDbErrors(async () => {
      if (isUuid(id) && isUuid(centreId)) await db('plan_jobs').where({ id, centre_id: centreId }).forUpdate().select('id');
    }),
  /**
   * Queued → running for `ownerId`: the oldest queued job, or undefined when none is left.
   * Atomic across processes: the row is locked as it is chosen and rows another claimer has
   * locked are skipped, so each job is claimed once.
   */
  claimNext: (db: Knex, ownerId: string, leaseMs: number) =>
    translatingDbErrors(async () => {
      const oldestQueued = db('plan_jobs').select('id').where({ status: 'queued' }).orderBy([{ column: 'created_at' }, { column: 'id' }]).limit(1).forUpdate().skipLocked();
      const [row] = await db('plan_jobs')
        .where('id', oldestQueued)
        .andWhere({ status: 'queued' })
        .update({ status: 'running', owner_id: ownerId, lease_expires_at: leaseEnd(db, leaseMs), started_at: db.fn.now(), updated_at: db.fn.now() })
        .returning('*');
      return row ? fromRow(row) : undefined;
    }),
  /** Renews the owner's lease; false when the job no longer runs under this owner (cancelled, or swept). */
  renewLease: (db: Knex, id: string, ownerId: string, leaseMs: number) =>
    translatingDbErrors(async () => {
      const rows = await db('plan_jobs').where({ id, status: 'running', owner_id: ownerId }).update({ lease_expires_at: leaseEnd(db, leaseMs) }).returning('id');
      return rows.length > 0;
    }),
  /**
   * Running → queued for whatever this owner still holds (it is shutting down; another runner
   * may take them). The best plan so far stays: the next runner starts from it.
   */
  release: (db: Knex, ownerId: string) =>
    translatingDbErrors(async () => {
      const rows = await db('plan_jobs')
        .where({ status: 'running', owner_id: ownerId })
        .update({ ...codec.toRow({ status: 'queued', ownerId: null, leaseExpiresAt: null, startedAt: null, progress: null }), updated_at: db.fn.now() })
        .returning('id');
      return rows.length;
    }),
  /** Records progress while the job runs; false once it has finished or been cancelled. */
  recordProgress: (db: Knex, id: string, progress: PlanJobProgress) =>
    translatingDbErrors(() => stillRunning(db, id, { progress })),
  /** Records the best plan so far while the job runs; false once it has finished or been cancelled. */
  recordProvisionalPlan: (db: Knex, id: string, plan: DayPlan | OutreachPlan) =>
    translatingDbErrors(() => stillRunning(db, id, { provisionalPlan: plan, provisionalPlanAt: db.fn.now() })),
  /** How many jobs are in each status (all centres): the queue depth for /metrics. */
  countByStatus: (db: Knex) =>
    translatingDbErrors(async () => {
      const rows = (await db('plan_jobs').select('status').count({ n: '*' }).groupBy('status')) as unknown as Array<{ status: string; n: string | number }>;
      return Object.fromEntries(rows.map((row) => [String(row.status), Number(row.n)])) as Record<string, number>;
    }),
  succeed: (db: Knex, id: string, planId: string, progress: PlanJobProgress | null) =>
    translatingDbErrors(() =>
      transition(db, id, ['running'], { status: 'succeeded', planId, finishedAt: db.fn.now(), ...finished, ...(progress ? { progress } : {}) })),
  fail: (db: Knex, id: string, error: PlanJobError) =>
    translatingDbErrors(() => transition(db, id, ['queued', 'running'], { status: 'failed', error, finishedAt: db.fn.now(), ...finished })),
  /**
   * Running jobs whose owner stopped renewing its lease (its process is gone) go back to the
   * queue with their best plan so far, counted as resumed; a job already resumed `maxResumes`
   * times is failed with `error` instead (a job that kills its process must not loop).
   * Returns the ids resumed and failed.
   */
  resumeExpired: (db: Knex, maxResumes: number, error: PlanJobError) =>
    translatingDbErrors(async () => {
      const sweep = async (trx: Knex) => {
        const expired = (q: Knex.QueryBuilder) => q.where({ status: 'running' }).andWhere((w) => w.whereNull('lease_expires_at').orWhere('lease_expires_at', '<', trx.fn.now()));
        const resumed = await expired(trx('plan_jobs'))
          .andWhere('resumes', '<', maxResumes)
          .update({ status: 'queued', owner_id: null, lease_expires_at: null, started_at: null, resumes: trx.raw('resumes + 1'), resumed_at: trx.fn.now(), updated_at: trx.fn.now() })
          .returning('id');
        const failed = await expired(trx('plan_jobs'))
          .update({ ...codec.toRow({ status: 'failed', error, ...finished }), finished_at: trx.fn.now(), updated_at: trx.fn.now() })
          .returning('*');
        for (const row of failed) await jobFinished(trx, fromRow(row));
        return { resumed: resumed.map((r: { id: string }) => r.id), failed: failed.map((r: { id: string }) => r.id) };
      };
      return db.isTransaction ? sweep(db) : db.transaction(sweep);
    }),
  cancel: (db: Knex, id: string) =>
    translatingDbErrors(() => transition(db, id, ['queued', 'running'], { status: 'cancelled', finishedAt: db.fn.now(), ...finished })),
};
