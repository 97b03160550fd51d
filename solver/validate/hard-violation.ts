import type { Justification, Violation } from '../model/violation.ts';

/** A hard violation found by the checker: penalty 1, named facts, a sentence. */
export function hardViolation(constraint: string, message: string, justification: Justification): Violation {
  return { constraint, level: 'hard', penalty: 1, message, justification };
}
