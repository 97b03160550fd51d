import type { Violation } from '../../model/violation.ts';
import { hardViolation } from '../hard-violation.ts';
import { isMeal, type PlanFacts } from './plan-facts.ts';

/** SPEC §3C.1: each assessment is delivered by a staff member (one is named) holding the type's qualification. */
export function checkQualifiedStaff(facts: PlanFacts): Violation[] {
  const violations: Violation[] = [];
  for (const activity of facts.activities) {
    if (isMeal(activity)) continue;
    const type = facts.typeById.get(activity.typeId);
    if (activity.staffId === undefined) {
      violations.push(
        hardViolation('qualifiedStaff', `${facts.patientRef(activity.patientId)}'s ${facts.typeName(activity.typeId)} has no staff member to deliver it.`, {
          activityId: activity.id,
          patientId: activity.patientId,
          typeId: activity.typeId,
        }),
      );
      continue;
    }
    const staff = facts.staffById.get(activity.staffId);
    if (!type || !staff) continue; // reported by checkKnownReferences
    if (staff.qualifications.includes(type.qualification)) continue;
    violations.push(
      hardViolation(
        'qualifiedStaff',
        `${staff.name} is not qualified for ${type.name} (needs '${type.qualification}') with ${facts.patientRef(activity.patientId)}.`,
        {
          activityId: activity.id,
          patientId: activity.patientId,
          typeId: type.id,
          staffId: staff.id,
          requiredQualification: type.qualification,
          staffQualifications: [...staff.qualifications],
        },
      ),
    );
  }
  return violations;
}
