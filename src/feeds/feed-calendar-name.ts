// The name a calendar app shows for a subscription. Sidebars cut long names, so the owner
// comes first and the centre's (often long) name goes to the description. A patient's feed
// is named through the privacy rule like everything else in it.
import type { FeedCentre, FeedKind, FeedPatient } from './feed-types.ts';
import { patientForFeed } from './patient-for-feed.ts';

const KIND_NAMES: Record<FeedKind, string> = {
  staff: 'ICC',
  room: 'ICC room',
  'support-worker': 'ICC pre-visits',
  vehicle: 'ICC transport',
  patient: 'ICC day',
};

const KIND_DESCRIPTIONS: Record<FeedKind, string> = {
  staff: 'timetable',
  room: 'room bookings',
  'support-worker': 'pre-visit round',
  vehicle: 'vehicle runs',
  patient: 'ICC day',
};

/**
 * "Dr Ruth Okafor — ICC", "Minibus 1 — ICC transport"; for a patient "MS (ref ICC-0042) — ICC
 * day" (the owner is given as a FeedPatient so the privacy rule applies).
 */
export function feedCalendarName(centre: Pick<FeedCentre, 'name' | 'fullPatientDetailsInFeeds'>, kind: FeedKind, owner: string | FeedPatient): string {
  return `${ownerLabel(centre, kind, owner)} — ${KIND_NAMES[kind]}`;
}

/** The calendar's description (X-WR-CALDESC): "Jean Bishop Integrated Care Centre — timetable of Dr Ruth Okafor". */
export function feedCalendarDescription(centre: Pick<FeedCentre, 'name' | 'fullPatientDetailsInFeeds'>, kind: FeedKind, owner: string | FeedPatient): string {
  return `${centre.name} — ${KIND_DESCRIPTIONS[kind]} of ${ownerLabel(centre, kind, owner)}`;
}

function ownerLabel(centre: Pick<FeedCentre, 'name' | 'fullPatientDetailsInFeeds'>, kind: FeedKind, owner: string | FeedPatient): string {
  return typeof owner === 'string' ? owner : patientForFeed(owner, 'patient', centre).label;
}
