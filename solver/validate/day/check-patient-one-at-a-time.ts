import type { Violation } from '../../model/violation.ts';
import { spanText } from '../clock-text.ts';
import { hardViolation } from '../hard-violation.ts';
import { overlaps, type PlanFacts } from './plan-facts.ts';

/** SPEC §3C.3: a patient does one thing at a time (assessments, diagnostics and the meal). */
export function checkPatientOneAtATime(facts: PlanFacts): Violation[] {
  const violations: Violation[] = [];
  for (const patient of facts.problem.patients) {
    const mine = facts.activitiesOfPatient(patient.id);
    for (let i = 0; i < mine.length; i++) {
      for (let j = i + 1; j < mine.length; j++) {
        const a = mine[i]!;
        const b = mine[j]!;
        if (!overlaps(a, b)) continue;
        violations.push(
          hardViolation(
            'patientOneAtATime',
            `${facts.patientRef(patient.id)} has ${facts.typeName(a.typeId)} at ${spanText(a.startMin, a.endMin)} and ${facts.typeName(b.typeId)} at ${spanText(b.startMin, b.endMin)} at once.`,
            {
              patientId: patient.id,
              firstActivityId: a.id,
              secondActivityId: b.id,
              firstStartMin: a.startMin,
              firstEndMin: a.endMin,
              secondStartMin: b.startMin,
              secondEndMin: b.endMin,
            },
          ),
        );
      }
    }
  }
  return violations;
}
