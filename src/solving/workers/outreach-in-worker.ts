// The outreach planner on a pool thread: every solve the service runs leaves the event loop.
import { appError } from '../../errors/app-error.ts';
import type { OutreachPlan, OutreachReplanResult } from '../../../solver/index.ts';
import { solve, SolveInputError } from './solve-pool.ts';
import type { SolveInputs } from './solve-tasks.ts';

/** A fixed iteration budget (or the request's time limit) ends the solve; this only bounds a runaway one. */
const OUTREACH_SOLVE_LIMIT_MS = 120_000;

/** The request's name for a field the solver names in minutes (`changes[0].fromMin` → `changes[0].from`). */
const requestField = (solverField: string) => solverField.replace(/\.(from|end)Min$/, '.$1');

/** `signal`: the client went away, so the solve is cancelled (its thread freed for others). */
export function planOutreachInWorker(input: SolveInputs['plan-outreach'], signal?: AbortSignal): Promise<OutreachPlan> {
  return solve<'plan-outreach', OutreachPlan>('plan-outreach', input, { timeLimitMs: input.options.timeLimitMs ?? OUTREACH_SOLVE_LIMIT_MS, ...(signal ? { signal } : {}) }).result;
}

/** A change that does not fit the plan becomes the 400 naming the request's field. */
export async function replanOutreachInWorker(input: SolveInputs['replan-outreach'], signal?: AbortSignal): Promise<OutreachReplanResult> {
  try {
    return await solve<'replan-outreach', OutreachReplanResult>('replan-outreach', input, { timeLimitMs: OUTREACH_SOLVE_LIMIT_MS, ...(signal ? { signal } : {}) }).result;
  } catch (error) {
    if (error instanceof SolveInputError && error.code === 'replan_input') {
      const field = requestField(error.field);
      throw appError.validation(error.message, [{ path: field, message: error.message }]);
    }
    throw error;
  }
}
