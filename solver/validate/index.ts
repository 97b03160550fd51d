/** The independent checkers: each re-verifies a planner's answer from scratch. */
export { validatePlan, DAY_PLAN_CHECKS, type PlanValidation } from './validate-plan.ts';
export { validateVrptwSolution, type VrptwCheckOptions } from './validate-vrptw-solution.ts';
export { validateDarpSolution } from './validate-darp-solution.ts';
export { validateTransportPlan, type TransportCheckOptions, type TransportValidation } from './validate-transport-plan.ts';
export { validateRoundsPlan, type RoundsCheckOptions, type RoundsValidation } from './validate-rounds-plan.ts';
export type { DarpCheckInstance, DarpNodeWithDimensions, RoutingCheckOptions, RoutingValidation } from './routing-types.ts';
export { validateOutreachPlan, type OutreachCheckOptions, type OutreachValidation } from './validate-outreach-plan.ts';
