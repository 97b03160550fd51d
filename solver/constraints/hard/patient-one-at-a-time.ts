import { formatInterval } from '../../model/format-minutes.ts';
import type { Violation } from '../../model/violation.ts';
import { forEachOverlappingPair, typeName, patientRef, type ConstraintContext } from '../context.ts';
import { hardViolation } from '../types.ts';

export type PatientOneAtATimeJustification = {
  patientId: string;
  firstActivityId: string;
  secondActivityId: string;
  /** The shared minutes. */
  overlapStartMin: number;
  overlapEndMin: number;
};

/** SPEC §3C.3: a patient does one thing at a time (assessments, diagnostics, the meal). */
export function patientOneAtATime(ctx: ConstraintContext): Violation[] {
  const violations: Violation[] = [];
  for (const [patientId, activities] of ctx.byPatient) {
    forEachOverlappingPair(activities, (a, b) => {
      const overlapStartMin = Math.max(a.startMin, b.startMin);
      const overlapEndMin = Math.min(a.endMin, b.endMin);
      violations.push(hardViolation<PatientOneAtATimeJustification>('patientOneAtATime',
        `${patientRef(ctx, patientId)} is booked for ${typeName(ctx, a.typeId)} and ${typeName(ctx, b.typeId)} at ${formatInterval(overlapStartMin, overlapEndMin)}`,
        { patientId, firstActivityId: a.id, secondActivityId: b.id, overlapStartMin, overlapEndMin }));
    });
  }
  return violations;
}
