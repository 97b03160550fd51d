/**
 * A fixed three-patient day and a fixed transport plan for it, for the transport repair tests.
 *
 * One straight road, travel minutes = distance: van-1's depot at +25, A's home at +10, B's at
 * +20, the centre at 0, C's home at −30, van-2's depot at −35. Each patient has one 60-minute
 * review (A and B 10:00, C 10:30); nobody needs a meal and nobody is in the MDT.
 *
 * The runs are written out below (a stored plan, as a short timed job might leave it): van-1
 * carries A and B both ways, van-2 carries C. They are valid but not the shortest: van-1 picks
 * A up before B in the morning and drops B before A in the afternoon, driving 45 minutes each
 * way where 25 would do, so any fresh plan of the day changes van-1's runs.
 */
import { buildPlanViews } from '../../../solver/day/build-plan-views.ts';
import type { DayPlan, PlannedActivity } from '../../../solver/model/day-plan.ts';
import type { DayProblem } from '../../../solver/model/day-problem.ts';
import { buildTravel, indexLocations } from '../../../solver/routing/build-travel.ts';
import {
  DEFAULT_TRANSPORT_RULES, type RunStop, type TransportPassenger, type TransportPlan, type TransportProblem, type TransportRun,
} from '../../../solver/transport/transport-problem.ts';

const DATE = '2026-12-01';
const POSITIONS: Array<[string, number]> = [['centre', 0], ['depot-1', 25], ['depot-2', -35], ['home-A', 10], ['home-B', 20], ['home-C', -30]];
export const REVIEW_MIN = 60;

export function fixedDayProblem(): DayProblem {
  const patient = (id: string) => ({
    id, ref: `ICC-${id}`, initials: `${id}${id}`, priority: 1, earliestArrivalMin: 510, latestDepartureMin: 990, maxOnSiteMin: 360,
    required: [{ typeId: 'review' }], needsMeal: false,
  });
  const staff = (id: string) => ({ id, name: `Dr ${id}`, discipline: 'gp', qualifications: ['gp'], shift: { startMin: 510, endMin: 990 }, breaks: [], mdtMember: false });
  return {
    date: DATE,
    centre: {
      id: 'icc', name: 'Test ICC', openMin: 510, closeMin: 1050, lunchWindow: { startMin: 720, endMin: 810 }, mealDurationMin: 30, mealRoomType: 'dining',
      mdt: { startMin: 960, durationMin: 60 }, transferMin: 5, checkInBufferMin: 15,
    },
    assessmentTypes: [{ id: 'review', name: 'Review', discipline: 'gp', kind: 'assessment', durationMin: REVIEW_MIN, roomType: 'consult', qualification: 'gp', groupCapacity: 1 }],
    precedences: [],
    staff: [staff('s-1'), staff('s-2'), staff('s-3')],
    rooms: ['room-1', 'room-2', 'room-3'].map((id) => ({ id, name: id, type: 'consult', capacity: 1 })),
    patients: [patient('A'), patient('B'), patient('C')],
  };
}

/** Each patient's review start (minutes); the day's activities and views follow from them. */
export type ReviewStarts = Record<'A' | 'B' | 'C', number>;
export const FIXED_STARTS: ReviewStarts = { A: 600, B: 600, C: 630 };

/** The day plan with these review starts (A with s-1 in room-1, B with s-2, C with s-3). */
export function dayPlanAt(problem: DayProblem, starts: ReviewStarts): DayPlan {
  const activities: PlannedActivity[] = (['A', 'B', 'C'] as const).map((id, i) => ({
    id: `${id}:review`, patientId: id, typeId: 'review', kind: 'assessment', startMin: starts[id], endMin: starts[id] + REVIEW_MIN, staffId: `s-${i + 1}`, roomId: `room-${i + 1}`,
  }));
  return {
    date: DATE, activities, ...buildPlanViews(problem, activities), unscheduled: [],
    score: { hard: 0, soft: 0, byConstraint: [] }, bound: { value: 0, method: 'none' }, gapPct: 0, stats: { iterations: 0, improvements: 0, timedOut: false, seed: 0 },
  };
}

