/**
 * Cordeau's DARP instances ↔ the routing core. Parsing reads the original text layout;
 * `cordeauToRouting` builds the SAME RoutingProblem kind the patient-transport planner
 * builds (pick-up/drop-off pairs, seats, ride limits, shifts), so the benchmark measures
 * the engine that plans real transport.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { RoutingProblem } from '../../solver/routing/core/routing-problem.ts';
import type { RoutingResult } from '../../solver/routing/core/solve-routing.ts';
import { euclideanTravelTimes } from '../../solver/routing/travel/euclidean-travel-times.ts';
import type { DarpInstance, DarpNode, DarpSolution } from '../../solver/routing/types.ts';

export function parseCordeau(text: string, name: string): DarpInstance {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
  const header = lines[0]?.split(/\s+/).map(Number);
  if (!header || header.length < 5 || header.some((x) => !Number.isFinite(x))) throw new Error(`${name}: bad header line '${lines[0]}'`);
  const [vehicles, requests, maxRouteDurationMin, capacity, maxRideMin] = header as [number, number, number, number, number];
  const nodes: DarpNode[] = lines.slice(1).map((line, k) => {
    const f = line.split(/\s+/).map(Number);
    if (f.length < 7 || f.some((x) => !Number.isFinite(x))) throw new Error(`${name}: bad node line ${k + 2}: '${line}'`);
    return { id: f[0]!, x: f[1]!, y: f[2]!, serviceMin: f[3]!, load: f[4]!, earliestMin: f[5]!, latestMin: f[6]! };
  });
  if (nodes.length !== 2 * requests + 2) throw new Error(`${name}: expected ${2 * requests + 2} node lines, found ${nodes.length}`);
  return { name, vehicles, requests, maxRouteDurationMin, capacity, maxRideMin, nodes };
}

export function readCordeauFile(path: string): DarpInstance {
  return parseCordeau(readFileSync(path, 'utf8'), basename(path).replace(/\.txt$/, ''));
}

/** Locations are the instance's nodes (index = node id); routing nodes 0..2n−1 are pick-ups then drop-offs. */
export function cordeauToRouting(inst: DarpInstance): RoutingProblem {
  const n = inst.requests;
  const depot = inst.nodes[0]!;
  const endDepot = inst.nodes[2 * n + 1]!;
  const nodes = inst.nodes.slice(1, 2 * n + 1).map((node) => ({
    loc: node.id,
    serviceMin: node.serviceMin,
    earliestMin: node.earliestMin,
    latestMin: node.latestMin,
    load: [node.load],
    request: node.id <= n ? node.id - 1 : node.id - n - 1,
  }));
  return {
    travel: euclideanTravelTimes(inst.nodes),
    nodes,
    requests: Array.from({ length: n }, (_, r) => ({ id: String(r + 1), nodes: [r, n + r] as [number, number], maxRideMin: inst.maxRideMin })),
    vehicles: Array.from({ length: inst.vehicles }, (_, v) => ({
      id: `v${v + 1}`,
      startLoc: 0,
      endLoc: 2 * n + 1,
      earliestStartMin: Math.max(depot.earliestMin, endDepot.earliestMin),
      latestEndMin: Math.min(depot.latestMin, endDepot.latestMin),
      capacity: [inst.capacity],
      maxDurationMin: inst.maxRouteDurationMin,
    })),
  };
}

export function routingToDarpSolution(inst: DarpInstance, result: RoutingResult): DarpSolution {
  const end = 2 * inst.requests + 1;
  const routes = result.routes.map((route) => [
    { node: 0, startMin: route.startMin[0]! },
    ...route.nodes.map((node, k) => ({ node: node + 1, startMin: route.startMin[k + 1]! })),
    { node: end, startMin: route.startMin[route.startMin.length - 1]! },
  ]);
  return { routes, cost: result.cost };
}
