import { describe, expect, it } from 'vitest';
import type { DarpSolution } from '../../../solver/routing/types.ts';
import type { DarpCheckInstance } from '../../../solver/validate/routing-types.ts';
import { validateDarpSolution } from '../../../solver/validate/validate-darp-solution.ts';

/**
 * Two requests on a line (x = 0): A from y=3 to y=10, B from y=6 to y=12; depot at y=0.
 * Service 1 min at each pick-up and drop-off; capacity 2; max ride 30; max route 100.
 * One route 0 → 1 → 2 → 3 → 4 → 5 (earliest times):
 *   leave depot 0; A picked up at 3, leave 4; B picked up at 7 (window 5–20), leave 8;
 *   A dropped at 12 (ride 12 − 4 = 8), leave 13; B dropped at 15 (ride 15 − 8 = 7), leave 16;
 *   back at the depot at 28. Load 1, 2, 1, 0. Cost 3 + 3 + 4 + 2 + 12 = 24.
 */
function tinyInstance(): DarpCheckInstance {
  const node = (id: number, y: number, serviceMin: number, load: number, earliestMin = 0, latestMin = 100) => ({ id, x: 0, y, serviceMin, load, earliestMin, latestMin });
  return {
    name: 'tiny-darp',
    vehicles: 2,
    requests: 2,
    maxRouteDurationMin: 100,
    capacity: 2,
    maxRideMin: 30,
    nodes: [node(0, 0, 0, 0), node(1, 3, 1, 1), node(2, 6, 1, 1, 5, 20), node(3, 10, 1, -1), node(4, 12, 1, -1), node(5, 0, 0, 0)],
  };
}

function route(...stops: Array<[number, number]>) {
  return stops.map(([node, startMin]) => ({ node, startMin }));
}

const valid = (): DarpSolution => ({ routes: [route([0, 0], [1, 3], [2, 7], [3, 12], [4, 15], [5, 28])], cost: 24 });

function broken(instance: DarpCheckInstance, solution: DarpSolution): string[] {
  return [...new Set(validateDarpSolution(instance, solution).violations.map((v) => v.constraint))].sort();
}

