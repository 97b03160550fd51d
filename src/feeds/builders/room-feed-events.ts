// A room's calendar: what happens in it, with whom, for the coordinator and the room's users.
import { formatInterval } from '../../../solver/index.ts';
import { byStartThenUid, centreLocation, feedEvent } from '../feed-event.ts';
import type { FeedCentre, FeedDay, FeedEvent, FeedPatient } from '../feed-types.ts';
import { patientDirectory } from '../patient-for-feed.ts';
import { sessionEvents } from './session-events.ts';
import { dayLookups } from './day-lookups.ts';

export interface RoomFeedInput {
  day: FeedDay;
  centre: FeedCentre;
  patients: readonly FeedPatient[];
  roomId: string;
}

/**
 * One room's events for one plan day: each activity held there (a group session once) and
 * the MDT meeting if it is held there. Clinical audience: no addresses.
 */
export function roomFeedEvents({ day, centre, patients, roomId }: RoomFeedInput): FeedEvent[] {
  const names = dayLookups(day);
  const patient = patientDirectory(patients, 'clinical', centre);
  const date = day.plan.date;
  const held = day.plan.activities.filter((a) => a.roomId === roomId);
  const events = sessionEvents({
    activities: held, centre, date, kind: 'room', ownerId: roomId, names,
    patientLabel: (id) => patient(id).label,
    contextLine: (first) => (first.staffId === undefined ? undefined : `With: ${names.staffName(first.staffId)}`),
  });
  if (day.mdtRoomId === roomId) {
    events.push(feedEvent({
      centre, date, kind: 'room', ownerId: roomId, itemId: 'mdt:daily',
      startMin: day.plan.mdt.startMin, endMin: day.plan.mdt.endMin,
      summary: 'MDT meeting',
      location: centreLocation(centre, names.roomName(roomId)),
      description: `Daily multidisciplinary team meeting (${day.plan.mdt.attendeeStaffIds.length} attending).\nTime: ${formatInterval(day.plan.mdt.startMin, day.plan.mdt.endMin)}`,
    }));
  }
  return events.sort(byStartThenUid);
}
