import { MEAL_TYPE_ID } from '../../model/day-problem.ts';
import { formatInterval, formatMinutes } from '../../model/format-minutes.ts';
import type { Violation } from '../../model/violation.ts';
import { typeName, patientRef, type ConstraintContext } from '../context.ts';
import { hardViolation } from '../types.ts';

export type AssessmentsBeforeMdtJustification = {
  activityId: string;
  patientId: string;
  typeId: string;
  endMin: number;
  mdtStartMin: number;
  /** Minutes the activity runs into (or past) the MDT start. */
  lateByMin: number;
};

/** SPEC §3C.8: every assessment and diagnostic ends by the start of the daily MDT meeting. */
export function assessmentsBeforeMdt(ctx: ConstraintContext): Violation[] {
  const violations: Violation[] = [];
  const mdtStartMin = ctx.problem.centre.mdt.startMin;
  for (const a of ctx.activities) {
    if (a.typeId === MEAL_TYPE_ID || a.endMin <= mdtStartMin) continue;
    violations.push(hardViolation<AssessmentsBeforeMdtJustification>('assessmentsBeforeMdt',
      `${typeName(ctx, a.typeId)} for ${patientRef(ctx, a.patientId)} at ${formatInterval(a.startMin, a.endMin)} ends after the MDT starts at ${formatMinutes(mdtStartMin)}`,
      { activityId: a.id, patientId: a.patientId, typeId: a.typeId, endMin: a.endMin, mdtStartMin, lateByMin: a.endMin - mdtStartMin }));
  }
  return violations;
}
