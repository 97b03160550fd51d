import { describe, expect, it } from 'vitest';
import { loadSuites } from '../../../bench/suites/index.ts';

describe('the outreach benchmark suite', () => {
  it('is registered and its 5-resident rows are valid, fully assessed and above their bound', async () => {
    const suite = (await loadSuites()).find((s) => s.name === 'outreach');
    expect(suite).toBeDefined();
    const rows = await suite!.run({ filter: /^outreach-5r-/, log: () => {} });
    expect(rows.map((r) => r.instance)).toEqual(['outreach-5r-1h-s1', 'outreach-5r-2h-s2']);
    for (const row of rows) {
      expect(row.valid).toBe(true);
      expect(row.fullyAssessed).toBe(5);
      expect(row.value!).toBeGreaterThanOrEqual(row.known!);
    }
  });
});
