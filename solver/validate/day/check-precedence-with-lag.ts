import type { Violation } from '../../model/violation.ts';
import { clockText } from '../clock-text.ts';
import { hardViolation } from '../hard-violation.ts';
import { isMeal, type PlanFacts } from './plan-facts.ts';

/**
 * SPEC §3C.6: for each precedence rule and each patient with activities on both sides,
 * start(after) ≥ end(before) + minLagMin. `'*'` means every other assessment or diagnostic
 * of the patient (meals excluded). A rule with `'*'` on both sides says nothing and is skipped.
 * Unplaced assessments are not checked here (they are unscheduled, not misplaced).
 */
export function checkPrecedenceWithLag(facts: PlanFacts): Violation[] {
  const violations: Violation[] = [];
  for (const rule of facts.problem.precedences ?? []) {
    if (rule.before === '*' && rule.after === '*') continue;
    for (const patient of facts.problem.patients) {
      const clinical = facts.activitiesOfPatient(patient.id).filter((a) => !isMeal(a));
      const befores = clinical.filter((a) => rule.before === '*' || a.typeId === rule.before);
      const afters = clinical.filter((a) => rule.after === '*' || a.typeId === rule.after);
      for (const before of befores) {
        for (const after of afters) {
          if (before.id === after.id || before.typeId === after.typeId) continue;
          const earliestAfterMin = before.endMin + rule.minLagMin;
          if (after.startMin >= earliestAfterMin) continue;
          violations.push(
            hardViolation(
              'precedenceWithLag',
              `${facts.patientRef(patient.id)}'s ${facts.typeName(after.typeId)} starts at ${clockText(after.startMin)}, but must wait until ${clockText(earliestAfterMin)} (${rule.minLagMin} min after ${facts.typeName(before.typeId)} ends at ${clockText(before.endMin)})${rule.reason ? `: ${rule.reason}` : ''}.`,
              {
                precedenceId: rule.id,
                patientId: patient.id,
                beforeActivityId: before.id,
                afterActivityId: after.id,
                beforeEndMin: before.endMin,
                afterStartMin: after.startMin,
                minLagMin: rule.minLagMin,
                shortByMin: earliestAfterMin - after.startMin,
              },
            ),
          );
        }
      }
    }
  }
  return violations;
}
