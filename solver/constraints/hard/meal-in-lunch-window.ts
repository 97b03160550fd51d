import { MEAL_TYPE_ID } from '../../model/day-problem.ts';
import { formatInterval } from '../../model/format-minutes.ts';
import type { Violation } from '../../model/violation.ts';
import { needsMeal, patientRef, type ConstraintContext } from '../context.ts';
import { hardViolation } from '../types.ts';

export type MealInLunchWindowJustification = {
  patientId: string;
  /** 'missing', 'duplicate' or 'outside-window'. */
  breach: string;
  mealCount: number;
  /** The offending meal, when there is one. */
  activityId: string | undefined;
  startMin: number | undefined;
  endMin: number | undefined;
  lunchStartMin: number;
  lunchEndMin: number;
};

/**
 * SPEC §3C.7: every patient who needs a meal has exactly one, inside the lunch window.
 * (Dining-room seats are roomCapacity's business.)
 */
export function mealInLunchWindow(ctx: ConstraintContext): Violation[] {
  const violations: Violation[] = [];
  const lunch = ctx.problem.centre.lunchWindow;
  const window = formatInterval(lunch.startMin, lunch.endMin);
  for (const patient of ctx.problem.patients) {
    if (!needsMeal(patient)) continue;
    const meals = (ctx.byPatient.get(patient.id) ?? []).filter((a) => a.typeId === MEAL_TYPE_ID);
    const base = { patientId: patient.id, mealCount: meals.length, lunchStartMin: lunch.startMin, lunchEndMin: lunch.endMin };
    if (meals.length === 0) {
      violations.push(hardViolation<MealInLunchWindowJustification>('mealInLunchWindow',
        `${patientRef(ctx, patient.id)} has no meal; one is needed within ${window}`,
        { ...base, breach: 'missing', activityId: undefined, startMin: undefined, endMin: undefined }));
      continue;
    }
    for (const [i, meal] of meals.entries()) {
      const at = { activityId: meal.id, startMin: meal.startMin, endMin: meal.endMin };
      if (i > 0) {
        violations.push(hardViolation<MealInLunchWindowJustification>('mealInLunchWindow',
          `${patientRef(ctx, patient.id)} has ${meals.length} meals; the one at ${formatInterval(meal.startMin, meal.endMin)} is extra`,
          { ...base, breach: 'duplicate', ...at }));
      }
      if (meal.startMin < lunch.startMin || meal.endMin > lunch.endMin) {
        violations.push(hardViolation<MealInLunchWindowJustification>('mealInLunchWindow',
          `${patientRef(ctx, patient.id)}'s meal at ${formatInterval(meal.startMin, meal.endMin)} is outside the lunch window ${window}`,
          { ...base, breach: 'outside-window', ...at }));
      }
    }
  }
  return violations;
}
