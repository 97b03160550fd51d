// Passes the planner's best plan so far on at most once per interval, and only when it
// improved since the last one sent. A best found inside the interval waits for the next
// tick (the planner's progress events), so the newest improvement is never held back for
// longer than the interval plus one progress event.
export interface BestPlanThrottle<P> {
  /** The planner found a better plan; `build` makes it (it is built only when sent). */
  improved(build: () => P): void;
  /** Time passed (a progress event): send a waiting improvement if the interval is over. */
  tick(): void;
}

export function bestPlanThrottle<P>(send: (plan: P) => void, now: () => number, intervalMs: number): BestPlanThrottle<P> {
  let waiting: (() => P) | undefined;
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
