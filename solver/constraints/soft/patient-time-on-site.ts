import { formatInterval } from '../../model/format-minutes.ts';
import type { Violation } from '../../model/violation.ts';
import { patientRef, type ConstraintContext, onSiteSpan } from '../context.ts';
import { softViolation } from '../types.ts';

export type PatientTimeOnSiteJustification = {
  patientId: string;
  onSiteMin: number;
  arrivalMin: number;
  departureMin: number;
};

/** SPEC §3C soft: least time on site, arrival to departure (onSiteSpan: the itinerary's, else first activity − check-in buffer to last end). */
export function patientTimeOnSite(ctx: ConstraintContext): Violation[] {
  const violations: Violation[] = [];
  const weight = ctx.weights.patientOnSiteMin;
  if (weight === 0) return violations;
  for (const [patientId, activities] of ctx.byPatient) {
    if (activities.length === 0) continue;
    const { arrivalMin, departureMin } = onSiteSpan(ctx, patientId, activities);
    const onSiteMin = departureMin - arrivalMin;
    violations.push(softViolation<PatientTimeOnSiteJustification>('patientTimeOnSite', weight * onSiteMin,
      `${patientRef(ctx, patientId)} is on site ${onSiteMin} min (${formatInterval(arrivalMin, departureMin)})`,
      { patientId, onSiteMin, arrivalMin, departureMin }));
  }
  return violations;
}
