/**
 * A from-scratch check of a Cordeau DARP solution (used until, and beside, the team's
 * independent checker): it recomputes everything from the instance and the timed stops.
 */
import type { DarpInstance, DarpSolution } from '../../solver/routing/types.ts';

const TOL = 1e-5;

export interface DarpCheck { valid: boolean; cost: number; errors: string[] }

export function checkCordeauSolution(inst: DarpInstance, sol: DarpSolution): DarpCheck {
  const n = inst.requests;
  const errors: string[] = [];
  const dist = (a: number, b: number): number => Math.hypot(inst.nodes[a]!.x - inst.nodes[b]!.x, inst.nodes[a]!.y - inst.nodes[b]!.y);
  const seen = new Map<number, { route: number; time: number }>();
  let cost = 0;
  if (sol.routes.length > inst.vehicles) errors.push(`${sol.routes.length} routes for ${inst.vehicles} vehicles`);
  sol.routes.forEach((route, r) => {
    if (route[0]?.node !== 0 || route[route.length - 1]?.node !== 2 * n + 1) errors.push(`route ${r} does not run depot to depot`);
    let load = 0;
    for (let k = 0; k < route.length; k++) {
      const { node, startMin } = route[k]!;
      const info = inst.nodes[node];
      if (!info) { errors.push(`route ${r}: unknown node ${node}`); continue; }
      if (startMin < info.earliestMin - TOL || startMin > info.latestMin + TOL) errors.push(`route ${r}: node ${node} starts at ${startMin} outside [${info.earliestMin}, ${info.latestMin}]`);
      if (k > 0) {
        const prev = route[k - 1]!;
        const d = dist(prev.node, node);
        cost += d;
        if (startMin < prev.startMin + inst.nodes[prev.node]!.serviceMin + d - TOL) errors.push(`route ${r}: node ${node} starts before the vehicle can get there`);
      }
      if (node >= 1 && node <= 2 * n) {
        if (seen.has(node)) errors.push(`node ${node} visited twice`);
        seen.set(node, { route: r, time: startMin });
        load += info.load;
        if (load > inst.capacity) errors.push(`route ${r}: load ${load} > ${inst.capacity} after node ${node}`);
      }
      if (node > n && node <= 2 * n) {
        const pick = seen.get(node - n);
        if (!pick || pick.route !== r) errors.push(`drop-off ${node} before or without its pick-up on route ${r}`);
        else if (startMin - (pick.time + inst.nodes[node - n]!.serviceMin) > inst.maxRideMin + TOL) errors.push(`request ${node - n} rides ${(startMin - pick.time - inst.nodes[node - n]!.serviceMin).toFixed(2)} > ${inst.maxRideMin}`);
      }
    }
    const duration = route[route.length - 1]!.startMin - route[0]!.startMin;
    if (duration > inst.maxRouteDurationMin + TOL) errors.push(`route ${r} lasts ${duration.toFixed(2)} > ${inst.maxRouteDurationMin}`);
  });
  for (let node = 1; node <= 2 * n; node++) if (!seen.has(node)) errors.push(`node ${node} not served`);
  if (Math.abs(cost - sol.cost) > 1e-6) errors.push(`stated cost ${sol.cost} ≠ recomputed ${cost}`);
  return { valid: errors.length === 0, cost, errors };
}
