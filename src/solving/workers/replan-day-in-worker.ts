// replanDay on a worker thread: a replan solves (up to three candidate plans), so it must not
// block the API's event loop.
import { appError } from '../../errors/app-error.ts';
import { runInWorker, type WorkerRun } from './run-in-worker.ts';
import type { ReplanResult } from '../../../solver/index.ts';
import type { ReplanDayWorkerData } from './replan-day.worker.ts';

/** The request's name for a field the solver names in minutes (`changes[0].fromMin` → `changes[0].from`). */
function requestField(solverField: string): string {
  return solverField.replace(/\.(arrival|from|end)Min$/, '.$1');
}

/**
 * Runs replanDay in a worker. A change that does not fit the plan (the solver's
 * ReplanInputError) becomes the 400 naming the request's field — translated here, once.
 */
export async function replanDayInWorker(data: ReplanDayWorkerData): Promise<ReplanResult> {
  const run: WorkerRun<ReplanResult> = runInWorker<ReplanResult>(new URL('./replan-day.worker.ts', import.meta.url), data);
  try {
    return await run.result;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('replan_input:')) {
      const field = requestField(code.slice('replan_input:'.length));
      const message = (error as Error).message;
      throw appError.validation(message, [{ path: field, message }]);
    }
    throw error;
  }
}
