import { describe, expect, it } from 'vitest';
import suite, { ICC_DAYS } from '../../../bench/suites/icc.ts';

describe('icc suite', () => {
  it('plans the 8-patient demo day into a checker-valid plan whose score is never below its bound', async () => {
    const rows = await suite.run({ timeLimitSec: 2, filter: /^icc-8$/, log: () => {} });
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row).toMatchObject({ instance: 'icc-8', patients: 8, valid: true });
    // A lower bound that exceeded a real plan's score would be a bug in one of them.
    expect(row.value!).toBeGreaterThanOrEqual(row.known!);
    expect(row.placedPct).toBeGreaterThan(80);
    expect(row.placedPct).toBeLessThanOrEqual(100);
  });

  it('covers the issue sizes with their time limits', () => {
    expect(ICC_DAYS.map((d) => [d.patients, d.timeLimitSec])).toEqual([
      [8, 5],
      [16, 5],
      [32, 15],
      [64, 30],
    ]);
  });
});
