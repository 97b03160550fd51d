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
