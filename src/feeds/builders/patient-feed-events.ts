// A patient's (and carer's) itinerary for the ICC day: pickup, who they will see, the meal,
// the end of the day and the ride home (SPEC §2).
import { formatInterval, formatMinutes, MEAL_TYPE_ID } from '../../../solver/index.ts';
import { byStartThenUid, centreLocation, feedEvent } from '../feed-event.ts';
import type { FeedCentre, FeedDay, FeedEvent, FeedPatient, TimedStop } from '../feed-types.ts';
import { patientDirectory } from '../patient-for-feed.ts';
import { dayLookups } from './day-lookups.ts';
import { stopEndMin, stopName } from './stop-times.ts';

export interface PatientFeedInput {
  day: FeedDay;
  centre: FeedCentre;
  patients: readonly FeedPatient[];
  patientId: string;
  /** The patient's pickup and drop-off, if transport brings them (other patients' stops are ignored). */
  transport?: readonly TimedStop[];
}

/**
 * One patient's itinerary for one plan day: arrival, each activity (with whom, where),
 * departure, and their transport stops. The patient audience gets no address (it is theirs).
 * A patient with no itinerary in the plan gets no events.
 */
export function patientFeedEvents({ day, centre, patients, patientId, transport = [] }: PatientFeedInput): FeedEvent[] {
  const names = dayLookups(day);
  const who = patientDirectory(patients, 'patient', centre)(patientId);
  const date = day.plan.date;
  const itinerary = day.plan.itineraries.find((i) => i.patientId === patientId);
  if (!itinerary) return [];
  const common = { centre, date, kind: 'patient' as const, ownerId: patientId };
  const activities = day.plan.activities.filter((a) => a.patientId === patientId).sort((a, b) => a.startMin - b.startMin);
  const firstStartMin = activities[0]?.startMin ?? itinerary.arrivalMin;
  const events: FeedEvent[] = [
    feedEvent({
      ...common, itemId: 'itinerary:arrival',
      startMin: itinerary.arrivalMin, endMin: Math.max(itinerary.arrivalMin, firstStartMin),
      summary: `Arrive at ${centre.name} and check in`,
      location: centreLocation(centre),
      description: `For: ${who.label}\nPlease arrive by ${formatMinutes(itinerary.arrivalMin)}.`,
    }),
    ...activities.map((a) => {
      const what = names.activityName(a);
      const staff = a.staffId === undefined ? undefined : names.staffName(a.staffId);
      const room = names.roomName(a.roomId);
      return feedEvent({
        ...common, itemId: `activity:${a.id}`,
        startMin: a.startMin, endMin: a.endMin,
        summary: a.typeId === MEAL_TYPE_ID || staff === undefined ? what : `${what} with ${staff}`,
        location: centreLocation(centre, room),
        description: [`For: ${who.label}`, `Activity: ${what}`, staff === undefined ? '' : `With: ${staff}`, `Room: ${room}`,
          `Time: ${formatInterval(a.startMin, a.endMin)}`].filter((line) => line !== '').join('\n'),
      });
    }),
    feedEvent({
      ...common, itemId: 'itinerary:departure',
      startMin: itinerary.departureMin, endMin: itinerary.departureMin,
      summary: `Day at ${centre.name} ends`,
      location: centreLocation(centre),
      description: `For: ${who.label}\nThe day ends at ${formatMinutes(itinerary.departureMin)}; your care plan is agreed at the team meeting afterwards.`,
    }),
    ...transport.filter((stop) => stop.patientId === patientId).map((stop) => feedEvent({
      ...common, itemId: `stop:${stop.id}`,
      startMin: stop.startMin, endMin: stopEndMin(stop),
      summary: stop.kind === 'pickup' ? 'Transport pickup from home' : 'Transport drop-off at home',
      location: 'Home',
      description: `For: ${who.label}\n${stopName(stop)} at about ${formatMinutes(stop.startMin)}.${stop.carerRidingAlong ? ' Your carer rides along.' : ''}`,
    })),
  ];
  return events.sort(byStartThenUid);
}
