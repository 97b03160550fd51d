// SQL for planning jobs. Status changes are conditional updates (`where status in …`), so a
// cancel that lands while the worker finishes can never be overwritten by a late success.
import type { Knex } from 'knex';
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
  startedAt: string | null;
  finishedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

const codec = createRowCodec({ json: ['request', 'progress', 'error'] });
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
  /** Records progress while the job runs (ignored once it has finished or been cancelled). */
  recordProgress: (db: Knex, id: string, progress: PlanJobProgress) =>
    translatingDbErrors(() => transition(db, id, ['running'], { progress })),
  succeed: (db: Knex, id: string, planId: string, progress: PlanJobProgress | null) =>
    translatingDbErrors(() =>
      transition(db, id, ['running'], { status: 'succeeded', planId, finishedAt: db.fn.now(), ...(progress ? { progress } : {}) })),
  fail: (db: Knex, id: string, error: PlanJobError) =>
    translatingDbErrors(() => transition(db, id, ['queued', 'running'], { status: 'failed', error, finishedAt: db.fn.now() })),
  /** Fails every queued or running job (a restarted service has no worker for them); returns how many. */
  failUnfinished: (db: Knex, error: PlanJobError) =>
    translatingDbErrors(async () => {
      const rows = await db('plan_jobs')
        .whereIn('status', ['queued', 'running'])
        .update({ ...codec.toRow({ status: 'failed', error }), finished_at: db.fn.now(), updated_at: db.fn.now() })
        .returning('id');
      return rows.length;
    }),
  cancel: (db: Knex, id: string) =>
    translatingDbErrors(() => transition(db, id, ['queued', 'running'], { status: 'cancelled', finishedAt: db.fn.now() })),
};
