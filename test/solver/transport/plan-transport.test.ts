import { describe, expect, it } from 'vitest';
import { validatePlan } from '../../../solver/validate/validate-plan.ts';
import { validateTransportPlan } from '../../../solver/validate/validate-transport-plan.ts';
import { planTransport, repairTransport } from '../../../solver/transport/plan-transport.ts';
import { runSheets } from '../../../solver/transport/run-sheets.ts';
import { DEFAULT_TRANSPORT_RULES, type TransportPlan, type TransportProblem } from '../../../solver/transport/transport-problem.ts';
import {
  FIXED_STARTS, dayPlanAt, fixedDayProblem, fixedTransportPlan, transportProblemFor, travelMinutes, withTransportTimes, type ReviewStarts,
} from './fixed-coupled-day.ts';
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

/**
 * Each passenger's idle minutes aboard a vehicle standing at the centre, replayed from the stops:
 * in the morning from the vehicle's arrival to their alighting, in the afternoon from their
 * boarding to it driving off, less the minutes the others alight or board there in between.
 */
function idleAboardAtCentre(problem: TransportProblem, plan: TransportPlan): Array<{ patientId: string; idleMin: number }> {
  const travel = travelMinutes(problem);
  const out: Array<{ patientId: string; idleMin: number }> = [];
  for (const run of plan.runs) {
    const depot = problem.vehicles.find((v) => v.id === run.vehicleId)!.depotLocationId;
    const { stops } = run;
    stops.forEach((stop, k) => {
      if (stop.locationId !== problem.centreLocationId) return;
      let service = 0;
      if (stop.action === 'alight') {
        let a = k - 1;
        for (; a >= 0 && stops[a]!.locationId === stop.locationId; a--) service += stops[a]!.endMin - stops[a]!.startMin;
        const arrivedMin = a >= 0 ? stops[a]!.endMin + travel(stops[a]!.locationId, stop.locationId) : run.leaveMin + travel(depot, stop.locationId);
        out.push({ patientId: stop.patientId, idleMin: stop.startMin - arrivedMin - service });
      } else {
        let b = k + 1;
        for (; b < stops.length && stops[b]!.locationId === stop.locationId; b++) service += stops[b]!.endMin - stops[b]!.startMin;
        const leftMin = b < stops.length ? stops[b]!.startMin - travel(stop.locationId, stops[b]!.locationId) : run.finishMin - travel(stop.locationId, depot);
        out.push({ patientId: stop.patientId, idleMin: leftMin - stop.endMin - service });
      }
    });
  }
  return out;
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

  it('nobody waits aboard a parked vehicle at the centre: in the morning all alight on arrival once their window is open, in the afternoon each boards just before it leaves', () => {
    // One bus, two neighbours. A is due in by 09:05 (first activity 09:20), B by 09:50 (10:05):
    // their arrival windows overlap from 09:05, so both can alight together. In the afternoon A
    // may be collected from 14:10, B from 14:50 (maximum wait 45), so both can board at 14:50.
    const problem = transportDay(
      [passenger('A', { firstActivityStartMin: 560, lastActivityEndMin: 840 }), passenger('B', { firstActivityStartMin: 605, lastActivityEndMin: 880 })],
      [vehicle('bus')], { A: 10, B: 12 }, { checkInBufferMin: 15, maxEarlyArrivalMin: 45, collectionBufferMin: 10, maxWaitMin: 45, boardingMin: 3, alightingMin: 2 },
    );
    const plan = planTransport(problem, opts);
    expect(plan.unserved).toEqual([]);
    expect(validateTransportPlan(problem, plan, { travelMin: travelMinutes(problem) }).violations).toEqual([]);
    const [morning, afternoon] = ['morning', 'afternoon'].map((kind) => plan.runs.find((r) => r.kind === kind)!);
    const atCentre = (run: TransportPlan['runs'][number]) => run.stops.filter((s) => s.locationId === 'centre');
    // Morning: the second passenger starts alighting as the first finishes (not at 09:48, their
    // latest), and the run ends with them.
    const [firstOff, secondOff] = atCentre(morning!);
    expect(secondOff!.startMin).toBe(firstOff!.endMin);
    expect(morning!.finishMin).toBe(secondOff!.endMin);
    for (const p of plan.passengers) expect(p.morning!.rideMin).toBeLessThanOrEqual(12 + 3 + 2);
    // Afternoon: the first to board finishes as the second starts, and not before B may go (14:50).
    const [firstOn, secondOn] = atCentre(afternoon!);
    expect(firstOn!.endMin).toBe(secondOn!.startMin);
    expect(firstOn!.startMin).toBeGreaterThanOrEqual(890);
    for (const on of [firstOn!, secondOn!]) expect(plan.passengers.find((p) => p.patientId === on.patientId)!.departureMin).toBe(on.startMin);
  });

  it('waiting aboard at the centre: nobody sits idle in a vehicle standing there longer than the rule, even where one run would be shorter', () => {
    // One bus, two neighbours whose windows are far apart: A is due in 08:00–08:45 and collected
    // 13:10–13:55, B due in 09:15–10:00 and collected 14:40–15:25. One run each way would drive
    // less, but the first one there would sit aboard at least 30 min (morning) or 45 min
    // (afternoon) for the other; the bus drives twice instead.
    const problem = transportDay(
      [passenger('A', { firstActivityStartMin: 540, lastActivityEndMin: 780 }), passenger('B', { firstActivityStartMin: 615, lastActivityEndMin: 870 })],
      [vehicle('bus')], { A: 10, B: 12 },
    );
    const plan = planTransport(problem, opts);
    expect(plan.unserved).toEqual([]);
    expect(validateTransportPlan(problem, plan, { travelMin: travelMinutes(problem) }).violations).toEqual([]);
    expect(DEFAULT_TRANSPORT_RULES.maxWaitAboardAtCentreMin).toBe(15);
    expect(Math.max(...idleAboardAtCentre(problem, plan).map((w) => w.idleMin))).toBeLessThanOrEqual(15);
    // What this tells apart: the two never ride together (together, one waits 30+ min aboard).
    for (const sheet of runSheets(problem, plan)) for (const stop of sheet.stops) expect(stop.onBoard.patientIds.length).toBeLessThanOrEqual(1);
  });

  it('waiting aboard at the centre: the rule yields to carrying everyone (one bus, no time for a second run)', () => {
    // A must be at the door 07:50–08:00, B 08:20–09:05; their homes 30 and 35 min out and the
    // shift 06:30–09:00, so a second run (back at 09:05 at best) does not fit: B rides with A and
    // waits aboard (18 min at least; their own limit is lifted, else B would not be carried).
    const problem = transportDay(
      [passenger('A', { arriveWindow: { startMin: 470, endMin: 480 }, legs: 'morning' }), passenger('B', { arriveWindow: { startMin: 500, endMin: 545 }, legs: 'morning' })],
      [vehicle('bus', { shift: { startMin: 390, endMin: 540 } })], { A: 30, B: 35 },
    );
    const plan = planTransport(problem, opts);
    expect(plan.unserved).toEqual([]);
    expect(validateTransportPlan(problem, plan, { travelMin: travelMinutes(problem) }).violations).toEqual([]);
    expect(Math.max(...idleAboardAtCentre(problem, plan).map((w) => w.idleMin))).toBeGreaterThan(15);
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

  it('time on site: nobody is at the centre longer than their maximum, however the runs fall', () => {
    // One seat, so the runs go one passenger at a time (45 min a trip); both are collected from
    // 15:10, B first (home by 15:35). Left to itself the morning may bring A first at 09:00 and
    // the afternoon collect A last at 15:55: 415 min on site, over A's 400.
    const passengers = [passenger('A', { maxOnSiteMin: 400 }), passenger('B', { latestHomeMin: 935 })];
    for (const order of [passengers, [...passengers].reverse()]) {
      for (const seed of [1, 2, 3, 4, 5, 6]) {
        const problem = transportDay(order, [vehicle('bus', { seats: 1 })], { A: 20, B: 20 });
        const plan = planTransport(problem, { maxIterations: 150, seed });
        expect(plan.unserved).toEqual([]);
        expect(validateTransportPlan(problem, plan, { travelMin: travelMinutes(problem) }).violations).toEqual([]);
        const a = plan.passengers.find((p) => p.patientId === 'A')!;
        expect(a.departureMin! - a.arrivalMin!, `seed ${seed}`).toBeLessThanOrEqual(400);
      }
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

describe('repairTransport (a fixed day and stored runs; one patient moved)', () => {
  const dayProblem = fixedDayProblem();
  const stored = fixedTransportPlan();
  const runKey = (r: { vehicleId: string; kind: string }) => `${r.vehicleId}/${r.kind}`;
  const carries = (r: { stops: Array<{ patientId: string }> }, patientId: string) => r.stops.some((s) => s.patientId === patientId);

  /** Both checkers on the day with its transport: the itineraries from drop-off to pick-up, and the runs against the itineraries. */
  function violations(starts: ReviewStarts, runs: TransportPlan): string[] {
    const plan = withTransportTimes(dayPlanAt(dayProblem, starts), runs);
    const problem = transportProblemFor(plan);
    return [
      ...validatePlan(dayProblem, plan).violations.map((v) => `day: ${v.message}`),
      ...validateTransportPlan(problem, runs, { travelMin: travelMinutes(problem), day: { problem: dayProblem, plan } }).violations.map((v) => `transport: ${v.message}`),
    ];
  }

  it('the stored runs are valid for the day as planned', () => {
    expect(violations(FIXED_STARTS, stored)).toEqual([]);
  });

  it("C's review moved from 10:30 to 13:00: C's pick-up and drop-off follow it, van-1's runs (A and B only) stay as they were", () => {
    const starts = { ...FIXED_STARTS, C: 780 };
    const problem = transportProblemFor(dayPlanAt(dayProblem, starts));
    // Precondition: the stored runs no longer fit C's day (arrival 10:15 and collection 11:40 are hours early).
    expect(violations(starts, stored).filter((v) => v.includes('C'))).not.toEqual([]);

    const repaired = repairTransport(problem, stored, ['C']);
    expect(repaired.unserved).toEqual([]);
    expect(violations(starts, repaired)).toEqual([]);
    // C's times agree with the new itinerary: at the door between 45 and 0 minutes before check-in
    // (12:45 for 13:00), collected within the maximum wait after 14:00 + the collection buffer.
    const rules = repaired.rules;
    const c = repaired.passengers.find((p) => p.patientId === 'C')!;
    expect(c.arrivalMin!).toBeLessThanOrEqual(780 - rules.checkInBufferMin);
    expect(c.arrivalMin!).toBeGreaterThanOrEqual(780 - rules.checkInBufferMin - rules.maxEarlyArrivalMin);
    expect(c.departureMin!).toBeGreaterThanOrEqual(840 + rules.collectionBufferMin);
    expect(c.departureMin!).toBeLessThanOrEqual(840 + rules.collectionBufferMin + rules.maxWaitMin);
    expect(c.morning!.pickupMin).toBeGreaterThan(stored.passengers.find((p) => p.patientId === 'C')!.morning!.pickupMin);

    // Runs that carried C neither before nor after: van-1's two, identical (stops, times, travel).
    const touched = new Set([...stored.runs, ...repaired.runs].filter((r) => carries(r, 'C')).map(runKey));
    const untouched = stored.runs.filter((r) => !touched.has(runKey(r)));
    expect(untouched.map(runKey)).toEqual(['van-1/morning', 'van-1/afternoon']);
    for (const before of untouched) expect(repaired.runs.find((r) => runKey(r) === runKey(before))).toEqual(before);
    for (const id of ['A', 'B']) expect(repaired.passengers.find((p) => p.patientId === id)).toEqual(stored.passengers.find((p) => p.patientId === id));

    // What this tells apart: planning the day's transport afresh changes van-1's runs (they are
    // valid but not the shortest), and keeping every stored time leaves C's trips hours early.
    const fresh = planTransport(problem, opts);
    expect(untouched.some((before) => JSON.stringify(fresh.runs.find((r) => runKey(r) === runKey(before))) !== JSON.stringify(before))).toBe(true);
  });

  it("B's review moved from 10:00 to 13:00: B is carried at the new times, and the runs that never carried B (van-2's morning) stay", () => {
    const starts = { ...FIXED_STARTS, B: 780 };
    const problem = transportProblemFor(dayPlanAt(dayProblem, starts));
    expect(violations(starts, stored).filter((v) => v.includes('B'))).not.toEqual([]);

    const repaired = repairTransport(problem, stored, ['B']);
    expect(repaired.unserved).toEqual([]);
    expect(violations(starts, repaired)).toEqual([]);
    const b = repaired.passengers.find((p) => p.patientId === 'B')!;
    expect(b.arrivalMin!).toBeLessThanOrEqual(780 - repaired.rules.checkInBufferMin);
    expect(b.departureMin!).toBeGreaterThanOrEqual(840 + repaired.rules.collectionBufferMin);

    // Whoever carries B in the morning is at the centre after 12:00, too late for A's or C's
    // collection (11:10–11:55, 11:40–12:25), so that vehicle's afternoon run must change
    // hands; van-2's morning (C alone, before and after) is kept as it was.
    const touched = new Set([...stored.runs, ...repaired.runs].filter((r) => carries(r, 'B')).map(runKey));
    const untouched = stored.runs.filter((r) => !touched.has(runKey(r)));
    expect(untouched.map(runKey)).toContain('van-2/morning');
    for (const before of untouched.filter((r) => r.kind === 'morning')) expect(repaired.runs.find((r) => runKey(r) === runKey(before))).toEqual(before);
  });
});
