// The outreach planner on a worker thread: every solve the service runs leaves the event loop.
import { appError } from '../../errors/app-error.ts';
import { runInWorker } from './run-in-worker.ts';
import type { OutreachChange, OutreachPlan, OutreachProblem, OutreachReplanResult, OutreachSolveOptions } from '../../../solver/index.ts';

type Options = Omit<OutreachSolveOptions, 'now' | 'onProgress'>;

export type OutreachWorkerData =
  | { op: 'plan'; problem: OutreachProblem; options: Options }
  | { op: 'replan'; problem: OutreachProblem; plan: OutreachPlan; changes: OutreachChange[]; nowMin: number; options: Options };

/** The request's name for a field the solver names in minutes (`changes[0].fromMin` → `changes[0].from`). */
const requestField = (solverField: string) => solverField.replace(/\.(from|end)Min$/, '.$1');

export function planOutreachInWorker(problem: OutreachProblem, options: Options): Promise<OutreachPlan> {
  return runInWorker<OutreachPlan>(new URL('./outreach.worker.ts', import.meta.url), { op: 'plan', problem, options } satisfies OutreachWorkerData).result;
}

/** A change that does not fit the plan becomes the 400 naming the request's field. */
export async function replanOutreachInWorker(data: Omit<Extract<OutreachWorkerData, { op: 'replan' }>, 'op'>): Promise<OutreachReplanResult> {
  try {
    return await runInWorker<OutreachReplanResult>(new URL('./outreach.worker.ts', import.meta.url), { op: 'replan', ...data } satisfies OutreachWorkerData).result;
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
