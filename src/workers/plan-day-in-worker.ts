import type { DayPlan, ProgressEvent } from '../../solver/model/index.ts';
import { runInWorker, type WorkerRun } from './run-in-worker.ts';
import type { PlanDayWorkerData } from './plan-day.worker.ts';

/** Plans a day on a worker thread (the service must never block its event loop on a solve). */
export function planDayInWorker(
  data: PlanDayWorkerData,
  onProgress?: (progress: ProgressEvent) => void,
): WorkerRun<DayPlan> {
  return runInWorker<DayPlan, ProgressEvent>(new URL('./plan-day.worker.ts', import.meta.url), data, onProgress);
}
