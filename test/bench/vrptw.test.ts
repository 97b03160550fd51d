import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { parseSolomon, readSolomonFile, routingToVrptwSolution, solomonToRouting } from '../../bench/adapters/solomon.ts';
import { checkSolomonSolution } from '../../bench/adapters/solomon-check.ts';
import vrptwSuite from '../../bench/suites/vrptw.ts';
import { solveRouting } from '../../solver/routing/core/solve-routing.ts';
import { validateVrptwSolution } from '../../solver/validate/validate-vrptw-solution.ts';

const dir = fileURLToPath(new URL('../../bench/instances/vrptw/solomon/100/', import.meta.url));

describe('Solomon adapter', () => {
  it('reads the fleet, the depot and 100 customers of C101', () => {
    const inst = readSolomonFile(`${dir}C101.txt`);
    expect(inst).toMatchObject({ name: 'C101', maxVehicles: 25, vehicleCapacity: 200 });
    expect(inst.depot).toEqual({ x: 40, y: 50, readyMin: 0, dueMin: 1236 });
    expect(inst.customers).toHaveLength(100);
    expect(inst.customers[0]).toEqual({ id: 1, x: 45, y: 68, demand: 10, readyMin: 912, dueMin: 967, serviceMin: 90 });
  });

  it('names the file when the layout is wrong', () => {
    expect(() => parseSolomon('X\nnothing here\n', 'X1')).toThrow(/X1: no 'NUMBER CAPACITY'/);
  });

  it("solves C101's first 25 customers with 3 vehicles near the optimum, accepted by both checkers", () => {
    const full = readSolomonFile(`${dir}C101.txt`);
    const inst = { ...full, name: 'C101-25', customers: full.customers.slice(0, 25) };
    const result = solveRouting(solomonToRouting(inst), { maxIterations: 600, seed: 1, minimiseVehicles: true });
    const solution = routingToVrptwSolution(inst, result);
    expect(validateVrptwSolution(inst, solution).violations).toEqual([]);
    expect(checkSolomonSolution(inst, solution).errors).toEqual([]);
    expect(solution.vehicles).toBe(3);
    // The optimum is 191.3 with arcs truncated to 0.1 (bks.csv); exact arcs are at least as long.
    expect(solution.distance).toBeGreaterThanOrEqual(191.3);
    expect(solution.distance).toBeLessThanOrEqual(191.3 * 1.02);
  });

  it('is deterministic with a seed and an iteration budget', () => {
    const full = readSolomonFile(`${dir}R101.txt`);
    const inst = { ...full, customers: full.customers.slice(0, 30) };
    const a = solveRouting(solomonToRouting(inst), { maxIterations: 100, seed: 9, minimiseVehicles: true });
    const b = solveRouting(solomonToRouting(inst), { maxIterations: 100, seed: 9, minimiseVehicles: true });
    expect(routingToVrptwSolution(inst, a)).toEqual(routingToVrptwSolution(inst, b));
  });
});

describe('vrptw suite', () => {
  it('writes the standard row plus vehicles and the best-known vehicles', async () => {
    const rows = await vrptwSuite.run({ filter: /^C101$/, timeLimitSec: 3, log: () => {} });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ instance: 'C101', known: 828.94, knownVehicles: 10, valid: true, checker: 'agree' });
    expect(rows[0]!.vehicles).toBeGreaterThanOrEqual(10);
  });
});
