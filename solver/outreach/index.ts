/** Care-home outreach: the outreach day planner, its problem and plan, and replanning. */
export * from './outreach-problem.ts';
export * from './outreach-plan.ts';
export { planOutreachDay, DEFAULT_OUTREACH_ITERATIONS, type OutreachSolveOptions } from './plan-outreach-day.ts';
export { outreachTravel } from './outreach-travel.ts';
export { assembleOutreachPlan, type OutreachPlanParts } from './assemble-outreach-plan.ts';
export { replanOutreachDay, type OutreachChange, type OutreachVisitMove, type OutreachReplanResult } from './replan-outreach-day.ts';
export { bookOutreachDays, type OutreachBookingProblem, type OutreachBookingResident, type OutreachBookingDay, type OutreachBookingResult } from './book-outreach-days.ts';
