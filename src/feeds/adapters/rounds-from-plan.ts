// The rounds planner's answer (solver/rounds) as the visits a support worker's feed shows.
import type { RoundsPlan, RoundsProblem } from '../../../solver/index.ts';
import type { SupportWorkerRound } from '../feed-types.ts';

/**
 * One `SupportWorkerRound` per planned round, its visits in order with their start and end.
 * Stop ids are the home visits' own ids, stable across replans.
 */
export function roundsFromPlan(
  plan: Pick<RoundsPlan, 'date' | 'rounds'>,
  problem: Pick<RoundsProblem, 'workers' | 'visits'>,
): SupportWorkerRound[] {
  const workers = new Map(problem.workers.map((w) => [w.id, w.name ?? w.id]));
  const visitKinds = new Map(problem.visits.map((v) => [v.id, v.kind]));
  return plan.rounds.map((round) => ({
    supportWorkerId: round.workerId,
    supportWorkerName: workers.get(round.workerId) ?? round.workerId,
    date: plan.date,
    visits: round.stops.map((stop) => ({
      id: stop.visitId,
      patientId: stop.patientId,
      kind: 'home-visit' as const,
      visitKind: visitKinds.get(stop.visitId) ?? 'pre-visit',
      startMin: stop.startMin,
      endMin: stop.endMin,
    })),
  }));
}
