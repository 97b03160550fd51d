/**
 * A deterministic (seeded) demo waiting list and capacity calendar for the booking planner:
 * for tests, the demo and the `booking` benchmark. Same options, same output.
 */
import { createRng, type Rng, type BookingHorizon, type BookingReferral, type DayCapacity, type DisciplineMinutes, type EfiCategory } from '../../solver/index.ts';
import { dayIndexToIso, englandBankHolidays, weekdayOf } from './waiting-list-calendar.ts';

export interface WaitingListOptions {
  /** Number of waiting referrals. */
  referrals: number;
  seed?: number;
  /** Default 60 days. */
  horizonDays?: number;
  /** Day 0, YYYY-MM-DD (default 2026-12-07: the horizon spans Christmas and New Year). */
  startDate?: string;
  /** Referrals were made over this many days before day 0 (default 56, eight weeks). */
  referredOverDays?: number;
  /** Demand ÷ capacity: patient places per open day are set so the list fills this share (default 0.95). */
  load?: number;
  /** Fixed patient places per open day (overrides `load`). */
  placesPerDay?: number;
}

export interface WaitingList {
  referrals: BookingReferral[];
  capacity: DayCapacity[];
  horizon: BookingHorizon;
}

/** Share of referrals needing each discipline, and the minutes each needs. ANP and geriatrician see everyone. */
export const DEMO_DISCIPLINES: Array<{ discipline: string; share: number; minutes: number }> = [
  { discipline: 'anp', share: 1, minutes: 45 },
  { discipline: 'geriatrician', share: 1, minutes: 40 },
  { discipline: 'pharmacy', share: 0.8, minutes: 30 },
  { discipline: 'ot', share: 0.6, minutes: 45 },
  { discipline: 'physio', share: 0.5, minutes: 45 },
  { discipline: 'social-care', share: 0.4, minutes: 30 },
  { discipline: 'voluntary', share: 0.3, minutes: 30 },
];

const EFI_MIX: Array<[EfiCategory, number]> = [['fit', 0.05], ['mild', 0.2], ['moderate', 0.45], ['severe', 0.3]];

/**
 * @example
 * const { referrals, capacity, horizon } = generateWaitingList({ referrals: 500, seed: 1 });
 */
export function generateWaitingList(options: WaitingListOptions): WaitingList {
  if (!Number.isInteger(options.referrals) || options.referrals < 0) throw new Error(`referrals must be a non-negative integer, got ${options.referrals}`);
  const seed = options.seed ?? 1;
  const days = options.horizonDays ?? 60;
  const startDate = options.startDate ?? '2026-12-07';
  const referredOverDays = options.referredOverDays ?? 56;
  const rng = createRng(seed);
  const openDays = openDayFlags(startDate, days);
  const openCount = openDays.filter((d) => d.open).length;
  const places = options.placesPerDay ?? Math.max(1, Math.ceil(options.referrals / ((options.load ?? 0.95) * Math.max(1, openCount - 2))));
  const capacity = openDays.map((day) => dayCapacity(day, places, rng));
  const referrals = Array.from({ length: options.referrals }, (_, i) => demoReferral(i, rng, days, referredOverDays));
  return { referrals, capacity, horizon: { days, startDate, minLeadDays: 2, maxLeadDays: 21, targetWaitDays: 42 } };
}

function openDayFlags(startDate: string, days: number): Array<{ open: boolean; closedReason?: string }> {
  const holidays = new Map<string, string>();
  const firstYear = Number(startDate.slice(0, 4));
  for (let year = firstYear; year <= firstYear + 1 + Math.ceil(days / 365); year++) {
    for (const [iso, name] of englandBankHolidays(year)) holidays.set(iso, name);
  }
  return Array.from({ length: days }, (_, i) => {
    const iso = dayIndexToIso(startDate, i);
    const weekday = weekdayOf(iso);
    if (weekday === 0 || weekday === 6) return { open: false, closedReason: 'weekend' };
    const holiday = holidays.get(iso);
    if (holiday) return { open: false, closedReason: `bank holiday: ${holiday}` };
    return { open: true };
  });
}

/** The rota varies day to day (leave, training): each discipline gets 90–130% of the average need. */
function dayCapacity(day: { open: boolean; closedReason?: string }, places: number, rng: Rng): DayCapacity {
  if (!day.open) return { open: false, closedReason: day.closedReason ?? 'closed', patientPlaces: 0, disciplineMinutes: {}, preVisitSlots: 0 };
  const disciplineMinutes: DisciplineMinutes = {};
  for (const { discipline, share, minutes } of DEMO_DISCIPLINES) {
    const factor = share === 1 ? 1 : 0.9 + 0.4 * rng.next();
    // At least one patient's worth, so small lists still have every discipline on the rota.
    disciplineMinutes[discipline] = Math.max(minutes, Math.round((places * share * minutes * factor) / 15) * 15);
  }
  return { open: true, patientPlaces: places, disciplineMinutes, preVisitSlots: Math.ceil(places * 1.25) };
}

function demoReferral(i: number, rng: Rng, days: number, referredOverDays: number): BookingReferral {
  const efi = pickEfi(rng.next());
  const urgent = rng.next() < 0.08;
  // Urgent referrals are recent: triage flags them on arrival.
  const referralDay = -(urgent ? rng.int(Math.min(14, referredOverDays) + 1) : rng.int(referredOverDays + 1));
  const requiredMinutes: DisciplineMinutes = {};
  for (const { discipline, share, minutes } of DEMO_DISCIPLINES) {
    if (share >= 1 || rng.next() < share) requiredMinutes[discipline] = minutes;
  }
  const unavailableDays = demoUnavailableDays(rng, days);
  return {
    id: `R${String(i + 1).padStart(5, '0')}`,
    referralDay,
    efi,
    ...(urgent ? { urgent } : {}),
    requiredMinutes,
    ...(unavailableDays.length ? { unavailableDays } : {}),
  };
}

function pickEfi(u: number): EfiCategory {
  let cumulative = 0;
  for (const [category, share] of EFI_MIX) {
    cumulative += share;
    if (u < cumulative) return category;
  }
  return 'severe';
}

/** 30% have one to three blocks (hospital appointments, a week away); 0.5% are away the whole horizon. */
function demoUnavailableDays(rng: Rng, days: number): number[] {
  const u = rng.next();
  if (u < 0.005) return Array.from({ length: days }, (_, d) => d);
  if (u > 0.3) return [];
  const set = new Set<number>();
  const blocks = 1 + rng.int(3);
  for (let b = 0; b < blocks; b++) {
    const start = rng.int(days);
    const length = 1 + rng.int(7);
    for (let d = start; d < Math.min(days, start + length); d++) set.add(d);
  }
  return [...set].sort((a, b) => a - b);
}
