import type { TravelTimes } from '../routing/travel/travel-times.ts';
import { passengerLoad } from '../transport/plan-transport.ts';
import type { TransportPassenger, TransportRules, TransportVehicle } from '../transport/transport-problem.ts';

/** Where everything is, by location index, for the direct-trip bounds. */
export interface ReachContext {
  travel: TravelTimes;
  centre: number;
  homeOf: (p: TransportPassenger) => number;
  depotOf: (v: TransportVehicle) => number;
  vehicles: TransportVehicle[];
  rules: TransportRules;
}

/** What transport can do for one passenger at best: a direct trip on the best suitable vehicle. */
export interface PassengerReach {
  /** Earliest minute the patient can be at the centre's door (end of alighting); Infinity if never. */
  earliestArrivalMin: number;
  /** Latest end of the last activity that still lets a vehicle collect and take them home in time; -Infinity if never. */
  latestLastEndMin: number;
}

/**
 * Bounds from a direct trip only (no sharing), so they never cut off a plan transport could
 * make: the morning from the vehicle's shift start (depot → home) or the pick-up preference;
 * the afternoon until the home-by preference or the driver's return to the depot.
 */
export function passengerReach(p: TransportPassenger, ctx: ReachContext): PassengerReach {
  const { rules, travel, centre } = ctx;
  const home = ctx.homeOf(p);
  const wheelchair = p.mobility === 'wheelchair';
  const boardMin = wheelchair ? rules.wheelchairBoardingMin : rules.boardingMin;
  const alightMin = wheelchair ? rules.wheelchairAlightingMin : rules.alightingMin;
  const load = passengerLoad(p);
  const suitable = ctx.vehicles.filter((v) => load[0] <= v.seats && load[1] <= v.wheelchairSpaces);
  let earliestArrivalMin = Infinity;
  let latestLastEndMin = -Infinity;
  for (const v of suitable) {
    const depot = ctx.depotOf(v);
    const pickupMin = Math.max(v.shift.startMin + travel.travelMin(depot, home), p.earliestPickupMin ?? 0);
    if (p.latestPickupMin === undefined || pickupMin <= p.latestPickupMin) {
      earliestArrivalMin = Math.min(earliestArrivalMin, pickupMin + boardMin + travel.travelMin(home, centre) + alightMin);
    }
    const homeByMin = Math.min(p.latestHomeMin ?? Infinity, v.shift.endMin - travel.travelMin(home, depot));
    latestLastEndMin = Math.max(latestLastEndMin, homeByMin - alightMin - travel.travelMin(centre, home) - boardMin - rules.collectionBufferMin);
  }
  return { earliestArrivalMin, latestLastEndMin };
}
