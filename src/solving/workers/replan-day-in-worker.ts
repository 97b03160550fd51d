// replanDay on a pool thread: a replan solves (up to three candidate plans), so it must not
// block the API's event loop.
import { appError } from '../../errors/app-error.ts';
import type { ReplanResult } from '../../../solver/index.ts';
import { solve, SolveInputError } from './solve-pool.ts';
import type { SolveInputs } from './solve-tasks.ts';

export type ReplanDayWorkerData = SolveInputs['replan-day'];

/** The request's name for a field the solver names in minutes (`changes[0].fromMin` → `changes[0].from`). */
function requestField(solverField: string): string {
  return solverField.replace(/\.(arrival|from|end)Min$/, '.$1');
}

/**
 * Runs replanDay on a pool thread. A change that does not fit the plan (the solver's
 * ReplanInputError) becomes the 400 naming the request's field — translated here, once.
 */
export async function replanDayInWorker(data: ReplanDayWorkerData, signal?: AbortSignal): Promise<ReplanResult> {
  try {
    return await solve<'replan-day', ReplanResult>('replan-day', data, { timeLimitMs: data.options.timeLimitMs ?? 60_000, ...(signal ? { signal } : {}) }).result;
  } catch (error) {
    if (error instanceof SolveInputError && error.code === 'replan_input') {
      const field = requestField(error.field);
      throw appError.validation(error.message, [{ path: field, message: error.message }]);
    }
    throw error;
  }
}
