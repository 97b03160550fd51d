import { formatInterval } from '../../model/format-minutes.ts';
import type { Violation } from '../../model/violation.ts';
import { patientRef, type ConstraintContext } from '../context.ts';
import { coveredMinutes, lastEndMin } from '../intervals.ts';
import { softViolation } from '../types.ts';

export type PatientIdleTimeJustification = {
  patientId: string;
  idleMin: number;
  firstStartMin: number;
  lastEndMin: number;
  busyMin: number;
};

/**
 * SPEC §3C soft: least idle waiting. Idle = minutes between the first activity's start and
 * the last one's end with nothing on (transfers included; the check-in buffer is not idle).
 */
export function patientIdleTime(ctx: ConstraintContext): Violation[] {
  const violations: Violation[] = [];
  const weight = ctx.weights.patientIdleMin;
  if (weight === 0) return violations;
  for (const [patientId, activities] of ctx.byPatient) {
    if (activities.length === 0) continue;
    const firstStartMin = activities[0]!.startMin;
    const endMin = lastEndMin(activities);
    const busyMin = coveredMinutes(activities);
    const idleMin = endMin - firstStartMin - busyMin;
    if (idleMin <= 0) continue;
    violations.push(softViolation<PatientIdleTimeJustification>('patientIdleTime', weight * idleMin,
      `${patientRef(ctx, patientId)} waits ${idleMin} min between activities (${formatInterval(firstStartMin, endMin)}, ${busyMin} min busy)`,
      { patientId, idleMin, firstStartMin, lastEndMin: endMin, busyMin }));
  }
  return violations;
}
