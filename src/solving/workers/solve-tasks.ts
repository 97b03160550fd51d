/**
 * What a solver thread can do: one function per kind of solve the service runs. Runs inside
 * the pool's worker threads only (solve-pool.ts): the main thread never calls a solver.
 * Progress and the best plan so far go back through the task's MessagePort.
 */
import type { MessagePort } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import {
  planBooking, createJslsSolver, planDay, planRounds, planTransport, planWholeDay, replanDay, ReplanInputError, BookingInputError,
  type BookingHorizon, type BookingReferral, type DayCapacity, type DayChange, type DayPlan, type DayProblem, type ProgressEvent, type RoundsProblem,
  type SolveOptions, type TransportPlan, type TransportProblem, type WholeDayOptions, type WholeDayProblem,
  planOutreachDay, replanOutreachDay, type OutreachChange, type OutreachPlan, type OutreachProblem, type OutreachSolveOptions,
} from '../../../solver/index.ts';
import { createHighsSolver } from '../../lp/highs-solver.ts';
import { bestPlanThrottle } from './best-plan-throttle.ts';
import type { UntimedTransport } from '../transport/day-transport.ts';
import { coupleTransport, planCoupledDay, type CoupledDayInput } from '../transport/plan-coupled-day.ts';

/** What each kind of solve takes. Options never carry functions (they cross a thread). */
export interface SolveInputs {
  'plan-day': { problem: DayProblem; options: Omit<SolveOptions, 'now' | 'onProgress' | 'onBestPlan'>; bestPlanEveryMs?: number };
  'plan-whole-day': { problem: WholeDayProblem; options: Omit<WholeDayOptions, 'now' | 'onProgress' | 'onBestPlan'>; bestPlanEveryMs?: number };
  'plan-coupled-day': { input: CoupledDayInput; bestPlanEveryMs?: number };
  'couple-transport': { base: UntimedTransport; dayProblem: DayProblem; plan: DayPlan; runs?: TransportPlan; seed: number; previous?: TransportProblem };
  'replan-day': { problem: DayProblem; published: DayPlan; changes: DayChange[]; nowMin: number; options: Omit<SolveOptions, 'now' | 'onProgress'> };
  'plan-rounds': { problem: RoundsProblem; options: { seed?: number; timeLimitMs?: number; maxIterations?: number; balanceWeight?: number; workerCost?: number } };
  'plan-transport': { problem: TransportProblem; options: { seed?: number; timeLimitMs?: number; maxIterations?: number } };
  /** `progress`: post the search's progress events (a plan job records them); `bestPlanEveryMs`: and its best plan so far. */
  'plan-outreach': { problem: OutreachProblem; options: Omit<OutreachSolveOptions, 'now' | 'onProgress' | 'onBestPlan'>; progress?: boolean; bestPlanEveryMs?: number };
  'replan-outreach': { problem: OutreachProblem; plan: OutreachPlan; changes: OutreachChange[]; nowMin: number; options: Omit<OutreachSolveOptions, 'now' | 'onProgress' | 'onBestPlan'> };
  'plan-booking': {
    referrals: BookingReferral[]; capacity: DayCapacity[]; horizon: BookingHorizon;
    backend: 'javascript-lp-solver' | 'highs'; timeLimitMs: number;
  };
}
export type SolveKind = keyof SolveInputs;

/** What a solve posts while it works. */
export type SolveUpdate = { kind: 'progress'; event: ProgressEvent } | { kind: 'best-plan'; plan: DayPlan | OutreachPlan };

/** Messages on a task's port: `started` once it runs (its time limit counts from here), then updates. */
/** `finished` comes after every update, on the same port: the answer itself travels on piscina's own channel. */
export type SolvePortMessage = { type: 'started' } | { type: 'update'; update: SolveUpdate } | { type: 'finished' };

export interface SolveTask<K extends SolveKind = SolveKind> {
  kind: K;
  input: SolveInputs[K];
  port: MessagePort;
}

/** Errors that cross the thread boundary keep their meaning through `code` and `field`. */
export interface SolveErrorShape {
  message: string;
  code?: 'replan_input' | 'booking_input';
  field?: string;
}

