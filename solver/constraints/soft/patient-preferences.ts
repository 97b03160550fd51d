import { formatMinutes } from '../../model/format-minutes.ts';
import type { Violation } from '../../model/violation.ts';
import { patientRef, type ConstraintContext, onSiteSpan } from '../context.ts';
import { softViolation } from '../types.ts';

export type PatientPreferencesJustification = {
  patientId: string;
  /** 'arrives-earlier' or 'leaves-later' than preferred. */
  breach: string;
  arrivalMin: number;
  departureMin: number;
  preferredMin: number;
  outsideMin: number;
};

/**
 * SPEC §3C soft: patient preferences — minutes arriving before the preferred earliest
 * arrival (an earlier pickup) and leaving after the preferred latest departure.
 */
export function patientPreferences(ctx: ConstraintContext): Violation[] {
  const violations: Violation[] = [];
  const weight = ctx.weights.preferenceMin;
  if (weight === 0) return violations;
  for (const patient of ctx.problem.patients) {
    const activities = ctx.byPatient.get(patient.id);
    if (!activities || activities.length === 0) continue;
    const { arrivalMin, departureMin } = onSiteSpan(ctx, patient.id, activities);
    const base = { patientId: patient.id, arrivalMin, departureMin };
    const early = patient.preferredEarliestArrivalMin;
    if (early !== undefined && arrivalMin < early) {
      violations.push(softViolation<PatientPreferencesJustification>('patientPreferences', weight * (early - arrivalMin),
        `${patientRef(ctx, patient.id)} arrives at ${formatMinutes(arrivalMin)}, ${early - arrivalMin} min before their preferred ${formatMinutes(early)}`,
        { ...base, breach: 'arrives-earlier', preferredMin: early, outsideMin: early - arrivalMin }));
    }
    const late = patient.preferredLatestDepartureMin;
    if (late !== undefined && departureMin > late) {
      violations.push(softViolation<PatientPreferencesJustification>('patientPreferences', weight * (departureMin - late),
        `${patientRef(ctx, patient.id)} leaves at ${formatMinutes(departureMin)}, ${departureMin - late} min after their preferred ${formatMinutes(late)}`,
        { ...base, breach: 'leaves-later', preferredMin: late, outsideMin: departureMin - late }));
    }
  }
  return violations;
}
