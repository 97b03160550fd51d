/**
 * The day planner (SPEC §3C): every attending patient's CGA itinerary across staff and rooms.
 *
 * Method: a serial schedule-generation scheme (DayDecoder) turns a priority list of
 * activities into a feasible schedule — each activity at its earliest start where the
 * patient, a qualified staff member and a room are free and every hard rule holds. A few
 * construction rules give starting lists; late-acceptance hill climbing over the list
 * (swap, relocate, move a whole patient) improves it against the weighted soft objective.
 * Because the decoder enforces the hard rules, every plan the search sees is feasible.
 * With a makespan objective, parallel schemes also decode, and each pick looks one step ahead
 * at a target end: the makespan bound, later just below the best plan (TargetEnd).
 *
 * The phases, in solver/day/phases: independent runs (independent-runs.ts), each a
 * construction (construct-run.ts) and a search (improve-run.ts); then the final repair
 * (finish-plan.ts). Their shared state is one DaySearch (search/day-search.ts).
 */
import type { DayProblem } from '../model/day-problem.ts';
import type { DayPlan, PlanBound } from '../model/day-plan.ts';
import type { SolveOptions } from '../model/options.ts';
import { assembleDayPlan } from './assemble-day-plan.ts';
import { createDaySearch, type DaySearch } from './search/day-search.ts';
import { leastDropTrial } from './phases/least-drop-trial.ts';
import { runIndependentRuns } from './phases/independent-runs.ts';
import { finishPlan } from './phases/finish-plan.ts';
import { budgetByTime } from './phases/timed-budget.ts';

export { DEFAULT_MAX_ITERATIONS } from './search/day-search.ts';
export { ICC_RUN_TIERS, iccRebuildShare, iccRunCount, iccTimedRebuildShare } from './phases/independent-runs.ts';

/**
 * Plans one ICC day. Deterministic for a given problem, `seed` and `maxIterations`; with
 * `timeLimitMs` and a `now` clock it is anytime (the best plan found by the deadline).
 * Stops early at `targetSoft` or when the lower bound is reached.
 *
 * @throws Error naming the field when the problem is malformed (impossible plans are not
 *   errors: what cannot be placed is listed in `unscheduled` with a reason).
 * @example
 * const plan = planDay(problem, { seed: 1, timeLimitMs: 5000, now: () => performance.now() });
 * plan.itineraries;  // one per patient
 * plan.unscheduled;  // [{ patientId, typeId, reason: 'no-staff-free', message }]
 */
export function planDay(problem: DayProblem, options: SolveOptions = {}): DayPlan {
  const search = createDaySearch(problem, options);
  const endMs = search.clock ? search.clock.startedMs + search.clock.timeLimitMs : undefined;
  budgetByTime(search, true);
  const plan = planWith(search);
  // The plan leaves out more than the bound's cheapest single drop costs: a plan without that one too,
  // at a fixed budget or a budgeted timed solve (with what is left of the time limit as its own).
  const budget = !search.budgeted || (options.maxIterations === undefined && endMs === undefined) ? undefined : { iterations: search.maxIterations, ...(endMs !== undefined ? { timeLimitMs: Math.max(1, endMs - options.now!()) } : {}) };
  const trial = leastDropTrial(problem, options, search.weights, search.leastDrop, plan, budget, (without, opts) => {
    const trialSearch = createDaySearch(without, opts);
    budgetByTime(trialSearch, false);
    return planWith(trialSearch);
  });
  const chosen = trial && trial.score.soft < plan.score.soft - 1e-9 ? trial : plan;
  options.onProgress?.({ phase: 'done', iteration: chosen.stats.iterations, bestSoft: chosen.score.soft, bestHard: chosen.score.hard, elapsedMs: search.elapsedMs(), fraction: 1 });
  return chosen;
}

/** The runs and the final repair on one day search. */
function planWith(search: DaySearch): DayPlan {
  const { problem } = search;
  const runs = runIndependentRuns(search);
  const { activities, unscheduled, rebuilt } = finishPlan(search, runs);
  return assembleDayPlan(problem, {
    activities,
    unscheduled,
    bound: search.bound,
    weights: search.weights,
    stats: {
      iterations: runs.iterations + (rebuilt?.iterations ?? 0),
      improvements: runs.improvements + (rebuilt?.improvements ?? 0),
      elapsedMs: search.elapsedMs(),
      timedOut: runs.timedOut || search.sizedByTime,
      seed: search.seed,
      method: `late acceptance over a priority list, ${search.schemes[search.best.scheme]!.name} decoding`,
    },
  });
}

export type { PlanBound };
