import type { Violation } from '../../model/violation.ts';
import { spanText } from '../clock-text.ts';
import { hardViolation } from '../hard-violation.ts';
import { isMeal, type PlanFacts } from './plan-facts.ts';

/**
 * SPEC §3C.7: every patient who needs a meal (needsMeal absent or true) has exactly one,
 * inside the lunch window. A meal is hard: listing it as unscheduled does not excuse it.
 * (Dining capacity is checked by checkRoomCapacity.)
 */
export function checkMealInLunchWindow(facts: PlanFacts): Violation[] {
  const violations: Violation[] = [];
  const window = facts.problem.centre.lunchWindow;
  for (const patient of facts.problem.patients) {
    if (patient.needsMeal === false) continue;
    const meals = facts.activitiesOfPatient(patient.id).filter(isMeal);
    if (meals.length !== 1) {
      violations.push(
        hardViolation(
          'mealInLunchWindow',
          meals.length === 0
            ? `${facts.patientRef(patient.id)} needs a meal but none is planned (lunch window ${spanText(window.startMin, window.endMin)}).`
            : `${facts.patientRef(patient.id)} has ${meals.length} meals planned; they need exactly one.`,
          { patientId: patient.id, meals: meals.length, lunchStartMin: window.startMin, lunchEndMin: window.endMin },
        ),
      );
    }
    for (const meal of meals) {
      if (meal.startMin >= window.startMin && meal.endMin <= window.endMin) continue;
      violations.push(
        hardViolation(
          'mealInLunchWindow',
          `${facts.patientRef(patient.id)}'s meal at ${spanText(meal.startMin, meal.endMin)} is outside the lunch window ${spanText(window.startMin, window.endMin)}.`,
          {
            patientId: patient.id,
            activityId: meal.id,
            mealStartMin: meal.startMin,
            mealEndMin: meal.endMin,
            lunchStartMin: window.startMin,
            lunchEndMin: window.endMin,
          },
        ),
      );
    }
  }
  return violations;
}
