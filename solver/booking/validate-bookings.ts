/**
 * An independent checker for booking plans: re-verifies every hard rule from scratch with
 * plain loops, sharing no code with the planner. Tests and the benchmark run every plan
 * through it. Each rule is a named function returning violations.
 */
import type { Violation } from '../model/violation.ts';
import type { Booking, BookingHorizon, BookingReferral, DayCapacity, UnbookedReferral } from './booking-problem.ts';

export interface ValidateBookingsOptions {
  unbooked?: UnbookedReferral[];
  /** Pins the plan was allowed to move. */
  releasePins?: string[];
}

/** Every broken rule in `bookings` (empty = valid). */
export function validateBookings(referrals: BookingReferral[], capacity: DayCapacity[], horizon: BookingHorizon, bookings: Booking[], options: ValidateBookingsOptions = {}): Violation[] {
  const byId = new Map(referrals.map((r) => [r.id, r]));
  const minLead = horizon.minLeadDays ?? 2;
  const maxLead = horizon.maxLeadDays ?? 21;
  return [
    ...eachReferralAccountedOnce(referrals, bookings, options.unbooked ?? []),
    ...iccDayOpen(bookings, capacity, horizon.days),
    ...patientPlaces(bookings, capacity),
    ...disciplineMinutes(bookings, capacity, byId),
    ...preVisitLead(bookings, minLead, maxLead),
    ...preVisitSlots(bookings, capacity, byId, new Set(options.releasePins ?? [])),
    ...patientAvailable(bookings, byId),
    ...pinsKept(referrals, bookings, new Set(options.releasePins ?? [])),
  ];
}

function violation(constraint: string, message: string, justification: Violation['justification']): Violation {
  return { constraint, level: 'hard', penalty: 1, message, justification };
}

/** Each referral is booked once or listed as unbooked, never both, never neither; no unknown ids. */
export function eachReferralAccountedOnce(referrals: BookingReferral[], bookings: Booking[], unbooked: UnbookedReferral[]): Violation[] {
  const out: Violation[] = [];
  const known = new Set(referrals.map((r) => r.id));
  const count = new Map<string, number>();
  for (const b of bookings) count.set(b.referralId, (count.get(b.referralId) ?? 0) + 1);
  for (const u of unbooked) count.set(u.referralId, (count.get(u.referralId) ?? 0) + 1);
  for (const [referralId, times] of count) {
    if (!known.has(referralId)) out.push(violation('eachReferralAccountedOnce', `${referralId} is not on the waiting list`, { referralId }));
    else if (times > 1) out.push(violation('eachReferralAccountedOnce', `${referralId} appears ${times} times among bookings and unbooked`, { referralId, times }));
  }
  for (const r of referrals) {
    if (!count.has(r.id)) out.push(violation('eachReferralAccountedOnce', `${r.id} is neither booked nor reported unbooked`, { referralId: r.id }));
  }
  return out;
}

/** ICC days inside the horizon on days the centre is open. */
export function iccDayOpen(bookings: Booking[], capacity: DayCapacity[], days: number): Violation[] {
  const out: Violation[] = [];
  for (const b of bookings) {
    const day = capacity[b.iccDay];
    if (!Number.isInteger(b.iccDay) || b.iccDay < 0 || b.iccDay >= days || !day) {
      out.push(violation('iccDayOpen', `${b.referralId}'s ICC day ${b.iccDay} is outside the horizon`, { referralId: b.referralId, iccDay: b.iccDay }));
    } else if (!day.open) {
      out.push(violation('iccDayOpen', `${b.referralId} is booked on day ${b.iccDay}, when the centre is closed (${day.closedReason ?? 'closed'})`, { referralId: b.referralId, iccDay: b.iccDay, closedReason: day.closedReason }));
    }
  }
  return out;
}

/** No more patients on a day than it has places. */
export function patientPlaces(bookings: Booking[], capacity: DayCapacity[]): Violation[] {
  const out: Violation[] = [];
  const perDay = new Map<number, number>();
  for (const b of bookings) perDay.set(b.iccDay, (perDay.get(b.iccDay) ?? 0) + 1);
  for (const [day, booked] of perDay) {
    const places = capacity[day]?.patientPlaces ?? 0;
    if (booked > places) out.push(violation('patientPlaces', `day ${day} has ${booked} patients booked for ${places} places`, { day, booked, places }));
  }
  return out;
}

/** Each discipline's booked minutes on a day fit its rota minutes. */
export function disciplineMinutes(bookings: Booking[], capacity: DayCapacity[], byId: Map<string, BookingReferral>): Violation[] {
  const out: Violation[] = [];
  const used = new Map<string, number>();
  for (const b of bookings) {
    const referral = byId.get(b.referralId);
    if (!referral) continue;
    for (const discipline of Object.keys(referral.requiredMinutes)) {
      const key = `${b.iccDay}|${discipline}`;
      used.set(key, (used.get(key) ?? 0) + (referral.requiredMinutes[discipline] ?? 0));
    }
  }
  for (const [key, minutes] of used) {
    const [dayText, discipline] = key.split('|') as [string, string];
    const day = Number(dayText);
    const available = capacity[day]?.disciplineMinutes[discipline] ?? 0;
    if (minutes > available) out.push(violation('disciplineMinutes', `day ${day}: ${minutes} min of ${discipline} booked, the rota has ${available}`, { day, discipline, bookedMin: minutes, availableMin: available }));
  }
  return out;
}

