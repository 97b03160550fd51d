import { formatInterval } from '../../model/format-minutes.ts';
import type { Violation } from '../../model/violation.ts';
import { patientRef, type ConstraintContext } from '../context.ts';
import { lastEndMin } from '../intervals.ts';
import { softViolation } from '../types.ts';

export type PatientTimeOnSiteJustification = {
  patientId: string;
  onSiteMin: number;
  arrivalMin: number;
  departureMin: number;
};

/** SPEC §3C soft: least time on site, arrival (first activity − check-in buffer) to departure (last end). */
export function patientTimeOnSite(ctx: ConstraintContext): Violation[] {
  const violations: Violation[] = [];
  const weight = ctx.weights.patientOnSiteMin;
  if (weight === 0) return violations;
  const bufferMin = ctx.problem.centre.checkInBufferMin;
  for (const [patientId, activities] of ctx.byPatient) {
    if (activities.length === 0) continue;
    const arrivalMin = activities[0]!.startMin - bufferMin;
    const departureMin = lastEndMin(activities);
    const onSiteMin = departureMin - arrivalMin;
    violations.push(softViolation<PatientTimeOnSiteJustification>('patientTimeOnSite', weight * onSiteMin,
      `${patientRef(ctx, patientId)} is on site ${onSiteMin} min (${formatInterval(arrivalMin, departureMin)})`,
      { patientId, onSiteMin, arrivalMin, departureMin }));
  }
  return violations;
}
