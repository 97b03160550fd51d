// The AppError a call throws, so tests can check which field it names.
import { AppError } from '../../../src/errors/index.ts';

export function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError, but nothing was thrown');
}

/** The dotted paths an AppError's details name. */
export function pathsOf(error: AppError): string[] {
  return Array.isArray(error.details) ? error.details.map((d) => d.path) : [];
}
