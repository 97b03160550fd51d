import { describe, expect, it } from 'vitest';
import { planTransport } from '../../../solver/transport/plan-transport.ts';
import { runSheets } from '../../../solver/transport/run-sheets.ts';
import { DEFAULT_TRANSPORT_RULES, type TransportPlan, type TransportProblem } from '../../../solver/transport/transport-problem.ts';
import { passenger, transportDay, vehicle } from './transport-fixtures.ts';

const opts = { maxIterations: 150, seed: 1 };

/** Replays every run from its stops and checks seats and wheelchair spaces at each moment. */
function maxOccupancy(problem: TransportProblem, plan: TransportPlan): Array<{ vehicleId: string; seats: number; spaces: number }> {
  return runSheets(problem, plan).map((sheet) => ({
    vehicleId: sheet.vehicleId,
    seats: Math.max(0, ...sheet.stops.map((s) => s.onBoard.seatsUsed)),
    spaces: Math.max(0, ...sheet.stops.map((s) => s.onBoard.wheelchairSpacesUsed)),
  }));
}

describe('planTransport', () => {
  it('seats: a carer takes a seat, so a 2-seat vehicle never carries a patient with carer and another patient together', () => {
    const problem = transportDay([passenger('A', { carer: true }), passenger('B')], [vehicle('bus', { seats: 2 })], { A: 10, B: 11 });
    const plan = planTransport(problem, opts);
    expect(plan.unserved).toEqual([]);
    for (const occ of maxOccupancy(problem, plan)) expect(occ.seats).toBeLessThanOrEqual(2);
    // Both rode in the morning: they had to go one after the other.
    const sheet = runSheets(problem, plan).find((s) => s.kind === 'morning')!;
    expect(sheet.stops.some((s) => s.onBoard.patientIds.length === 2)).toBe(false);
  });

  it('wheelchair spaces: a wheelchair user rides only in a vehicle with a space, and never two in one space', () => {
    const problem = transportDay(
      [passenger('W1', { mobility: 'wheelchair' }), passenger('W2', { mobility: 'wheelchair' })],
      [vehicle('car', { wheelchairSpaces: 0 }), vehicle('van', { wheelchairSpaces: 1 })],
      { W1: 10, W2: 12 },
    );
    const plan = planTransport(problem, opts);
    expect(plan.unserved).toEqual([]);
    expect(plan.runs.every((r) => r.vehicleId === 'van')).toBe(true);
    for (const occ of maxOccupancy(problem, plan)) expect(occ.spaces).toBeLessThanOrEqual(1);
  });

  it('reports a wheelchair user no vehicle can take', () => {
    const problem = transportDay([passenger('W', { mobility: 'wheelchair' })], [vehicle('car', { wheelchairSpaces: 0 })], { W: 10 });
    const plan = planTransport(problem, opts);
    expect(plan.unserved.map((u) => [u.patientId, u.kind, u.reason])).toEqual([['W', 'morning', 'no-suitable-vehicle'], ['W', 'afternoon', 'no-suitable-vehicle']]);
    expect(plan.runs).toEqual([]);
  });

  it('ride time: nobody rides longer than the limit; a home beyond it is reported', () => {
    const far = transportDay([passenger('F')], [vehicle('bus')], { F: 50 }, { maxRideMin: 40 });
    expect(planTransport(far, opts).unserved.map((u) => u.reason)).toEqual(['ride-too-long', 'ride-too-long']);

    // Three patients along the road: a single sweep would keep the first on board 36+ minutes.
    const problem = transportDay([passenger('A'), passenger('B'), passenger('C')], [vehicle('bus'), vehicle('bus2')], { A: 30, B: 20, C: 10 }, { maxRideMin: 35 });
    const plan = planTransport(problem, opts);
    expect(plan.unserved).toEqual([]);
    for (const p of plan.passengers) {
      expect(p.morning!.rideMin).toBeLessThanOrEqual(35);
      expect(p.afternoon!.rideMin).toBeLessThanOrEqual(35);
    }
  });

  it('the default ride limit is 60 minutes', () => {
    expect(DEFAULT_TRANSPORT_RULES.maxRideMin).toBe(60);
    const problem = transportDay([passenger('F')], [vehicle('bus')], { F: 61 });
    expect(planTransport(problem, opts).unserved[0]?.reason).toBe('ride-too-long');
  });

  it('check-in buffer: each patient is at the centre at least the buffer before their first activity, and not too early', () => {
    const problem = transportDay(
      [passenger('A', { firstActivityStartMin: 570 }), passenger('B', { firstActivityStartMin: 630 }), passenger('C', { firstActivityStartMin: 600 })],
      [vehicle('bus')], { A: 15, B: 18, C: 25 }, { checkInBufferMin: 20, maxEarlyArrivalMin: 40 },
    );
    const plan = planTransport(problem, opts);
    expect(plan.unserved).toEqual([]);
    for (const p of plan.passengers) {
      const first = problem.passengers.find((x) => x.patientId === p.patientId)!.firstActivityStartMin!;
      expect(p.arrivalMin!).toBeLessThanOrEqual(first - 20);
      expect(p.arrivalMin!).toBeGreaterThanOrEqual(first - 20 - 40);
    }
  });

  it('collection: no earlier than the last activity + buffer, no later than the maximum wait', () => {
    const problem = transportDay(
      [passenger('A', { lastActivityEndMin: 840 }), passenger('B', { lastActivityEndMin: 900 })],
      [vehicle('bus', { seats: 1 })], { A: 20, B: 25 }, { collectionBufferMin: 10, maxWaitMin: 30 },
    );
    const plan = planTransport(problem, opts);
    expect(plan.unserved).toEqual([]);
    for (const p of plan.passengers) {
      const end = problem.passengers.find((x) => x.patientId === p.patientId)!.lastActivityEndMin!;
      expect(p.departureMin!).toBeGreaterThanOrEqual(end + 10);
      expect(p.departureMin!).toBeLessThanOrEqual(end + 10 + 30);
    }
  });

  it("pick-up windows: respects a patient's earliest and latest pick-up", () => {
    const problem = transportDay([passenger('A', { earliestPickupMin: 540, latestPickupMin: 550 })], [vehicle('bus')], { A: 10 });
    const plan = planTransport(problem, opts);
    const pickup = plan.passengers[0]!.morning!.pickupMin;
    expect(pickup).toBeGreaterThanOrEqual(540);
    expect(pickup).toBeLessThanOrEqual(550);
  });

  it('shift: a vehicle is used only inside its driver\'s shift; a run outside every shift is reported', () => {
    const problem = transportDay([passenger('A')], [vehicle('late', { shift: { startMin: 700, endMin: 1080 } })], { A: 10 });
    const plan = planTransport(problem, opts);
    expect(plan.unserved.map((u) => [u.kind, u.reason])).toEqual([['morning', 'outside-every-shift']]);
    const afternoon = plan.runs.find((r) => r.kind === 'afternoon')!;
    expect(afternoon.leaveMin).toBeGreaterThanOrEqual(700);
    expect(afternoon.finishMin).toBeLessThanOrEqual(1080);
  });

  it('wheelchair users take longer to board and alight', () => {
    const problem = transportDay([passenger('W', { mobility: 'wheelchair' }), passenger('A')], [vehicle('bus')], { W: 10, A: 12 });
    const plan = planTransport(problem, opts);
    const stops = plan.runs.flatMap((r) => r.stops);
    const length = (id: string, action: string): number => { const s = stops.find((x) => x.patientId === id && x.action === action)!; return s.endMin - s.startMin; };
    expect(length('W', 'board')).toBe(DEFAULT_TRANSPORT_RULES.wheelchairBoardingMin);
    expect(length('A', 'board')).toBe(DEFAULT_TRANSPORT_RULES.boardingMin);
    expect(length('W', 'alight')).toBe(DEFAULT_TRANSPORT_RULES.wheelchairAlightingMin);
  });

  it('patients coming by their own means are not routed', () => {
    const problem = transportDay([passenger('A'), passenger('S', { ownMeans: true })], [vehicle('bus')], { A: 10, S: 12 });
    const plan = planTransport(problem, opts);
    expect(plan.ownMeans).toEqual(['S']);
    expect(plan.runs.flatMap((r) => r.stops).some((s) => s.patientId === 'S')).toBe(false);
    expect(plan.passengers.map((p) => p.patientId)).toEqual(['A']);
  });

  it('the afternoon run starts no earlier than the same vehicle\'s morning run ended', () => {
    const problem = transportDay([passenger('A', { firstActivityStartMin: 600, lastActivityEndMin: 560 })], [vehicle('bus')], { A: 10 });
    const plan = planTransport(problem, opts);
    const morning = plan.runs.find((r) => r.kind === 'morning')!;
    const afternoon = plan.runs.find((r) => r.kind === 'afternoon')!;
    expect(afternoon.leaveMin).toBeGreaterThanOrEqual(morning.finishMin);
  });

  it('is deterministic for the same seed', () => {
    const ps = ['A', 'B', 'C', 'D', 'E', 'F'].map((id, i) => passenger(id, { firstActivityStartMin: 570 + 15 * i, carer: i % 3 === 0 }));
    const problem = transportDay(ps, [vehicle('v1'), vehicle('v2', { seats: 3 })], { A: 5, B: 12, C: 20, D: 8, E: 30, F: 15 });
    expect(planTransport(problem, opts)).toEqual(planTransport(problem, opts));
  });

  it('names a home with no coordinates and no travel-matrix entry', () => {
    const problem: TransportProblem = {
      date: '2026-11-23', centreLocationId: 'centre',
      locations: [{ id: 'centre', lat: 53.76, lon: -0.33 }, { id: 'depot', lat: 53.77, lon: -0.34 }, { id: 'home-of-P9' }],
      vehicles: [vehicle('bus')], passengers: [passenger('P9', { homeLocationId: 'home-of-P9' })],
    };
    expect(() => planTransport(problem, opts)).toThrow(/home-of-P9/);
  });

  it('rejects a routed passenger without times, naming the field', () => {
    const problem = transportDay([passenger('A', { firstActivityStartMin: undefined })], [vehicle('bus')], { A: 10 });
    expect(() => planTransport(problem, opts)).toThrow(/passengers\[0\].*firstActivityStartMin/);
  });
});
