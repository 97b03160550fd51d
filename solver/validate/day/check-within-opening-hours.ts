import type { Violation } from '../../model/violation.ts';
import { spanText } from '../clock-text.ts';
import { hardViolation } from '../hard-violation.ts';
import type { PlanFacts } from './plan-facts.ts';

/** Every activity lies within the centre's opening hours [openMin, closeMin]. */
export function checkWithinOpeningHours(facts: PlanFacts): Violation[] {
  const { openMin, closeMin } = facts.problem.centre;
  return facts.activities
    .filter((a) => a.startMin < openMin || a.endMin > closeMin)
    .map((a) =>
      hardViolation(
        'withinOpeningHours',
        `${facts.patientRef(a.patientId)}'s ${facts.typeName(a.typeId)} at ${spanText(a.startMin, a.endMin)} is outside opening hours ${spanText(openMin, closeMin)}.`,
        { activityId: a.id, patientId: a.patientId, startMin: a.startMin, endMin: a.endMin, openMin, closeMin },
      ),
    );
}
