import { passengerLoad } from './plan-transport.ts';
import type { Mobility, RunKind, TransportPlan, TransportProblem } from './transport-problem.ts';

/** A passenger as the driver needs to know them (initials and reference, not name). */
export interface RunSheetPassenger {
  patientId: string;
  ref?: string;
  initials?: string;
  mobility: Mobility;
  carer: boolean;
  /** When this passenger's boarding (or alighting) starts and ends: one stop can hold several, at different times. */
  startMin: number;
  endMin: number;
}

/** One stop of a run sheet: everyone boarding or alighting at one place, in one go. */
export interface RunSheetStop {
  /** 1-based order in the run. */
  order: number;
  locationId: string;
  /** Pass-through: the passenger's address at a home, `centreAddress` at the centre. */
  address?: string;
  isCentre: boolean;
  arriveMin: number;
  departMin: number;
  boarding: RunSheetPassenger[];
  alighting: RunSheetPassenger[];
  /** On board after the stop. */
  onBoard: { patientIds: string[]; seatsUsed: number; wheelchairSpacesUsed: number; carers: number };
}

/** A vehicle's run (morning or afternoon), as data the API renders (JSON, CSV, printable). */
export interface RunSheet {
  date: string;
  vehicleId: string;
  vehicleName?: string;
  kind: RunKind;
  leaveMin: number;
  finishMin: number;
  seats: number;
  wheelchairSpaces: number;
  distanceKm: number;
  stops: RunSheetStop[];
}

/**
 * Run sheets: per vehicle and run, the ordered stops with times, addresses, who boards
 * and alights (mobility, carer) and who is on board afterwards.
 */
export function runSheets(problem: TransportProblem, plan: TransportPlan, centreAddress?: string): RunSheet[] {
  const passengers = new Map(problem.passengers.map((p) => [p.patientId, p]));
  const vehicles = new Map(problem.vehicles.map((v) => [v.id, v]));
  return plan.runs.map((run) => {
    const vehicle = vehicles.get(run.vehicleId)!;
    const onBoard = new Set<string>();
    const stops: RunSheetStop[] = [];
    for (const stop of run.stops) {
      const p = passengers.get(stop.patientId)!;
      const person: RunSheetPassenger = { patientId: p.patientId, ref: p.ref, initials: p.initials, mobility: p.mobility, carer: Boolean(p.carer), startMin: stop.startMin, endMin: stop.endMin };
      const isCentre = stop.locationId === problem.centreLocationId;
      let current = stops[stops.length - 1];
      if (!current || current.locationId !== stop.locationId) {
        current = {
          order: stops.length + 1,
          locationId: stop.locationId,
          address: isCentre ? centreAddress : p.address,
          isCentre,
          arriveMin: stop.startMin,
          departMin: stop.endMin,
          boarding: [],
          alighting: [],
          onBoard: { patientIds: [], seatsUsed: 0, wheelchairSpacesUsed: 0, carers: 0 },
        };
        stops.push(current);
      }
      current.departMin = Math.max(current.departMin, stop.endMin);
      if (stop.action === 'board') { current.boarding.push(person); onBoard.add(p.patientId); }
      else { current.alighting.push(person); onBoard.delete(p.patientId); }
      current.onBoard = occupancy(onBoard, passengers);
    }
    return {
      date: plan.date, vehicleId: vehicle.id, vehicleName: vehicle.name, kind: run.kind,
      leaveMin: run.leaveMin, finishMin: run.finishMin, seats: vehicle.seats, wheelchairSpaces: vehicle.wheelchairSpaces,
      distanceKm: run.distanceKm, stops,
    };
  });
}

function occupancy(onBoard: Set<string>, passengers: Map<string, TransportProblem['passengers'][number]>): RunSheetStop['onBoard'] {
  let seatsUsed = 0;
  let wheelchairSpacesUsed = 0;
  let carers = 0;
  for (const id of onBoard) {
    const p = passengers.get(id)!;
    const [seats, spaces] = passengerLoad(p);
    seatsUsed += seats;
    wheelchairSpacesUsed += spaces;
    if (p.carer) carers++;
  }
  return { patientIds: [...onBoard].sort(), seatsUsed, wheelchairSpacesUsed, carers };
}
