/** Worker entry: plans one day off the main thread, posting progress and the plan. */
import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { planDay } from '../../solver/day/plan-day.ts';
import type { DayProblem, SolveOptions } from '../../solver/model/index.ts';

export interface PlanDayWorkerData {
  problem: DayProblem;
  options: Omit<SolveOptions, 'now' | 'onProgress'>;
}

const { problem, options } = workerData as PlanDayWorkerData;
try {
  const plan = planDay(problem, {
    ...options,
    now: () => performance.now(),
    onProgress: (progress) => parentPort?.postMessage({ type: 'progress', progress }),
  });
  parentPort?.postMessage({ type: 'result', value: plan });
} catch (error) {
  parentPort?.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) });
}
