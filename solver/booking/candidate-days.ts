import type { BookingReferral, DayCapacity, UnbookedReasonCode } from './booking-problem.ts';

export interface LeadRules {
  days: number;
  minLeadDays: number;
  maxLeadDays: number;
}

export interface Candidates {
  /** ICC days this referral could attend, ascending (capacity of other referrals aside). */
  iccDays: number[];
  /** When `iccDays` is empty: why. */
  reason?: UnbookedReasonCode;
  message?: string;
}

/**
 * The ICC days open to one referral on its own: centre open with places, patient available,
 * every required discipline on the rota that day with enough minutes for them, and a
 * pre-visit day possible in the lead window (support workers out, patient at home, not
 * before `earliestPreVisitDay`, or the pinned pre-visit within the lead window).
 */
export function candidateDays(referral: BookingReferral, capacity: DayCapacity[], rules: LeadRules, preVisitFixedDay?: number): Candidates {
  const unavailable = new Set(referral.unavailableDays ?? []);
  const earliestPreVisit = Math.max(0, referral.earliestPreVisitDay ?? 0);
  const preVisitOk = (p: number) => p >= earliestPreVisit && p < rules.days && (capacity[p]?.preVisitSlots ?? 0) > 0 && !unavailable.has(p);
  let openDays = 0;
  let availableOpenDays = 0;
  let staffedDays = 0;
  const iccDays: number[] = [];
  for (let d = 0; d < rules.days; d++) {
    const day = capacity[d]!;
    if (!day.open || day.patientPlaces <= 0) continue;
    openDays++;
    if (unavailable.has(d)) continue;
    availableOpenDays++;
    const staffed = Object.entries(referral.requiredMinutes).every(([discipline, minutes]) => minutes <= 0 || (day.disciplineMinutes[discipline] ?? 0) >= minutes);
    if (!staffed) continue;
    staffedDays++;
    if (preVisitFixedDay !== undefined) {
      const lead = d - preVisitFixedDay;
      if (lead >= rules.minLeadDays && lead <= rules.maxLeadDays) iccDays.push(d);
      continue;
    }
    for (let p = Math.max(earliestPreVisit, d - rules.maxLeadDays); p <= d - rules.minLeadDays; p++) {
      if (preVisitOk(p)) { iccDays.push(d); break; }
    }
  }
  if (iccDays.length) return { iccDays };
  if (openDays === 0) return { iccDays, reason: 'no-open-day', message: 'the centre has no open day with places in the horizon' };
  if (availableOpenDays === 0) return { iccDays, reason: 'unavailable-every-open-day', message: `unavailable on every one of the ${openDays} open days` };
  if (staffedDays === 0) {
    const needs = Object.entries(referral.requiredMinutes).filter(([, m]) => m > 0).map(([k, m]) => `${k} ${m} min`).join(', ');
    return { iccDays, reason: 'no-discipline-capacity', message: `no open day they can attend has the rota for their needs (${needs})` };
  }
  const why = preVisitFixedDay !== undefined
    ? `their pre-visit on day ${preVisitFixedDay} leaves no ICC day ${rules.minLeadDays}–${rules.maxLeadDays} days later that they can attend`
    : `no pre-visit is possible ${rules.minLeadDays}–${rules.maxLeadDays} days before any ICC day they can attend (support workers' days, their availability)`;
  return { iccDays, reason: 'no-pre-visit-possible', message: why };
}

/** Pre-visit days allowed for an ICC day, ascending: in the lead window, in the horizon, slots that day, patient at home. */
export function preVisitWindow(referral: BookingReferral, iccDay: number, capacity: DayCapacity[], rules: LeadRules): number[] {
  const unavailable = new Set(referral.unavailableDays ?? []);
  const earliest = Math.max(0, referral.earliestPreVisitDay ?? 0, iccDay - rules.maxLeadDays);
  const days: number[] = [];
  for (let p = earliest; p <= iccDay - rules.minLeadDays && p < rules.days; p++) {
    if ((capacity[p]?.preVisitSlots ?? 0) > 0 && !unavailable.has(p)) days.push(p);
  }
  return days;
}
