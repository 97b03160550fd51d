/**
 * A from-scratch check of a Solomon VRPTW solution (used until, and beside, the team's
 * independent checker): earliest-start schedule, windows, capacity, depot deadline.
 */
import type { VrptwInstance, VrptwSolution } from '../../solver/routing/types.ts';

const TOL = 1e-6;

export interface VrptwCheck { valid: boolean; distance: number; errors: string[] }

export function checkSolomonSolution(inst: VrptwInstance, sol: VrptwSolution): VrptwCheck {
  const errors: string[] = [];
  const byId = new Map(inst.customers.map((c) => [c.id, c]));
  const seen = new Set<number>();
  let distance = 0;
  if (sol.routes.length > inst.maxVehicles) errors.push(`${sol.routes.length} routes for a fleet of ${inst.maxVehicles}`);
  sol.routes.forEach((route, r) => {
    let at = { x: inst.depot.x, y: inst.depot.y };
    let clock = inst.depot.readyMin;
    let load = 0;
    for (const id of route) {
      const c = byId.get(id);
      if (!c) { errors.push(`route ${r}: unknown customer ${id}`); continue; }
      if (seen.has(id)) errors.push(`customer ${id} visited twice`);
      seen.add(id);
      const d = Math.hypot(at.x - c.x, at.y - c.y);
      distance += d;
      clock = Math.max(clock + d, c.readyMin);
      if (clock > c.dueMin + TOL) errors.push(`route ${r}: customer ${id} served at ${clock.toFixed(2)} after due ${c.dueMin}`);
      clock += c.serviceMin;
      load += c.demand;
      at = c;
    }
    const back = Math.hypot(at.x - inst.depot.x, at.y - inst.depot.y);
    distance += back;
    if (clock + back > inst.depot.dueMin + TOL) errors.push(`route ${r} returns at ${(clock + back).toFixed(2)} after ${inst.depot.dueMin}`);
    if (load > inst.vehicleCapacity) errors.push(`route ${r}: load ${load} > ${inst.vehicleCapacity}`);
  });
  for (const c of inst.customers) if (!seen.has(c.id)) errors.push(`customer ${c.id} not served`);
  if (Math.abs(distance - sol.distance) > 1e-6) errors.push(`stated distance ${sol.distance} ≠ recomputed ${distance}`);
  return { valid: errors.length === 0, distance, errors };
}
