// The transport planner's runs (solver/transport) as the timed stops a driver's feed shows.
import type { TransportPlan, TransportProblem } from '../../../solver/index.ts';
import type { TimedStop, VehicleDay } from '../feed-types.ts';

/**
 * One `VehicleDay` per vehicle that has runs: the stops at patients' homes (morning
 * boardings = pickups, afternoon alightings = drop-offs), in time order. Stops at the centre
 * are left out: the driver's calendar is about where to be, and the centre is always there.
 * Stop ids are `${patientId}:pickup` / `${patientId}:drop-off`, stable across replans.
 */
export function vehicleDaysFromTransport(
  plan: Pick<TransportPlan, 'date' | 'runs'>,
  problem: Pick<TransportProblem, 'vehicles' | 'passengers'>,
): VehicleDay[] {
  const passengers = new Map(problem.passengers.map((p) => [p.patientId, p]));
  const stopsByVehicle = new Map<string, TimedStop[]>();
  for (const run of plan.runs) {
    for (const stop of run.stops) {
      const atHome = (run.kind === 'morning' && stop.action === 'board') || (run.kind === 'afternoon' && stop.action === 'alight');
      if (!atHome) continue;
      const passenger = passengers.get(stop.patientId);
      const kind = run.kind === 'morning' ? 'pickup' : 'drop-off';
      const timed: TimedStop = {
        id: `${stop.patientId}:${kind}`,
        patientId: stop.patientId,
        kind,
        startMin: stop.startMin,
        endMin: stop.endMin,
        ...(passenger === undefined ? {} : { mobility: passenger.mobility === 'independent' ? 'walks' : passenger.mobility, carerRidingAlong: passenger.carer === true }),
      };
      stopsByVehicle.set(run.vehicleId, [...(stopsByVehicle.get(run.vehicleId) ?? []), timed]);
    }
  }
  const names = new Map(problem.vehicles.map((v) => [v.id, v.name ?? v.id]));
  return [...stopsByVehicle.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([vehicleId, stops]) => ({
      vehicleId,
      vehicleName: names.get(vehicleId) ?? vehicleId,
      date: plan.date,
      stops: stops.sort((a, b) => a.startMin - b.startMin),
    }));
}
