import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { cordeauToRouting, parseCordeau, readCordeauFile, routingToDarpSolution } from '../../bench/adapters/cordeau.ts';
import { checkCordeauSolution } from '../../bench/adapters/cordeau-check.ts';
import darpSuite from '../../bench/suites/darp.ts';
import { solveRouting } from '../../solver/routing/core/solve-routing.ts';
import { validateDarpSolution } from '../../solver/validate/validate-darp-solution.ts';

const dir = fileURLToPath(new URL('../../bench/instances/darp/cordeau/', import.meta.url));

describe('Cordeau adapter', () => {
  it('reads the header and the 2n+2 nodes of a2-16', () => {
    const inst = readCordeauFile(`${dir}a2-16.txt`);
    expect(inst).toMatchObject({ name: 'a2-16', vehicles: 2, requests: 16, maxRouteDurationMin: 480, capacity: 3, maxRideMin: 30 });
    expect(inst.nodes).toHaveLength(34);
    expect(inst.nodes[1]).toEqual({ id: 1, x: -1.198, y: -5.164, serviceMin: 3, load: 1, earliestMin: 0, latestMin: 1440 });
    expect(inst.nodes[17]!.load).toBe(-1); // drop-off of request 1
  });

  it('names the problem in a malformed file', () => {
    expect(() => parseCordeau('2 16 480 3\n', 'broken')).toThrow(/broken: bad header/);
    expect(() => parseCordeau('1 1 480 3 30\n0 0 0 0 0 0 480\n', 'short')).toThrow(/short: expected 4 node lines/);
  });

  it('solves a2-16 to its proven optimum 294.25 through the routing core, accepted by both checkers', () => {
    const inst = readCordeauFile(`${dir}a2-16.txt`);
    const result = solveRouting(cordeauToRouting(inst), { maxIterations: 400, seed: 1 });
    const solution = routingToDarpSolution(inst, result);
    expect(result.unassigned).toEqual([]);
    expect(validateDarpSolution(inst, solution).violations).toEqual([]);
    expect(checkCordeauSolution(inst, solution).errors).toEqual([]);
    expect(solution.cost).toBeGreaterThanOrEqual(294.25 - 0.005); // never below a proven optimum
    expect(solution.cost).toBeLessThanOrEqual(294.25 * 1.01);
  });

  it('our own check and the independent checker both reject a passenger riding too long', () => {
    const inst = readCordeauFile(`${dir}a2-16.txt`);
    const solution = routingToDarpSolution(inst, solveRouting(cordeauToRouting(inst), { maxIterations: 50, seed: 1 }));
    // Move the first pick-up of route 1 back in time by 40 minutes (the limit is 30).
    const route = solution.routes[0]!;
    const k = route.findIndex((s) => s.node >= 1 && s.node <= 16);
    route[k] = { ...route[k]!, startMin: route[k]!.startMin - 40 };
    expect(validateDarpSolution(inst, solution).valid).toBe(false);
    expect(checkCordeauSolution(inst, solution).valid).toBe(false);
  });
});

describe('darp suite', () => {
  it('writes the standard row with the known value and a gap', async () => {
    const rows = await darpSuite.run({ filter: /^a2-16$/, timeLimitSec: 1, log: () => {} });
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row).toMatchObject({ instance: 'a2-16', known: 294.25, valid: true, checker: 'agree' });
    expect(row.value).not.toBeNull();
    expect(row.gapPct).toBeCloseTo((100 * (row.value! - 294.25)) / 294.25, 1);
    expect(row.seconds).toBeLessThan(10);
  });
});
