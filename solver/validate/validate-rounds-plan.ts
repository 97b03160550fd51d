/**
 * Independent checker for a date's home-visit rounds (SPEC §3B pre-visits, §3E follow-ups):
 * it re-verifies each round from the problem and the travel times the caller supplies, using
 * only the rounds types, no planner code.
 */
import type { Violation } from '../model/violation.ts';
import type { HomeVisit, Round, RoundsPlan, RoundsProblem, RoundWorker } from '../rounds/rounds-problem.ts';
import { clockText } from './clock-text.ts';
import { hardViolation } from './hard-violation.ts';

export interface RoundsCheckOptions {
  /** Travel minutes between two location ids (the same provider the planner was given). */
  travelMin: (fromLocationId: string, toLocationId: string) => number;
  /** Slack for fractional travel times (default 1e-6 min). */
  epsilon?: number;
}

export interface RoundsValidation {
  valid: boolean;
  violations: Violation[];
}

type Add = (constraint: string, message: string, justification: Record<string, string | number | boolean | undefined>) => void;

/**
 * Verifies a rounds plan: every visit made exactly once or reported unplanned (never silently
 * dropped); made by a known worker with the required skill; lasting its duration, wholly inside
 * its window, started no earlier than the arrival; arrivals leave room for the drive from the
 * previous stop (or the base) and the worker is back at the end location by the end of their
 * shift, having left no earlier than its start; one worker does one round at a time; reported
 * travel and visit minutes match.
 */
export function validateRoundsPlan(problem: RoundsProblem, plan: RoundsPlan, options: RoundsCheckOptions): RoundsValidation {
  const eps = options.epsilon ?? 1e-6;
  const violations: Violation[] = [];
  const add: Add = (constraint, message, justification) => violations.push(hardViolation(constraint, message, justification));
  const workerById = new Map(problem.workers.map((w) => [w.id, w]));
  const visitById = new Map(problem.visits.map((v) => [v.id, v]));

  for (const visit of problem.visits) {
    const made = plan.rounds.flatMap((r) => r.stops).filter((s) => s.visitId === visit.id).length;
    const listed = plan.unplanned.filter((u) => u.visitId === visit.id).length;
    const base = { visitId: visit.id, patientId: visit.patientId, made, listedUnplanned: listed };
    if (made === 0 && listed === 0) add('roundsCoverage', `Visit ${visit.id} (${visit.patientId}) is neither planned nor reported unplanned.`, { ...base, rule: 'dropped' });
    else if (made > 1) add('roundsCoverage', `Visit ${visit.id} (${visit.patientId}) is planned ${made} times.`, { ...base, rule: 'duplicate' });
    else if (made === 1 && listed > 0) add('roundsCoverage', `Visit ${visit.id} (${visit.patientId}) is planned and also reported unplanned.`, { ...base, rule: 'planned-and-unplanned' });
  }

  let totalTravelMin = 0;
  plan.rounds.forEach((round, roundIndex) => {
    const worker = workerById.get(round.workerId);
    if (!worker) {
      add('roundsKnownReferences', `Round ${roundIndex + 1} is for unknown worker '${round.workerId}'.`, { roundIndex, workerId: round.workerId });
      return;
    }
    totalTravelMin += checkRound(round, roundIndex, worker, visitById, options.travelMin, eps, add);
  });

  for (let i = 0; i < plan.rounds.length; i++) {
    for (let j = i + 1; j < plan.rounds.length; j++) {
      const a = plan.rounds[i]!;
      const b = plan.rounds[j]!;
      if (a.workerId === b.workerId && a.leaveMin < b.returnMin && b.leaveMin < a.returnMin) {
        add('roundsWorkerShift', `Worker ${a.workerId} has two rounds at once (${clockText(a.leaveMin)}–${clockText(a.returnMin)} and ${clockText(b.leaveMin)}–${clockText(b.returnMin)}).`, { workerId: a.workerId, firstRoundIndex: i, secondRoundIndex: j });
      }
    }
  }
  if (Math.abs(plan.totalTravelMin - totalTravelMin) > eps * Math.max(1, totalTravelMin)) {
    add('roundsReportedTotals', `The plan reports ${plan.totalTravelMin} travel minutes; its rounds drive ${totalTravelMin}.`, { reported: plan.totalTravelMin, recomputed: totalTravelMin });
  }
  return { valid: violations.length === 0, violations };
}

