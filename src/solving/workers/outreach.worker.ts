/** Worker entry: plans or replans one outreach day off the main thread. */
import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { planOutreachDay, replanOutreachDay, ReplanInputError } from '../../../solver/index.ts';
import type { OutreachWorkerData } from './outreach-in-worker.ts';

const data = workerData as OutreachWorkerData;
try {
  const options = { ...data.options, now: () => performance.now() };
  const value = data.op === 'plan'
    ? planOutreachDay(data.problem, options)
    : replanOutreachDay(data.problem, data.plan, data.changes, data.nowMin, options);
  parentPort?.postMessage({ type: 'result', value });
} catch (error) {
  // The field travels in the code, so the service can name it in a 400.
  const code = error instanceof ReplanInputError ? `replan_input:${error.field}` : undefined;
  parentPort?.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error), code });
}
