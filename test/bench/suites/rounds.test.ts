import { describe, expect, it } from 'vitest';
import { loadSuites } from '../../../bench/suites/index.ts';

describe('the rounds benchmark suite', () => {
  it('is registered; on the 12-visit demo pre-visit day grouping sends fewer workers, drives no further and plans every visit, both plans valid', { timeout: 180_000 }, async () => {
    const suite = (await loadSuites()).find((s) => s.name === 'rounds');
    expect(suite).toBeDefined();
    const rows = await suite!.run({ filter: /^demo-previsit-12-s1$/, log: () => {} });
    expect(rows.map((r) => r.instance)).toEqual(['demo-previsit-12-s1']);
    const [row] = rows;
    expect(row!.valid).toBe(true);
    expect(row!.visits).toBe(12);
    expect(row!.unplannedAfter).toBe(0);
    expect(row!.workersAfter as number).toBeLessThan(row!.workersBefore as number);
    expect(row!.travelMinAfter as number).toBeLessThanOrEqual(row!.travelMinBefore as number);
    expect(row!.value).toBe(row!.travelMinAfter);
    expect(row!.known).toBe(row!.travelMinBefore);
  });
});
