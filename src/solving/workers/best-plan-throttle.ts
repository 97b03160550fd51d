// Passes the planner's best plan so far on at most once per interval, and only when it
// improved since the last one sent. A best found inside the interval waits for the next
// tick (the planner's progress events), so the newest improvement is never held back for
// longer than the interval plus one progress event.
import type { DayPlan } from '../../../solver/index.ts';

export interface BestPlanThrottle {
  /** The planner found a better plan; `build` makes it (it is built only when sent). */
  improved(build: () => DayPlan): void;
  /** Time passed (a progress event): send a waiting improvement if the interval is over. */
  tick(): void;
}

export function bestPlanThrottle(send: (plan: DayPlan) => void, now: () => number, intervalMs: number): BestPlanThrottle {
  let waiting: (() => DayPlan) | undefined;
  let lastSentMs = -Infinity;
  const tick = () => {
    if (!waiting || now() - lastSentMs < intervalMs) return;
    const build = waiting;
    waiting = undefined;
    lastSentMs = now();
    send(build());
  };
  return {
    improved(build) {
      waiting = build;
      tick();
    },
    tick,
  };
}
