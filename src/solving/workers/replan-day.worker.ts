/** Worker entry: replans one day off the main thread (replanDay runs the planner). */
import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { replanDay, ReplanInputError, type DayChange, type DayPlan, type DayProblem, type SolveOptions } from '../../../solver/index.ts';

export interface ReplanDayWorkerData {
  problem: DayProblem;
  published: DayPlan;
  changes: DayChange[];
  nowMin: number;
  options: Omit<SolveOptions, 'now' | 'onProgress'>;
}

const { problem, published, changes, nowMin, options } = workerData as ReplanDayWorkerData;
try {
  const result = replanDay(problem, published, changes, nowMin, { ...options, now: () => performance.now() });
  parentPort?.postMessage({ type: 'result', value: result });
} catch (error) {
  // The field travels in the code, so the service can name it in a 400.
  const code = error instanceof ReplanInputError ? `replan_input:${error.field}` : undefined;
  parentPort?.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error), code });
}
