// replanDay on a worker thread: a replan solves (up to three candidate plans), so it must not
// block the API's event loop.
import { runInWorker, type WorkerRun } from '../workers/run-in-worker.ts';
import type { ReplanResult } from '../../solver/replan/replan-day.ts';
import type { ReplanDayWorkerData } from './replan-day.worker.ts';

/** A ReplanInputError thrown in the worker: `field` names the change that does not fit. */
export class ReplanRejectedError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'ReplanRejectedError';
  }
}

/** Runs replanDay in a worker; rejects with ReplanRejectedError for a change that does not fit the plan. */
export async function replanDayInWorker(data: ReplanDayWorkerData): Promise<ReplanResult> {
  const run: WorkerRun<ReplanResult> = runInWorker<ReplanResult>(new URL('./replan-day.worker.ts', import.meta.url), data);
  try {
    return await run.result;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('replan_input:')) throw new ReplanRejectedError(code.slice('replan_input:'.length), (error as Error).message);
    throw error;
  }
}
