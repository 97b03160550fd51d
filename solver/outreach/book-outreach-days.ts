/**
 * Booking care-home residents to outreach days: each waiting resident gets an outreach day
 * (never an ICC day, so no transport), residents of the same home (and of nearby homes) on the
 * same day, within each day's resident and home capacity, by priority, avoiding the
 * resident's unavailable dates. Greedy and deterministic: homes in order of their most urgent
 * resident, residents by priority; a day that already has the home, then one with a nearby
 * home, then the earliest. Residents already booked keep their day (pins).
 */
import { greatCircleKm } from '../routing/travel/coordinate-travel-times.ts';

export interface OutreachBookingResident {
  referralId: string;
  homeId: string;
  /** ≥ 1; higher is booked first. */
  priority: number;
  unavailableDates?: string[];
  /** Already booked on this date: kept. */
  pinnedDate?: string;
}

export interface OutreachBookingDay {
  date: string;
  maxResidents: number;
  /** Homes the team visits that day at most. */
  maxHomes: number;
}

export interface OutreachBookingProblem {
  residents: OutreachBookingResident[];
  days: OutreachBookingDay[];
  homes: Array<{ id: string; lat?: number | null; lon?: number | null }>;
  /** Homes within this distance count as nearby. */
  nearbyKm: number;
}

export interface OutreachBookingResult {
  bookings: Array<{ referralId: string; date: string; homeId: string; pinned: boolean }>;
  unbooked: Array<{ referralId: string; reason: 'no-outreach-day' | 'unavailable' | 'full'; message: string }>;
  days: Array<{ date: string; homeIds: string[]; residents: number }>;
}

export function bookOutreachDays(problem: OutreachBookingProblem): OutreachBookingResult {
  const days = [...problem.days].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const state = new Map(days.map((d) => [d.date, { day: d, homes: new Set<string>(), residents: 0 }]));
  const homeById = new Map(problem.homes.map((h) => [h.id, h]));
  const nearby = (a: string, b: string): boolean => {
    const x = homeById.get(a);
    const y = homeById.get(b);
    if (x?.lat == null || x.lon == null || y?.lat == null || y.lon == null) return false;
    return greatCircleKm(x.lat, x.lon, y.lat, y.lon) <= problem.nearbyKm;
  };
  const bookings: OutreachBookingResult['bookings'] = [];
  const unbooked: OutreachBookingResult['unbooked'] = [];
  const free: OutreachBookingResident[] = [];
  for (const r of problem.residents) {
    const slot = r.pinnedDate ? state.get(r.pinnedDate) : undefined;
    if (slot) {
      slot.homes.add(r.homeId);
      slot.residents++;
      bookings.push({ referralId: r.referralId, date: r.pinnedDate!, homeId: r.homeId, pinned: true });
    } else free.push(r);
  }
  // Homes by their most urgent resident (then most residents, then id); residents by priority.
  const byHome = new Map<string, OutreachBookingResident[]>();
  for (const r of free) byHome.set(r.homeId, [...(byHome.get(r.homeId) ?? []), r]);
  const homeOrder = [...byHome.entries()].sort(([ia, a], [ib, b]) =>
    Math.max(...b.map((r) => r.priority)) - Math.max(...a.map((r) => r.priority)) || b.length - a.length || (ia < ib ? -1 : 1));
  for (const [homeId, residents] of homeOrder) {
    for (const r of [...residents].sort((a, b) => b.priority - a.priority || (a.referralId < b.referralId ? -1 : 1))) {
      const open = [...state.values()].filter((s) => !(r.unavailableDates ?? []).includes(s.day.date));
      const fits = open.filter((s) => s.residents < s.day.maxResidents && (s.homes.has(homeId) || s.homes.size < s.day.maxHomes));
      const rank = (s: (typeof fits)[number]): number => (s.homes.has(homeId) ? 0 : [...s.homes].some((h) => nearby(h, homeId)) ? 1 : 2);
      const best = fits.sort((a, b) => rank(a) - rank(b) || (a.day.date < b.day.date ? -1 : 1))[0];
      if (best) {
        best.homes.add(homeId);
        best.residents++;
        bookings.push({ referralId: r.referralId, date: best.day.date, homeId, pinned: false });
      } else if (days.length === 0) {
        unbooked.push({ referralId: r.referralId, reason: 'no-outreach-day', message: 'No outreach day is set up in the horizon (POST …/outreach-days).' });
      } else if (open.length === 0) {
        unbooked.push({ referralId: r.referralId, reason: 'unavailable', message: 'The resident is unavailable on every outreach day in the horizon.' });
      } else {
        unbooked.push({ referralId: r.referralId, reason: 'full', message: `Every outreach day the resident can make is full (residents or homes: ${open.map((s) => `${s.day.date} ${s.residents}/${s.day.maxResidents} residents, ${s.homes.size}/${s.day.maxHomes} homes`).join('; ')}).` });
      }
    }
  }
  return {
    bookings,
    unbooked,
    days: [...state.values()].map((s) => ({ date: s.day.date, homeIds: [...s.homes].sort(), residents: s.residents })),
  };
}
