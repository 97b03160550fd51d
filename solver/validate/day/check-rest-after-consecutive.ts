import type { Violation } from '../../model/violation.ts';
import { clockText } from '../clock-text.ts';
import { hardViolation } from '../hard-violation.ts';
import type { PlanFacts } from './plan-facts.ts';

/**
 * SPEC §3C.9: for a patient with a rest rule, no more than `maxConsecutive` activities in a
 * row without a gap of at least `minRestMin` between them. Every activity counts, the meal
 * included, as RestRule says "activities" and SPEC lists the meal apart from rests.
 */
export function checkRestAfterConsecutive(facts: PlanFacts): Violation[] {
  const violations: Violation[] = [];
  for (const patient of facts.problem.patients) {
    const rule = patient.rest;
    if (!rule) continue;
    const clinical = facts.activitiesOfPatient(patient.id);
    let run = clinical.slice(0, 1);
    const closeRun = () => {
      if (run.length <= rule.maxConsecutive) return;
      const first = run[0]!;
      const last = run[run.length - 1]!;
      violations.push(
        hardViolation(
          'restAfterConsecutive',
          `${facts.patientRef(patient.id)} has ${run.length} activities back to back (${clockText(first.startMin)}–${clockText(last.endMin)}) without a ${rule.minRestMin}-minute rest; at most ${rule.maxConsecutive} are allowed.`,
          {
            patientId: patient.id,
            consecutive: run.length,
            maxConsecutive: rule.maxConsecutive,
            minRestMin: rule.minRestMin,
            activityIds: run.map((a) => a.id),
            runStartMin: first.startMin,
            runEndMin: last.endMin,
          },
        ),
      );
    };
    for (let i = 1; i < clinical.length; i++) {
      const previous = clinical[i - 1]!;
      const next = clinical[i]!;
      if (next.startMin - previous.endMin >= rule.minRestMin) {
        closeRun();
        run = [next];
      } else {
        run.push(next);
      }
    }
    closeRun();
  }
  return violations;
}
