/**
 * Public instance and solution types of the routing benchmarks (VRPTW and DARP), shared
 * with the independent checkers in `solver/validate/`. Plain JSON-serialisable data.
 *
 * Conventions (both families, as in the literature):
 * - travel time between two nodes = routing cost = exact Euclidean distance of their
 *   coordinates (double precision, no rounding);
 * - a time window bounds the START of service; a vehicle may arrive early and wait;
 * - every route starts and ends at the depot.
 */

/** One customer of a VRPTW instance (Solomon's fields, renamed with units). */
export interface VrptwCustomer {
  /** Customer number as in the file (1..n); the depot is 0. */
  id: number;
  x: number;
  y: number;
  demand: number;
  /** Earliest start of service. */
  readyMin: number;
  /** Latest start of service. */
  dueMin: number;
  serviceMin: number;
}

/** A vehicle routing problem with time windows (Solomon 1987 layout). */
export interface VrptwInstance {
  name: string;
  /** Fleet size available (`NUMBER` in Solomon's files). */
  maxVehicles: number;
  vehicleCapacity: number;
  /** The depot: routes leave at or after `readyMin` and are back by `dueMin` (the horizon). */
  depot: { x: number; y: number; readyMin: number; dueMin: number };
  customers: VrptwCustomer[];
}

/**
 * A VRPTW solution: each route lists customer ids in visiting order, depot excluded.
 * Service starts as early as possible (arrival or `readyMin`, whichever is later);
 * checkers recompute the schedule from the order.
 */
export interface VrptwSolution {
  routes: number[][];
  /** Number of non-empty routes. */
  vehicles: number;
  /** Total Euclidean distance, depot legs included. */
  distance: number;
}

/**
 * One node of a DARP instance (Cordeau 2006 layout). Node 0 is the start depot,
 * 1..n the pick-ups, n+1..2n the matching drop-offs (pick-up i ↔ drop-off n+i),
 * 2n+1 the end depot.
 */
export interface DarpNode {
  id: number;
  x: number;
  y: number;
  serviceMin: number;
  /** +seats at a pick-up, −seats at its drop-off, 0 at the depots. */
  load: number;
  earliestMin: number;
  latestMin: number;
}

/** A static multi-vehicle dial-a-ride problem (Cordeau's "a"/"b" instances). */
export interface DarpInstance {
  name: string;
  vehicles: number;
  /** Number of requests n. */
  requests: number;
  /** Maximum route duration T (end-depot time − start-depot time). */
  maxRouteDurationMin: number;
  /** Vehicle capacity Q (identical vehicles). */
  capacity: number;
  /** Maximum ride time L: start at drop-off − (start at pick-up + pick-up service). */
  maxRideMin: number;
  /** 2n + 2 nodes, indexed by id. */
  nodes: DarpNode[];
}

/** A timed stop of a DARP route: the node and the start of service there. */
export interface DarpStop {
  node: number;
  /** Start of service (for the depots: departure from / arrival at the depot). */
  startMin: number;
}

/**
 * A DARP solution. Each route starts with node 0 and ends with node 2n+1; empty routes
 * may be omitted. Times are part of the answer because ride times depend on waiting.
 */
export interface DarpSolution {
  routes: DarpStop[][];
  /** Total Euclidean distance travelled (the published objective). */
  cost: number;
}
