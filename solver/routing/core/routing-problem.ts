/**
 * The routing core's own problem: requests of one stop (a home visit) or two stops
 * (pick-up then drop-off), vehicles with multi-dimensional capacity and a shift, travel
 * behind the `TravelTimes` interface. The rounds (VRPTW), transport (DARP) and the
 * benchmark adapters all translate to this.
 */
import type { TravelTimes } from '../travel/travel-times.ts';

/** One stop: where, how long, when service may start, and the load it adds. */
export interface RoutingNode {
  /** Index into the `TravelTimes` provider. */
  loc: number;
  serviceMin: number;
  /** Service starts in [earliestMin, latestMin]. */
  earliestMin: number;
  latestMin: number;
  /** Change of load per capacity dimension (+ at a pick-up, − at its drop-off; visits 0). */
  load: number[];
  /** The request this node belongs to. */
  request: number;
  /**
   * At most this many minutes idle with this node's passenger aboard at the node's place: a
   * drop-off (or visit) starts within this of the vehicle reaching the place (besides the service
   * of the stops there before it); after a pick-up the vehicle drives off within this (besides the
   * service of the stops there after it). Consecutive stops at one location are one visit. Unset:
   * no limit. A difference constraint like the ride limit (`scheduleRoute` keeps it).
   */
  maxWaitAboardMin?: number;
}

export interface RoutingRequest {
  /** Caller's id (patient, visit, Cordeau node number…), used in reports. */
  id: string;
  /** Node indices: `[visit]` or `[pickUp, dropOff]`. */
  nodes: [number] | [number, number];
  /** For pairs: drop-off start − (pick-up start + pick-up service) ≤ this. */
  maxRideMin?: number;
  /** Cost of leaving it unserved (default: the problem's `unassignedPenalty`). */
  unassignedPenalty?: number;
  /** Vehicles that may serve it (indices); absent = any. */
  allowedVehicles?: number[];
}

export interface RoutingVehicle {
  id: string;
  startLoc: number;
  endLoc: number;
  /** Shift: leave the start no earlier than this, reach the end no later than this. */
  earliestStartMin: number;
  latestEndMin: number;
  /** Capacity per load dimension (same order as `RoutingNode.load`). */
  capacity: number[];
  /** Route duration (end − start) ≤ this, if set. */
  maxDurationMin?: number;
  /** Added to the objective if the vehicle is used. */
  fixedCost?: number;
}

export interface RoutingProblem {
  nodes: RoutingNode[];
  requests: RoutingRequest[];
  vehicles: RoutingVehicle[];
  travel: TravelTimes;
  /** Objective per travel minute (default 1) and per distance unit (default 0). */
  costPerMin?: number;
  costPerKm?: number;
  /** Objective per unserved request (default 1e6). */
  unassignedPenalty?: number;
  /**
   * Objective per minute of spread between the busiest and the idlest available vehicle
   * (working minutes, start to end); 0 = no balancing (default).
   */
  balanceWeight?: number;
  /** Objective per passenger ride minute (pairs only, on the schedule `reportSchedule` reports); 0 = off (default). */
  rideTimeWeight?: number;
  /**
   * Which of a route's feasible schedules to report: 'earliest' (default; e.g. returns
   * home) or 'latest' (e.g. morning pick-ups: less waiting at the centre).
   */
  reportSchedule?: 'earliest' | 'latest';
}

/** A route's timed stops: `startMin[0]` leaves the start, the last is the arrival at the end. */
export interface RouteSchedule {
  startMin: number[];
}
