export * from './lp-model.ts';
export * from './verify-solution.ts';
export * from './accept-answer.ts';
export * from './jsls-solver.ts';