const now = () => performance.now();

/** Progress crosses to the event loop at most this often (the last event of a phase always does). */
const PROGRESS_EVERY_MS = 100;

function withProgress<P extends DayPlan | OutreachPlan = DayPlan>(port: MessagePort, bestPlanEveryMs: number | undefined) {
  const post = (update: SolveUpdate) => port.postMessage({ type: 'update', update } satisfies SolvePortMessage);
  const throttle = bestPlanEveryMs === undefined ? undefined : bestPlanThrottle<P>((plan) => post({ kind: 'best-plan', plan }), now, bestPlanEveryMs);
  let lastPostMs = -Infinity;
  return {
    onProgress: (event: ProgressEvent) => {
      if (event.phase === 'done' || event.fraction >= 1 || now() - lastPostMs >= PROGRESS_EVERY_MS) {
        lastPostMs = now();
        post({ kind: 'progress', event });
      }
      throttle?.tick();
    },
    ...(throttle ? { onBestPlan: throttle.improved } : {}),
  };
}

async function run(task: SolveTask): Promise<unknown> {
  const { port } = task;
  switch (task.kind) {
    case 'plan-day': {
      const { problem, options, bestPlanEveryMs } = task.input as SolveInputs['plan-day'];
      return planDay(problem, { ...options, now, ...withProgress(port, bestPlanEveryMs) });
    }
    case 'plan-whole-day': {
      const { problem, options, bestPlanEveryMs } = task.input as SolveInputs['plan-whole-day'];
      return planWholeDay(problem, { ...options, now, ...withProgress(port, bestPlanEveryMs) });
    }
    case 'plan-coupled-day': {
      const { input, bestPlanEveryMs } = task.input as SolveInputs['plan-coupled-day'];
      return planCoupledDay(input, { now, ...withProgress(port, bestPlanEveryMs) });
    }
    case 'couple-transport': {
      const { base, dayProblem, plan, runs, seed, previous } = task.input as SolveInputs['couple-transport'];
      return coupleTransport(base, dayProblem, plan, runs, seed, [], previous);
    }
    case 'replan-day': {
      const { problem, published, changes, nowMin, options } = task.input as SolveInputs['replan-day'];
      return replanDay(problem, published, changes, nowMin, { ...options, now });
    }
    case 'plan-rounds': {
      const { problem, options } = task.input as SolveInputs['plan-rounds'];
      return planRounds(problem, { ...options, now });
    }
    case 'plan-transport': {
      const { problem, options } = task.input as SolveInputs['plan-transport'];
      return planTransport(problem, { ...options, now });
    }
    case 'plan-outreach': {
      const { problem, options, progress, bestPlanEveryMs } = task.input as SolveInputs['plan-outreach'];
      return planOutreachDay(problem, { ...options, now, ...(progress ? withProgress<OutreachPlan>(port, bestPlanEveryMs) : {}) });
    }
    case 'replan-outreach': {
      const { problem, plan, changes, nowMin, options } = task.input as SolveInputs['replan-outreach'];
      return replanOutreachDay(problem, plan, changes, nowMin, { ...options, now });
    }
    case 'plan-booking': {
      const { referrals, capacity, horizon, backend, timeLimitMs } = task.input as SolveInputs['plan-booking'];
      const solver = backend === 'highs' ? await createHighsSolver() : createJslsSolver();
      return planBooking(referrals, capacity, horizon, { solver, timeLimitMs, now });
    }
  }
}

/** The pool's task function (the default export piscina calls). */
export default async function runSolveTask(task: SolveTask): Promise<{ ok: true; value: unknown } | { ok: false; error: SolveErrorShape }> {
  task.port.postMessage({ type: 'started' } satisfies SolvePortMessage);
  try {
    return { ok: true, value: await run(task) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof ReplanInputError) return { ok: false, error: { message, code: 'replan_input', field: error.field } };
    if (error instanceof BookingInputError) return { ok: false, error: { message, code: 'booking_input', field: error.field } };
    return { ok: false, error: { message } };
  } finally {
    task.port.postMessage({ type: 'finished' } satisfies SolvePortMessage);
    task.port.close();
  }
}
