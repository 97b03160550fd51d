// zod issues → a 400 whose details name each field. Unknown keys are reported by their own
// name (zod puts them on the parent's path).
import type { z } from 'zod';
import { appError, type AppError, type ErrorDetail } from './app-error.ts';

export function fromZodError(error: z.ZodError, what: string): AppError {
  const details: ErrorDetail[] = error.issues.flatMap((issue) => {
    const base = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: [...base, key].join('.'), message: `${key} is not a known field` }));
    }
    return [{ path: base.join('.') || '(body)', message: issue.message }];
  });
  const summary = details.map((d) => `${d.path}: ${d.message}`).join('; ');
  return appError.validation(`Invalid ${what}: ${summary}`, details);
}

/** Parses `input` with `schema` or throws a field-naming 400. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw fromZodError(result.error, what);
  return result.data;
}
