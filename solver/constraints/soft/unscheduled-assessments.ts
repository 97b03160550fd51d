import type { UnscheduledAssessment } from '../../model/day-plan.ts';
import type { Violation } from '../../model/violation.ts';
import { typeName, patientRef, type ConstraintContext } from '../context.ts';
import { softViolation } from '../types.ts';

export type UnscheduledAssessmentsJustification = {
  patientId: string;
  typeId: string;
  priority: number;
  /** The reason code from the plan's unscheduled list; 'not-listed' if the plan dropped it silently. */
  reason: string;
  reasonMessage: string | undefined;
};

/**
 * SPEC §3C soft: every required assessment scheduled. Each one not placed costs
 * `weights.unscheduled × priority`, whether or not the plan lists it (a silent drop is
 * still a missing assessment); the justification carries the plan's reason.
 */
export function unscheduledAssessments(ctx: ConstraintContext): Violation[] {
  const violations: Violation[] = [];
  const weight = ctx.weights.unscheduled;
  const listed = new Map<string, UnscheduledAssessment>();
  for (const u of ctx.unscheduled) listed.set(`${u.patientId}|${u.typeId}`, u);
  for (const patient of ctx.problem.patients) {
    const placed = ctx.byPatient.get(patient.id) ?? [];
    for (const requirement of patient.required) {
      if (placed.some((a) => a.typeId === requirement.typeId)) continue;
      const entry = listed.get(`${patient.id}|${requirement.typeId}`);
      const why = entry ? `: ${entry.message}` : ' and the plan gives no reason';
      violations.push(softViolation<UnscheduledAssessmentsJustification>('unscheduledAssessments', weight * patient.priority,
        `${patientRef(ctx, patient.id)}'s ${typeName(ctx, requirement.typeId)} is not scheduled${why}`,
        { patientId: patient.id, typeId: requirement.typeId, priority: patient.priority,
          reason: entry?.reason ?? 'not-listed', reasonMessage: entry?.message }));
    }
  }
  return violations;
}
