/**
 * Independent checker for dial-a-ride solutions (Cordeau 2006 conventions, plus the optional
 * multi-dimension fields of routing-types.ts for patient transport). It trusts nothing in the
 * solution except the route order and the reported service start times, which it re-verifies:
 * the solver's times matter because ride times depend on where a vehicle waits.
 */
import type { Violation } from '../model/violation.ts';
import type { DarpSolution, DarpStop } from '../routing/types.ts';
import { hardViolation } from './hard-violation.ts';
import type { DarpCheckInstance, DarpNodeWithDimensions, RoutingCheckOptions, RoutingValidation } from './routing-types.ts';

/**
 * Verifies a DARP solution: routes from the start depot (0) to the end depot (2n+1); each
 * request's pick-up i and drop-off n+i served exactly once, on the same vehicle, pick-up
 * first; load within capacity after every stop in every dimension (and never negative);
 * service starts inside every window and leaves time for service and travel to the next stop;
 * ride time (drop-off start − pick-up start − pick-up service) within the maximum; route
 * duration within the maximum; no more routes than vehicles; reported cost = recomputed
 * Euclidean distance.
 *
 * @example
 * const check = validateDarpSolution(instance, solution);
 * expect(check.violations).toEqual([]);
 */
export function validateDarpSolution(
  instance: DarpCheckInstance,
  solution: DarpSolution,
  options: RoutingCheckOptions = {},
): RoutingValidation {
  const eps = options.epsilon ?? 1e-6;
  const violations: Violation[] = [];
  const n = instance.requests;
  const endDepot = 2 * n + 1;
  const nodeById = new Map(instance.nodes.map((node) => [node.id, node]));
  const dist = (a: DarpNodeWithDimensions, b: DarpNodeWithDimensions) => Math.hypot(a.x - b.x, a.y - b.y);
  const add = (constraint: string, message: string, justification: Record<string, string | number | boolean>) =>
    violations.push(hardViolation(constraint, message, justification));

  // Where each node is served: route index and position.
  const servedAt = new Map<number, Array<{ route: number; position: number; stop: DarpStop }>>();
  let recomputedDistance = 0;

  solution.routes.forEach((route, r) => {
    const label = `Route ${r + 1}`;
    if (route.length < 2 || route[0]!.node !== 0 || route[route.length - 1]!.node !== endDepot) {
      add('darpRouteShape', `${label} must start at depot node 0 and end at depot node ${endDepot}.`, { routeIndex: r, stops: route.length });
    }
    route.forEach((stop, position) => {
      const isRequestNode = stop.node >= 1 && stop.node <= 2 * n;
      const isEndpoint = (position === 0 && stop.node === 0) || (position === route.length - 1 && stop.node === endDepot);
      if (!nodeById.has(stop.node)) add('darpRouteShape', `${label} visits node ${stop.node}, which is not in ${instance.name}.`, { routeIndex: r, node: stop.node });
      else if (!isRequestNode && !isEndpoint) add('darpRouteShape', `${label} visits depot node ${stop.node} mid-route.`, { routeIndex: r, node: stop.node });
      if (!Number.isFinite(stop.startMin)) add('darpRouteShape', `${label} has no valid time at node ${stop.node}.`, { routeIndex: r, node: stop.node });
      if (isRequestNode) servedAt.set(stop.node, [...(servedAt.get(stop.node) ?? []), { route: r, position, stop }]);
    });

    const stops = route.filter((stop) => nodeById.has(stop.node));
    const capacity = capacityOf(instance, r);
    const load: Record<string, number> = Object.fromEntries(Object.keys(capacity).map((dim) => [dim, 0]));
    for (let k = 0; k < stops.length; k++) {
      const stop = stops[k]!;
      const node = nodeById.get(stop.node)!;
      // Time window on the start of service.
      if (stop.startMin < node.earliestMin - eps || stop.startMin > node.latestMin + eps) {
        add('darpTimeWindow', `${label} serves node ${node.id} at ${fmt(stop.startMin)}, outside its window [${fmt(node.earliestMin)}, ${fmt(node.latestMin)}].`, {
          routeIndex: r,
          node: node.id,
          startMin: stop.startMin,
          earliestMin: node.earliestMin,
          latestMin: node.latestMin,
        });
      }
      // Load after this stop, per dimension; one violation per stretch out of bounds.
      for (const [dim, cap] of Object.entries(capacity)) {
        const wasWithin = load[dim]! <= cap + eps && load[dim]! >= -eps;
        load[dim] = load[dim]! + loadOf(instance, node, dim);
        if (wasWithin && (load[dim]! > cap + eps || load[dim]! < -eps)) {
          add('darpCapacity', `${label} carries ${load[dim]} ${dim} after node ${node.id}; the capacity is ${cap}.`, { routeIndex: r, node: node.id, dimension: dim, load: load[dim]!, capacity: cap });
        }
      }
      // Enough time for service here and travel to the next stop.
      const next = stops[k + 1];
      if (next) {
        const legMin = dist(node, nodeById.get(next.node)!);
        recomputedDistance += legMin;
        const readyMin = stop.startMin + node.serviceMin + legMin;
        if (next.startMin < readyMin - eps) {
          add('darpTravelTime', `${label} starts node ${next.node} at ${fmt(next.startMin)}, but cannot get there from node ${node.id} before ${fmt(readyMin)}.`, {
            routeIndex: r,
            fromNode: node.id,
            toNode: next.node,
            startMin: next.startMin,
            earliestPossibleMin: readyMin,
          });
        }
      }
    }
    const first = route[0];
    const last = route[route.length - 1];
    if (first && last && route.length >= 2) {
      const durationMin = last.startMin - first.startMin;
      if (durationMin > instance.maxRouteDurationMin + eps) {
        add('darpMaxRouteDuration', `${label} lasts ${fmt(durationMin)} min; the maximum is ${fmt(instance.maxRouteDurationMin)}.`, { routeIndex: r, durationMin, maxRouteDurationMin: instance.maxRouteDurationMin });
      }
    }
  });

  // Each request: pick-up and drop-off once each, same vehicle, pick-up first, ride time.
  for (let i = 1; i <= n; i++) {
    const pickups = servedAt.get(i) ?? [];
    const dropoffs = servedAt.get(n + i) ?? [];
    if (pickups.length !== 1 || dropoffs.length !== 1) {
      add('darpServedOnce', `Request ${i} has ${pickups.length} pick-ups (node ${i}) and ${dropoffs.length} drop-offs (node ${n + i}); it needs exactly one of each.`, { request: i, pickups: pickups.length, dropoffs: dropoffs.length });
      continue;
    }
    const pickup = pickups[0]!;
    const dropoff = dropoffs[0]!;
    if (pickup.route !== dropoff.route || pickup.position > dropoff.position) {
      add('darpPairing', `Request ${i} is dropped off ${pickup.route !== dropoff.route ? 'by another vehicle' : 'before it is picked up'} (pick-up on route ${pickup.route + 1}, drop-off on route ${dropoff.route + 1}).`, {
        request: i,
        pickupRoute: pickup.route,
        dropoffRoute: dropoff.route,
        pickupPosition: pickup.position,
        dropoffPosition: dropoff.position,
      });
      continue;
    }
    const pickupNode = nodeById.get(i);
    if (!pickupNode) continue;
    const rideMin = dropoff.stop.startMin - (pickup.stop.startMin + pickupNode.serviceMin);
    const maxRideMin = instance.maxRideMinByPickup?.[i] ?? instance.maxRideMin;
    if (rideMin > maxRideMin + eps) {
      add('darpMaxRideTime', `Request ${i} rides ${fmt(rideMin)} min; the maximum is ${fmt(maxRideMin)}.`, { request: i, rideMin, maxRideMin });
    }
  }

  const vehiclesUsed = solution.routes.filter((route) => route.some((stop) => stop.node >= 1 && stop.node <= 2 * n)).length;
  if (solution.routes.length > instance.vehicles) {
    add('darpFleetSize', `The solution has ${solution.routes.length} routes; the fleet has ${instance.vehicles} vehicles.`, { routes: solution.routes.length, vehicles: instance.vehicles });
  }
  if (!(Math.abs(solution.cost - recomputedDistance) <= eps * Math.max(1, Math.abs(recomputedDistance)))) {
    add('darpReportedCost', `The solution reports cost ${solution.cost}; the routes measure ${recomputedDistance.toFixed(4)}.`, { reported: solution.cost, recomputed: recomputedDistance });
  }
  return { valid: violations.length === 0, violations, recomputedDistance, vehiclesUsed };
}

/** Capacity per dimension for route r: the vehicle's own, the fleet's, or Cordeau's single Q. */
function capacityOf(instance: DarpCheckInstance, r: number): Record<string, number> {
  return instance.vehicleCapacityByDimension?.[r] ?? instance.capacityByDimension ?? { load: instance.capacity };
}

function loadOf(instance: DarpCheckInstance, node: DarpNodeWithDimensions, dim: string): number {
  const multiDimensional = instance.capacityByDimension !== undefined || instance.vehicleCapacityByDimension !== undefined;
  return multiDimensional ? (node.loadByDimension?.[dim] ?? 0) : node.load;
}

function fmt(min: number): string {
  return Number.isInteger(min) ? String(min) : min.toFixed(2);
}
