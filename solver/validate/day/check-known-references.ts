import type { Violation } from '../../model/violation.ts';
import { hardViolation } from '../hard-violation.ts';
import { isMeal, type PlanFacts } from './plan-facts.ts';

/**
 * Structure: every patient, type, staff member and room an activity names exists; an
 * assessment has a staff member and its kind matches the catalogue; a meal has kind 'meal';
 * unscheduled entries and MDT attendees name known patients and staff.
 */
export function checkKnownReferences(facts: PlanFacts): Violation[] {
  const violations: Violation[] = [];
  const add = (message: string, justification: Record<string, string | undefined>) =>
    violations.push(hardViolation('knownReferences', message, justification));

  for (const a of facts.activities) {
    const base = { activityId: a.id };
    if (!facts.patientById.has(a.patientId)) add(`Activity ${a.id} names unknown patient '${facts.patientRef(a.patientId)}'.`, { ...base, patientId: a.patientId });
    if (!facts.roomById.has(a.roomId)) add(`Activity ${a.id} names unknown room '${a.roomId}'.`, { ...base, roomId: a.roomId });
    if (isMeal(a)) {
      if (a.kind !== 'meal') add(`Meal ${a.id} has kind '${a.kind}', not 'meal'.`, { ...base, kind: a.kind });
      continue;
    }
    const type = facts.typeById.get(a.typeId);
    if (!type) {
      add(`Activity ${a.id} names unknown assessment type '${a.typeId}'.`, { ...base, typeId: a.typeId });
    } else if (a.kind !== type.kind) {
      add(`Activity ${a.id} has kind '${a.kind}' but ${type.name} is a${type.kind === 'assessment' ? 'n' : ''} ${type.kind}.`, {
        ...base,
        kind: a.kind,
        expectedKind: type.kind,
      });
    }
    if (a.staffId === undefined) add(`Assessment ${a.id} has no staff member.`, { ...base });
    else if (!facts.staffById.has(a.staffId)) add(`Activity ${a.id} names unknown staff member '${a.staffId}'.`, { ...base, staffId: a.staffId });
  }
  for (const u of facts.plan.unscheduled ?? []) {
    if (!facts.patientById.has(u.patientId)) {
      add(`An unscheduled entry names unknown patient '${facts.patientRef(u.patientId)}'.`, { patientId: u.patientId, typeId: u.typeId });
    }
  }
  for (const staffId of facts.plan.mdt?.attendeeStaffIds ?? []) {
    if (!facts.staffById.has(staffId)) add(`MDT attendee '${staffId}' is not a known staff member.`, { staffId });
  }
  return violations;
}
