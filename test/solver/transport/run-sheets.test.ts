import { describe, expect, it } from 'vitest';
import { planTransport } from '../../../solver/transport/plan-transport.ts';
import { runSheets } from '../../../solver/transport/run-sheets.ts';
import { passenger, transportDay, vehicle } from './transport-fixtures.ts';

describe('runSheets', () => {
  const problem = transportDay(
    [passenger('A', { ref: 'ICC-001', initials: 'AB', address: '1 Mill Lane', carer: true }), passenger('W', { ref: 'ICC-002', initials: 'WC', mobility: 'wheelchair', address: '2 Mill Lane' })],
    [vehicle('van', { name: 'Van 1' })], { A: 10, W: 11 },
  );
  const plan = planTransport(problem, { maxIterations: 100, seed: 1 });
  const sheets = runSheets(problem, plan, 'Jean Bishop ICC');

  it('gives one sheet per vehicle and run, stops in time order, ending at the centre in the morning', () => {
    expect(sheets.map((s) => [s.vehicleId, s.kind])).toEqual([['van', 'morning'], ['van', 'afternoon']]);
    const morning = sheets[0]!;
    expect(morning.vehicleName).toBe('Van 1');
    const times = morning.stops.map((s) => s.arriveMin);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(morning.stops[morning.stops.length - 1]!.isCentre).toBe(true);
    expect(morning.stops[morning.stops.length - 1]!.address).toBe('Jean Bishop ICC');
  });

  it('shows addresses, mobility, carers and who is on board after each stop', () => {
    const morning = sheets[0]!;
    const homeStops = morning.stops.filter((s) => !s.isCentre);
    expect(homeStops.map((s) => s.address).sort()).toEqual(['1 Mill Lane', '2 Mill Lane']);
    const boardA = morning.stops.find((s) => s.boarding.some((p) => p.patientId === 'A'))!;
    expect(boardA.boarding[0]).toMatchObject({ ref: 'ICC-001', initials: 'AB', mobility: 'independent', carer: true });
    expect(boardA.onBoard.patientIds).toContain('A');
    expect(boardA.onBoard.carers).toBeGreaterThanOrEqual(1);
    // Everyone alights at the centre: nobody left on board at the end of the morning.
    expect(morning.stops[morning.stops.length - 1]!.onBoard).toEqual({ patientIds: [], seatsUsed: 0, wheelchairSpacesUsed: 0, carers: 0 });
    // A with carer takes 2 seats, W a wheelchair space: when both are on board, 2 seats and 1 space.
    const both = morning.stops.find((s) => s.onBoard.patientIds.length === 2);
    if (both) expect(both.onBoard).toMatchObject({ seatsUsed: 2, wheelchairSpacesUsed: 1 });
  });

  it('merges passengers alighting together at the centre into one stop', () => {
    const morning = sheets[0]!;
    const centreStops = morning.stops.filter((s) => s.isCentre);
    const alighted = centreStops.flatMap((s) => s.alighting.map((p) => p.patientId)).sort();
    expect(alighted).toEqual(['A', 'W']);
    // consecutive stops never share a location
    for (let k = 1; k < morning.stops.length; k++) expect(morning.stops[k]!.locationId).not.toBe(morning.stops[k - 1]!.locationId);
  });
});
