// The name a calendar app shows for a subscription. A patient's feed is named through the
// privacy rule like everything else in it.
import type { FeedCentre, FeedKind, FeedPatient } from './feed-types.ts';
import { patientForFeed } from './patient-for-feed.ts';

const KIND_NAMES: Record<FeedKind, string> = {
  staff: 'timetable',
  room: 'room',
  'support-worker': 'pre-visit round',
  vehicle: 'vehicle runs',
  patient: 'ICC day',
};

/**
 * "Jean Bishop ICC — timetable: Dr Ruth Okafor"; for a patient, "Jean Bishop ICC — ICC day:
 * MS (ref ICC-0042)" (the owner is given as a FeedPatient so the privacy rule applies).
 */
export function feedCalendarName(centre: Pick<FeedCentre, 'name' | 'fullPatientDetailsInFeeds'>, kind: FeedKind, owner: string | FeedPatient): string {
  const ownerLabel = typeof owner === 'string' ? owner : patientForFeed(owner, 'patient', centre).label;
  return `${centre.name} — ${KIND_NAMES[kind]}: ${ownerLabel}`;
}