/** Checks one round; returns its recomputed travel minutes. */
function checkRound(
  round: Round,
  roundIndex: number,
  worker: RoundWorker,
  visitById: Map<string, HomeVisit>,
  travelMin: RoundsCheckOptions['travelMin'],
  eps: number,
  add: Add,
): number {
  const who = worker.name ?? worker.id;
  const endLocationId = worker.endLocationId ?? worker.baseLocationId;
  if (round.leaveMin < worker.shift.startMin - eps || round.returnMin > worker.shift.endMin + eps) {
    add('roundsWorkerShift', `${who}'s round ${clockText(round.leaveMin)}–${clockText(round.returnMin)} is outside their shift ${clockText(worker.shift.startMin)}–${clockText(worker.shift.endMin)}.`, {
      roundIndex,
      workerId: worker.id,
      leaveMin: round.leaveMin,
      returnMin: round.returnMin,
      shiftStartMin: worker.shift.startMin,
      shiftEndMin: worker.shift.endMin,
    });
  }
  let here = worker.baseLocationId;
  let freeMin = round.leaveMin;
  let drivenMin = 0;
  let visitMin = 0;
  for (const stop of round.stops) {
    const visit = visitById.get(stop.visitId);
    const base = { roundIndex, workerId: worker.id, visitId: stop.visitId };
    if (!visit) {
      add('roundsKnownReferences', `${who}'s round makes unknown visit '${stop.visitId}'.`, base);
      continue;
    }
    if (stop.patientId !== visit.patientId || stop.locationId !== visit.locationId) {
      add('roundsKnownReferences', `${who}'s stop for visit ${visit.id} names ${stop.patientId} at ${stop.locationId}; the visit is ${visit.patientId} at ${visit.locationId}.`, base);
    }
    if (visit.requiredSkill !== undefined && !(worker.skills ?? []).includes(visit.requiredSkill)) {
      add('roundsWorkerSkill', `${who} lacks the skill '${visit.requiredSkill}' for visit ${visit.id} (${visit.patientId}).`, { ...base, requiredSkill: visit.requiredSkill });
    }
    if (stop.endMin - stop.startMin !== visit.durationMin) {
      add('roundsVisitDuration', `Visit ${visit.id} lasts ${stop.endMin - stop.startMin} min; it takes ${visit.durationMin}.`, { ...base, actualMin: stop.endMin - stop.startMin, expectedMin: visit.durationMin });
    }
    if (stop.startMin < visit.window.startMin - eps || stop.endMin > visit.window.endMin + eps) {
      add('roundsVisitWindow', `Visit ${visit.id} (${visit.patientId}) at ${clockText(stop.startMin)}–${clockText(stop.endMin)} is outside its window ${clockText(visit.window.startMin)}–${clockText(visit.window.endMin)}.`, {
        ...base,
        startMin: stop.startMin,
        endMin: stop.endMin,
        windowStartMin: visit.window.startMin,
        windowEndMin: visit.window.endMin,
      });
    }
    const legMin = travelMin(here, visit.locationId);
    drivenMin += legMin;
    visitMin += visit.durationMin;
    if (stop.arriveMin < freeMin + legMin - eps || stop.startMin < stop.arriveMin - eps) {
      add('roundsTravelTime', `${who} cannot start visit ${visit.id} at ${clockText(stop.startMin)}: free at ${clockText(freeMin)} with a ${legMin}-min drive (arrival reported ${clockText(stop.arriveMin)}).`, {
        ...base,
        freeMin,
        legMin,
        arriveMin: stop.arriveMin,
        startMin: stop.startMin,
      });
    }
    if (Math.abs(stop.travelMinFromPrevious - legMin) > eps) {
      add('roundsReportedTotals', `Visit ${visit.id} reports ${stop.travelMinFromPrevious} min of driving before it; the drive takes ${legMin}.`, { ...base, reported: stop.travelMinFromPrevious, recomputed: legMin });
    }
    here = visit.locationId;
    freeMin = Math.max(freeMin, stop.endMin);
  }
  const homeLegMin = travelMin(here, endLocationId);
  drivenMin += homeLegMin;
  if (round.returnMin < freeMin + homeLegMin - eps) {
    add('roundsTravelTime', `${who} cannot be back at ${endLocationId} by ${clockText(round.returnMin)}: the last visit ends ${clockText(freeMin)} and the drive takes ${homeLegMin} min.`, { roundIndex, workerId: worker.id, returnMin: round.returnMin, earliestReturnMin: freeMin + homeLegMin });
  }
  if (Math.abs(round.travelMin - drivenMin) > eps * Math.max(1, drivenMin) || round.visitMin !== visitMin) {
    add('roundsReportedTotals', `${who}'s round reports ${round.travelMin} min driving and ${round.visitMin} min visiting; it has ${drivenMin} and ${visitMin}.`, { roundIndex, workerId: worker.id, reportedTravelMin: round.travelMin, travelMin: drivenMin, reportedVisitMin: round.visitMin, visitMin });
  }
  return drivenMin;
}
