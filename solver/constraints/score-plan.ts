/**
 * Scores a set of planned activities against every registered constraint.
 *
 * Cost: building the context sorts the activities (O(n log n)); each constraint is a
 * linear pass or a sweep over sorted lists, so one call is O(n log n) plus the number of
 * overlapping pairs. A search that moves one patient at a time could re-score only that
 * patient's, staff members' and rooms' lists; this full evaluation is the reference it must
 * agree with, and at ICC sizes (≤ 64 patients, ~500 activities) it takes well under a
 * millisecond per call, so the search can afford it for accepted moves.
 */
import type { DayProblem } from '../model/day-problem.ts';
import type { ConstraintScore, Itinerary, PlannedActivity, PlanScore, UnscheduledAssessment } from '../model/day-plan.ts';
import { DEFAULT_WEIGHTS, type ObjectiveWeights } from '../model/options.ts';
import { buildConstraintContext } from './context.ts';
import { allConstraints } from './registry.ts';

/**
 * The plan's score: `hard` counts hard violations (0 = feasible), `soft` is the weighted
 * objective the planner minimises, `byConstraint` lists every constraint (also those with
 * no violations) with its penalty, count and violations.
 *
 * @example
 * const score = scorePlan(problem, plan.activities, plan.unscheduled, DEFAULT_WEIGHTS);
 * if (score.hard > 0) console.log(score.byConstraint.flatMap((c) => c.violations).map((v) => v.message));
 */
export function scorePlan(
  problem: DayProblem,
  activities: readonly PlannedActivity[],
  unscheduled: readonly UnscheduledAssessment[] = [],
  weights: Partial<ObjectiveWeights> = DEFAULT_WEIGHTS,
  /** The plan's itineraries: their arrival and departure are then the patient's (as the checker reads them). */
  itineraries: readonly Itinerary[] = [],
): PlanScore {
  const fullWeights = weights === DEFAULT_WEIGHTS ? DEFAULT_WEIGHTS : { ...DEFAULT_WEIGHTS, ...weights };
  const ctx = buildConstraintContext(problem, activities, unscheduled, fullWeights, itineraries);
  let hard = 0;
  let soft = 0;
  const byConstraint: ConstraintScore[] = [];
  for (const constraint of allConstraints()) {
    const violations = constraint.evaluate(ctx);
    let penalty = 0;
    for (const v of violations) penalty += v.penalty;
    if (constraint.level === 'hard') hard += penalty;
    else soft += penalty;
    byConstraint.push({ constraint: constraint.name, level: constraint.level, penalty, count: violations.length, violations });
  }
  return { hard, soft, byConstraint };
}
