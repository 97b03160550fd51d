import { describe, expect, it } from 'vitest';
import type { DayPlan } from '../../../solver/model/day-plan.ts';
import type { DayProblem } from '../../../solver/model/day-problem.ts';
import type { TransportPlan, TransportProblem } from '../../../solver/transport/transport-problem.ts';
import { validateTransportPlan, type TransportCheckOptions } from '../../../solver/validate/validate-transport-plan.ts';

const at = (hh: number, mm: number) => hh * 60 + mm;

/** Drive minutes, symmetric: depot D, centre C, homes H1 and H2. */
const MINUTES: Record<string, number> = { 'D-H1': 10, 'D-H2': 15, 'D-C': 20, 'H1-H2': 5, 'H1-C': 15, 'H2-C': 12 };
const travelMin = (a: string, b: string): number => (a === b ? 0 : (MINUTES[`${a}-${b}`] ?? MINUTES[`${b}-${a}`])!);

/**
 * One minibus (3 seats, 1 wheelchair space, 08:00–17:00). P1 is a wheelchair user with a carer
 * (H1), P2 walks with a frame (H2); both start at 10:00 and finish at 14:00. P3 comes by car.
 */
function problem(): TransportProblem {
  return {
    date: '2026-12-01',
    centreLocationId: 'C',
    locations: [{ id: 'C' }, { id: 'D' }, { id: 'H1' }, { id: 'H2' }, { id: 'H3' }],
    vehicles: [{ id: 'V1', name: 'Minibus 1', depotLocationId: 'D', seats: 3, wheelchairSpaces: 1, shift: { startMin: at(8, 0), endMin: at(17, 0) } }],
    passengers: [
      { patientId: 'P1', homeLocationId: 'H1', mobility: 'wheelchair', carer: true, firstActivityStartMin: at(10, 0), lastActivityEndMin: at(14, 0) },
      { patientId: 'P2', homeLocationId: 'H2', mobility: 'walking-aid', firstActivityStartMin: at(10, 0), lastActivityEndMin: at(14, 0) },
      { patientId: 'P3', homeLocationId: 'H3', mobility: 'independent', ownMeans: true },
    ],
  };
}

/**
 * Morning: leave D 08:40; P1 boards at H1 08:50–08:58 (wheelchair: 8 min); P2 boards at H2
 * 09:03–09:06; both alight at C from 09:18 (P1 until 09:24, wheelchair 6 min; P2 09:24–09:26).
 * Arrival window: 09:00–09:45 (10:00 − 15 check-in − 45 early). Rides 20 and 18 min.
 * Afternoon: collection from 14:10 (14:00 + 10) to 14:55. Leave C 14:10; P1 boards 14:10–14:18,
 * P2 14:18–14:21; P2 alights at H2 14:33–14:35; P1 at H1 14:40–14:46; back at D 14:56.
 */
function plan(): TransportPlan {
  return {
    date: '2026-12-01',
    runs: [
      {
        vehicleId: 'V1', kind: 'morning', leaveMin: at(8, 40), finishMin: at(9, 26), travelMin: 27, distanceKm: 0,
        stops: [
          { patientId: 'P1', action: 'board', locationId: 'H1', startMin: at(8, 50), endMin: at(8, 58) },
          { patientId: 'P2', action: 'board', locationId: 'H2', startMin: at(9, 3), endMin: at(9, 6) },
          { patientId: 'P1', action: 'alight', locationId: 'C', startMin: at(9, 18), endMin: at(9, 24) },
          { patientId: 'P2', action: 'alight', locationId: 'C', startMin: at(9, 24), endMin: at(9, 26) },
        ],
      },
      {
        vehicleId: 'V1', kind: 'afternoon', leaveMin: at(14, 10), finishMin: at(14, 56), travelMin: 27, distanceKm: 0,
        stops: [
          { patientId: 'P1', action: 'board', locationId: 'C', startMin: at(14, 10), endMin: at(14, 18) },
          { patientId: 'P2', action: 'board', locationId: 'C', startMin: at(14, 18), endMin: at(14, 21) },
          { patientId: 'P2', action: 'alight', locationId: 'H2', startMin: at(14, 33), endMin: at(14, 35) },
          { patientId: 'P1', action: 'alight', locationId: 'H1', startMin: at(14, 40), endMin: at(14, 46) },
        ],
      },
    ],
    passengers: [
      { patientId: 'P1', morning: { vehicleId: 'V1', pickupMin: at(8, 50), rideMin: 20 }, arrivalMin: at(9, 24), afternoon: { vehicleId: 'V1', homeMin: at(14, 46), rideMin: 22 }, departureMin: at(14, 10) },
      { patientId: 'P2', morning: { vehicleId: 'V1', pickupMin: at(9, 3), rideMin: 18 }, arrivalMin: at(9, 26), afternoon: { vehicleId: 'V1', homeMin: at(14, 35), rideMin: 12 }, departureMin: at(14, 18) },
    ],
    unserved: [],
    ownMeans: ['P3'],
    totalTravelMin: 54,
    totalDistanceKm: 0,
    rules: { maxRideMin: 60, checkInBufferMin: 15, maxEarlyArrivalMin: 45, collectionBufferMin: 10, maxWaitMin: 45, boardingMin: 3, alightingMin: 2, wheelchairBoardingMin: 8, wheelchairAlightingMin: 6, maxWaitAboardAtCentreMin: 15 },
  };
}

