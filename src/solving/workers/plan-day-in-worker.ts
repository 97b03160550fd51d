import type { DayPlan, ProgressEvent } from '../../../solver/index.ts';
import { runInWorker, type WorkerRun } from './run-in-worker.ts';
import type { PlanDayUpdate, PlanDayWorkerData } from './plan-day.worker.ts';

/**
 * Plans a day on a worker thread (the service must never block its event loop on a solve).
 * `onBestPlan` receives the best plan so far when `data.bestPlanEveryMs` is set.
 */
export function planDayInWorker(
  data: PlanDayWorkerData,
  onProgress?: (progress: ProgressEvent) => void,
  onBestPlan?: (plan: DayPlan) => void,
): WorkerRun<DayPlan> {
  return runInWorker<DayPlan, PlanDayUpdate>(new URL('./plan-day.worker.ts', import.meta.url), data, (update) => {
    if (update.kind === 'progress') onProgress?.(update.event);
    else onBestPlan?.(update.plan);
  });
}
