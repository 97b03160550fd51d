import { describe, expect, it } from 'vitest';
import { createRoutingContext } from '../../../../solver/routing/core/routing-context.ts';
import { latestSchedule, routeCost, scheduleRoute } from '../../../../solver/routing/core/schedule-route.ts';
import { problemOf } from './routing-fixtures.ts';

describe('scheduleRoute', () => {
  it('gives the earliest service starts: travel, then waiting for a window to open', () => {
    // Depot 0 → A at x=10 (window opens 30) → B at x=20 (5 min service at A).
    const ctx = createRoutingContext(problemOf({ visits: [{ x: 10, window: [30, 100], serviceMin: 5 }, { x: 20 }] }));
    expect(scheduleRoute(ctx, 0, [0, 1])).toEqual([0, 30, 45, 65]);
  });

  it('rejects a stop reached after its window closes', () => {
    const ctx = createRoutingContext(problemOf({ visits: [{ x: 10, window: [0, 9] }] }));
    expect(scheduleRoute(ctx, 0, [0])).toBeNull();
  });

  it("keeps the route inside the vehicle's shift", () => {
    const ctx = createRoutingContext(problemOf({ visits: [{ x: 10 }], vehicles: [{ earliestStartMin: 100, latestEndMin: 119 }, { earliestStartMin: 100, latestEndMin: 120 }] }));
    expect(scheduleRoute(ctx, 0, [0])).toBeNull(); // out and back takes 20 min
    expect(scheduleRoute(ctx, 1, [0])).toEqual([100, 110, 120]);
  });

  it('wraps the capacity check', () => {
    const ctx = createRoutingContext(problemOf({ pairs: [{ pickUp: { x: 1 }, dropOff: { x: 2 } }, { pickUp: { x: 3 }, dropOff: { x: 4 } }], vehicles: [{ capacity: [1] }] }));
    expect(scheduleRoute(ctx, 0, [0, 2, 1, 3])).toBeNull();
    expect(scheduleRoute(ctx, 0, [0, 1, 2, 3])).not.toBeNull();
  });

  it('delays a pick-up so the passenger does not ride longer than allowed', () => {
    // Pick-up at x=10, then a visit at x=20 whose window opens at 100, then the drop-off at
    // x=30, reached at 110 at the earliest. With a 30-minute ride limit the pick-up may start
    // no earlier than 110 − 30 = 80 (instead of 10).
    const ctx = createRoutingContext(problemOf({
      visits: [{ x: 20, window: [100, 200] }],
      pairs: [{ pickUp: { x: 10 }, dropOff: { x: 30 }, maxRideMin: 30 }],
    }));
    const t = scheduleRoute(ctx, 0, [1, 0, 2])!;
    expect(t).not.toBeNull();
    expect(t[1]).toBe(80);
    expect(t[3]! - t[1]!).toBeLessThanOrEqual(30);
  });

  it('rejects a route where the ride limit cannot be met', () => {
    const ctx = createRoutingContext(problemOf({ pairs: [{ pickUp: { x: 10 }, dropOff: { x: 50 }, maxRideMin: 39 }] }));
    expect(scheduleRoute(ctx, 0, [0, 1])).toBeNull();
  });

  it('rejects a drop-off before its pick-up', () => {
    const ctx = createRoutingContext(problemOf({ pairs: [{ pickUp: { x: 10 }, dropOff: { x: 20 } }] }));
    expect(scheduleRoute(ctx, 0, [1, 0])).toBeNull();
    expect(scheduleRoute(ctx, 0, [0])).toBeNull(); // pick-up without drop-off
  });

  it('limits the idle minutes a passenger sits aboard at their drop-off place (maxWaitAboardMin)', () => {
    // P: x=10 → x=30, at the door from 50; Q: x=12 → the same place, from 80. Reaching x=30 at 30,
    // the earliest schedule would keep P aboard 20 min and Q 50. With 10 min each, Q is picked up
    // later (52), so the vehicle arrives at 70: P alights at once, Q 10 min later.
    const withLimit = (limit: number | undefined, pWindow: [number, number]) => {
      const problem = problemOf({ pairs: [{ pickUp: { x: 10 }, dropOff: { x: 30, window: pWindow } }, { pickUp: { x: 12 }, dropOff: { x: 30, window: [80, 200] } }] });
      problem.nodes[3]!.loc = problem.nodes[1]!.loc;
      for (const n of [1, 3]) problem.nodes[n]!.maxWaitAboardMin = limit;
      return createRoutingContext(problem);
    };
    expect(scheduleRoute(withLimit(undefined, [50, 100]), 0, [0, 2, 1, 3])).toEqual([0, 10, 12, 50, 80, 110]);
    expect(scheduleRoute(withLimit(10, [50, 100]), 0, [0, 2, 1, 3])).toEqual([0, 10, 52, 70, 80, 110]);
    // The latest schedule keeps it too: Q alights at 110, not at 200 (the end of their window).
    expect(latestSchedule(withLimit(10, [50, 100]), 0, [0, 2, 1, 3])).toEqual([70, 80, 82, 100, 110, 140]);
    // P due in by 60: the vehicle must be there by then, and Q would wait 20 min.
    expect(scheduleRoute(withLimit(10, [50, 60]), 0, [0, 2, 1, 3])).toBeNull();
    expect(scheduleRoute(withLimit(20, [50, 60]), 0, [0, 2, 1, 3])).not.toBeNull();
  });

  it('limits the idle minutes after a pick-up until the vehicle drives off', () => {
    // Both board at x=10 (P from 0, Q from 40) and ride to x=30. P boarding at 10 would sit aboard
    // 30 min; with a 5-min limit P boards at 35 at the earliest.
    const problem = problemOf({ pairs: [{ pickUp: { x: 10 }, dropOff: { x: 30 } }, { pickUp: { x: 10, window: [40, 100] }, dropOff: { x: 30 } }] });
    problem.nodes[2]!.loc = problem.nodes[0]!.loc;
    expect(scheduleRoute(createRoutingContext(problem), 0, [0, 2, 1, 3])![1]).toBe(10);
    problem.nodes[0]!.maxWaitAboardMin = 5;
    expect(scheduleRoute(createRoutingContext(problem), 0, [0, 2, 1, 3])!.slice(1, 3)).toEqual([35, 40]);
  });

  it('delays the departure to respect a maximum route duration', () => {
    // Visit at x=10 opens at 50: leaving at 0 would take 60 min; leaving at 40 takes 20.
    const ctx = createRoutingContext(problemOf({ visits: [{ x: 10, window: [50, 60] }], vehicles: [{ maxDurationMin: 20 }, { maxDurationMin: 19 }] }));
    expect(scheduleRoute(ctx, 0, [0])).toEqual([40, 50, 60]);
    expect(scheduleRoute(ctx, 1, [0])).toBeNull();
  });
});

describe('latestSchedule', () => {
  it('starts each stop as late as the windows allow and arrives at the end straight after', () => {
    const ctx = createRoutingContext(problemOf({ visits: [{ x: 10, window: [0, 100] }] }));
    expect(latestSchedule(ctx, 0, [0])).toEqual([90, 100, 110]);
  });
});

describe('routeCost', () => {
  it('sums the legs from the start back to the end, and is 0 for an unused vehicle', () => {
    const ctx = createRoutingContext(problemOf({ visits: [{ x: 3, y: 4 }, { x: 6, y: 8 }] }));
    expect(routeCost(ctx, 0, [0, 1])).toBe(20);
    expect(routeCost(ctx, 0, [])).toBe(0);
  });
});
