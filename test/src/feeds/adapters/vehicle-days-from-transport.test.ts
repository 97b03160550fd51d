import { describe, expect, it } from 'vitest';
import type { TransportPlan, TransportProblem } from '../../../../solver/transport/transport-problem.ts';
import { vehicleDaysFromTransport } from '../../../../src/feeds/adapters/vehicle-days-from-transport.ts';
import { vehicleFeedEvents } from '../../../../src/feeds/builders/vehicle-feed-events.ts';
import { centre, patients } from '../feed-fixture.ts';

const problem: Pick<TransportProblem, 'vehicles' | 'passengers'> = {
  vehicles: [{ id: 'v1', name: 'Minibus 1', depotLocationId: 'depot', seats: 6, wheelchairSpaces: 1, shift: { startMin: 450, endMin: 1080 } }],
  passengers: [
    { patientId: 'p1', homeLocationId: 'h1', mobility: 'walking-aid' },
    { patientId: 'p2', homeLocationId: 'h2', mobility: 'wheelchair', carer: true },
  ],
};

// A morning run (homes → centre) and an afternoon run (centre → homes).
const plan: Pick<TransportPlan, 'date' | 'runs'> = {
  date: '2026-03-30',
  runs: [
    { vehicleId: 'v1', kind: 'morning', leaveMin: 480, finishMin: 540, travelMin: 50, distanceKm: 20, stops: [
      { patientId: 'p1', action: 'board', locationId: 'h1', startMin: 490, endMin: 493 },
      { patientId: 'p2', action: 'board', locationId: 'h2', startMin: 510, endMin: 518 },
      { patientId: 'p1', action: 'alight', locationId: 'icc', startMin: 530, endMin: 532 },
      { patientId: 'p2', action: 'alight', locationId: 'icc', startMin: 532, endMin: 538 },
    ] },
    { vehicleId: 'v1', kind: 'afternoon', leaveMin: 840, finishMin: 930, travelMin: 60, distanceKm: 22, stops: [
      { patientId: 'p1', action: 'board', locationId: 'icc', startMin: 840, endMin: 843 },
      { patientId: 'p2', action: 'board', locationId: 'icc', startMin: 843, endMin: 851 },
      { patientId: 'p1', action: 'alight', locationId: 'h1', startMin: 870, endMin: 872 },
      { patientId: 'p2', action: 'alight', locationId: 'h2', startMin: 895, endMin: 901 },
    ] },
  ],
};

describe('vehicleDaysFromTransport', () => {
  it('keeps the stops at homes: morning boardings as pickups, afternoon alightings as drop-offs', () => {
    const [bus, ...others] = vehicleDaysFromTransport(plan, problem);
    expect(others).toEqual([]);
    expect(bus!.vehicleName).toBe('Minibus 1');
    expect(bus!.stops.map((s) => [s.id, s.startMin, s.endMin, s.mobility, s.carerRidingAlong])).toEqual([
      ['p1:pickup', 490, 493, 'walking-aid', false],
      ['p2:pickup', 510, 518, 'wheelchair', true],
      ['p1:drop-off', 870, 872, 'walking-aid', false],
      ['p2:drop-off', 895, 901, 'wheelchair', true],
    ]);
  });

  it('feeds the vehicle builder: 08:10 BST pickup at the home address', () => {
    const events = vehicleFeedEvents({ vehicleDay: vehicleDaysFromTransport(plan, problem)[0]!, centre, patients });
    expect(events[0]).toMatchObject({ startUtc: '2026-03-30T07:10:00.000Z', endUtc: '2026-03-30T07:13:00.000Z', location: '12 Beverley Road, Hull HU5 1AA' });
  });
});
