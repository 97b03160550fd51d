import { describe, expect, it } from 'vitest';
import suite from '../../bench/suites/icc-transport.ts';
import { loadSuites } from '../../bench/suites/index.ts';
import { DEFAULT_TRANSPORT_RULES } from '../../solver/transport/transport-problem.ts';

describe('icc-transport bench suite', () => {
  it('is registered and writes the common row shape with its extra columns', async () => {
    expect((await loadSuites()).map((s) => s.name)).toContain('icc-transport');
    const rows = await suite.run({ filter: /^icc-transport-8-s1$/, timeLimitSec: 1.5, log: () => {} });
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row).toMatchObject({ instance: 'icc-transport-8-s1', known: null, gapPct: null, valid: true, patients: 8 });
    for (const column of suite.extraColumns!) expect(row).toHaveProperty(column);
    // Total ride minutes are at least the longest single ride, which keeps to the 60-minute limit.
    expect(row.value as number).toBeGreaterThanOrEqual(row.rideMin as number);
    expect(row.rideMin as number).toBeGreaterThan(0);
    expect(row.rideMin as number).toBeLessThanOrEqual(60);
    expect(row.vehicleKm as number).toBeGreaterThan(0);
    expect(row.waitAtCentreMin as number).toBeGreaterThanOrEqual(0);
    // Nobody sits idle aboard at the centre beyond the rule (the others' alighting aside).
    expect(row.idleAboardAtCentreMin as number).toBeGreaterThanOrEqual(0);
    expect(row.idleAboardAtCentreMin as number).toBeLessThanOrEqual(DEFAULT_TRANSPORT_RULES.maxWaitAboardAtCentreMin);
  });
});
