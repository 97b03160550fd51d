import type { RoutingProblem } from '../routing/core/routing-problem.ts';
import type { RoutingResult } from '../routing/core/solve-routing.ts';
import type { TravelTimes } from '../routing/travel/travel-times.ts';
import type { RunKind } from './transport-problem.ts';

/**
 * Nobody sits in a parked vehicle at the centre. The routing schedule times each stop as late
 * (morning) or as early (afternoon) as its window allows, and at the centre that strands
 * passengers on board: a morning run arriving at 08:28 would hold a passenger due in at 09:13
 * until 09:13, an afternoon run would board the first passenger collected and keep them aboard
 * while the last one finishes. Here, in the morning, each passenger alights as soon as the
 * vehicle is there and their arrival window is open; in the afternoon each boards as late as
 * their collection window and the next boarding allow, so the vehicle leaves when it did. Every
 * time stays inside its window and between its neighbours', so the run stays valid; rides only
 * get shorter, and the waiting happens in the centre instead of in the vehicle.
 */
export function timeCentreStops(kind: RunKind, routing: RoutingProblem, result: RoutingResult, travel: TravelTimes, centre: number): RoutingResult {
  return { ...result, routes: result.routes.map((route) => ({ ...route, startMin: kind === 'morning' ? alightOnArrival(route, routing, travel, centre) : boardBeforeLeaving(route, routing, centre) })) };
}

type Route = RoutingResult['routes'][number];

/** startMin[0] is the vehicle's start, startMin[k + 1] node k's, the last its end. */
function alightOnArrival(route: Route, routing: RoutingProblem, travel: TravelTimes, centre: number): number[] {
  const times = route.startMin.slice();
  const vehicle = routing.vehicles[route.vehicle]!;
  let ready = times[0]!; // when the vehicle could be at the next stop, leaving the last one at once
  let at = vehicle.startLoc;
  route.nodes.forEach((n, k) => {
    const node = routing.nodes[n]!;
    ready += travel.travelMin(at, node.loc);
    if (node.loc === centre && node.load[0]! <= 0 && node.load[1]! <= 0) times[k + 1] = Math.min(times[k + 1]!, Math.max(node.earliestMin, ready));
    ready = times[k + 1]! + node.serviceMin;
    at = node.loc;
  });
  // The run ends when its last stop is done (it was ending with the latest one).
  times[times.length - 1] = Math.min(times.at(-1)!, ready + travel.travelMin(at, vehicle.endLoc));
  return times;
}

function boardBeforeLeaving(route: Route, routing: RoutingProblem, centre: number): number[] {
  const times = route.startMin.slice();
  // Backwards through the boardings at the centre that open the run (before it first drives off).
  const opening = route.nodes.findIndex((n) => routing.nodes[n]!.loc !== centre);
  const last = (opening === -1 ? route.nodes.length : opening) - 1;
  for (let k = last - 1; k >= 0; k--) {
    const node = routing.nodes[route.nodes[k]!]!;
    if (node.load[0]! < 0 || node.load[1]! < 0) continue;
    times[k + 1] = Math.max(times[k + 1]!, Math.min(node.latestMin, times[k + 2]! - node.serviceMin));
  }
  return times;
}