/** The pre-visit comes minLead–maxLead days before the ICC day. */
export function preVisitLead(bookings: Booking[], minLead: number, maxLead: number): Violation[] {
  const out: Violation[] = [];
  for (const b of bookings) {
    const lead = b.iccDay - b.preVisitDay;
    if (!Number.isInteger(b.preVisitDay) || lead < minLead || lead > maxLead) {
      out.push(violation('preVisitLead', `${b.referralId}: pre-visit on day ${b.preVisitDay} is ${lead} days before the ICC day ${b.iccDay}; allowed ${minLead}–${maxLead}`, { referralId: b.referralId, preVisitDay: b.preVisitDay, iccDay: b.iccDay, leadDays: lead, minLeadDays: minLead, maxLeadDays: maxLead }));
    }
  }
  return out;
}

/**
 * Pre-visits in the horizon fit the support workers' slots; a new (unpinned) pre-visit is
 * not in the past nor before the referral's earliest pre-visit day.
 */
export function preVisitSlots(bookings: Booking[], capacity: DayCapacity[], byId: Map<string, BookingReferral>, released: Set<string>): Violation[] {
  const out: Violation[] = [];
  const perDay = new Map<number, number>();
  for (const b of bookings) {
    const referral = byId.get(b.referralId);
    const pinnedPreVisit = referral?.pin !== undefined && !released.has(b.referralId) && referral.pin.preVisitDay === b.preVisitDay;
    if (!pinnedPreVisit) {
      const earliest = Math.max(0, referral?.earliestPreVisitDay ?? 0);
      if (b.preVisitDay < earliest) out.push(violation('preVisitSlots', `${b.referralId}: new pre-visit on day ${b.preVisitDay}, before day ${earliest}`, { referralId: b.referralId, preVisitDay: b.preVisitDay, earliestDay: earliest }));
    }
    if (b.preVisitDay >= 0 && b.preVisitDay < capacity.length) perDay.set(b.preVisitDay, (perDay.get(b.preVisitDay) ?? 0) + 1);
  }
  for (const [day, visits] of perDay) {
    const slots = capacity[day]?.preVisitSlots ?? 0;
    if (visits > slots) out.push(violation('preVisitSlots', `day ${day} has ${visits} pre-visits for ${slots} support-worker slots`, { day, visits, slots }));
  }
  return out;
}

/** The patient is available on the ICC day and on the (new) pre-visit day. */
export function patientAvailable(bookings: Booking[], byId: Map<string, BookingReferral>): Violation[] {
  const out: Violation[] = [];
  for (const b of bookings) {
    const referral = byId.get(b.referralId);
    if (!referral || b.pinned) continue;
    const away = referral.unavailableDays ?? [];
    if (away.includes(b.iccDay)) out.push(violation('patientAvailable', `${b.referralId} is unavailable on their ICC day ${b.iccDay}`, { referralId: b.referralId, day: b.iccDay, what: 'icc' }));
    const preVisitPinned = referral.pin !== undefined && referral.pin.preVisitDay === b.preVisitDay;
    if (!preVisitPinned && away.includes(b.preVisitDay)) out.push(violation('patientAvailable', `${b.referralId} is unavailable on their pre-visit day ${b.preVisitDay}`, { referralId: b.referralId, day: b.preVisitDay, what: 'pre-visit' }));
  }
  return out;
}

/** Pinned bookings stay where they were unless released. */
export function pinsKept(referrals: BookingReferral[], bookings: Booking[], released: Set<string>): Violation[] {
  const out: Violation[] = [];
  const booked = new Map(bookings.map((b) => [b.referralId, b]));
  for (const r of referrals) {
    if (!r.pin || released.has(r.id)) continue;
    const b = booked.get(r.id);
    const iccMoved = r.pin.iccDay !== undefined && b?.iccDay !== r.pin.iccDay;
    const preVisitMoved = b !== undefined && b.preVisitDay !== r.pin.preVisitDay;
    if (iccMoved || preVisitMoved) {
      out.push(violation('pinsKept', `${r.id} was pinned (ICC day ${r.pin.iccDay ?? '—'}, pre-visit ${r.pin.preVisitDay}) but is ${b ? `now on ${b.iccDay} / ${b.preVisitDay}` : 'unbooked'}`, { referralId: r.id, pinnedIccDay: r.pin.iccDay, pinnedPreVisitDay: r.pin.preVisitDay, iccDay: b?.iccDay, preVisitDay: b?.preVisitDay }));
    }
  }
  return out;
}
