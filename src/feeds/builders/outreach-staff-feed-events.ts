// A clinician's care-home outreach day in their calendar (SPEC §3F, §4): the round out of the
// centre, each visit at the care home (its name and address as LOCATION, so a phone's map
// finds it), and the MDT on return or joined remotely. Residents appear as the privacy rule
// allows for a clinical audience, like every patient in a staff feed.
import { formatInterval, formatMinutes, type OutreachHome, type OutreachVisit } from '../../../solver/index.ts';
import { appError } from '../../errors/index.ts';
import { byStartThenUid, centreLocation, feedEvent } from '../feed-event.ts';
import type { FeedCentre, FeedEvent, FeedOutreachDay, FeedPatient } from '../feed-types.ts';
import { patientDirectory } from '../patient-for-feed.ts';
import { activityGroups } from './activity-groups.ts';

export interface OutreachStaffFeedInput {
  outreach: FeedOutreachDay;
  centre: FeedCentre;
  patients: readonly FeedPatient[];
  staffId: string;
}

/** "Ashcourt Care Home, 14 Ashcourt Drive, Hull, HU6 7QT": where the team goes. */
export function careHomeLocation(home: Pick<OutreachHome, 'name' | 'address' | 'postcode'>): string {
  return [home.name, home.address, home.postcode].filter((part) => part !== undefined && part.trim() !== '').join(', ');
}

/** The homes and type names an outreach plan refers to; one that is not in its problem is a 400 naming it. */
export function knownIn(problem: FeedOutreachDay['problem']): { home: (id: string) => OutreachHome; typeName: (id: string) => string } {
  const homes = new Map(problem.homes.map((h) => [h.id, h]));
  const types = new Map(problem.assessmentTypes.map((t) => [t.id, t.name]));
  const known = <T>(map: Map<string, T>, id: string, what: string): T => {
    const found = map.get(id);
    if (found === undefined) {
      throw appError.validation(`the outreach plan refers to ${what} ${id}, which is not in its problem`, [
        { path: `problem.${what}`, message: `must include ${id}` },
      ]);
    }
    return found;
  };
  return { home: (id) => known(homes, id, 'homes'), typeName: (id) => known(types, id, 'assessmentTypes') };
}

/** Where at the home a visit is: a shared room's name, or `ownRoom` for the resident's own room. */
export function outreachRoomName(home: OutreachHome, visit: Pick<OutreachVisit, 'roomId'>, ownRoom: string): string {
  return visit.roomId.startsWith('own-room:') ? ownRoom : (home.sharedRooms.find((r) => r.id === visit.roomId)?.name ?? visit.roomId);
}

/**
 * One staff member's events for one published outreach day. Item ids start with `outreach:`
 * so they never share a UID with an ICC day's events of the same date; a visit's id is the
 * resident and assessment type, so a moved visit is the same event, updated.
 */
export function outreachStaffFeedEvents({ outreach, centre, patients, staffId }: OutreachStaffFeedInput): FeedEvent[] {
  const { problem, plan } = outreach;
  if (plan.date !== problem.date) {
    throw appError.validation(`outreach plan.date ${plan.date} differs from problem.date ${problem.date}`, [
      { path: 'plan.date', message: `must equal problem.date ${problem.date}` },
    ]);
  }
  const date = plan.date;
  const patient = patientDirectory(patients, 'clinical', centre);
  const known = knownIn(problem);
  const roomName = (visit: OutreachVisit) => outreachRoomName(known.home(visit.homeId), visit, "Resident's own room");

  const own = plan.visits.filter((v) => v.staffId === staffId).map((v) => ({ ...v, patientId: v.residentId }));
  const events = activityGroups(own).map((group) => {
    const first = group.activities[0]!;
    const home = known.home(first.homeId);
    const what = known.typeName(first.typeId);
    const who = group.activities.map((v) => patient(v.residentId).label);
    return feedEvent({
      centre, date, kind: 'staff', ownerId: staffId, itemId: `outreach:${group.itemId}`,
      startMin: group.startMin, endMin: group.endMin,
      summary: `${what}: ${who.join(', ')} (${home.name})`,
      location: careHomeLocation(home),
      description: [
        `${who.length > 1 ? 'Residents' : 'Resident'}: ${who.join(', ')}`,
        `Activity: ${what}${who.length > 1 ? ' (group session)' : ''}`,
        `Care home: ${home.name}`,
        `Room: ${roomName(first)}`,
        `Time: ${formatInterval(group.startMin, group.endMin)}`,
      ].join('\n'),
    });
  });

  const round = plan.rounds.find((r) => r.staffId === staffId);
  if (round !== undefined && round.stops.length > 0) {
    const stopHomes = round.stops.map((s) => known.home(s.homeId));
    events.push(feedEvent({
      centre, date, kind: 'staff', ownerId: staffId, itemId: 'outreach:round',
      startMin: round.leaveCentreMin, endMin: round.returnCentreMin,
      summary: `Care-home outreach: ${stopHomes.map((h) => h.name).join(', ')}`,
      // The round starts where the team leaves from; each visit carries its home's address.
      location: centreLocation(centre),
      description: [
        `Leave the centre ${formatMinutes(round.leaveCentreMin)}`,
        ...round.stops.map((stop, i) => `${formatMinutes(stop.arriveMin)}–${formatMinutes(stop.leaveMin)} ${careHomeLocation(stopHomes[i]!)}`),
        `Back at the centre ${formatMinutes(round.returnCentreMin)} (driving ${round.travelMin} min)`,
      ].join('\n'),
    }));
  }

  if (plan.mdt.attendeeStaffIds.includes(staffId)) {
    const seen = [...new Set(own.map((v) => v.residentId))].sort().map((id) => patient(id).label);
    const remote = plan.mdt.mode === 'remote';
    events.push(feedEvent({
      centre, date, kind: 'staff', ownerId: staffId, itemId: 'outreach:mdt',
      startMin: plan.mdt.startMin, endMin: plan.mdt.endMin,
      summary: remote ? 'MDT meeting (join remotely)' : 'MDT meeting',
      location: remote ? 'Remote: join from the field' : centreLocation(centre),
      description: [
        'Daily multidisciplinary team meeting: agree each resident\'s care plan.',
        seen.length > 0 ? `Your residents today: ${seen.join(', ')}` : '',
        `Time: ${formatInterval(plan.mdt.startMin, plan.mdt.endMin)}`,
      ].filter((line) => line !== '').join('\n'),
    }));
  }
  return events.sort(byStartThenUid);
}
