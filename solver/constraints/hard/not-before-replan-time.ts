import { formatInterval, formatMinutes } from '../../model/format-minutes.ts';
import type { Violation } from '../../model/violation.ts';
import { typeName, type ConstraintContext } from '../context.ts';
import { hardViolation } from '../types.ts';

export type NotBeforeReplanTimeJustification = {
  activityId: string;
  patientId: string;
  startMin: number;
  endMin: number;
  replanFromMin: number;
};

/** Replanning: what is not pinned cannot be put in the past (before the time of the change). */
export function notBeforeReplanTime(ctx: ConstraintContext): Violation[] {
  const replanFromMin = ctx.problem.replanFromMin;
  if (replanFromMin === undefined) return [];
  const pinned = new Set((ctx.problem.pins ?? []).map((p) => `${p.patientId}:${p.typeId}`));
  const violations: Violation[] = [];
  for (const a of ctx.activities) {
    if (a.startMin >= replanFromMin || pinned.has(`${a.patientId}:${a.typeId}`)) continue;
    violations.push(hardViolation<NotBeforeReplanTimeJustification>('notBeforeReplanTime',
      `${typeName(ctx, a.typeId)} for ${a.patientId} at ${formatInterval(a.startMin, a.endMin)} is planned before the replanning time ${formatMinutes(replanFromMin)} without being pinned`,
      { activityId: a.id, patientId: a.patientId, startMin: a.startMin, endMin: a.endMin, replanFromMin }));
  }
  return violations;
}
