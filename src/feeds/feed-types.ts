// The data that flows through the feed pipeline: plan → events (builders) → published
// states (reconcileFeedEvents) → .ics text (renderIcs). Everything here is plain JSON so
// the HTTP layer can store published states as they are.
import type { DayPlan, DayProblem, OutreachPlan, OutreachProblem } from '../../solver/index.ts';

/** Whose calendar a feed is (matches `feedOwnerKinds` in src/domain/feed-token.ts). */
export type FeedKind = 'staff' | 'room' | 'support-worker' | 'vehicle' | 'patient';

/** The centre settings a feed depends on. */
export interface FeedCentre {
  id: string;
  name: string;
  /** IANA zone the plan's wall-clock minutes are read in (Europe/London by default). */
  timeZone: string;
  /** Information governance: off by default; on = names and NHS numbers in feeds. */
  fullPatientDetailsInFeeds: boolean;
  /** Shown after the room name in LOCATION, e.g. "Jean Bishop ICC, Hull HU6 9RZ". */
  address?: string;
}

/**
 * What the caller knows about a patient. Only `patientForFeed` reads this; builders see
 * its answer, so no feed can show more than the privacy rule allows.
 */
export interface FeedPatient {
  id: string;
  initials: string;
  /** The centre's local reference, shown instead of the NHS number. */
  ref: string;
  /** Needed only when the centre turns on full details. */
  fullName?: string;
  nhsNumber?: string;
  /** Home address on one line; only the driver's and the support worker's feeds get it. */
  homeAddress?: string;
}

/** One calendar event, ready to reconcile and render. Times are UTC instants (ISO, with Z). */
export interface FeedEvent {
  /** Stable across replans: see `feedEventUid`. */
  uid: string;
  /** Plan date the event belongs to (YYYY-MM-DD). */
  date: string;
  startUtc: string;
  endUtc: string;
  /** IANA zone the event is shown in (DTSTART;TZID=…). */
  timeZone: string;
  summary: string;
  location: string;
  description: string;
}

export type FeedEventStatus = 'CONFIRMED' | 'CANCELLED';

/** An event as last published in a feed; what the HTTP layer stores per feed. */
export interface FeedEventState {
  uid: string;
  /** Hash of the event's content (see `feedEventHash`). */
  contentHash: string;
  /** RFC 5545 SEQUENCE: 0 when first published, +1 on each change. */
  sequence: number;
  status: FeedEventStatus;
  /** When the event left the plan (ISO UTC); null while confirmed. */
  cancelledAt: string | null;
  /** When sequence or status last changed (ISO UTC): LAST-MODIFIED. */
  updatedAt: string;
  /** The last content published, kept so a cancelled event can still be rendered. */
  event: FeedEvent;
}

/** The parts of a day problem and plan the feeds read. */
export interface FeedDay {
  problem: Pick<DayProblem, 'date' | 'assessmentTypes' | 'staff' | 'rooms' | 'patients'>;
  plan: Pick<DayPlan, 'date' | 'activities' | 'itineraries' | 'mdt'>;
  /** The MDT's room id, if it has one (DayProblem.centre.mdt.roomId). */
  mdtRoomId?: string;
}

/** The parts of an outreach day (care-home outreach) the staff and patient feeds read. */
export interface FeedOutreachDay {
  problem: Pick<OutreachProblem, 'date' | 'assessmentTypes' | 'homes' | 'centre'> & {
    /** Who the team is (a resident's feed says whom they will see). */
    staff: ReadonlyArray<Pick<OutreachProblem['staff'][number], 'id' | 'name'>>;
  };
  plan: Pick<OutreachPlan, 'date' | 'visits' | 'rounds' | 'mdt'>;
}

/**
 * A timed stop of a vehicle run or a support worker's round, as minutes of the plan date.
 * `id` must be stable across replans, e.g. `${patientId}:pickup` or `${patientId}:pre-visit`.
 */
export interface TimedStop {
  id: string;
  patientId: string;
  kind: 'pickup' | 'drop-off' | 'home-visit';
  /** For a home visit: a support worker's pre-visit (default) or a rehabilitation follow-up. */
  visitKind?: 'pre-visit' | 'follow-up';
  startMin: number;
  /** Defaults to `startMin` + 5 for pickups and drop-offs; required for home visits. */
  endMin?: number;
  /** Operational notes the driver needs, e.g. 'wheelchair'. */
  mobility?: 'walks' | 'walking-aid' | 'wheelchair';
  carerRidingAlong?: boolean;
}

/** One vehicle's day: its runs' stops in order. */
export interface VehicleDay {
  vehicleId: string;
  vehicleName: string;
  date: string;
  stops: TimedStop[];
}

/** One support worker's pre-visit round for a day. */
export interface SupportWorkerRound {
  supportWorkerId: string;
  supportWorkerName: string;
  date: string;
  visits: TimedStop[];
}
