export * from './travel-times.ts';
export * from './coordinate-travel-times.ts';
export * from './matrix-travel-times.ts';
export * from './euclidean-travel-times.ts';
