import { formatMinutes } from '../../model/format-minutes.ts';
import type { Violation } from '../../model/violation.ts';
import type { ConstraintContext } from '../context.ts';
import { softViolation } from '../types.ts';

export type MakespanJustification = {
  /** End of the last activity, minutes from midnight. */
  makespanMin: number;
  lastActivityId: string;
};

/**
 * The end of the last activity, in minutes from midnight (not from opening): the open-shop
 * benchmark sets its day to start at 0 and weights only this. Weight 0 on ICC days.
 */
export function makespan(ctx: ConstraintContext): Violation[] {
  const weight = ctx.weights.makespanMin;
  if (weight === 0 || ctx.activities.length === 0) return [];
  let last = ctx.activities[0]!;
  for (const a of ctx.activities) if (a.endMin > last.endMin) last = a;
  return [softViolation<MakespanJustification>('makespan', weight * last.endMin,
    `The day's last activity (${last.id}) ends at ${formatMinutes(last.endMin)}`,
    { makespanMin: last.endMin, lastActivityId: last.id })];
}
