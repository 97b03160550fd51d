// Home-visit rounds (pre-visits, follow-ups, a support worker's feed) on a pool thread.
import type { RoundsPlan, RoundsProblem } from '../../../solver/index.ts';
import { solve } from './solve-pool.ts';

/**
 * Plans the rounds off the event loop. A day with no visits needs no solve: every worker
 * stays at base (planRounds would otherwise search for its whole time limit).
 */
export async function planRoundsInWorker(problem: RoundsProblem, options: { seed: number; timeLimitMs?: number; maxIterations?: number; balanceWeight?: number; workerCost?: number }, signal?: AbortSignal): Promise<RoundsPlan> {
  if (problem.visits.length === 0) {
    return {
      date: problem.date,
      rounds: problem.workers.map((w) => ({ workerId: w.id, leaveMin: w.shift.startMin, returnMin: w.shift.startMin, stops: [], travelMin: 0, distanceKm: 0, visitMin: 0 })),
      unplanned: [], totalTravelMin: 0, stats: { iterations: 0, timedOut: false, seed: options.seed },
    };
  }
  return solve<'plan-rounds', RoundsPlan>('plan-rounds', { problem, options }, { timeLimitMs: options.timeLimitMs ?? 60_000, ...(signal ? { signal } : {}) }).result;
}
