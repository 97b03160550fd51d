// A clinician's or voluntary partner's calendar: who they see, when, where, what for (SPEC §2).
import { formatInterval } from '../../../solver/index.ts';
import { byStartThenUid, centreLocation, feedEvent } from '../feed-event.ts';
import type { FeedCentre, FeedDay, FeedEvent, FeedPatient } from '../feed-types.ts';
import { patientDirectory } from '../patient-for-feed.ts';
import { sessionEvents } from './session-events.ts';
import { dayLookups } from './day-lookups.ts';

export interface StaffFeedInput {
  day: FeedDay;
  centre: FeedCentre;
  patients: readonly FeedPatient[];
  staffId: string;
}

/**
 * One staff member's events for one plan day: each activity they deliver (a group session
 * once, with all its patients) and the MDT meeting if they attend it. Patients appear as the
 * privacy rule allows for a clinical audience (never with an address).
 */
export function staffFeedEvents({ day, centre, patients, staffId }: StaffFeedInput): FeedEvent[] {
  const names = dayLookups(day);
  const patient = patientDirectory(patients, 'clinical', centre);
  const date = day.plan.date;
  const own = day.plan.activities.filter((a) => a.staffId === staffId);
  const events = sessionEvents({
    activities: own, centre, date, kind: 'staff', ownerId: staffId, names,
    patientLabel: (id) => patient(id).label,
    contextLine: (first) => `Room: ${names.roomName(first.roomId)}`,
  });
  if (day.plan.mdt.attendeeStaffIds.includes(staffId)) {
    const seen = [...new Set(own.map((a) => a.patientId))].sort().map((id) => patient(id).label);
    const room = day.mdtRoomId === undefined ? undefined : names.roomName(day.mdtRoomId);
    events.push(feedEvent({
      centre, date, kind: 'staff', ownerId: staffId, itemId: 'mdt:daily',
      startMin: day.plan.mdt.startMin, endMin: day.plan.mdt.endMin,
      summary: 'MDT meeting',
      location: centreLocation(centre, room),
      description: [
        'Daily multidisciplinary team meeting: agree each patient\'s care plan.',
        seen.length > 0 ? `Your patients today: ${seen.join(', ')}` : '',
        `Time: ${formatInterval(day.plan.mdt.startMin, day.plan.mdt.endMin)}`,
      ].filter((line) => line !== '').join('\n'),
    }));
  }
  return events.sort(byStartThenUid);
}
