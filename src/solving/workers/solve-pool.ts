/**
 * The one pool of solver threads. Every solve the service runs — plan jobs, replans, booking,
 * rounds, follow-up routing, transport — goes through `solve()`: a bounded number of worker
 * threads (piscina), a queue behind them, a time limit per solve that starts when the solve
 * starts (not while it queues), and cancel. The event loop only posts the input and receives
 * the answer, so /health and every other request stay fast while solves run.
 */
import { availableParallelism } from 'node:os';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { appError } from '../../errors/app-error.ts';
import type { SolveErrorShape, SolveInputs, SolveKind, SolvePortMessage, SolveTask, SolveUpdate } from './solve-tasks.ts';

export interface WorkerRun<T> {
  /** Resolves with the solver's answer; rejects with its error, a WorkerCancelledError or a SolveTimedOutError. */
  result: Promise<T>;
  /** Stops the solve (dequeued, or its thread stopped); `result` rejects with a WorkerCancelledError. */
  cancel(): Promise<void>;
}

export class WorkerCancelledError extends Error {
  constructor() {
    super('The job was cancelled.');
    this.name = 'WorkerCancelledError';
  }
}

/** The solve ran past its time limit plus grace and its thread was stopped. */
export class SolveTimedOutError extends Error {
  constructor(readonly limitMs: number) {
    super(`The solver did not finish within its time limit (${Math.round(limitMs / 1000)} s with grace) and was stopped.`);
    this.name = 'SolveTimedOutError';
  }
}

/** A solver-side input error (ReplanInputError, BookingInputError) carried across the thread. */
export class SolveInputError extends Error {
  constructor(readonly code: NonNullable<SolveErrorShape['code']>, readonly field: string, message: string) {
    super(message);
    this.name = 'SolveInputError';
  }
}

export interface SolveOptions {
  /** The solver's own time limit; the thread is stopped at this plus `graceMs` after it starts. */
  timeLimitMs: number;
  /** Default 30 s: start-up, final repairs (a solver that keeps its limit never reaches it). */
  graceMs?: number;
  onUpdate?: (update: SolveUpdate) => void;
  /** Aborting cancels the solve (e.g. the client went away). */
  signal?: AbortSignal;
}

const DEFAULT_GRACE_MS = 30_000;

/** Threads: ICC_SOLVER_THREADS, else the machine's cores (at least 2, so a long job leaves room). */
export function solverThreads(): number {
  const configured = Number(process.env.ICC_SOLVER_THREADS);
  return Number.isInteger(configured) && configured >= 1 ? configured : Math.max(2, availableParallelism());
}

let pool: Piscina | undefined;

function thePool(): Piscina {
  pool ??= new Piscina({
    filename: new URL('./solve-worker.mjs', import.meta.url).href,
    minThreads: 0,
    maxThreads: solverThreads(),
    // Warm threads answer the next solve without loading the solver again.
    idleTimeout: 60_000,
    maxQueue: 256,
  });
  return pool;
}

/** How long a finished solve's answer waits, at most, for its last updates to arrive. */
const UPDATES_DRAIN_MS = 1000;

/** Solves on a pool thread. */
export function solve<K extends SolveKind, T>(kind: K, input: SolveInputs[K], options: SolveOptions): WorkerRun<T> {
  const controller = new AbortController();
  const { port1, port2 } = new MessageChannel();
  let watchdog: ReturnType<typeof setTimeout> | undefined;
  let timedOut = false;
  let cancelled = false;
  const limitMs = options.timeLimitMs + (options.graceMs ?? DEFAULT_GRACE_MS);
  // The answer comes on piscina's channel and the updates on this port, so the answer can overtake
  // the last updates (a job then recorded its first progress, not its last): a successful answer
  // waits for the worker's 'finished', sent after every update (or the port closing, or 1 s).
  let drained: () => void = () => undefined;
  const updatesDrained = new Promise<void>((resolve) => {
    drained = resolve;
  });
  port1.on('message', (message: SolvePortMessage) => {
    if (message.type === 'started') {
      watchdog = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, limitMs);
    } else if (message.type === 'finished') drained();
    else options.onUpdate?.(message.update);
  });
  port1.once('close', () => drained());
  const onAbort = () => {
    cancelled = true;
    controller.abort();
  };
  if (options.signal?.aborted) onAbort();
  else options.signal?.addEventListener('abort', onAbort, { once: true });
  const task: SolveTask<K> = { kind, input, port: port2 };
  const result = thePool()
    .run(task, { transferList: [port2] as never, signal: controller.signal })
    .then(
      (answer: { ok: true; value: T } | { ok: false; error: SolveErrorShape }) => {
        if (answer.ok) return Promise.race([updatesDrained, new Promise<void>((resolve) => setTimeout(resolve, UPDATES_DRAIN_MS).unref())]).then(() => answer.value);
        const { message, code, field } = answer.error;
        throw code && field !== undefined ? new SolveInputError(code, field, message) : new Error(message);
      },
      (error: unknown) => {
        if (timedOut) throw new SolveTimedOutError(limitMs);
        if (cancelled) throw new WorkerCancelledError();
        if (error instanceof Error && /queue is at limit/i.test(error.message)) throw appError.unavailable('Every solver thread is busy and the queue is full; try again in a minute');
        throw error;
      },
    )
    .finally(() => {
      clearTimeout(watchdog);
      options.signal?.removeEventListener('abort', onAbort);
      port1.close();
    });
  return {
    result,
    cancel: async () => {
      onAbort();
      await result.catch(() => undefined);
    },
  };
}

/** Solves on a pool thread and waits for the answer (for requests that wait for it). */
export function solveNow<K extends SolveKind, T>(kind: K, input: SolveInputs[K], options: SolveOptions): Promise<T> {
  return solve<K, T>(kind, input, options).result;
}

/** Stops every thread (shutdown, end of a test file). */
export async function closeSolvePool(): Promise<void> {
  const closing = pool;
  pool = undefined;
  await closing?.destroy();
}
