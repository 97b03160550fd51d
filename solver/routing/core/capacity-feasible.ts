import type { RoutingProblem } from './routing-problem.ts';

/**
 * Capacity: the load on board never exceeds the vehicle's capacity in any dimension
 * (seats, wheelchair spaces…). `seq` is a route's node indices, depots excluded.
 */
export function capacityFeasible(problem: RoutingProblem, vehicle: number, seq: readonly number[]): boolean {
  const capacity = problem.vehicles[vehicle]!.capacity;
  const load = new Array<number>(capacity.length).fill(0);
  for (const node of seq) {
    const delta = problem.nodes[node]!.load;
    for (let k = 0; k < capacity.length; k++) {
      load[k]! += delta[k] ?? 0;
      if (load[k]! > capacity[k]! + 1e-9) return false;
    }
  }
  return true;
}
