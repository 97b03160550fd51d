/**
 * The one way a DayPlan is put together from its activities (the single source of truth):
 * views, score and gap are derived from them here, so a plan's parts always agree.
 */
import type { DayProblem } from '../model/day-problem.ts';
import type { DayPlan, PlanBound, PlannedActivity, PlanStats, UnscheduledAssessment } from '../model/day-plan.ts';
import { DEFAULT_WEIGHTS, type ObjectiveWeights } from '../model/options.ts';
import { scorePlan } from '../constraints/score-plan.ts';
import { buildPlanViews } from './build-plan-views.ts';
import { planGapPct } from './plan-gap.ts';

export interface DayPlanParts {
  activities: PlannedActivity[];
  unscheduled: UnscheduledAssessment[];
  bound: PlanBound;
  stats: PlanStats;
  /** The weights the plan is scored with (DEFAULT_WEIGHTS when absent). */
  weights?: Partial<ObjectiveWeights>;
}

/**
 * @example
 * const plan = assembleDayPlan(problem, { activities, unscheduled, bound, stats });
 * plan.score.soft; plan.gapPct; plan.itineraries;
 */
export function assembleDayPlan(problem: DayProblem, { activities, unscheduled, bound, stats, weights = DEFAULT_WEIGHTS }: DayPlanParts): DayPlan {
  const views = buildPlanViews(problem, activities);
  const score = scorePlan(problem, activities, unscheduled, weights, views.itineraries);
  return {
    date: problem.date,
    activities,
    ...views,
    unscheduled,
    score,
    bound,
    gapPct: planGapPct(score.soft, bound.value),
    stats,
  };
}
