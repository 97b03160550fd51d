/**
 * The search, the second phase of each run: late-acceptance hill climbing over the state from
 * the run's construction, with the run's own generator; each new best goes to
 * search.noteIfBest.
 */
import type { ProgressEvent } from '../../model/options.ts';
import { createRng } from '../../model/rng.ts';
import type { DaySearch } from '../search/day-search.ts';
import { lateAcceptanceSearch, type SearchOutcome } from '../search/late-acceptance-search.ts';
import { daySearchMoves } from '../search/moves/day-search-moves.ts';
import { randomPatientOrder } from '../search/random-patient-order.ts';
import type { ConstructedRun } from './construct-run.ts';

export interface RunBudget {
  maxIterations: number;
  deadlineMs: number | undefined;
  /** Maps the run's own progress onto the whole planDay call's. */
  progress: (event: ProgressEvent) => ProgressEvent;
  /** Told of each new best of this run (the decoder's meal delays are the state's then). */
  onRunBest?: (order: Int32Array, cost: number) => void;
}

export function improveRun(search: DaySearch, runSeed: number, from: ConstructedRun, budget: RunBudget): SearchOutcome {
  const { day, state, iccDay } = search;
  const report = search.bestSoFar?.onProgress ?? search.options.onProgress;
  state.order = from.order.slice();
  return lateAcceptanceSearch(state, from.cost, {
    evaluate: search.evaluate,
    moves: daySearchMoves(day, iccDay),
    rng: createRng(runSeed),
    maxIterations: budget.maxIterations,
    target: search.target + 0.01,
    historyLength: Math.max(20, Math.min(1000, day.activityCount * 2)),
    now: search.options.now,
    deadlineMs: budget.deadlineMs,
    onProgress: report ? (event) => report(budget.progress(event)) : undefined,
    startedMs: search.startedMs,
    // ICC days keep improving slowly for longer: on the demo days, restarting after 100 ×
    // activities without a gain did better than after 20 × (16 and 32 patients, seeds 1–3).
    restartAfter: Math.max(2000, (iccDay ? 100 : 20) * day.activityCount),
    diversify: (restarted, random) => {
      if (iccDay) {
        // A fresh plausible plan (patients in a new order) rather than a random list.
        randomPatientOrder(day, restarted.order, random);
        return;
      }
      const { order } = restarted;
      for (let i = order.length - 1; i > 0; i--) {
        const j = random.int(i + 1);
        const x = order[i]!;
        order[i] = order[j]!;
        order[j] = x;
      }
      restarted.scheme = random.int(restarted.schemeCount);
    },
    onNewBest: (best, cost) => {
      search.noteIfBest(best, cost);
      budget.onRunBest?.(best, cost);
    },
  });
}
