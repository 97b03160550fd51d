import type { BookingReferral, DayCapacity } from '../../../solver/booking/booking-problem.ts';

/** `days` open days with the same places, minutes and pre-visit slots; override single days after. */
export function openDays(days: number, places = 10, minutes: Record<string, number> = { anp: 600, geriatrician: 600, ot: 600 }, preVisitSlots = 10): DayCapacity[] {
  return Array.from({ length: days }, () => ({ open: true, patientPlaces: places, disciplineMinutes: { ...minutes }, preVisitSlots }));
}

export function closed(reason = 'bank holiday'): DayCapacity {
  return { open: false, closedReason: reason, patientPlaces: 0, disciplineMinutes: {}, preVisitSlots: 0 };
}

export function referral(id: string, overrides: Partial<BookingReferral> = {}): BookingReferral {
  return { id, referralDay: 0, efi: 'moderate', requiredMinutes: { anp: 45, geriatrician: 40 }, ...overrides };
}
