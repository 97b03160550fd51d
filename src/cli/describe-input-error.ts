import { DayProblemValidationError } from '../domain/day-problem-schema.ts';
import { CliInputError } from './cli-input-error.ts';

/** The message for an input error (one line per bad field), or null if the error is not about input. */
export function describeInputError(error: unknown): string | null {
  if (error instanceof CliInputError) return error.message;
  if (error instanceof DayProblemValidationError) {
    return ['invalid day problem:', ...error.issues.map((i) => `  ${i.path || '(document)'}: ${i.message}`)].join('\n');
  }
  return null;
}
