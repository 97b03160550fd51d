import { describe, expect, it } from 'vitest';
import { computeLowerBound } from '../../solver/day/bound/compute-lower-bound.ts';
import { planWholeDay, type WholeDayProblem, type WholeDayResult } from '../../solver/plan-whole-day.ts';
import { buildTravel, indexLocations } from '../../solver/routing/build-travel.ts';
import { validatePlan } from '../../solver/validate/validate-plan.ts';
import { validateTransportPlan } from '../../solver/validate/validate-transport-plan.ts';
import { demoDayProblem } from '../../src/demo/demo-day-problem.ts';
import { demoTransportProblem } from '../../src/demo/demo-transport-problem.ts';

const DATE = '2026-12-01';
const opts = { seed: 1, dayMaxIterations: 600, transportMaxIterations: 150 };

function demoWholeDay(patients: number, seed = 1): WholeDayProblem {
  return { day: demoDayProblem({ seed, date: DATE, patients }), transport: demoTransportProblem({ seed, date: DATE, patients }) };
}

/** Both independent checkers, the transport one against the itineraries. */
function violations(result: WholeDayResult): string[] {
  const travel = buildTravel(result.transportProblem.locations, result.transportProblem.travel);
  const index = indexLocations(result.transportProblem.locations);
  const travelMin = (a: string, b: string) => travel.travelMin(index.get(a)!, index.get(b)!);
  const day = validatePlan(result.dayProblem, result.dayPlan).violations.map((v) => `day: ${v.message}`);
  const transport = validateTransportPlan(result.transportProblem, result.transportPlan, { travelMin, day: { problem: result.dayProblem, plan: result.dayPlan } });
  return [...day, ...transport.violations.map((v) => `transport: ${v.message}`)];
}

function itinerary(result: WholeDayResult, patientId: string) {
  const mine = result.dayPlan.activities.filter((a) => a.patientId === patientId);
  return { firstStartMin: Math.min(...mine.map((a) => a.startMin)), lastEndMin: Math.max(...mine.map((a) => a.endMin)) };
}

