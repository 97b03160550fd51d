/**
 * The best plan so far, for callers that show a provisional plan while planDay runs
 * (`SolveOptions.onBestPlan`). Each new best schedule that breaks no hard rule is copied into preallocated arrays
 * (no allocation, nothing the search reads is touched, so the search and its plan are the
 * same with or without it); the DayPlan itself is built only when the caller asks, so the
 * caller decides how often to pay for that (about one scoring pass).
 */
import type { DayPlan, PlanBound } from '../model/day-plan.ts';
import type { ObjectiveWeights, ProgressEvent, SolveOptions } from '../model/options.ts';
import { assembleDayPlan } from './assemble-day-plan.ts';
import type { CompiledDay } from './compile/compile-day-problem.ts';
import { readSchedule, type DecodedSchedule } from './read-schedule.ts';

export interface BestPlanTracker {
  /** Copies the decoder's current schedule as the new best and tells the caller (unless it leaves a meal out). */
  capture(decoded: DecodedSchedule): void;
  /** Passes search progress on, remembering how far the search got (for the plan's stats). */
  onProgress(event: ProgressEvent): void;
}

export interface BestPlanContext {
  day: CompiledDay;
  weights: ObjectiveWeights;
  bound: PlanBound;
  seed: number;
  startedMs: number | undefined;
  options: Pick<SolveOptions, 'now' | 'onBestPlan' | 'onProgress'>;
}

/**
 * @example
 * const tracker = trackBestPlan({ day, weights, bound, seed, startedMs, options });
 * tracker.capture(decoder);  // options.onBestPlan(build) is called; build() → DayPlan
 */
export function trackBestPlan({ day, weights, bound, seed, startedMs, options }: BestPlanContext): BestPlanTracker {
  const n = day.activityCount;
  const best: DecodedSchedule = {
    start: new Int32Array(n),
    staffOf: new Int32Array(n),
    roomOf: new Int32Array(n),
    sessionOf: new Int32Array(n),
    block: new Uint8Array(n),
  };
  let captures = 0;
  let iterations = 0;

  const build = (): DayPlan => {
    const { activities, unscheduled, unplaced } = readSchedule(day, best);
    const now = options.now;
    return assembleDayPlan(day.problem, {
      activities,
      unscheduled: [...unscheduled, ...unplaced],
      bound,
      weights,
      stats: {
        iterations,
        improvements: Math.max(0, captures - 1),
        elapsedMs: now && startedMs !== undefined ? now() - startedMs : undefined,
        timedOut: false,
        seed,
        method: 'best so far (provisional: unplaced assessments not yet explained or repaired)',
      },
    });
  };

  // The decoder enforces every hard rule except that each patient who needs one has a meal
  // (the search only penalises a missing meal heavily); such a schedule is not offered.
  const mealActivities: number[] = [];
  for (let a = 0; a < n; a++) if (day.activityKind[a] === 'meal') mealActivities.push(a);

  return {
    capture(decoded) {
      if (mealActivities.some((a) => decoded.start[a]! < 0)) return;
      best.start.set(decoded.start);
      best.staffOf.set(decoded.staffOf);
      best.roomOf.set(decoded.roomOf);
      best.sessionOf.set(decoded.sessionOf);
      best.block.set(decoded.block);
      captures++;
      options.onBestPlan?.(build);
    },
    onProgress(event) {
      iterations = event.iteration;
      options.onProgress?.(event);
    },
  };
}
