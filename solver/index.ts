/**
 * The solver's public surface: the model types, the day planner and what it is built on
 * (scoring, the lower bound, explanations, views), replanning, and the independent checkers.
 * Everything here is pure and deterministic for a seed (STYLE.md).
 */
export * from './model/index.ts';
export { planDay, DEFAULT_MAX_ITERATIONS } from './day/plan-day.ts';
export { buildPlanViews, type PlanViews } from './day/build-plan-views.ts';
export { assembleDayPlan, type DayPlanParts } from './day/assemble-day-plan.ts';
export { planGapPct } from './day/plan-gap.ts';
export { computeLowerBound } from './day/bound/compute-lower-bound.ts';
export { explainUnscheduled, type UnscheduledExplanation } from './day/explain/explain-unscheduled.ts';
export { scorePlan } from './constraints/score-plan.ts';
export { constraintRegistry, allConstraints, type RegisteredConstraint } from './constraints/registry.ts';
export { replanDay } from './replan/replan-day.ts';
export * from './validate/index.ts';
export { planWholeDay, type WholeDayProblem, type WholeDayOptions, type WholeDayResult, type UntimedPassenger } from './plan-whole-day.ts';
// What the service (src/) uses besides the day planner; src/ imports the solver only through
// this file (lint rule in eslint.config.js).
export { formatMinutes, formatInterval } from './model/format-minutes.ts';
export type { ActivityMove, DayChange } from './replan/day-change.ts';
export type { ReplanResult, ReplanStrategy } from './replan/replan-day.ts';
export { ReplanInputError } from './replan/replan-input-error.ts';
export * from './transport/transport-problem.ts';
export { planTransport, repairTransport } from './transport/plan-transport.ts';
export { runSheets, type RunSheet } from './transport/run-sheets.ts';
export * from './rounds/rounds-problem.ts';
export { planRounds } from './rounds/plan-rounds.ts';
export type { TravelLocation } from './routing/travel/travel-times.ts';
export { buildTravel, indexLocations, type TravelSource } from './routing/build-travel.ts';
export * from './booking/booking-problem.ts';
export { BookingInputError } from './booking/check-booking-input.ts';
export { planBooking, type BookingPlan } from './booking/plan-booking.ts';
export * from './lp/index.ts';
export * from './outreach/index.ts';
