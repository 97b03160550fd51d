// SQL for planning jobs. Status changes are conditional updates (`where status in …`), so a
// cancel that lands while the worker finishes can never be overwritten by a late success.
import type { Knex } from 'knex';
import type { DayPlan } from '../../../solver/model/index.ts';
import { createRowCodec } from '../row-codec.ts';
import { translatingDbErrors } from '../translate-db-error.ts';
import { isUuid } from './centre-scoped-repository.ts';

export type PlanJobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

export interface PlanJobRequest {
  patientIds: string[];
  timeLimitSec: number;
  seed: number;
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
  /** While running: the best plan found so far (cleared when the job finishes). */
  provisionalPlan: DayPlan | null;
  provisionalPlanAt: string | null;
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
  const [row] = await db('plan_jobs')
    .where({ id })
    .whereIn('status', from)
    .update({ ...codec.toRow(patch), updated_at: db.fn.now() })
    .returning('*');
  return row ? fromRow(row) : undefined;
}

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
  /** Queued → running. Undefined when it was cancelled while queued. */
  start: (db: Knex, id: string) =>
    translatingDbErrors(() => transition(db, id, ['queued'], { status: 'running', startedAt: db.fn.now() })),
  /** Records progress while the job runs; false once it has finished or been cancelled. */
  recordProgress: (db: Knex, id: string, progress: PlanJobProgress) =>
    translatingDbErrors(() => stillRunning(db, id, { progress })),
  /** Records the best plan so far while the job runs; false once it has finished or been cancelled. */
  recordProvisionalPlan: (db: Knex, id: string, plan: DayPlan) =>
    translatingDbErrors(() => stillRunning(db, id, { provisionalPlan: plan, provisionalPlanAt: db.fn.now() })),
  succeed: (db: Knex, id: string, planId: string, progress: PlanJobProgress | null) =>
    translatingDbErrors(() =>
      transition(db, id, ['running'], { status: 'succeeded', planId, finishedAt: db.fn.now(), ...finished, ...(progress ? { progress } : {}) })),
  fail: (db: Knex, id: string, error: PlanJobError) =>
    translatingDbErrors(() => transition(db, id, ['queued', 'running'], { status: 'failed', error, finishedAt: db.fn.now(), ...finished })),
  /** Fails every queued or running job (a restarted service has no worker for them); returns how many. */
  failUnfinished: (db: Knex, error: PlanJobError) =>
    translatingDbErrors(async () => {
      const rows = await db('plan_jobs')
        .whereIn('status', ['queued', 'running'])
        .update({ ...codec.toRow({ status: 'failed', error, ...finished }), finished_at: db.fn.now(), updated_at: db.fn.now() })
        .returning('id');
      return rows.length;
    }),
  cancel: (db: Knex, id: string) =>
    translatingDbErrors(() => transition(db, id, ['queued', 'running'], { status: 'cancelled', finishedAt: db.fn.now(), ...finished })),
};
