// A group session is one event for the clinician and the room, not one per patient.
import type { PlannedActivity } from '../../../solver/index.ts';

/** What grouping reads of an activity: an ICC day's PlannedActivity, or an outreach visit seen the same way. */
export type GroupableActivity = Pick<PlannedActivity, 'id' | 'patientId' | 'typeId' | 'groupId' | 'startMin' | 'endMin'>;

export interface ActivityGroup<T extends GroupableActivity = PlannedActivity> {
  /** Stable item id for the UID: `activity:<activity id>`, or `group:<typeId>#<n>` for a group session. */
  itemId: string;
  activities: T[];
  startMin: number;
  endMin: number;
}

/**
 * Groups one owner's activities by `groupId` (singletons otherwise), in start order.
 * A group session's item id is its type and its rank among the owner's sessions of that type
 * (`group:strength-group#1`), not its `groupId`: the planner's group ids contain the start
 * time, and a moved session must keep its UID.
 */
export function activityGroups<T extends GroupableActivity>(activities: readonly T[]): Array<ActivityGroup<T>> {
  const groups = new Map<string, T[]>();
  for (const activity of activities) {
    const key = activity.groupId === undefined ? `activity:${activity.id}` : `group:${activity.groupId}`;
    groups.set(key, [...(groups.get(key) ?? []), activity]);
  }
  const ordered = [...groups.entries()]
    .map(([key, members]) => ({
      key,
      activities: [...members].sort((a, b) => a.patientId.localeCompare(b.patientId)),
      startMin: Math.min(...members.map((a) => a.startMin)),
      endMin: Math.max(...members.map((a) => a.endMin)),
    }))
    .sort((a, b) => a.startMin - b.startMin || a.key.localeCompare(b.key));
  const sessionsOfType = new Map<string, number>();
  return ordered.map(({ key, activities: members, startMin, endMin }) => {
    const first = members[0]!;
    if (first.groupId === undefined) return { itemId: key, activities: members, startMin, endMin };
    const rank = (sessionsOfType.get(first.typeId) ?? 0) + 1;
    sessionsOfType.set(first.typeId, rank);
    return { itemId: `group:${first.typeId}#${rank}`, activities: members, startMin, endMin };
  });
}
