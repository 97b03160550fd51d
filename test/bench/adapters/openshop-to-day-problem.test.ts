import { describe, expect, it } from 'vitest';
import {
  openShopToDayProblem,
  openShopTrivialBound,
  parseTaillardOpenShop,
} from '../../../bench/adapters/openshop-to-day-problem.ts';

describe('parseTaillardOpenShop', () => {
  it('reads `n m` and one line of m processing times per job', () => {
    const instance = parseTaillardOpenShop('t', '2 3\n 1 2 3\n4 5 6\n');
    expect(instance.processingMin).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
  });

  it('names the file and what is wrong when the matrix is short', () => {
    expect(() => parseTaillardOpenShop('broken.txt', '2 2\n1 2\n3\n')).toThrow(/broken\.txt: expected 4 .* found 3/);
    expect(() => parseTaillardOpenShop('empty.txt', 'x y')).toThrow(/empty\.txt: the first line must be 'jobs machines'/);
  });
});

describe('openShopTrivialBound', () => {
  it('is the larger of the longest job and the busiest machine', () => {
    // Jobs total 6 and 15; machines total 5, 7 and 9: the bound is the job's 15.
    expect(openShopTrivialBound(parseTaillardOpenShop('t', '2 3\n1 2 3\n4 5 6'))).toBe(15);
    // Jobs total 3 and 3; machine 1 totals 4: the bound is the machine's 4.
    expect(openShopTrivialBound(parseTaillardOpenShop('t', '2 2\n2 1\n2 1'))).toBe(4);
  });
});

describe('openShopToDayProblem', () => {
  const problem = openShopToDayProblem(parseTaillardOpenShop('t', '2 3\n1 0 3\n4 5 6'));

  it('makes jobs patients and machines clinicians, each patient needing every machine once', () => {
    expect(problem.patients.map((p) => p.id)).toEqual(['j1', 'j2']);
    expect(problem.staff.map((s) => s.qualifications)).toEqual([['m1'], ['m2'], ['m3']]);
    // A zero-length operation needs no visit.
    expect(problem.patients[0]!.required.map((r) => r.typeId)).toEqual(['j1-m1', 'j1-m3']);
    expect(problem.patients[1]!.required.map((r) => r.typeId)).toEqual(['j2-m1', 'j2-m2', 'j2-m3']);
    const type = problem.assessmentTypes.find((t) => t.id === 'j2-m2')!;
    expect(type).toMatchObject({ durationMin: 5, qualification: 'm2', groupCapacity: 1 });
  });

  it('sets meals, the MDT, transfers and check-in so they cannot bind', () => {
    expect(problem.patients.every((p) => p.needsMeal === false && p.rest === undefined)).toBe(true);
    expect(problem.precedences).toEqual([]);
    expect(problem.centre.transferMin).toBe(0);
    expect(problem.centre.checkInBufferMin).toBe(0);
    // Any dense schedule ends by job max + machine max (15 + 9 here), inside the horizon.
    expect(problem.centre.mdt.startMin).toBeGreaterThanOrEqual(24);
    expect(problem.centre.closeMin).toBeGreaterThanOrEqual(24);
  });
});
