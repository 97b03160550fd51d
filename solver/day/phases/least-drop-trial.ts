/**
 * A second plan of the day without the one assessment the lower bound found cheapest to leave
 * out (compute-lower-bound.ts, leastDrop), tried when the plan leaves out more than that costs.
 *
 * Why: the decoder places whatever fits, so no search move gives up a placed assessment to make
 * room. On the staff-off varied day (an ANP and a pharmacist off) the bound proves one
 * assessment must go, and that JB-0007's review (priority 4.54) is the cheapest single drop
 * after which the first and last slots (ANPs, geriatricians) can pair up for everyone else;
 * planDay left out JB-0002's and JB-0005's reviews (2 × 3.86) instead, with a plan placing
 * JB-0007's, and no move of one to three patients' days leads from there to a plan without it
 * (the rebuild searched 19k iterations with that review held out and placed one review, not
 * two: the seventh review needs a patient reviewed before lunch, a change of most days at once).
 * Planned from scratch without it, the day is one the search can pack.
 *
 * The trial is a plan of the day with that requirement taken away, by the same planner at a
 * share of the budget; its plan is a plan of the real day (a precedence binds only placed
 * activities) with that assessment unscheduled, and is kept when it scores less.
 *
 * Fixed budgets, staff-off at 16k (trial 4k more), seeds 1-8: 8533 / 8485 / 8473 / 8467 / 8479 /
 * 8485 / 8485 / 8533 (2 out each) -> 5318.5 / 8485 / 8473 / 5330.5 / 8479 / 8485 / 5324.5 / 8533
 * (JB-0007's review alone out on seeds 1, 4, 7; CP-SAT's 10-s plan in the last benchmark 5360.5).
 * The day without the review is itself hard to pack (seven reviews, one before lunch): planned
 * alone at 4k, seeds 1-6 placed everything on 1 and 4 only; at 16k on 1, 2 and 4 of 1-4. A
 * trial of half the budget did no better on seeds 1-4.
 */
import type { DayProblem } from '../../model/day-problem.ts';
import type { DayPlan } from '../../model/day-plan.ts';
import type { ObjectiveWeights, SolveOptions } from '../../model/options.ts';
import { MEAL_TYPE_ID } from '../../model/day-problem.ts';
import { assembleDayPlan } from '../assemble-day-plan.ts';
import { explainUnscheduled } from '../explain/explain-unscheduled.ts';
import type { LeastDrop } from '../bound/compute-lower-bound.ts';

/** The trial's budget, as a share of the plan's own (iterations on top of it). */
export const LEAST_DROP_TRIAL_SHARE = 0.25;

/**
 * The trial's plan (of `problem`, scored by scorePlan), or undefined when there is none to
 * make: no least drop, no budget (a timed open-shop day), a pinned drop, or a plan that leaves
 * out no more than the drop costs. `plan` is the planner's own; `budget` its iteration budget
 * (the trial gets LEAST_DROP_TRIAL_SHARE of it) and, on a timed solve, the time left for the
 * trial; `solve` plans a day (planDay without a trial).
 */
export function leastDropTrial(
  problem: DayProblem,
  options: SolveOptions,
  weights: ObjectiveWeights,
  leastDrop: LeastDrop | undefined,
  plan: DayPlan,
  budget: { iterations: number; timeLimitMs?: number } | undefined,
  solve: (problem: DayProblem, options: SolveOptions) => DayPlan,
): DayPlan | undefined {
  // On budgeted solves only (a fixed budget given, or a timed ICC day's: phases/timed-budget.ts).
  if (!leastDrop || !budget) return undefined;
  const priority = new Map(problem.patients.map((p) => [p.id, p.priority]));
  const penalty = (patientId: string) => weights.unscheduled * (priority.get(patientId) ?? 0);
  const leftOut = plan.unscheduled.filter((u) => u.typeId !== MEAL_TYPE_ID).reduce((sum, u) => sum + penalty(u.patientId), 0);
  if (leftOut <= penalty(leastDrop.patientId) + 1e-9) return undefined;
  if (problem.pins?.some((pin) => pin.patientId === leastDrop.patientId && pin.typeId === leastDrop.typeId)) return undefined;
  const without = withoutRequirement(problem, leastDrop);
  if (!without) return undefined;
  const { onProgress: _progress, onBestPlan: _best, startFrom: _start, knownBound: _known, ...rest } = options;
  const { timeLimitMs: _limit, ...untimed } = rest;
  const trial = solve(without, { ...untimed, maxIterations: Math.max(1, Math.round(LEAST_DROP_TRIAL_SHARE * budget.iterations)), ...(budget.timeLimitMs !== undefined ? { timeLimitMs: budget.timeLimitMs } : {}) });
  const { reason, message } = explainUnscheduled(problem, trial.activities, leastDrop.patientId, leastDrop.typeId);
  return assembleDayPlan(problem, {
    activities: trial.activities,
    unscheduled: [...trial.unscheduled, { patientId: leastDrop.patientId, typeId: leastDrop.typeId, reason, message }],
    bound: plan.bound,
    weights,
    stats: {
      ...trial.stats,
      iterations: plan.stats.iterations + trial.stats.iterations,
      improvements: plan.stats.improvements + trial.stats.improvements,
      ...(plan.stats.elapsedMs !== undefined && trial.stats.elapsedMs !== undefined ? { elapsedMs: plan.stats.elapsedMs + trial.stats.elapsedMs } : {}),
      method: `${trial.stats.method ?? 'planDay'}, without the bound's least drop (${leastDrop.typeId})`,
    },
  });
}

/** The day with one requirement of one patient taken away; undefined when the patient has none of that type. */
function withoutRequirement(problem: DayProblem, drop: LeastDrop): DayProblem | undefined {
  const patient = problem.patients.find((p) => p.id === drop.patientId);
  const k = patient?.required.findIndex((r) => r.typeId === drop.typeId) ?? -1;
  if (!patient || k < 0) return undefined;
  const required = patient.required.filter((_, i) => i !== k);
  return { ...problem, patients: problem.patients.map((p) => (p === patient ? { ...patient, required } : p)) };
}
