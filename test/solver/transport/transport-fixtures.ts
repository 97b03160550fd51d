/** Transport days on a straight road: travel minutes = |position difference|. */
import type { TransportPassenger, TransportProblem, TransportVehicle } from '../../../solver/transport/transport-problem.ts';

export function passenger(id: string, extra: Partial<TransportPassenger> = {}): TransportPassenger {
  return { patientId: id, homeLocationId: `home-${id}`, mobility: 'independent', firstActivityStartMin: 600, lastActivityEndMin: 900, ...extra };
}

export function vehicle(id: string, extra: Partial<TransportVehicle> = {}): TransportVehicle {
  return { id, depotLocationId: 'depot', seats: 4, wheelchairSpaces: 1, shift: { startMin: 420, endMin: 1080 }, ...extra };
}

/** `homes` gives each passenger's home position in minutes along the road (centre and depot at 0). */
export function transportDay(passengers: TransportPassenger[], vehicles: TransportVehicle[], homes: Record<string, number>, rules: TransportProblem['rules'] = {}): TransportProblem {
  const positions: Array<[string, number]> = [['centre', 0], ['depot', 0], ...passengers.map((p) => [p.homeLocationId, homes[p.patientId] ?? 10] as [string, number])];
  return {
    date: '2026-11-23',
    centreLocationId: 'centre',
    locations: positions.map(([id]) => ({ id })),
    travel: { matrix: { travelMin: positions.map(([, a]) => positions.map(([, b]) => Math.abs(a - b))) } },
    vehicles,
    passengers,
    rules,
  };
}
