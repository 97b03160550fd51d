// A group session is one event for the clinician and the room, not one per patient.
import type { PlannedActivity } from '../../../solver/model/index.ts';

export interface ActivityGroup {
  /** Stable item id for the UID: the activity id, or `group:<groupId>` for a group session. */
  itemId: string;
  activities: PlannedActivity[];
  startMin: number;
  endMin: number;
}

/** Groups activities by `groupId` (singletons otherwise), in start order. */
export function activityGroups(activities: readonly PlannedActivity[]): ActivityGroup[] {
  const groups = new Map<string, PlannedActivity[]>();
  for (const activity of activities) {
    const key = activity.groupId === undefined ? activity.id : `group:${activity.groupId}`;
    groups.set(key, [...(groups.get(key) ?? []), activity]);
  }
  return [...groups.entries()]
    .map(([itemId, members]) => ({
      itemId,
      activities: [...members].sort((a, b) => a.patientId.localeCompare(b.patientId)),
      startMin: Math.min(...members.map((a) => a.startMin)),
      endMin: Math.max(...members.map((a) => a.endMin)),
    }))
    .sort((a, b) => a.startMin - b.startMin || a.itemId.localeCompare(b.itemId));
}
