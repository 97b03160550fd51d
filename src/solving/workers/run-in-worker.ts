/**
 * Runs a TypeScript worker module on its own thread, so long solves never block the
 * service's event loop. The worker posts `{ type: 'progress', … }` messages while it works
 * and one `{ type: 'result', value }` or `{ type: 'error', message }` at the end.
 */
import { Worker } from 'node:worker_threads';

export interface WorkerRun<T> {
  /** Resolves with the worker's result; rejects with its error or on cancel. */
  result: Promise<T>;
  /** Stops the worker; `result` rejects with a WorkerCancelledError. */
  cancel(): Promise<void>;
}

export class WorkerCancelledError extends Error {
  constructor() {
    super('The job was cancelled.');
    this.name = 'WorkerCancelledError';
  }
}

type WorkerMessage<T, P> =
  | { type: 'progress'; progress: P }
  | { type: 'result'; value: T }
  | { type: 'error'; message: string; code?: string };

/** A worker started through tsx's loader (a `.ts` entry cannot be given to `Worker` directly). */
export function runInWorker<T, P = unknown>(
  moduleUrl: URL,
  data: unknown,
  onProgress?: (progress: P) => void,
): WorkerRun<T> {
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(moduleUrl.href)}); });`;
  const worker = new Worker(boot, { eval: true, workerData: data });
  let cancelled = false;
  const result = new Promise<T>((resolve, reject) => {
    worker.on('message', (message: WorkerMessage<T, P>) => {
      if (message.type === 'progress') onProgress?.(message.progress);
      else if (message.type === 'result') resolve(message.value);
      else reject(Object.assign(new Error(message.message), { code: message.code }));
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (cancelled) reject(new WorkerCancelledError());
      else if (code !== 0) reject(new Error(`Worker stopped with exit code ${code}.`));
    });
  }).finally(() => void worker.terminate());
  return {
    result,
    cancel: async () => {
      cancelled = true;
      await worker.terminate();
    },
  };
}