function broken(p: TransportProblem, t: TransportPlan, options: Partial<TransportCheckOptions> = {}): string[] {
  return [...new Set(validateTransportPlan(p, t, { travelMin, ...options }).violations.map((v) => v.constraint))].sort();
}

/** A day whose activities span the given minutes per patient (only what the coupling reads). */
function day(spans: Record<string, [number, number]>): { problem: DayProblem; plan: DayPlan } {
  const activities = Object.entries(spans).flatMap(([patientId, [startMin, endMin]]) => [
    { id: `${patientId}:a`, patientId, typeId: 'a', kind: 'assessment' as const, startMin, endMin: startMin + 30, roomId: 'r', staffId: 's' },
    { id: `${patientId}:b`, patientId, typeId: 'b', kind: 'assessment' as const, startMin: endMin - 30, endMin, roomId: 'r', staffId: 's' },
  ]);
  return { problem: { centre: { checkInBufferMin: 15 } } as DayProblem, plan: { activities } as DayPlan };
}

describe('validateTransportPlan', () => {
  it('accepts the hand-checked plan, alone and against its day', () => {
    expect(validateTransportPlan(problem(), plan(), { travelMin }).violations).toEqual([]);
    expect(broken(problem(), plan(), { day: day({ P1: [at(10, 0), at(14, 0)], P2: [at(10, 0), at(14, 0)] }) })).toEqual([]);
  });

  it('catches a passenger neither carried nor reported unserved, and accepts a reported one', () => {
    const p = problem();
    p.passengers.push({ patientId: 'P4', homeLocationId: 'H2', mobility: 'independent', firstActivityStartMin: at(10, 0), lastActivityEndMin: at(14, 0) });
    expect(broken(p, plan())).toEqual(['transportCoverage']);
    const t = plan();
    t.unserved = (['morning', 'afternoon'] as const).map((kind) => ({ patientId: 'P4', kind, reason: 'no-capacity' as const, message: 'full' }));
    expect(broken(p, t)).toEqual([]);
  });

  it('catches an own-means passenger who is routed', () => {
    const p = problem();
    p.passengers[1]!.ownMeans = true;
    const violations = validateTransportPlan(p, plan(), { travelMin }).violations;
    expect(violations.map((v) => v.justification.rule).sort()).toEqual(['not-needed', 'not-needed', 'own-means-listed']);
  });

  it('catches too few wheelchair spaces and too few seats', () => {
    const p = problem();
    p.vehicles[0]!.wheelchairSpaces = 0;
    const spaces = validateTransportPlan(p, plan(), { travelMin }).violations;
    expect(spaces.map((v) => [v.constraint, v.justification.dimension])).toEqual([['transportCapacity', 'wheelchair'], ['transportCapacity', 'wheelchair']]);
    const q = problem();
    q.vehicles[0]!.seats = 1; // P1's carer and P2 need two seats
    expect(validateTransportPlan(q, plan(), { travelMin }).violations.map((v) => v.justification.dimension)).toEqual(['seats', 'seats']);
  });

  it('catches a ride over the passenger’s maximum', () => {
    const p = problem();
    p.passengers[0]!.maxRideMin = 20; // morning 20 (ok), afternoon 22
    const violations = validateTransportPlan(p, plan(), { travelMin }).violations;
    expect(violations.map((v) => [v.constraint, v.justification.kind, v.justification.rideMin])).toEqual([['transportRideTime', 'afternoon', 22]]);
  });

  it('catches a passenger at the centre longer than their maximum, from drop-off to collection', () => {
    const p = problem();
    p.passengers[0]!.maxOnSiteMin = 286; // P1: at the door 09:24, boards 14:10
    expect(broken(p, plan())).toEqual([]);
    p.passengers[0]!.maxOnSiteMin = 285;
    const violations = validateTransportPlan(p, plan(), { travelMin }).violations;
    expect(violations.map((v) => [v.constraint, v.justification.patientId, v.justification.arrivedMin, v.justification.leftMin])).toEqual([['transportTimeOnSite', 'P1', at(9, 24), at(14, 10)]]);
    expect(violations[0]!.message).toBe('P1 is at the centre 286 min (09:24–14:10); the maximum is 285.');
  });

  it('catches times that leave too little for the drive', () => {
    const early = plan();
    early.runs[0]!.leaveMin = at(8, 45); // D→H1 takes 10: cannot board P1 at 08:50
    expect(broken(problem(), early)).toEqual(['transportTravelTime']);
    const back = plan();
    back.runs[1]!.finishMin = at(14, 55); // H1→D takes 10 after 14:46
    expect(broken(problem(), back)).toEqual(['transportTravelTime']);
  });

  it("catches a run outside the driver's shift and overlapping runs", () => {
    const p = problem();
    p.vehicles[0]!.shift.endMin = at(14, 50);
    expect(broken(p, plan())).toEqual(['transportDriverShift']);
    const t = plan();
    t.runs[1]!.leaveMin = at(9, 20); // before the morning run finishes at 09:26
    expect(broken(problem(), t)).toEqual(['transportDriverShift']);
  });

  it('catches pick-up, arrival, collection and home-by windows', () => {
    const pickup = problem();
    pickup.passengers[0]!.latestPickupMin = at(8, 45);
    expect(broken(pickup, plan())).toEqual(['transportWindows']);
    const arrival = problem();
    arrival.passengers[1]!.firstActivityStartMin = at(9, 40); // arrive by 09:25; P2 is at the door 09:26
    expect(validateTransportPlan(arrival, plan(), { travelMin }).violations.map((v) => [v.justification.patientId, v.justification.what])).toEqual([['P2', 'arrival']]);
    const collection = problem();
    collection.passengers[0]!.lastActivityEndMin = at(14, 5); // collect from 14:15; boarded 14:10
    expect(broken(collection, plan())).toEqual(['transportWindows']);
    const home = problem();
    home.passengers[0]!.latestHomeMin = at(14, 45); // home at 14:46
    expect(broken(home, plan())).toEqual(['transportWindows']);
  });

  it('catches a wrong boarding time for a wheelchair user', () => {
    const t = plan();
    t.runs[0]!.stops[0]!.endMin = at(8, 53); // 3 minutes: the ordinary time, not the wheelchair's 8
    expect(broken(problem(), t)).toContain('transportStopDuration');
  });

  it('catches a passenger who boards but never alights', () => {
    const t = plan();
    t.runs[1]!.stops.splice(2, 1); // P2's afternoon drop-off
    expect(broken(problem(), t)).toEqual(['transportPairing']);
  });

  it('catches reported passenger times that disagree with the runs', () => {
    const t = plan();
    t.passengers[0]!.arrivalMin = at(9, 25);
    expect(broken(problem(), t)).toEqual(['transportReportedTimes']);
  });

  it('catches a plan applying other rules than the problem sets', () => {
    const p = problem();
    p.rules = { maxRideMin: 45 };
    expect(broken(p, plan())).toEqual(['transportRules']);
  });

  it('catches transport that disagrees with the day plan', () => {
    // P2's first activity at 09:40 needs arrival by 09:25; P1's last ends 14:10, so collection from 14:20.
    const names = validateTransportPlan(problem(), plan(), { travelMin, day: day({ P1: [at(10, 0), at(14, 10)], P2: [at(9, 40), at(14, 0)] }) }).violations;
    expect(names.map((v) => [v.constraint, v.justification.patientId, v.justification.kind])).toEqual([
      ['transportMatchesDay', 'P1', 'afternoon'],
      ['transportMatchesDay', 'P2', 'morning'],
    ]);
  });

  it('catches an unknown vehicle', () => {
    const t = plan();
    t.runs[1]!.vehicleId = 'V9';
    expect(broken(problem(), t)).toContain('transportKnownReferences');
  });
});
