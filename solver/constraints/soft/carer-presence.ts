import { formatInterval } from '../../model/format-minutes.ts';
import type { Violation } from '../../model/violation.ts';
import { typeName, patientRef, type ConstraintContext } from '../context.ts';
import { softViolation } from '../types.ts';

export type CarerPresenceJustification = {
  patientId: string;
  typeId: string;
  activityId: string;
  startMin: number;
  endMin: number;
  /** The carer's time on site; undefined when no carer comes. */
  carerStartMin: number | undefined;
  carerEndMin: number | undefined;
};

/** SPEC §3C soft: an assessment that asks for the carer happens while the carer is on site. */
export function carerPresence(ctx: ConstraintContext): Violation[] {
  const violations: Violation[] = [];
  const weight = ctx.weights.carerAbsent;
  if (weight === 0) return violations;
  for (const patient of ctx.problem.patients) {
    const activities = ctx.byPatient.get(patient.id);
    if (!activities) continue;
    const carer = patient.carerPresent;
    for (const requirement of patient.required) {
      if (!requirement.carerRequired) continue;
      const a = activities.find((x) => x.typeId === requirement.typeId);
      if (!a) continue;
      if (carer && a.startMin >= carer.startMin && a.endMin <= carer.endMin) continue;
      const where = carer ? `the carer is there ${formatInterval(carer.startMin, carer.endMin)}` : 'no carer is coming';
      violations.push(softViolation<CarerPresenceJustification>('carerPresence', weight,
        `${patientRef(ctx, patient.id)}'s ${typeName(ctx, a.typeId)} at ${formatInterval(a.startMin, a.endMin)} asks for their carer, but ${where}`,
        { patientId: patient.id, typeId: a.typeId, activityId: a.id, startMin: a.startMin, endMin: a.endMin,
          carerStartMin: carer?.startMin, carerEndMin: carer?.endMin }));
    }
  }
  return violations;
}
