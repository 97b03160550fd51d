import { formatMinutes } from '../../model/format-minutes.ts';
import type { Violation } from '../../model/violation.ts';
import { staffName, typeName, patientRef, type ConstraintContext } from '../context.ts';
import { softViolation } from '../types.ts';

export type NamedClinicianJustification = {
  patientId: string;
  typeId: string;
  activityId: string;
  preferredStaffId: string;
  /** Who does it instead (undefined if nobody). */
  actualStaffId: string | undefined;
  startMin: number;
};

/** SPEC §3C soft: continuity — a placed assessment with a named clinician is done by them. */
export function namedClinician(ctx: ConstraintContext): Violation[] {
  const violations: Violation[] = [];
  const weight = ctx.weights.namedClinicianMissed;
  if (weight === 0) return violations;
  for (const patient of ctx.problem.patients) {
    const activities = ctx.byPatient.get(patient.id);
    if (!activities) continue;
    for (const requirement of patient.required) {
      const preferred = requirement.preferredStaffId;
      if (preferred === undefined) continue;
      const a = activities.find((x) => x.typeId === requirement.typeId);
      if (!a || a.staffId === preferred) continue;
      violations.push(softViolation<NamedClinicianJustification>('namedClinician', weight,
        `${patientRef(ctx, patient.id)}'s ${typeName(ctx, a.typeId)} at ${formatMinutes(a.startMin)} is with ${a.staffId ? staffName(ctx, a.staffId) : 'nobody'}, not their named clinician ${staffName(ctx, preferred)}`,
        { patientId: patient.id, typeId: a.typeId, activityId: a.id, preferredStaffId: preferred, actualStaffId: a.staffId, startMin: a.startMin }));
    }
  }
  return violations;
}
