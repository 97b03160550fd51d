import type { DayPlan, ProgressEvent } from '../../../solver/index.ts';
import { solve, type WorkerRun } from './solve-pool.ts';
import type { SolveInputs } from './solve-tasks.ts';

export type PlanDayWorkerData = SolveInputs['plan-day'];

/** Without a time limit (an iteration budget), the thread is still stopped after this long. */
const UNTIMED_LIMIT_MS = 10 * 60_000;

/**
 * Plans a day on a pool thread (the service must never block its event loop on a solve).
 * `onBestPlan` receives the best plan so far when `data.bestPlanEveryMs` is set.
 */
export function planDayInWorker(
  data: PlanDayWorkerData,
  onProgress?: (progress: ProgressEvent) => void,
  onBestPlan?: (plan: DayPlan) => void,
): WorkerRun<DayPlan> {
  return solve<'plan-day', DayPlan>('plan-day', data, {
    timeLimitMs: data.options.timeLimitMs ?? UNTIMED_LIMIT_MS,
    onUpdate: (update) => {
      if (update.kind === 'progress') onProgress?.(update.event);
      else onBestPlan?.(update.plan as DayPlan); // a plan-day solve only finds day plans
    },
  });
}