describe('validateDarpSolution', () => {
  it('accepts a hand-checked solution and recomputes its cost', () => {
    const check = validateDarpSolution(tinyInstance(), valid());
    expect(check.violations).toEqual([]);
    expect(check.valid).toBe(true);
    expect(check.recomputedDistance).toBeCloseTo(24, 9);
    expect(check.vehiclesUsed).toBe(1);
  });

  it('catches the vehicle over capacity', () => {
    const instance = tinyInstance();
    instance.capacity = 1; // both on board after node 2
    const check = validateDarpSolution(instance, valid());
    expect(check.violations.map((v) => v.constraint)).toEqual(['darpCapacity']);
    expect(check.violations[0]!.justification).toMatchObject({ node: 2, load: 2, capacity: 1 });
  });

  it('catches a drop-off on another vehicle than the pick-up', () => {
    // Route 1: 0 →A(3) →B's drop-off(12) → depot; route 2: 0 → B(6) → A's drop-off(10) → depot.
    const solution = {
      routes: [route([0, 0], [1, 3], [4, 13], [5, 26]), route([0, 0], [2, 6], [3, 11], [5, 22])],
      cost: 3 + 9 + 12 + (6 + 4 + 10),
    };
    const check = validateDarpSolution(tinyInstance(), solution);
    expect(check.violations.map((v) => v.constraint)).toEqual(['darpPairing', 'darpPairing']);
    expect(check.violations[0]!.message).toContain('by another vehicle');
  });

  it('catches a drop-off before the pick-up on the same vehicle', () => {
    // 0 → A's drop-off(10) → A(3) → B(6) → B's drop-off(12) → depot.
    const solution = { routes: [route([0, 0], [3, 10], [1, 18], [2, 22], [4, 29], [5, 42])], cost: 10 + 7 + 3 + 6 + 12 };
    const names = broken(tinyInstance(), solution);
    expect(names).toContain('darpPairing');
    expect(names).toContain('darpCapacity'); // the load goes negative at the early drop-off
  });

  it('catches a service start outside a time window, and accepts one at its edge', () => {
    const instance = tinyInstance();
    instance.nodes[2]!.latestMin = 6; // B is picked up at 7
    expect(broken(instance, valid())).toEqual(['darpTimeWindow']);
    instance.nodes[2]!.latestMin = 7;
    expect(broken(instance, valid())).toEqual([]);
  });

  it('catches a start before the window opens (no early service)', () => {
    const solution = valid();
    const instance = tinyInstance();
    instance.nodes[2]!.earliestMin = 8; // the solution still starts B at 7
    expect(broken(instance, solution)).toEqual(['darpTimeWindow']);
  });

  it('catches a time that leaves too little for service and travel', () => {
    const solution = valid();
    solution.routes[0]![3]!.startMin = 11; // A's drop-off: cannot arrive before 8 + 4 = 12
    const check = validateDarpSolution(tinyInstance(), solution);
    expect(check.violations.map((v) => v.constraint)).toEqual(['darpTravelTime']);
    expect(check.violations[0]!.justification).toMatchObject({ toNode: 3, earliestPossibleMin: 12 });
  });

  it('catches a ride over the maximum, and accepts one exactly at it', () => {
    const instance = tinyInstance();
    instance.maxRideMin = 7; // A rides 8, B rides 7
    const check = validateDarpSolution(instance, valid());
    expect(check.violations.map((v) => v.constraint)).toEqual(['darpMaxRideTime']);
    expect(check.violations[0]!.justification).toMatchObject({ request: 1, rideMin: 8, maxRideMin: 7 });
  });

  it('counts waiting on board in the ride time', () => {
    // Same order, but the vehicle waits at B's pick-up until 20: A now rides 25 − 4 = 21.
    const solution = { routes: [route([0, 0], [1, 3], [2, 20], [3, 25], [4, 28], [5, 41])], cost: 24 };
    const instance = tinyInstance();
    instance.maxRideMin = 20;
    expect(broken(instance, solution)).toEqual(['darpMaxRideTime']);
  });

  it("applies a passenger's own ride limit over the instance's", () => {
    const instance = tinyInstance();
    instance.maxRideMinByPickup = { 2: 6 }; // B rides 7
    expect(validateDarpSolution(instance, valid()).violations.map((v) => v.justification.request)).toEqual([2]);
  });

  it('catches a route longer than the maximum duration, and accepts one exactly at it', () => {
    const instance = tinyInstance();
    instance.maxRouteDurationMin = 27; // the route lasts 28
    expect(broken(instance, valid())).toEqual(['darpMaxRouteDuration']);
    instance.maxRouteDurationMin = 28;
    expect(broken(instance, valid())).toEqual([]);
  });

  it('catches a request not served', () => {
    const solution = { routes: [route([0, 0], [1, 3], [3, 11], [5, 22])], cost: 3 + 7 + 10 };
    const check = validateDarpSolution(tinyInstance(), solution);
    expect(check.violations.map((v) => v.constraint)).toEqual(['darpServedOnce']);
    expect(check.violations[0]!.justification).toMatchObject({ request: 2, pickups: 0, dropoffs: 0 });
  });

  it('catches a route that does not end at the end depot', () => {
    const solution = { routes: [route([0, 0], [1, 3], [2, 7], [3, 12], [4, 15])], cost: 12 };
    expect(broken(tinyInstance(), solution)).toEqual(['darpRouteShape']);
    const detour = { routes: [route([0, 0], [1, 3], [0, 7], [2, 13], [3, 18], [4, 21], [5, 34])], cost: 3 + 3 + 6 + 4 + 2 + 12 };
    expect(broken(tinyInstance(), detour)).toEqual(['darpRouteShape']);
  });

  it('catches more routes than vehicles', () => {
    const instance = tinyInstance();
    instance.vehicles = 1;
    const solution = { routes: [...valid().routes, route([0, 0], [5, 0])], cost: 24 };
    expect(broken(instance, solution)).toEqual(['darpFleetSize']);
  });

  it('catches a reported cost that does not match the routes', () => {
    expect(broken(tinyInstance(), { ...valid(), cost: 24.5 })).toEqual(['darpReportedCost']);
  });

  describe('with seats and wheelchair spaces', () => {
    // A is a wheelchair user; B travels with a carer (two seats).
    function transportInstance(): DarpCheckInstance {
      const instance = tinyInstance();
      instance.capacityByDimension = { seats: 2, wheelchair: 1 };
      instance.nodes[1]!.loadByDimension = { wheelchair: 1 };
      instance.nodes[3]!.loadByDimension = { wheelchair: -1 };
      instance.nodes[2]!.loadByDimension = { seats: 2 };
      instance.nodes[4]!.loadByDimension = { seats: -2 };
      return instance;
    }

    it('accepts loads within every dimension', () => {
      expect(broken(transportInstance(), valid())).toEqual([]);
    });

    it('catches the dimension that is over', () => {
      const instance = transportInstance();
      instance.capacityByDimension = { seats: 2, wheelchair: 0 };
      const check = validateDarpSolution(instance, valid());
      expect(check.violations.map((v) => v.justification.dimension)).toEqual(['wheelchair']);
    });

    it("uses a vehicle's own capacity when given", () => {
      const instance = transportInstance();
      instance.vehicleCapacityByDimension = [{ seats: 1, wheelchair: 1 }];
      const check = validateDarpSolution(instance, valid());
      expect(check.violations.map((v) => [v.constraint, v.justification.dimension])).toEqual([['darpCapacity', 'seats']]);
    });
  });
});