describe('planWholeDay', () => {
  it.each([8, 16])('plans a %i-patient demo day whose itineraries and transport pass both checkers', (patients) => {
    const problem = demoWholeDay(patients);
    const result = planWholeDay(problem, opts);
    expect(result.consistent).toBe(true);
    expect(result.transportPlan.unserved).toEqual([]);
    expect(violations(result)).toEqual([]);
    const maxRideMin = result.transportPlan.rules.maxRideMin;
    for (const p of result.transportPlan.passengers) {
      if (p.morning) expect(p.morning.rideMin).toBeLessThanOrEqual(maxRideMin);
      if (p.afternoon) expect(p.afternoon.rideMin).toBeLessThanOrEqual(maxRideMin);
    }
    // Every transported patient with a day is carried both ways; own-means patients keep their window.
    for (const passenger of problem.transport.passengers) {
      const before = problem.day.patients.find((p) => p.id === passenger.patientId)!;
      const after = result.dayProblem.patients.find((p) => p.id === passenger.patientId)!;
      if (passenger.ownMeans) {
        expect([after.earliestArrivalMin, after.latestDepartureMin]).toEqual([before.earliestArrivalMin, before.latestDepartureMin]);
        expect(result.transportPlan.ownMeans).toContain(passenger.patientId);
      } else {
        const times = result.transportPlan.passengers.find((p) => p.patientId === passenger.patientId)!;
        expect(times.arrivalMin).toBeDefined();
        expect(times.departureMin).toBeDefined();
      }
    }
  });

  it('a later pick-up moves the itinerary: first activity ≥ transport arrival + check-in', () => {
    const problem = demoWholeDay(8);
    const baseline = planWholeDay(problem, opts);
    const patientId = problem.transport.passengers.find((p) => !p.ownMeans)!.patientId;
    const before = itinerary(baseline, patientId);
    // Not collected before their old first start: they cannot possibly be there for it now.
    const earliestPickupMin = before.firstStartMin;
    const changed = { ...problem, transport: { ...problem.transport, passengers: problem.transport.passengers.map((p) => (p.patientId === patientId ? { ...p, earliestPickupMin } : p)) } };
    const result = planWholeDay(changed, opts);
    expect(result.consistent).toBe(true);
    expect(violations(result)).toEqual([]);
    const times = result.transportPlan.passengers.find((p) => p.patientId === patientId)!;
    expect(times.morning!.pickupMin).toBeGreaterThanOrEqual(earliestPickupMin);
    const after = itinerary(result, patientId);
    expect(after.firstStartMin).toBeGreaterThanOrEqual(times.arrivalMin! + problem.day.centre.checkInBufferMin);
    expect(after.firstStartMin).toBeGreaterThan(before.firstStartMin);
  });

  it('a longer day moves the return run later: collection after the new last end + buffer', () => {
    const problem = demoWholeDay(8);
    const baseline = planWholeDay(problem, opts);
    const patientId = problem.transport.passengers.find((p) => !p.ownMeans)!.patientId;
    const before = itinerary(baseline, patientId);
    const patient = problem.day.patients.find((p) => p.id === patientId)!;
    const extra = problem.day.assessmentTypes.find((t) => t.id === 'age-uk')!;
    expect(patient.required.map((r) => r.typeId)).not.toContain(extra.id);
    const longer = { ...problem, day: { ...problem.day, patients: problem.day.patients.map((p) => (p.id === patientId ? { ...p, required: [...p.required, { typeId: extra.id }] } : p)) } };
    const result = planWholeDay(longer, opts);
    expect(violations(result)).toEqual([]);
    const after = itinerary(result, patientId);
    // Precondition: one more 30-minute session did make this patient's day end later.
    expect(after.lastEndMin).toBeGreaterThan(before.lastEndMin);
    const departBefore = baseline.transportPlan.passengers.find((p) => p.patientId === patientId)!.departureMin!;
    const departAfter = result.transportPlan.passengers.find((p) => p.patientId === patientId)!.departureMin!;
    expect(departAfter).toBeGreaterThan(departBefore);
    expect(departAfter).toBeGreaterThanOrEqual(after.lastEndMin + result.transportPlan.rules.collectionBufferMin);
  });

  it('narrows windows and replans when vehicles are full; what is left is reported, and all passes the checkers', () => {
    // One single-seat car for ten transported patients: they cannot all be there by 08:30.
    const problem = demoWholeDay(16);
    const car = { ...problem.transport.vehicles[2]!, seats: 1 };
    const result = planWholeDay({ ...problem, transport: { ...problem.transport, vehicles: [car] } }, opts);
    expect(result.iterations).toBeGreaterThan(1);
    expect(result.notes.some((n) => n.includes('(morning: no-capacity)'))).toBe(true);
    // Windows only ever narrow.
    for (const after of result.dayProblem.patients) {
      const before = problem.day.patients.find((p) => p.id === after.id)!;
      expect(after.earliestArrivalMin).toBeGreaterThanOrEqual(before.earliestArrivalMin);
      expect(after.latestDepartureMin).toBeLessThanOrEqual(before.latestDepartureMin);
    }
    expect(violations(result)).toEqual([]);
    expect(result.consistent).toBe(result.transportPlan.unserved.length === 0);
    for (const u of result.transportPlan.unserved) expect(result.notes).toContain(`Not consistent (${u.kind} run): ${u.message}`);
  }, 90_000); // CPU-bound: on a loaded 2-core machine it can take over the default 30 s

  it('reports plainly what transport cannot do instead of pretending', () => {
    const problem = demoWholeDay(8);
    const patientId = problem.transport.passengers.find((p) => !p.ownMeans)!.patientId;
    const transport = {
      ...problem.transport,
      vehicles: problem.transport.vehicles.map((v) => ({ ...v, wheelchairSpaces: 0 })),
      passengers: problem.transport.passengers.map((p) => (p.patientId === patientId ? { ...p, mobility: 'wheelchair' as const } : p)),
    };
    const result = planWholeDay({ ...problem, transport }, opts);
    expect(result.consistent).toBe(false);
    expect(result.transportPlan.unserved.map((u) => [u.patientId, u.reason])).toEqual([[patientId, 'no-suitable-vehicle'], [patientId, 'no-suitable-vehicle']]);
    expect(result.notes.filter((n) => n.startsWith('Not consistent') && n.includes(patientId))).toHaveLength(2);
  });

  it('is deterministic for a seed and budgets', () => {
    const problem = demoWholeDay(8);
    expect(planWholeDay(problem, opts)).toEqual(planWholeDay(problem, opts));
  });

  it('stops by the injected clock', () => {
    let ms = 0;
    const result = planWholeDay(demoWholeDay(8), { seed: 1, timeLimitMs: 50, now: () => (ms += 1) });
    expect(result.iterations).toBeGreaterThanOrEqual(1);
    expect(violations(result).filter((v) => v.startsWith('day:'))).toEqual([]);
  });

  it('gives the first day planning most of the time limit (the rest is kept for the repairs)', () => {
    let ms = 0;
    const result = planWholeDay(demoWholeDay(8), { seed: 1, timeLimitMs: 400, now: () => (ms += 1) });
    expect(result.iterations).toBe(1);
    // 65 % of the limit; it was a third of 70 % (93 ms here).
    expect(result.dayPlan.stats.elapsedMs).toBeGreaterThanOrEqual(0.6 * 400);
    expect(ms).toBeLessThanOrEqual(400 + 50);
  });

  it('reports the bound of the day as given: narrowed windows only take plans away, and their own bound stops early under a limit', () => {
    const problem = demoWholeDay(16);
    let ms = 0;
    const result = planWholeDay(problem, { seed: 1, timeLimitMs: 600, now: () => (ms += 0.05) });
    const given = computeLowerBound(problem.day).value;
    // It was the narrowed day's own bound, cut short: 1484.5 against 4988.
    expect(result.dayPlan.bound.value).toBeGreaterThanOrEqual(given);
    expect(result.dayPlan.score.soft).toBeGreaterThanOrEqual(result.dayPlan.bound.value);
    expect(result.dayPlan.gapPct).toBeLessThan(10);
  }, 90_000); // two 16-patient bounds: over 30 s when the 2-core machine is busy

  it('rejects a passenger who is not a patient of the day, naming the field', () => {
    const problem = demoWholeDay(8);
    const transport = { ...problem.transport, passengers: [...problem.transport.passengers, { ...problem.transport.passengers[0]!, patientId: 'ghost' }] };
    expect(() => planWholeDay({ ...problem, transport }, opts)).toThrow(/transport\.passengers\[8\]\.patientId 'ghost'/);
    expect(() => planWholeDay(problem, { ...opts, maxRounds: 0 })).toThrow(/maxRounds/);
  });
});
