import { formatInterval } from '../../model/format-minutes.ts';
import type { Violation } from '../../model/violation.ts';
import { typeName, patientRef, type ConstraintContext } from '../context.ts';
import { hardViolation } from '../types.ts';

export type WithinOpeningHoursJustification = {
  activityId: string;
  patientId: string;
  startMin: number;
  endMin: number;
  openMin: number;
  closeMin: number;
};

/** The centre's doors: no activity before opening or after closing. */
export function withinOpeningHours(ctx: ConstraintContext): Violation[] {
  const violations: Violation[] = [];
  const { openMin, closeMin } = ctx.problem.centre;
  for (const a of ctx.activities) {
    if (a.startMin >= openMin && a.endMin <= closeMin) continue;
    violations.push(hardViolation<WithinOpeningHoursJustification>('withinOpeningHours',
      `${typeName(ctx, a.typeId)} for ${patientRef(ctx, a.patientId)} at ${formatInterval(a.startMin, a.endMin)} is outside opening hours ${formatInterval(openMin, closeMin)}`,
      { activityId: a.id, patientId: a.patientId, startMin: a.startMin, endMin: a.endMin, openMin, closeMin }));
  }
  return violations;
}
