import type { Violation } from '../../model/violation.ts';
import { MEAL_TYPE_ID } from '../../model/day-problem.ts';
import { hardViolation } from '../hard-violation.ts';
import type { PlanFacts } from './plan-facts.ts';

/**
 * Structure: every required assessment of every patient is either placed exactly once or
 * listed exactly once in plan.unscheduled — never both, never silently dropped — and nothing
 * is placed or listed that the patient does not need. (Meal count is checkMealInLunchWindow's.)
 */
export function checkRequiredCoverage(facts: PlanFacts): Violation[] {
  const violations: Violation[] = [];
  const add = (message: string, justification: Record<string, string | number>) =>
    violations.push(hardViolation('requiredCoverage', message, justification));
  const unscheduled = facts.plan.unscheduled ?? [];

  for (const patient of facts.problem.patients) {
    const requiredTypeIds = new Set(patient.required.map((r) => r.typeId));
    for (const typeId of requiredTypeIds) {
      const placed = facts.activities.filter((a) => a.patientId === patient.id && a.typeId === typeId).length;
      const listed = unscheduled.filter((u) => u.patientId === patient.id && u.typeId === typeId).length;
      const what = `${facts.patientRef(patient.id)}'s ${facts.typeName(typeId)}`;
      const base = { patientId: patient.id, typeId, placed, listedUnscheduled: listed };
      if (placed === 0 && listed === 0) add(`${what} is required but neither placed nor listed as unscheduled.`, { ...base, rule: 'dropped' });
      else if (placed > 1) add(`${what} is placed ${placed} times.`, { ...base, rule: 'duplicate' });
      else if (placed === 1 && listed > 0) add(`${what} is placed and also listed as unscheduled.`, { ...base, rule: 'placed-and-unscheduled' });
      else if (listed > 1) add(`${what} is listed as unscheduled ${listed} times.`, { ...base, rule: 'listed-twice' });
    }
    const needsMeal = patient.needsMeal !== false;
    const extraTypeIds = new Set(
      [...facts.activitiesOfPatient(patient.id), ...unscheduled.filter((u) => u.patientId === patient.id)]
        .map((x) => x.typeId)
        .filter((typeId) => !requiredTypeIds.has(typeId) && !(typeId === MEAL_TYPE_ID && needsMeal)),
    );
    for (const typeId of extraTypeIds) {
      add(`${facts.patientRef(patient.id)} has ${facts.typeName(typeId)} in the plan but does not need it.`, { patientId: patient.id, typeId, rule: 'not-required' });
    }
  }
  return violations;
}
