/**
 * The booking problem: give each waiting referral an ICC day and a home pre-visit day over
 * a horizon of weeks (SPEC §3A).
 *
 * Dates are DAY INDICES from the horizon start: day 0 is the first day of the horizon,
 * day `horizon.days − 1` the last. Negative indices lie before the horizon (a referral
 * made 20 days ago has `referralDay: −20`). `src/` converts calendar dates to indices and
 * back; the solver never sees a calendar.
 */

export type EfiCategory = 'fit' | 'mild' | 'moderate' | 'severe';

/** What a referral needs on its ICC day: minutes of each discipline (e.g. { anp: 45, geriatrician: 45 }). */
export type DisciplineMinutes = Record<string, number>;

/** An existing booking a coordinator has fixed (or a pre-visit already done). */
export interface BookingPin {
  /** The booked ICC day; absent when only the pre-visit is fixed. */
  iccDay?: number;
  /** The booked (or done, if negative) pre-visit day. */
  preVisitDay: number;
}

export interface BookingReferral {
  id: string;
  /** Day index of the referral (usually ≤ 0: before the horizon starts). */
  referralDay: number;
  efi: EfiCategory;
  /** Clinical urgency flag set by the referrer or the ICC's triage. */
  urgent?: boolean;
  /** Minutes per discipline the ICC day needs (estimated until the pre-visit confirms them). */
  requiredMinutes: DisciplineMinutes;
  /** Days the patient cannot attend the centre or be visited at home. */
  unavailableDays?: number[];
  /** No pre-visit before this day (e.g. referral still being triaged); default 0. */
  earliestPreVisitDay?: number;
  pin?: BookingPin;
}

/** One day of the horizon. Index i of the capacity array is day i. */
export interface DayCapacity {
  /** False on weekends, bank holidays and other closures: no ICC day (pre-visits may still be allowed by `preVisitSlots`). */
  open: boolean;
  /** Why the centre is closed, shown in explanations (e.g. 'bank holiday: Easter Monday'). */
  closedReason?: string;
  /** Patients the centre can take that day. */
  patientPlaces: number;
  /** Clinical minutes available per discipline from the rota. A discipline not listed has 0. */
  disciplineMinutes: DisciplineMinutes;
  /** Home pre-visits the support workers can make that day. */
  preVisitSlots: number;
}

/** The horizon and the service's booking rules. */
export interface BookingHorizon {
  /** Number of days in the horizon; `capacity.length` must equal it. */
  days: number;
  /** Calendar date of day 0, YYYY-MM-DD (informational inside the solver). */
  startDate?: string;
  /** Pre-visit at least this many days before the ICC day (default 2). */
  minLeadDays?: number;
  /** … and at most this many (default 21). */
  maxLeadDays?: number;
  /** Target: ICC day within this many days of referral (default 42, six weeks). */
  targetWaitDays?: number;
}

/**
 * Objective weights. The cost of booking referral r on day d is
 *   priority(r) × d × soonestPerDay
 *   + (wait(r, d) > target ? targetBreach + lateDay × (wait − target) : 0),
 * and leaving r unbooked costs what booking on the day after the horizon would, plus `unbooked`.
 * priority(r) = efi weight + waitedWeek × weeks waited at day 0 + (urgent ? urgent : 0).
 */
export interface BookingWeights {
  efi: Record<EfiCategory, number>;
  /** Priority added per week already waited at the horizon start. */
  waitedWeek: number;
  /** Priority added by the urgency flag. */
  urgent: number;
  /** Cost per priority unit per day from the horizon start ("most urgent soonest"). */
  soonestPerDay: number;
  /** One-off cost when the ICC day is beyond the target wait. */
  targetBreach: number;
  /** Cost per day beyond the target wait. */
  lateDay: number;
  /** Extra cost of leaving a referral unbooked ("capacity used"). */
  unbooked: number;
}

export const DEFAULT_BOOKING_WEIGHTS: BookingWeights = {
  efi: { fit: 1, mild: 2, moderate: 3, severe: 4 },
  waitedWeek: 0.5,
  urgent: 6,
  soonestPerDay: 1,
  targetBreach: 200,
  lateDay: 20,
  unbooked: 2000,
};

export const DEFAULT_MIN_LEAD_DAYS = 2;
export const DEFAULT_MAX_LEAD_DAYS = 21;
export const DEFAULT_TARGET_WAIT_DAYS = 42;

export type UnbookedReasonCode =
  | 'no-open-day'
  | 'unavailable-every-open-day'
  | 'no-discipline-capacity'
  | 'no-pre-visit-possible'
  | 'no-capacity-in-window'
  | 'no-pre-visit-capacity'
  | 'solver-failed';

export interface UnbookedReferral {
  referralId: string;
  reason: UnbookedReasonCode;
  /** A sentence a coordinator can act on. */
  message: string;
}

export interface Booking {
  referralId: string;
  iccDay: number;
  preVisitDay: number;
  /** Days from referral to the ICC day. */
  waitDays: number;
  pinned: boolean;
  /** The referral's priority used in the objective. */
  priority: number;
}
