/**
 * Worker entry: plans one day off the main thread, posting progress, the best plan so far
 * (when asked, throttled) and the plan.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { planDay, type DayPlan, type DayProblem, type ProgressEvent, type SolveOptions } from '../../../solver/index.ts';
import { bestPlanThrottle } from './best-plan-throttle.ts';

export interface PlanDayWorkerData {
  problem: DayProblem;
  options: Omit<SolveOptions, 'now' | 'onProgress' | 'onBestPlan'>;
  /** Post the best plan so far at most this often (only when it improved); unset: never. */
  bestPlanEveryMs?: number;
}

/** What the worker posts while it plans. */
export type PlanDayUpdate = { kind: 'progress'; event: ProgressEvent } | { kind: 'best-plan'; plan: DayPlan };

const post = (update: PlanDayUpdate) => parentPort?.postMessage({ type: 'progress', progress: update });

const { problem, options, bestPlanEveryMs } = workerData as PlanDayWorkerData;
const now = () => performance.now();
const throttle = bestPlanEveryMs === undefined ? undefined : bestPlanThrottle((plan) => post({ kind: 'best-plan', plan }), now, bestPlanEveryMs);
try {
  const plan = planDay(problem, {
    ...options,
    now,
    onProgress: (event) => {
      post({ kind: 'progress', event });
      throttle?.tick();
    },
    ...(throttle ? { onBestPlan: throttle.improved } : {}),
  });
  parentPort?.postMessage({ type: 'result', value: plan });
} catch (error) {
  parentPort?.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) });
}
