import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import suite, { DEFAULT_OPENSHOP_DIR, openShopTimeLimitSec } from '../../../bench/suites/openshop.ts';

describe('openshop suite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'openshop-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs planDay on every instance file of a folder and compares with its optima.csv', async () => {
    // 2x2: job 1 = (3, 2), job 2 = (2, 3); the bound max(5, 5) = 5 is reachable, so the optimum is 5.
    writeFileSync(join(dir, 'tiny2x2.txt'), '2 2\n3 2\n2 3\n');
    writeFileSync(join(dir, 'optima.csv'), 'instance,n_jobs,n_machines,optimum_or_best,file\ntiny_2x2,2,2,5,tiny2x2.txt\n');
    const lines: string[] = [];
    const rows = await suite.run({ dir, timeLimitSec: 2, log: (line) => lines.push(line) });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ instance: 'tiny_2x2', known: 5, value: 5, gapPct: 0, valid: true, lowerBound: 5 });
    expect(lines[0]).toMatch(/tiny_2x2: makespan 5/);
  });

  it('finds the Taillard folder inside the repository (a fresh clone needs nothing beside it) and applies the issue time limits', () => {
    const repository = fileURLToPath(new URL('../../../', import.meta.url));
    expect(DEFAULT_OPENSHOP_DIR.startsWith(repository)).toBe(true);
    expect(existsSync(join(DEFAULT_OPENSHOP_DIR, 'ta4x4_1os.txt'))).toBe(true);
    expect(existsSync(join(DEFAULT_OPENSHOP_DIR, 'optima.csv'))).toBe(true);
    expect(openShopTimeLimitSec(10, 10)).toBe(10);
    expect(openShopTimeLimitSec(15, 15)).toBe(30);
  });
});
