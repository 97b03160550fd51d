export * from './day-problem.ts';
export * from './day-plan.ts';
export * from './options.ts';
export * from './violation.ts';
export * from './rng.ts';
