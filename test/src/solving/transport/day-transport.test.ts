// The transport of a planned day keeps each patient's maximum time on site: the timed problem
// carries the day's limit to every passenger, and the coupled plan (runs re-timed against the
// day, itineraries from drop-off to pick-up) passes both checkers with the limit tight.
import { describe, expect, it } from 'vitest';
import { checkCoupled, timedTransport } from '../../../../src/solving/transport/day-transport.ts';
import { coupleTransport } from '../../../../src/solving/transport/plan-coupled-day.ts';
import { FIXED_STARTS, dayPlanAt, fixedDayProblem, transportProblemFor } from '../../../solver/transport/fixed-coupled-day.ts';

/** The fixed three-patient day's transport without the activity times. */
function untimed(day: ReturnType<typeof fixedDayProblem>) {
  const { passengers, ...rest } = transportProblemFor(dayPlanAt(day, FIXED_STARTS));
  return { ...rest, passengers: passengers.map(({ firstActivityStartMin: _f, lastActivityEndMin: _l, ...p }) => p) };
}

describe('the transport of a planned day', () => {
  it("gives every routed passenger the day's maximum time on site", () => {
    const day = fixedDayProblem();
    day.patients[1]!.maxOnSiteMin = 200;
    const { problem } = timedTransport(untimed(day), day, dayPlanAt(day, FIXED_STARTS));
    expect(problem.passengers.map((p) => [p.patientId, p.maxOnSiteMin])).toEqual([['A', 360], ['B', 200], ['C', 360]]);
  });

  it('keeps each patient within it when it leaves less than an early drop-off and a late collection would take', () => {
    const day = fixedDayProblem();
    // A 60-min review: 85 min on site at the least (check-in 15 before, collection 10 after);
    // the rules allow 45 min early and 45 min waiting, so 100 leaves 15 of their 90.
    for (const p of day.patients) p.maxOnSiteMin = 100;
    const plan = dayPlanAt(day, FIXED_STARTS);
    for (const seed of [1, 2, 3]) {
      const coupled = coupleTransport(untimed(day), day, plan, undefined, seed);
      const checked = checkCoupled(coupled.dayProblem, coupled.dayPlan, { problem: coupled.transportProblem, plan: coupled.transportPlan });
      expect([...checked.dayViolations, ...checked.transportViolations].map((v) => v.message)).toEqual([]);
      expect(coupled.transportPlan.unserved).toEqual([]);
      for (const t of coupled.transportPlan.passengers) expect(t.departureMin! - t.arrivalMin!, t.patientId).toBeLessThanOrEqual(100);
    }
  });
});
