// A clinician's or voluntary partner's calendar: who they see, when, where, what for (SPEC §2).
import { formatInterval } from '../../../solver/model/format-minutes.ts';
import { byStartThenUid, centreLocation, feedEvent } from '../feed-event.ts';
import type { FeedCentre, FeedDay, FeedEvent, FeedPatient } from '../feed-types.ts';
import { patientDirectory } from '../patient-for-feed.ts';
import { activityGroups } from './activity-groups.ts';
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
  const events = activityGroups(own).map((group) => {
    const first = group.activities[0]!;
    const what = names.activityName(first);
    const room = names.roomName(first.roomId);
    const who = group.activities.map((a) => patient(a.patientId).label);
    return feedEvent({
      centre, date, kind: 'staff', ownerId: staffId, itemId: group.itemId,
      startMin: group.startMin, endMin: group.endMin,
      summary: `${what}: ${who.join(', ')}`,
      location: centreLocation(centre, room),
      description: [
        `${who.length > 1 ? 'Patients' : 'Patient'}: ${who.join(', ')}`,
        `Activity: ${what}${who.length > 1 ? ' (group session)' : ''}`,
        `Room: ${room}`,
        `Time: ${formatInterval(group.startMin, group.endMin)}`,
      ].join('\n'),
    });
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
