import { describe, expect, it } from 'vitest';
import type { VrptwInstance, VrptwSolution } from '../../../solver/routing/types.ts';
import { validateVrptwSolution } from '../../../solver/validate/validate-vrptw-solution.ts';

/**
 * Depot (0,0), horizon 0–100, capacity 10, two vehicles. Distances by 3-4-5 triangles:
 * depot→1 = 5, 1→2 = 5, 2→depot = 10, depot→3 = 5.
 * Route [1, 2]: arrive 1 at 5 (due 10), leave 7; arrive 2 at 12, wait to 15 (due 20), leave 17;
 * back at 27. Route [3]: arrive 5, leave 6, back at 11. Distance 20 + 10 = 30; load 7 and 5.
 */
function tinyInstance(): VrptwInstance {
  return {
    name: 'tiny',
    maxVehicles: 2,
    vehicleCapacity: 10,
    depot: { x: 0, y: 0, readyMin: 0, dueMin: 100 },
    customers: [
      { id: 1, x: 3, y: 4, demand: 4, readyMin: 0, dueMin: 10, serviceMin: 2 },
      { id: 2, x: 6, y: 8, demand: 3, readyMin: 15, dueMin: 20, serviceMin: 2 },
      { id: 3, x: 0, y: -5, demand: 5, readyMin: 0, dueMin: 50, serviceMin: 1 },
    ],
  };
}

const valid = (): VrptwSolution => ({ routes: [[1, 2], [3]], vehicles: 2, distance: 30 });

function broken(instance: VrptwInstance, solution: VrptwSolution, options = {}): string[] {
  return [...new Set(validateVrptwSolution(instance, solution, options).violations.map((v) => v.constraint))].sort();
}

describe('validateVrptwSolution', () => {
  it('accepts a hand-checked solution and recomputes its distance', () => {
    const check = validateVrptwSolution(tinyInstance(), valid());
    expect(check.violations).toEqual([]);
    expect(check.valid).toBe(true);
    expect(check.recomputedDistance).toBeCloseTo(30, 9);
    expect(check.vehiclesUsed).toBe(2);
  });

  it('catches a customer not visited, unless reported unserved', () => {
    const solution = { routes: [[1, 2]], vehicles: 1, distance: 20 };
    expect(broken(tinyInstance(), solution)).toEqual(['vrptwVisitedOnce']);
    expect(broken(tinyInstance(), solution, { unservedIds: [3] })).toEqual([]);
  });

  it('catches a customer visited twice', () => {
    // Route 1 = depot→1→2→3→depot: 5 + 5 + hypot(6, 13) + 5; customer 3 reached at 17 + 14.32 ≤ 50.
    const instance = tinyInstance();
    instance.vehicleCapacity = 12; // route 1 now carries 4 + 3 + 5
    const first = 5 + 5 + Math.hypot(6, 13) + 5;
    const check = validateVrptwSolution(instance, { routes: [[1, 2, 3], [3]], vehicles: 2, distance: first + 10 });
    expect(check.violations.map((v) => v.constraint)).toEqual(['vrptwVisitedOnce']);
    expect(check.violations[0]!.justification).toMatchObject({ customerId: 3, visits: 2 });
  });

  it('catches an unknown customer', () => {
    expect(broken(tinyInstance(), { routes: [[1, 2], [3, 9]], vehicles: 2, distance: 30 })).toContain('vrptwKnownCustomer');
  });

  it('catches a route over capacity', () => {
    const instance = tinyInstance();
    instance.vehicleCapacity = 6; // route [1, 2] carries 7
    expect(broken(instance, valid())).toEqual(['vrptwCapacity']);
    instance.vehicleCapacity = 7;
    expect(broken(instance, valid())).toEqual([]);
  });

  it('catches a late arrival, and accepts arrival exactly at the due time', () => {
    const instance = tinyInstance();
    instance.customers[0]!.dueMin = 4; // reached at 5
    const check = validateVrptwSolution(instance, valid());
    expect(check.violations.map((v) => v.constraint)).toEqual(['vrptwTimeWindow']);
    expect(check.violations[0]!.justification).toMatchObject({ customerId: 1, arrivalMin: 5, lateByMin: 1 });
    instance.customers[0]!.dueMin = 5;
    expect(broken(instance, valid())).toEqual([]);
  });

  it('counts waiting for the ready time and service time before the next leg', () => {
    const instance = tinyInstance();
    instance.customers[1]!.serviceMin = 10; // leave 2 at 25, back at 35
    instance.depot.dueMin = 34;
    expect(broken(instance, valid())).toEqual(['vrptwDepotWindow']);
  });

  it('catches a late return to the depot, and accepts one exactly on time', () => {
    const instance = tinyInstance();
    instance.depot.dueMin = 26; // back at 27
    expect(broken(instance, valid())).toEqual(['vrptwDepotWindow']);
    instance.depot.dueMin = 27;
    expect(broken(instance, valid())).toEqual([]);
  });

  it('catches more routes than vehicles and a wrong vehicle count', () => {
    const instance = tinyInstance();
    instance.maxVehicles = 1;
    expect(broken(instance, valid())).toEqual(['vrptwFleetSize']);
    expect(broken(tinyInstance(), { ...valid(), vehicles: 3 })).toEqual(['vrptwReportedVehicles']);
  });

  it('ignores empty routes when counting vehicles', () => {
    expect(broken(tinyInstance(), { routes: [[1, 2], [], [3]], vehicles: 2, distance: 30 })).toEqual([]);
  });

  it('catches a reported distance that does not match the routes', () => {
    expect(broken(tinyInstance(), { ...valid(), distance: 30.01 })).toEqual(['vrptwReportedDistance']);
  });

  it('applies the truncated-1dp convention per arc when asked', () => {
    const instance: VrptwInstance = {
      name: 'diagonal',
      maxVehicles: 1,
      vehicleCapacity: 1,
      depot: { x: 0, y: 0, readyMin: 0, dueMin: 10 },
      customers: [{ id: 1, x: 1, y: 1, demand: 1, readyMin: 0, dueMin: 10, serviceMin: 0 }],
    };
    // Each leg is √2 = 1.414…: exact total 2.828…, truncated to one decimal per arc 1.4 + 1.4.
    expect(broken(instance, { routes: [[1]], vehicles: 1, distance: 2.8 }, { distance: 'truncated-1dp' })).toEqual([]);
    expect(broken(instance, { routes: [[1]], vehicles: 1, distance: 2 * Math.SQRT2 })).toEqual([]);
    expect(broken(instance, { routes: [[1]], vehicles: 1, distance: 2.8 })).toEqual(['vrptwReportedDistance']);
  });
});
