// One event per session (a one-to-one activity, or a whole group session) for the clinical feeds.
import { type PlannedActivity, formatInterval } from '../../../solver/index.ts';
import { centreLocation, feedEvent } from '../feed-event.ts';
import type { FeedCentre, FeedEvent, FeedKind } from '../feed-types.ts';
import { activityGroups } from './activity-groups.ts';
import type { DayLookups } from './day-lookups.ts';

export interface SessionEventsInput {
  activities: readonly PlannedActivity[];
  centre: FeedCentre;
  date: string;
  kind: FeedKind;
  ownerId: string;
  names: DayLookups;
  /** The patient's label as the privacy rule allows for this audience. */
  patientLabel: (patientId: string) => string;
  /** The line that differs per feed: the room for a clinician, the clinician for a room. */
  contextLine: (first: PlannedActivity) => string | undefined;
}

/** Summary "what: who", location at the centre, and a description naming patients, activity, context and time. */
export function sessionEvents(input: SessionEventsInput): FeedEvent[] {
  const { centre, date, kind, ownerId, names } = input;
  return activityGroups(input.activities).map((group) => {
    const first = group.activities[0]!;
    const what = names.activityName(first);
    const who = group.activities.map((a) => input.patientLabel(a.patientId));
    const context = input.contextLine(first);
    return feedEvent({
      centre, date, kind, ownerId, itemId: group.itemId,
      startMin: group.startMin, endMin: group.endMin,
      summary: `${what}: ${who.join(', ')}`,
      location: centreLocation(centre, names.roomName(first.roomId)),
      description: [
        `${who.length > 1 ? 'Patients' : 'Patient'}: ${who.join(', ')}`,
        `Activity: ${what}${who.length > 1 ? ' (group session)' : ''}`,
        context,
        `Time: ${formatInterval(group.startMin, group.endMin)}`,
      ].filter((line): line is string => line !== undefined).join('\n'),
    });
  });
}
