import type { PlannedActivity } from '../../model/day-plan.ts';
import type { Violation } from '../../model/violation.ts';
import { clockText, spanText } from '../clock-text.ts';
import { hardViolation } from '../hard-violation.ts';
import { isMeal, overlaps, type PlanFacts } from './plan-facts.ts';

/**
 * SPEC §3C.2: a staff member sees one patient at a time. Overlapping activities are allowed
 * only as one group session: same type (with groupCapacity > 1), same room, same start, same
 * groupId (or none), and no more patients than the type's groupCapacity.
 */
export function checkStaffOneAtATime(facts: PlanFacts): Violation[] {
  const violations: Violation[] = [];
  for (const staff of facts.problem.staff) {
    const mine = facts.activitiesOfStaff(staff.id).filter((a) => !isMeal(a));
    for (let i = 0; i < mine.length; i++) {
      for (let j = i + 1; j < mine.length; j++) {
        const a = mine[i]!;
        const b = mine[j]!;
        if (!overlaps(a, b) || sameGroupSession(facts, a, b)) continue;
        violations.push(
          hardViolation(
            'staffOneAtATime',
            `${staff.name} is booked for ${facts.patientRef(a.patientId)} at ${spanText(a.startMin, a.endMin)} and ${facts.patientRef(b.patientId)} at ${spanText(b.startMin, b.endMin)}.`,
            {
              staffId: staff.id,
              firstActivityId: a.id,
              secondActivityId: b.id,
              firstPatientId: a.patientId,
              secondPatientId: b.patientId,
              firstStartMin: a.startMin,
              firstEndMin: a.endMin,
              secondStartMin: b.startMin,
              secondEndMin: b.endMin,
            },
          ),
        );
      }
    }
    violations.push(...groupsOverCapacity(facts, staff.id, staff.name, mine));
  }
  return violations;
}

function sameGroupSession(facts: PlanFacts, a: PlannedActivity, b: PlannedActivity): boolean {
  const type = facts.typeById.get(a.typeId);
  return (
    type !== undefined &&
    type.groupCapacity > 1 &&
    a.typeId === b.typeId &&
    a.roomId === b.roomId &&
    a.startMin === b.startMin &&
    (a.groupId ?? '') === (b.groupId ?? '')
  );
}

function groupsOverCapacity(facts: PlanFacts, staffId: string, staffName: string, mine: PlannedActivity[]): Violation[] {
  const sessions = new Map<string, PlannedActivity[]>();
  for (const activity of mine) {
    const type = facts.typeById.get(activity.typeId);
    if (!type || type.groupCapacity <= 1) continue;
    const key = [activity.typeId, activity.roomId, activity.startMin, activity.groupId ?? ''].join('|');
    sessions.set(key, [...(sessions.get(key) ?? []), activity]);
  }
  const violations: Violation[] = [];
  for (const members of sessions.values()) {
    const first = members[0]!;
    const capacity = facts.typeById.get(first.typeId)!.groupCapacity;
    if (members.length <= capacity) continue;
    violations.push(
      hardViolation(
        'staffOneAtATime',
        `${staffName}'s ${facts.typeName(first.typeId)} group at ${clockText(first.startMin)} has ${members.length} patients; the group capacity is ${capacity}.`,
        {
          staffId,
          typeId: first.typeId,
          roomId: first.roomId,
          startMin: first.startMin,
          patients: members.length,
          groupCapacity: capacity,
          patientIds: members.map((m) => m.patientId),
        },
      ),
    );
  }
  return violations;
}
