import type { Violation } from '../../model/violation.ts';
import { clockText } from '../clock-text.ts';
import { hardViolation } from '../hard-violation.ts';
import { isMeal, type PlanFacts } from './plan-facts.ts';

/** SPEC §3C.8: every assessment and diagnostic ends by the start of the daily MDT meeting. */
export function checkAssessmentsBeforeMdt(facts: PlanFacts): Violation[] {
  const mdtStartMin = facts.problem.centre.mdt.startMin;
  return facts.activities
    .filter((a) => !isMeal(a) && a.endMin > mdtStartMin)
    .map((a) =>
      hardViolation(
        'assessmentsBeforeMdt',
        `${facts.patientRef(a.patientId)}'s ${facts.typeName(a.typeId)} ends at ${clockText(a.endMin)}, after the MDT starts at ${clockText(mdtStartMin)}.`,
        { activityId: a.id, patientId: a.patientId, typeId: a.typeId, endMin: a.endMin, mdtStartMin },
      ),
    );
}
