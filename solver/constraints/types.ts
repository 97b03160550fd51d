/** The shape every constraint shares: one named function from the context to its violations. */
import type { Justification, Violation } from '../model/violation.ts';
import type { ConstraintContext } from './context.ts';

export type ConstraintFunction = (ctx: ConstraintContext) => Violation[];

/** A hard violation: penalty 1, so the plan's hard score counts breaches. */
export function hardViolation<J extends Justification>(constraint: string, message: string, justification: J): Violation<J> {
  return { constraint, level: 'hard', penalty: 1, message, justification };
}

/** A soft violation carrying its weighted penalty. */
export function softViolation<J extends Justification>(
  constraint: string, penalty: number, message: string, justification: J,
): Violation<J> {
  return { constraint, level: 'soft', penalty, message, justification };
}
