// How much a patient's unscheduled assessments weigh in the day plan (DayPatient.priority).
import type { PatientCreate } from '../../domain/patient.ts';

/** Points per eFI category: the frailer, the more it matters that nothing is left undone. */
export const efiPriorityPoints: Record<PatientCreate['efiCategory'], number> = { fit: 0, mild: 1, moderate: 2, severe: 3 };
/** Added for a referral flagged clinically urgent. */
export const urgentPriorityPoints = 3;
/** One point per four weeks waited since referral, capped (12 weeks and beyond weigh the same). */
export const waitPriorityPointsMax = 3;

/**
 * priority = 1 + eFI points (fit 0, mild 1, moderate 2, severe 3)
 *              + 3 if the referral is urgent
 *              + min(3, days waited / 28),
 * rounded to two decimals: 1 for a fit patient referred today, 10 at most.
 * @example patientPriority({ efiCategory: 'severe', urgent: false, daysWaited: 42 }) // 5.5
 */
export function patientPriority(input: { efiCategory: PatientCreate['efiCategory']; urgent: boolean; daysWaited: number }): number {
  const wait = Math.min(waitPriorityPointsMax, Math.max(0, input.daysWaited) / 28);
  const raw = 1 + efiPriorityPoints[input.efiCategory] + (input.urgent ? urgentPriorityPoints : 0) + wait;
  return Math.round(raw * 100) / 100;
}
