/**
 * The solver's public surface: the model types, the day planner and what it is built on
 * (scoring, the lower bound, explanations, views), replanning, and the independent checkers.
 * Everything here is pure and deterministic for a seed (STYLE.md).
 */
export * from './model/index.ts';
export { planDay, DEFAULT_MAX_ITERATIONS } from './day/plan-day.ts';
export { buildPlanViews, type PlanViews } from './day/build-plan-views.ts';
export { computeLowerBound } from './day/bound/compute-lower-bound.ts';
export { explainUnscheduled, type UnscheduledExplanation } from './day/explain/explain-unscheduled.ts';
export { scorePlan } from './constraints/score-plan.ts';
export { constraintRegistry, allConstraints, type RegisteredConstraint } from './constraints/registry.ts';
export { replanDay } from './replan/replan-day.ts';
export * from './validate/index.ts';
export { planWholeDay, type WholeDayProblem, type WholeDayOptions, type WholeDayResult, type UntimedPassenger } from './plan-whole-day.ts';
