import type { RoundsPlan, RoundsProblem } from './rounds-problem.ts';

/** One line of a worker's round sheet. */
export interface RoundSheetStop {
  /** 1-based order in the round. */
  order: number;
  visitId: string;
  kind: 'pre-visit' | 'follow-up';
  patientRef?: string;
  patientInitials?: string;
  locationId: string;
  address?: string;
  arriveMin: number;
  startMin: number;
  endMin: number;
  travelMinFromPrevious: number;
  notes?: string;
}

/** A worker's round for the day, as data the API renders (JSON, CSV, printable page, feed). */
export interface RoundSheet {
  date: string;
  workerId: string;
  workerName?: string;
  baseLocationId: string;
  leaveMin: number;
  returnMin: number;
  travelMin: number;
  distanceKm: number;
  stops: RoundSheetStop[];
}

/**
 * Round sheets: per worker, the visits in order with times and pass-through addresses.
 * Patients are shown by reference and initials, not name (information governance).
 */
export function roundSheets(problem: RoundsProblem, plan: RoundsPlan): RoundSheet[] {
  const visits = new Map(problem.visits.map((v) => [v.id, v]));
  const workers = new Map(problem.workers.map((w) => [w.id, w]));
  return plan.rounds.map((round) => {
    const worker = workers.get(round.workerId)!;
    return {
      date: plan.date,
      workerId: worker.id,
      workerName: worker.name,
      baseLocationId: worker.baseLocationId,
      leaveMin: round.leaveMin,
      returnMin: round.returnMin,
      travelMin: round.travelMin,
      distanceKm: round.distanceKm,
      stops: round.stops.map((stop, k) => {
        const visit = visits.get(stop.visitId)!;
        return {
          order: k + 1,
          visitId: visit.id,
          kind: visit.kind,
          patientRef: visit.patientRef,
          patientInitials: visit.patientInitials,
          locationId: stop.locationId,
          address: visit.address,
          arriveMin: stop.arriveMin,
          startMin: stop.startMin,
          endMin: stop.endMin,
          travelMinFromPrevious: stop.travelMinFromPrevious,
          notes: visit.notes,
        };
      }),
    };
  });
}
