/**
 * Independent checker for VRPTW solutions (Solomon's conventions): it recomputes the earliest
 * schedule of every route from the visiting order and re-verifies every rule. It shares no
 * code with the routing core, only the public instance/solution types.
 */
import type { Violation } from '../model/violation.ts';
import type { VrptwCustomer, VrptwInstance, VrptwSolution } from '../routing/types.ts';
import { hardViolation } from './hard-violation.ts';
import type { RoutingCheckOptions, RoutingValidation } from './routing-types.ts';

export interface VrptwCheckOptions extends RoutingCheckOptions {
  /**
   * 'exact' (default): travel time = distance = Euclidean, unrounded (the hierarchical BKS).
   * 'truncated-1dp': each arc truncated down to one decimal (the exact-method literature).
   */
  distance?: 'exact' | 'truncated-1dp';
  /** Customers the solver reported it could not serve: allowed to be absent from the routes. */
  unservedIds?: number[];
}

/**
 * Verifies a VRPTW solution: every customer visited exactly once (or reported unserved),
 * capacity per route, service start within [readyMin, dueMin] with waiting allowed, each route
 * leaving the depot no earlier than its ready time and back by its due time, the fleet size,
 * and the reported vehicle count and distance against recomputed values.
 *
 * @example
 * const check = validateVrptwSolution(instance, { routes: [[1, 2]], vehicles: 1, distance: 42.1 });
 * if (!check.valid) console.log(check.violations.map((v) => v.message));
 */
export function validateVrptwSolution(
  instance: VrptwInstance,
  solution: VrptwSolution,
  options: VrptwCheckOptions = {},
): RoutingValidation {
  const eps = options.epsilon ?? 1e-6;
  const violations: Violation[] = [];
  const customerById = new Map(instance.customers.map((c) => [c.id, c]));
  const depot = { x: instance.depot.x, y: instance.depot.y };
  const arc = (a: { x: number; y: number }, b: { x: number; y: number }): number => {
    const d = Math.hypot(a.x - b.x, a.y - b.y);
    return options.distance === 'truncated-1dp' ? Math.floor(d * 10 + 1e-9) / 10 : d;
  };

  // Each customer visited exactly once, or reported unserved.
  const visits = new Map<number, number[]>();
  solution.routes.forEach((route, r) => route.forEach((id) => visits.set(id, [...(visits.get(id) ?? []), r])));
  for (const [id, routes] of visits) {
    if (!customerById.has(id)) {
      violations.push(hardViolation('vrptwKnownCustomer', `Route ${routes[0]! + 1} visits customer ${id}, which is not in ${instance.name}.`, { customerId: id, routeIndex: routes[0]! }));
    } else if (routes.length > 1) {
      violations.push(hardViolation('vrptwVisitedOnce', `Customer ${id} is visited ${routes.length} times (routes ${routes.map((r) => r + 1).join(', ')}).`, { customerId: id, visits: routes.length }));
    }
  }
  const unserved = new Set(options.unservedIds ?? []);
  for (const customer of instance.customers) {
    if (!visits.has(customer.id) && !unserved.has(customer.id)) {
      violations.push(hardViolation('vrptwVisitedOnce', `Customer ${customer.id} is not visited and not reported unserved.`, { customerId: customer.id, visits: 0 }));
    }
  }

  // Per route: capacity, recomputed earliest schedule, windows, depot return.
  let recomputedDistance = 0;
  solution.routes.forEach((route, r) => {
    const stops = route.map((id) => customerById.get(id)).filter((c): c is VrptwCustomer => c !== undefined);
    if (stops.length === 0) return;
    const demand = stops.reduce((sum, c) => sum + c.demand, 0);
    if (demand > instance.vehicleCapacity) {
      violations.push(hardViolation('vrptwCapacity', `Route ${r + 1} carries ${demand}, over the vehicle capacity ${instance.vehicleCapacity}.`, { routeIndex: r, demand, capacity: instance.vehicleCapacity }));
    }
    let here: { x: number; y: number } = depot;
    let clockMin = instance.depot.readyMin;
    for (const customer of stops) {
      const legMin = arc(here, customer);
      recomputedDistance += legMin;
      const arrivalMin = clockMin + legMin;
      const startMin = Math.max(arrivalMin, customer.readyMin);
      if (startMin > customer.dueMin + eps) {
        violations.push(
          hardViolation('vrptwTimeWindow', `Route ${r + 1} reaches customer ${customer.id} at ${fmt(arrivalMin)}, after its due time ${fmt(customer.dueMin)}.`, {
            routeIndex: r,
            customerId: customer.id,
            arrivalMin,
            readyMin: customer.readyMin,
            dueMin: customer.dueMin,
            lateByMin: startMin - customer.dueMin,
          }),
        );
      }
      clockMin = startMin + customer.serviceMin;
      here = customer;
    }
    const backLegMin = arc(here, depot);
    recomputedDistance += backLegMin;
    const backMin = clockMin + backLegMin;
    if (backMin > instance.depot.dueMin + eps) {
      violations.push(hardViolation('vrptwDepotWindow', `Route ${r + 1} is back at the depot at ${fmt(backMin)}, after its due time ${fmt(instance.depot.dueMin)}.`, { routeIndex: r, returnMin: backMin, depotDueMin: instance.depot.dueMin }));
    }
  });

  const vehiclesUsed = solution.routes.filter((route) => route.length > 0).length;
  if (vehiclesUsed > instance.maxVehicles) {
    violations.push(hardViolation('vrptwFleetSize', `The solution uses ${vehiclesUsed} vehicles; the fleet has ${instance.maxVehicles}.`, { vehiclesUsed, maxVehicles: instance.maxVehicles }));
  }
  if (solution.vehicles !== vehiclesUsed) {
    violations.push(hardViolation('vrptwReportedVehicles', `The solution reports ${solution.vehicles} vehicles but has ${vehiclesUsed} non-empty routes.`, { reported: solution.vehicles, vehiclesUsed }));
  }
  if (!(Math.abs(solution.distance - recomputedDistance) <= eps * Math.max(1, Math.abs(recomputedDistance)))) {
    violations.push(hardViolation('vrptwReportedDistance', `The solution reports distance ${solution.distance}; the routes measure ${recomputedDistance.toFixed(4)}.`, { reported: solution.distance, recomputed: recomputedDistance }));
  }
  return { valid: violations.length === 0, violations, recomputedDistance, vehiclesUsed };
}

/** Routing benchmark times are abstract minutes (often fractional): show them with 2 decimals. */
function fmt(min: number): string {
  return Number.isInteger(min) ? String(min) : min.toFixed(2);
}
