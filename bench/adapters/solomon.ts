/**
 * Solomon's VRPTW instances ↔ the routing core: each customer is a one-stop request
 * whose demand is a load that stays on board (so the capacity check is the route's total
 * demand), the depot's horizon is every vehicle's shift — the same model the pre-visit
 * and follow-up rounds use.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { RoutingProblem } from '../../solver/routing/core/routing-problem.ts';
import type { RoutingResult } from '../../solver/routing/core/solve-routing.ts';
import { euclideanTravelTimes } from '../../solver/routing/travel/euclidean-travel-times.ts';
import type { VrptwInstance, VrptwSolution } from '../../solver/routing/types.ts';

export function parseSolomon(text: string, fallbackName: string): VrptwInstance {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const name = lines.find((l) => l !== '') ?? fallbackName;
  const vehicleAt = lines.findIndex((l) => /^NUMBER\s+CAPACITY/i.test(l));
  if (vehicleAt < 0) throw new Error(`${fallbackName}: no 'NUMBER CAPACITY' line`);
  const [maxVehicles, vehicleCapacity] = lines[vehicleAt + 1]!.split(/\s+/).map(Number) as [number, number];
  const customerAt = lines.findIndex((l) => /^CUST\s+NO\./i.test(l));
  if (customerAt < 0) throw new Error(`${fallbackName}: no 'CUST NO.' header`);
  const rows = lines.slice(customerAt + 1).filter((l) => l !== '').map((l) => l.split(/\s+/).map(Number));
  for (const [k, row] of rows.entries()) {
    if (row.length < 7 || row.some((x) => !Number.isFinite(x))) throw new Error(`${fallbackName}: bad customer line ${k + 1}`);
  }
  const [depotRow, ...customerRows] = rows;
  if (!depotRow) throw new Error(`${fallbackName}: no depot line`);
  return {
    name,
    maxVehicles,
    vehicleCapacity,
    depot: { x: depotRow[1]!, y: depotRow[2]!, readyMin: depotRow[4]!, dueMin: depotRow[5]! },
    customers: customerRows.map((f) => ({ id: f[0]!, x: f[1]!, y: f[2]!, demand: f[3]!, readyMin: f[4]!, dueMin: f[5]!, serviceMin: f[6]! })),
  };
}

export function readSolomonFile(path: string): VrptwInstance {
  return parseSolomon(readFileSync(path, 'utf8'), basename(path).replace(/\.txt$/, ''));
}

/** Location 0 is the depot, location k the k-th customer; routing node k−1 ↔ customer k. */
export function solomonToRouting(inst: VrptwInstance): RoutingProblem {
  const points = [inst.depot, ...inst.customers];
  return {
    travel: euclideanTravelTimes(points),
    nodes: inst.customers.map((c, k) => ({
      loc: k + 1, serviceMin: c.serviceMin, earliestMin: c.readyMin, latestMin: c.dueMin, load: [c.demand], request: k,
    })),
    requests: inst.customers.map((c, k) => ({ id: String(c.id), nodes: [k] as [number] })),
    vehicles: Array.from({ length: inst.maxVehicles }, (_, v) => ({
      id: `v${v + 1}`, startLoc: 0, endLoc: 0,
      earliestStartMin: inst.depot.readyMin, latestEndMin: inst.depot.dueMin,
      capacity: [inst.vehicleCapacity],
    })),
  };
}

export function routingToVrptwSolution(inst: VrptwInstance, result: RoutingResult): VrptwSolution {
  const routes = result.routes.map((r) => r.nodes.map((node) => inst.customers[node]!.id));
  return { routes, vehicles: routes.length, distance: result.cost };
}
