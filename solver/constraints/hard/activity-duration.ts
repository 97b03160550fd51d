import { formatInterval } from '../../model/format-minutes.ts';
import type { Violation } from '../../model/violation.ts';
import { expectedDurationMin, typeName, patientRef, type ConstraintContext } from '../context.ts';
import { hardViolation } from '../types.ts';

export type ActivityDurationJustification = {
  activityId: string;
  patientId: string;
  typeId: string;
  startMin: number;
  endMin: number;
  plannedDurationMin: number;
  expectedDurationMin: number;
};

/**
 * Each activity lasts exactly its type's duration (the meal: the centre's meal duration),
 * or its pin's `durationMin` when replanning records an overrun.
 */
export function activityDuration(ctx: ConstraintContext): Violation[] {
  const violations: Violation[] = [];
  const pinnedDuration = new Map((ctx.problem.pins ?? []).flatMap((p) => (p.durationMin !== undefined ? [[`${p.patientId}:${p.typeId}`, p.durationMin] as const] : [])));
  for (const a of ctx.activities) {
    const expected = (pinnedDuration.size > 0 ? pinnedDuration.get(`${a.patientId}:${a.typeId}`) : undefined) ?? expectedDurationMin(ctx, a.typeId);
    const planned = a.endMin - a.startMin;
    if (expected === undefined || planned === expected) continue;
    violations.push(hardViolation<ActivityDurationJustification>('activityDuration',
      `${typeName(ctx, a.typeId)} for ${patientRef(ctx, a.patientId)} at ${formatInterval(a.startMin, a.endMin)} lasts ${planned} min; it takes ${expected} min`,
      { activityId: a.id, patientId: a.patientId, typeId: a.typeId, startMin: a.startMin, endMin: a.endMin,
        plannedDurationMin: planned, expectedDurationMin: expected }));
  }
  return violations;
}
