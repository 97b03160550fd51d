// A care-home resident's (and their carer's) calendar for an outreach day (SPEC §2, §4): the
// team comes to the home, so each visit is at the care home (its name and address as LOCATION),
// with whom and in which room. Like the ICC itinerary, the resident appears as the privacy rule
// allows for the patient audience.
import { formatInterval, type OutreachVisit } from '../../../solver/index.ts';
import { byStartThenUid, feedEvent } from '../feed-event.ts';
import type { FeedCentre, FeedEvent, FeedOutreachDay, FeedPatient } from '../feed-types.ts';
import { patientDirectory } from '../patient-for-feed.ts';
import { careHomeLocation, knownIn, outreachRoomName } from './outreach-staff-feed-events.ts';

export interface OutreachPatientFeedInput {
  outreach: FeedOutreachDay;
  centre: FeedCentre;
  patients: readonly FeedPatient[];
  patientId: string;
}

/**
 * One resident's visits on one published outreach day (none if they are not on it). Item ids
 * start with `outreach:` and name the visit (resident and assessment type), so a moved visit is
 * the same event, updated, and a dropped one is cancelled.
 */
export function outreachPatientFeedEvents({ outreach, centre, patients, patientId }: OutreachPatientFeedInput): FeedEvent[] {
  const { problem, plan } = outreach;
  const date = plan.date;
  const own: OutreachVisit[] = plan.visits.filter((v) => v.residentId === patientId);
  if (own.length === 0) return [];
  const who = patientDirectory(patients, 'patient', centre)(patientId);
  const known = knownIn(problem);
  return own.map((visit) => {
    const home = known.home(visit.homeId);
    const what = known.typeName(visit.typeId);
    const staff = problem.staff.find((s) => s.id === visit.staffId)?.name;
    const room = outreachRoomName(home, visit, "Your own room");
    return feedEvent({
      centre, date, kind: 'patient', ownerId: patientId, itemId: `outreach:activity:${visit.id}`,
      startMin: visit.startMin, endMin: visit.endMin,
      summary: staff === undefined ? `${what} at ${home.name}` : `${what} with ${staff} at ${home.name}`,
      location: careHomeLocation(home),
      description: [
        `For: ${who.label}`,
        `Activity: ${what}`,
        staff === undefined ? '' : `With: ${staff}`,
        `Where: ${home.name} (the ${centre.name} team visits you at the home)`,
        `Room: ${room}`,
        `Time: ${formatInterval(visit.startMin, visit.endMin)}`,
      ].filter((line) => line !== '').join('\n'),
    });
  }).sort(byStartThenUid);
}
