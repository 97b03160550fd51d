import { formatInterval } from '../../model/format-minutes.ts';
import type { PlannedActivity } from '../../model/day-plan.ts';
import type { Violation } from '../../model/violation.ts';
import { forEachOverlappingPair, staffName, patientRef, type ConstraintContext } from '../context.ts';
import { hardViolation } from '../types.ts';

export type StaffOneAtATimeJustification = {
  staffId: string;
  /** 'double-booked' (two different sessions overlap) or 'group-over-capacity'. */
  breach: string;
  patientIds: string[];
  activityIds: string[];
  startMin: number;
  endMin: number;
  /** For a group session: how many patients, and how many the type allows. */
  patientCount: number;
  groupCapacity: number | undefined;
};

/** Activities belong to one group session when they share type, room, start and group id (or have none). */
function sessionKey(a: PlannedActivity): string {
  return `${a.typeId}|${a.roomId}|${a.startMin}|${a.groupId ?? ''}`;
}

/**
 * SPEC §3C.2: a staff member sees one patient at a time. A group session (type with
 * groupCapacity > 1) is one session: same type, same room, same start, same group id (or
 * none), at most groupCapacity patients.
 */
export function staffOneAtATime(ctx: ConstraintContext): Violation[] {
  const violations: Violation[] = [];
  for (const [staffId, activities] of ctx.byStaff) {
    const name = staffName(ctx, staffId);
    const sessions = new Map<string, PlannedActivity[]>();
    forEachOverlappingPair(activities, (a, b) => {
      const groupCapacity = ctx.typeById.get(a.typeId)?.groupCapacity ?? 1;
      if (sessionKey(a) === sessionKey(b) && groupCapacity > 1) return; // same session: counted below
      const startMin = Math.max(a.startMin, b.startMin);
      const endMin = Math.min(a.endMin, b.endMin);
      violations.push(hardViolation<StaffOneAtATimeJustification>('staffOneAtATime',
        `${name} is booked for ${patientRef(ctx, a.patientId)} and ${patientRef(ctx, b.patientId)} at ${formatInterval(startMin, endMin)}`,
        { staffId, breach: 'double-booked', patientIds: [a.patientId, b.patientId], activityIds: [a.id, b.id],
          startMin, endMin, patientCount: 2, groupCapacity: undefined }));
    });
    for (const a of activities) {
      if ((ctx.typeById.get(a.typeId)?.groupCapacity ?? 1) <= 1) continue; // only group sessions can be over capacity
      const key = sessionKey(a);
      const list = sessions.get(key);
      if (list) list.push(a);
      else sessions.set(key, [a]);
    }
    for (const members of sessions.values()) {
      const first = members[0]!;
      const groupCapacity = ctx.typeById.get(first.typeId)?.groupCapacity ?? 1;
      if (groupCapacity <= 1 || members.length <= groupCapacity) continue;
      violations.push(hardViolation<StaffOneAtATimeJustification>('staffOneAtATime',
        `${name}'s group session at ${formatInterval(first.startMin, first.endMin)} has ${members.length} patients; it takes at most ${groupCapacity}`,
        { staffId, breach: 'group-over-capacity', patientIds: members.map((m) => m.patientId), activityIds: members.map((m) => m.id),
          startMin: first.startMin, endMin: first.endMin, patientCount: members.length, groupCapacity }));
    }
  }
  return violations;
}
