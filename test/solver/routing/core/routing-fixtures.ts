/** Small hand-made routing problems on a plane (travel minutes = Euclidean distance). */
import type { RoutingNode, RoutingProblem, RoutingRequest, RoutingVehicle } from '../../../../solver/routing/core/routing-problem.ts';
import { euclideanTravelTimes } from '../../../../solver/routing/travel/euclidean-travel-times.ts';

export interface StopSpec { x: number; y?: number; serviceMin?: number; window?: [number, number]; load?: number[] }

/** Location 0 is the depot at the origin; each stop gets its own location. */
export function problemOf(options: {
  visits?: StopSpec[];
  pairs?: Array<{ pickUp: StopSpec; dropOff: StopSpec; maxRideMin?: number }>;
  vehicles?: Array<Partial<RoutingVehicle>>;
}): RoutingProblem {
  const points = [{ x: 0, y: 0 }];
  const nodes: RoutingNode[] = [];
  const requests: RoutingRequest[] = [];
  const addNode = (s: StopSpec, request: number): number => {
    points.push({ x: s.x, y: s.y ?? 0 });
    nodes.push({ loc: points.length - 1, serviceMin: s.serviceMin ?? 0, earliestMin: s.window?.[0] ?? 0, latestMin: s.window?.[1] ?? 10_000, load: s.load ?? [], request });
    return nodes.length - 1;
  };
  for (const v of options.visits ?? []) {
    const r = requests.length;
    requests.push({ id: `v${r}`, nodes: [addNode(v, r)] });
  }
  for (const p of options.pairs ?? []) {
    const r = requests.length;
    const a = addNode({ load: [1], ...p.pickUp }, r);
    const b = addNode({ load: [-1], ...p.dropOff }, r);
    requests.push({ id: `p${r}`, nodes: [a, b], maxRideMin: p.maxRideMin });
  }
  const vehicles = (options.vehicles ?? [{}]).map((v, i) => ({
    id: `veh${i}`, startLoc: 0, endLoc: 0, earliestStartMin: 0, latestEndMin: 10_000, capacity: [100], ...v,
  }));
  return { travel: euclideanTravelTimes(points), nodes, requests, vehicles };
}
