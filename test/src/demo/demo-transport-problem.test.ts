import { describe, expect, it } from 'vitest';
import { demoDayProblem } from '../../../src/demo/demo-day-problem.ts';
import { demoTransportProblem } from '../../../src/demo/demo-transport-problem.ts';

describe('demoTransportProblem', () => {
  it('describes the same attending patients as demoDayProblem, each at a home with coordinates', () => {
    const options = { seed: 3, date: '2026-12-02', patients: 12 };
    const transport = demoTransportProblem(options);
    const day = demoDayProblem(options);
    expect(transport.passengers.map((p) => p.patientId)).toEqual(day.patients.map((p) => p.id));
    const byId = new Map(transport.locations.map((l) => [l.id, l]));
    expect(byId.get(transport.centreLocationId)?.lat).toBeTypeOf('number');
    for (const p of transport.passengers) {
      expect(byId.get(p.homeLocationId)?.lat).toBeTypeOf('number');
      expect(['independent', 'walking-aid', 'wheelchair']).toContain(p.mobility);
    }
    // The demo fleet: two minibuses and an accessible car on the drivers' 07:30–17:30 shift.
    expect(transport.vehicles.map((v) => [v.seats, v.wheelchairSpaces])).toEqual([[8, 2], [8, 2], [3, 1]]);
    expect(transport.vehicles.every((v) => v.shift.startMin === 450 && v.shift.endMin === 1050 && byId.has(v.depotLocationId))).toBe(true);
    // Some come by own means, some need transport (pre-visit's transportNeeded).
    expect(transport.passengers.some((p) => p.ownMeans)).toBe(true);
    expect(transport.passengers.some((p) => !p.ownMeans)).toBe(true);
  });

  it('rejects a closed day and a bad size, naming them', () => {
    expect(() => demoTransportProblem({ seed: 1, date: '2026-12-05', patients: 8 })).toThrow(/closed on 2026-12-05/);
    expect(() => demoTransportProblem({ seed: 1, date: '2026-12-01', patients: 0 })).toThrow(/patients/);
  });
});
