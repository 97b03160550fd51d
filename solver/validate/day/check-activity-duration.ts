import type { Violation } from '../../model/violation.ts';
import { spanText } from '../clock-text.ts';
import { hardViolation } from '../hard-violation.ts';
import type { PlanFacts } from './plan-facts.ts';

/**
 * Structure: times are whole minutes and end = start + the type's duration (meal:
 * mealDurationMin), or the duration a pin states for an overrun being replanned.
 */
export function checkActivityDuration(facts: PlanFacts): Violation[] {
  const violations: Violation[] = [];
  for (const a of facts.activities) {
    if (!Number.isInteger(a.startMin) || !Number.isInteger(a.endMin)) {
      violations.push(
        hardViolation('activityDuration', `Activity ${a.id} has non-integer minutes (${a.startMin}, ${a.endMin}).`, {
          activityId: a.id,
          startMin: a.startMin,
          endMin: a.endMin,
        }),
      );
      continue;
    }
    const expectedMin = facts.expectedDurationMin(a);
    const actualMin = a.endMin - a.startMin;
    if (expectedMin === undefined || actualMin === expectedMin) continue;
    violations.push(
      hardViolation(
        'activityDuration',
        `${facts.patientRef(a.patientId)}'s ${facts.typeName(a.typeId)} at ${spanText(a.startMin, a.endMin)} lasts ${actualMin} min; it takes ${expectedMin}.`,
        { activityId: a.id, patientId: a.patientId, typeId: a.typeId, actualMin, expectedMin },
      ),
    );
  }
  return violations;
}
