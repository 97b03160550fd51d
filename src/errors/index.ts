export * from './app-error.ts';
export * from './from-zod-error.ts';
