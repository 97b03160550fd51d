/**
 * What the routing checkers accept beyond the benchmark types of `solver/routing/types.ts`.
 * Those types are Cordeau's and Solomon's (one load dimension, identical vehicles); patient
 * transport also needs seats AND wheelchair spaces, per-vehicle capacities and per-passenger
 * ride limits. These optional fields let the same checker verify such runs; without them the
 * checker applies the benchmark rules exactly.
 */
import type { DarpInstance, DarpNode } from '../routing/types.ts';
import type { Violation } from '../model/violation.ts';

/** A DARP node with a load per named dimension, e.g. `{ seats: 2, wheelchair: 1 }` (− at the drop-off). */
export interface DarpNodeWithDimensions extends DarpNode {
  loadByDimension?: Record<string, number>;
}

/**
 * A DARP instance the checker verifies. With `capacityByDimension`, capacity is checked per
 * dimension from the nodes' `loadByDimension` (missing entries count 0) instead of `load`/`capacity`.
 */
export interface DarpCheckInstance extends DarpInstance {
  nodes: DarpNodeWithDimensions[];
  /** The fleet's capacity per dimension, e.g. `{ seats: 6, wheelchair: 2 }`. */
  capacityByDimension?: Record<string, number>;
  /** Route i's own capacity per dimension (heterogeneous fleet), overriding the fleet's. */
  vehicleCapacityByDimension?: Array<Record<string, number>>;
  /** A pick-up node id → that passenger's own maximum ride time (overrides `maxRideMin`). */
  maxRideMinByPickup?: Record<number, number>;
}

/** Shared options of the routing checkers. */
export interface RoutingCheckOptions {
  /** Slack for floating-point times and costs (default 1e-6 min, and 1e-6 relative for costs). */
  epsilon?: number;
}

/** What a routing checker returns: the verdict, the violations, and the recomputed objective. */
export interface RoutingValidation {
  valid: boolean;
  violations: Violation[];
  /** Total distance recomputed from the routes (the published objective). */
  recomputedDistance: number;
  /** Non-empty routes. */
  vehiclesUsed: number;
}
