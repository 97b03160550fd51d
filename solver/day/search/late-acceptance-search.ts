/**
 * Improvement: late-acceptance hill climbing (Burke & Bykov) over the priority list.
 * A candidate is accepted if it is no worse than the current list or than the current
 * cost L iterations ago, which lets the search walk through plateaus and small uphill
 * steps without a temperature to tune. Deterministic for a seed and an iteration budget;
 * anytime with a clock: the best list so far is always kept.
 */
import type { Rng } from '../../model/rng.ts';
import type { ProgressEvent } from '../../model/options.ts';
import type { DaySearchState } from './day-search-state.ts';
import type { DaySearchMove } from './moves/day-search-move.ts';

export interface LateAcceptanceOptions {
  /** Cost of the state's list as it stands (decodes it). */
  evaluate: (state: DaySearchState) => number;
  moves: DaySearchMove[];
  rng: Rng;
  maxIterations: number;
  /** Stop once the best cost is ≤ this. */
  target: number;
  historyLength: number;
  /** After this many iterations without a new best, restart from a shaken copy of the best. */
  restartAfter?: number;
  /** A fresh start for every other restart (e.g. a random list); without it restarts only shake the best. */
  diversify?: (state: DaySearchState, rng: Rng) => void;
  /** Called with each new best list and its cost, right after it was evaluated (e.g. to remember state outside the list, like the decoding scheme). */
  onNewBest?: (best: Int32Array, cost: number) => void;
  now?: () => number;
  deadlineMs?: number;
  onProgress?: (event: ProgressEvent) => void;
  startedMs?: number;
}

export interface SearchOutcome {
  best: Int32Array;
  bestCost: number;
  iterations: number;
  improvements: number;
  timedOut: boolean;
}

/**
 * Searches from `state` as it stands (its list costing `initialCost`); the state is left at
 * wherever the walk ended, the best list is returned. The scheme and meal delays of the best
 * are not restored on a restart (only its list): a seed's plans depend on that.
 */
export function lateAcceptanceSearch(state: DaySearchState, initialCost: number, options: LateAcceptanceOptions): SearchOutcome {
  const { evaluate, moves, rng, maxIterations, target, now, deadlineMs } = options;
  const order = state.order;
  const best = order.slice();
  let bestCost = initialCost;
  let currentCost = initialCost;
  const history = new Float64Array(Math.max(1, options.historyLength)).fill(initialCost);
  let iterations = 0;
  let improvements = 0;
  let timedOut = false;
  let lastGain = 0;
  let restarts = 0;
  const report = (fraction: number) =>
    options.onProgress?.({
      phase: 'improve',
      iteration: iterations,
      bestSoft: bestCost,
      bestHard: 0,
      elapsedMs: now && options.startedMs !== undefined ? now() - options.startedMs : undefined,
      fraction,
    });
  while (iterations < maxIterations && bestCost > target + 1e-9) {
    if (now && deadlineMs !== undefined && (iterations & 15) === 0 && now() >= deadlineMs) {
      timedOut = true;
      break;
    }
    iterations++;
    const move = moves[rng.int(moves.length)]!;
    if (!move.apply(state, rng)) continue;
    const cost = evaluate(state);
    const slot = iterations % history.length;
    if (cost <= currentCost || cost < history[slot]!) {
      currentCost = cost;
      if (cost < bestCost - 1e-9) {
        bestCost = cost;
        best.set(order);
        improvements++;
        lastGain = iterations;
        options.onNewBest?.(best, cost);
        report(progressFraction());
      }
    } else move.undo(state);
    if (currentCost < history[slot]!) history[slot] = currentCost;
    if ((iterations & 1023) === 0) report(progressFraction());
    if (options.restartAfter !== undefined && iterations - lastGain > options.restartAfter) {
      // Stuck: start again from a shaken copy of the best, or from somewhere new, and forget the history.
      restarts++;
      if (options.diversify && restarts % 2 === 0) options.diversify(state, rng);
      else {
        order.set(best);
        const kicks = 2 + rng.int(Math.max(1, Math.ceil(order.length / 10)));
        for (let k = 0; k < kicks; k++) moves[rng.int(moves.length)]!.apply(state, rng);
      }
      currentCost = evaluate(state);
      history.fill(currentCost);
      lastGain = iterations;
    }
  }
  return { best, bestCost, iterations, improvements, timedOut };

  function progressFraction(): number {
    const byIterations = iterations / Math.max(1, maxIterations);
    if (!now || deadlineMs === undefined || options.startedMs === undefined) return Math.min(1, byIterations);
    const span = Math.max(1, deadlineMs - options.startedMs);
    return Math.min(1, Math.max(byIterations, (now() - options.startedMs) / span));
  }
}