/** The transport problem of a planned day: each passenger's first start and last end from the plan. */
export function transportProblemFor(plan: DayPlan): TransportProblem {
  const passengers: TransportPassenger[] = ['A', 'B', 'C'].map((id) => {
    const mine = plan.activities.filter((a) => a.patientId === id);
    return {
      patientId: id, homeLocationId: `home-${id}`, mobility: 'independent',
      firstActivityStartMin: Math.min(...mine.map((a) => a.startMin)), lastActivityEndMin: Math.max(...mine.map((a) => a.endMin)),
    };
  });
  return {
    date: DATE, centreLocationId: 'centre', locations: POSITIONS.map(([id]) => ({ id })),
    travel: { matrix: { travelMin: POSITIONS.map(([, a]) => POSITIONS.map(([, b]) => Math.abs(a - b))) } },
    vehicles: [
      { id: 'van-1', depotLocationId: 'depot-1', seats: 4, wheelchairSpaces: 1, shift: { startMin: 420, endMin: 1080 } },
      { id: 'van-2', depotLocationId: 'depot-2', seats: 4, wheelchairSpaces: 1, shift: { startMin: 420, endMin: 1080 } },
    ],
    passengers,
  };
}

/** Travel minutes between two location ids (what the transport checker is given). */
export function travelMinutes(problem: TransportProblem): (a: string, b: string) => number {
  const travel = buildTravel(problem.locations, problem.travel);
  const index = indexLocations(problem.locations);
  return (a, b) => travel.travelMin(index.get(a)!, index.get(b)!);
}

/** The day plan with each carried patient on site from their drop-off to their pick-up (as the service stores it). */
export function withTransportTimes(plan: DayPlan, transport: TransportPlan): DayPlan {
  const times = new Map(transport.passengers.map((p) => [p.patientId, p]));
  return {
    ...plan,
    itineraries: plan.itineraries.map((i) => {
      const t = times.get(i.patientId);
      return { ...i, arrivalMin: t?.arrivalMin ?? i.arrivalMin, departureMin: t?.departureMin ?? i.departureMin };
    }),
  };
}

const stop = (patientId: string, action: RunStop['action'], locationId: string, startMin: number): RunStop =>
  ({ patientId, action, locationId, startMin, endMin: startMin + (action === 'board' ? DEFAULT_TRANSPORT_RULES.boardingMin : DEFAULT_TRANSPORT_RULES.alightingMin) });

const run = (vehicleId: string, kind: TransportRun['kind'], leaveMin: number, finishMin: number, travelMin: number, stops: RunStop[]): TransportRun =>
  ({ vehicleId, kind, leaveMin, finishMin, stops, travelMin, distanceKm: 0 });

/** The stored runs of the fixed day (review starts FIXED_STARTS). */
export function fixedTransportPlan(): TransportPlan {
  return {
    date: DATE,
    runs: [
      // 08:50 from the depot (+25) back past B to A (+10), then B (+20), then the centre.
      run('van-1', 'morning', 530, 585, 45, [stop('A', 'board', 'home-A', 545), stop('B', 'board', 'home-B', 558), stop('A', 'alight', 'centre', 581), stop('B', 'alight', 'centre', 583)]),
      run('van-2', 'morning', 575, 615, 35, [stop('C', 'board', 'home-C', 580), stop('C', 'alight', 'centre', 613)]),
      // Collected 11:10; B (+20) dropped before A (+10), then back out to the depot (+25).
      run('van-1', 'afternoon', 585, 725, 45, [stop('B', 'board', 'centre', 670), stop('A', 'board', 'centre', 673), stop('B', 'alight', 'home-B', 696), stop('A', 'alight', 'home-A', 708)]),
      run('van-2', 'afternoon', 615, 740, 35, [stop('C', 'board', 'centre', 700), stop('C', 'alight', 'home-C', 733)]),
    ],
    passengers: [
      { patientId: 'A', morning: { vehicleId: 'van-1', pickupMin: 545, rideMin: 33 }, arrivalMin: 583, afternoon: { vehicleId: 'van-1', homeMin: 710, rideMin: 32 }, departureMin: 673 },
      { patientId: 'B', morning: { vehicleId: 'van-1', pickupMin: 558, rideMin: 22 }, arrivalMin: 585, afternoon: { vehicleId: 'van-1', homeMin: 698, rideMin: 23 }, departureMin: 670 },
      { patientId: 'C', morning: { vehicleId: 'van-2', pickupMin: 580, rideMin: 30 }, arrivalMin: 615, afternoon: { vehicleId: 'van-2', homeMin: 735, rideMin: 30 }, departureMin: 700 },
    ],
    unserved: [],
    ownMeans: [],
    totalTravelMin: 160,
    totalDistanceKm: 0,
    rules: { ...DEFAULT_TRANSPORT_RULES },
  };
}
