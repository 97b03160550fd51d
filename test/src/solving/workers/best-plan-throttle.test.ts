// The best-plan throttle on a hand-driven clock: at most one plan per interval, only after
// an improvement, built only when sent, and a waiting improvement goes out on the next tick.
import { describe, expect, it } from 'vitest';
import { bestPlanThrottle } from '../../../../src/solving/workers/best-plan-throttle.ts';
import type { DayPlan } from '../../../../solver/model/index.ts';

describe('bestPlanThrottle', () => {
  it('sends the first improvement at once, holds later ones until the interval is over, and never resends', () => {
    let clockMs = 0;
    const sent: string[] = [];
    const built: string[] = [];
    const throttle = bestPlanThrottle<DayPlan>((plan) => sent.push(plan.date), () => clockMs, 1000);
    const improvement = (name: string) => () => {
      built.push(name);
      return { date: name } as DayPlan;
    };

    throttle.improved(improvement('a'));
    expect(sent).toEqual(['a']);
    clockMs = 200;
    throttle.improved(improvement('b'));
    clockMs = 400;
    throttle.improved(improvement('c'));
    throttle.tick();
    expect(sent).toEqual(['a']);
    clockMs = 1000;
    throttle.tick();
    expect(sent).toEqual(['a', 'c']); // the newest; 'b' was never even built
    expect(built).toEqual(['a', 'c']);
    clockMs = 5000;
    throttle.tick(); // nothing improved since: nothing sent
    expect(sent).toEqual(['a', 'c']);
    throttle.improved(improvement('d'));
    expect(sent).toEqual(['a', 'c', 'd']);
  });
});
