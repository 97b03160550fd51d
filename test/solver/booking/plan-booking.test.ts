import { describe, expect, it } from 'vitest';
import { planBooking } from '../../../solver/booking/plan-booking.ts';
import type { BookingPlan } from '../../../solver/booking/plan-booking.ts';
import { validateBookings } from '../../../solver/booking/validate-bookings.ts';
import type { BookingHorizon, BookingReferral, DayCapacity } from '../../../solver/booking/booking-problem.ts';
import { createJslsSolver } from '../../../solver/lp/jsls-solver.ts';
import { createHighsSolver } from '../../../src/lp/highs-solver.ts';
import type { MipSolver } from '../../../solver/lp/lp-model.ts';
import { closed, openDays, referral } from './fixtures.ts';

const backends: Array<[string, () => Promise<MipSolver>]> = [
  ['jsls', async () => createJslsSolver()],
  ['highs', createHighsSolver],
];

describe.each(backends)('planBooking on %s', (_name, load) => {
  const plan = async (referrals: BookingReferral[], capacity: DayCapacity[], horizon: Partial<BookingHorizon> = {}, extra = {}): Promise<BookingPlan> => {
    const h: BookingHorizon = { days: capacity.length, ...horizon };
    const result = planBooking(referrals, capacity, h, { solver: await load(), ...extra });
    // Every plan in these tests must pass the independent checker.
    expect(validateBookings(referrals, capacity, h, result.bookings, { unbooked: result.unbooked, ...extra })).toEqual([]);
    return result;
  };
  const dayOf = (p: BookingPlan, id: string) => p.bookings.find((b) => b.referralId === id)?.iccDay;

  it('keeps the pre-visit inside the lead window: earliest ICC day is minLead after day 0', async () => {
    const p = await plan([referral('A')], openDays(10), { minLeadDays: 3, maxLeadDays: 5 });
    expect(p.bookings).toHaveLength(1);
    const [b] = p.bookings;
    expect(b!.iccDay).toBe(3);
    expect(b!.iccDay - b!.preVisitDay).toBeGreaterThanOrEqual(3);
    expect(b!.iccDay - b!.preVisitDay).toBeLessThanOrEqual(5);
  });

  it('respects patient places: one place a day spreads three referrals over three days', async () => {
    const p = await plan([referral('A'), referral('B'), referral('C')], openDays(8, 1));
    expect(new Set(p.bookings.map((b) => b.iccDay)).size).toBe(3);
    expect(p.bookings.map((b) => b.iccDay).sort()).toEqual([2, 3, 4]);
  });

  it('respects discipline minutes from the rota: 45 OT minutes on day 2 take one OT patient', async () => {
    const capacity = openDays(6, 5, { anp: 600, geriatrician: 600, ot: 45 });
    const needsOt = { anp: 45, geriatrician: 40, ot: 45 };
    const p = await plan([referral('A', { requiredMinutes: needsOt }), referral('B', { requiredMinutes: needsOt })], capacity);
    expect(dayOf(p, 'A')).not.toBe(dayOf(p, 'B'));
    expect(p.bookings.map((b) => b.iccDay).sort()).toEqual([2, 3]);
  });

  it('avoids unavailable dates for both the ICC day and the pre-visit', async () => {
    const p = await plan([referral('A', { unavailableDays: [0, 2] })], openDays(8));
    const [b] = p.bookings;
    // Day 2 is out; day 3 needs a pre-visit on day 0 or 1, and day 0 is out.
    expect(b!.iccDay).toBe(3);
    expect(b!.preVisitDay).toBe(1);
  });

  it('never books a closed day or a bank holiday', async () => {
    const capacity = openDays(8);
    capacity[2] = closed('bank holiday: Christmas Day');
    capacity[3] = closed('weekend');
    const p = await plan([referral('A')], capacity);
    expect(dayOf(p, 'A')).toBe(4);
  });

  it('keeps pins unless released, and pinned bookings use capacity', async () => {
    const capacity = openDays(6, 1);
    const pinned = referral('P', { efi: 'fit', pin: { iccDay: 2, preVisitDay: 0 } });
    const urgent = referral('U', { efi: 'severe', urgent: true });
    const kept = await plan([pinned, urgent], capacity);
    expect(dayOf(kept, 'P')).toBe(2);
    expect(kept.bookings.find((b) => b.referralId === 'P')!.pinned).toBe(true);
    expect(dayOf(kept, 'U')).toBe(3);
    const released = await plan([pinned, urgent], capacity, {}, { releasePins: ['P'] });
    expect(dayOf(released, 'U')).toBe(2);
    expect(dayOf(released, 'P')).toBe(3);
    expect(kept.moved).toEqual([]);
    expect(released.moved).toEqual([{ referralId: 'P', fromIccDay: 2, toIccDay: 3, fromPreVisitDay: 0, toPreVisitDay: released.bookings.find((b) => b.referralId === 'P')!.preVisitDay }]);
  });

  it('books a pinned (already done) pre-visit\'s ICC day inside its lead window', async () => {
    const p = await plan([referral('A', { pin: { preVisitDay: -5 } })], openDays(30), { minLeadDays: 2, maxLeadDays: 21 });
    expect(p.bookings[0]).toMatchObject({ iccDay: 0, preVisitDay: -5 });
  });

  it('sees the most urgent soonest: urgent, then severe, then mild', async () => {
    const refs = [referral('mild', { efi: 'mild' }), referral('severe', { efi: 'severe' }), referral('urgent', { efi: 'moderate', urgent: true })];
    const p = await plan(refs, openDays(8, 1));
    expect(dayOf(p, 'urgent')).toBe(2);
    expect(dayOf(p, 'severe')).toBe(3);
    expect(dayOf(p, 'mild')).toBe(4);
  });

  it('puts the target wait first: a fit patient about to breach 42 days goes before an urgent one', async () => {
    const refs = [referral('waited', { efi: 'fit', referralDay: -40 }), referral('urgent', { efi: 'severe', urgent: true })];
    const p = await plan(refs, openDays(6, 1), { targetWaitDays: 42 });
    // Day 2 keeps 'waited' at exactly 42 days; day 3 would breach the target (heavy penalty).
    expect(dayOf(p, 'waited')).toBe(2);
    expect(dayOf(p, 'urgent')).toBe(3);
    // Without the target-wait penalty the urgent patient would go first.
    const noTarget = await plan(refs, openDays(6, 1), { targetWaitDays: 42 }, { weights: { targetBreach: 0, lateDay: 0 } });
    expect(dayOf(noTarget, 'urgent')).toBe(2);
  });

  it('reports a bound no higher than the objective', async () => {
    const refs = ['A', 'B', 'C', 'D'].map((id, i) => referral(id, { efi: (['fit', 'mild', 'moderate', 'severe'] as const)[i]! }));
    const p = await plan(refs, openDays(8, 2));
    expect(p.bound.lpRelaxation).not.toBeNull();
    expect(p.bound.value!).toBeLessThanOrEqual(p.objective + 1e-6);
    expect(p.gapPct!).toBeGreaterThanOrEqual(-1e-6);
  });
});

describe('planBooking: reasons for the unbooked', () => {
  const solver = createJslsSolver();
  const reasonOf = (p: BookingPlan, id: string) => p.unbooked.find((u) => u.referralId === id)?.reason;

  it('unavailable on every open day', () => {
    const capacity = openDays(6);
    const p = planBooking([referral('A', { unavailableDays: [0, 1, 2, 3, 4, 5] })], capacity, { days: 6 }, { solver });
    expect(reasonOf(p, 'A')).toBe('unavailable-every-open-day');
    expect(p.unbooked[0]!.message).toContain('6 open days');
  });

  it('no capacity in their window when higher-priority referrals fill it', () => {
    const capacity = openDays(4, 1); // only days 2 and 3 are reachable with a 2-day lead
    const refs = [referral('S1', { efi: 'severe' }), referral('S2', { efi: 'severe' }), referral('F', { efi: 'fit' })];
    const p = planBooking(refs, capacity, { days: 4 }, { solver });
    expect(p.bookings.map((b) => b.referralId).sort()).toEqual(['S1', 'S2']);
    expect(reasonOf(p, 'F')).toBe('no-capacity-in-window');
  });

  it('no rota for a required discipline', () => {
    const p = planBooking([referral('A', { requiredMinutes: { anp: 45, 'social-care': 30 } })], openDays(6), { days: 6 }, { solver });
    expect(reasonOf(p, 'A')).toBe('no-discipline-capacity');
    expect(p.unbooked[0]!.message).toContain('social-care 30 min');
  });

  it('no pre-visit possible when support workers are never out', () => {
    const p = planBooking([referral('A')], openDays(6, 5, undefined, 0), { days: 6 }, { solver });
    expect(reasonOf(p, 'A')).toBe('no-pre-visit-possible');
  });

  it('no pre-visit capacity when the one slot in reach is taken', () => {
    // One pre-visit slot, on day 0; ICC days 2 and 3 need a pre-visit on day 0 or 1 (lead 2–3).
    const capacity = openDays(4, 2, undefined, 0);
    capacity[0]!.preVisitSlots = 1;
    const p = planBooking([referral('A', { efi: 'severe' }), referral('B', { efi: 'mild' })], capacity, { days: 4, minLeadDays: 2, maxLeadDays: 3 }, { solver });
    expect(p.bookings.map((b) => b.referralId)).toEqual(['A']);
    expect(reasonOf(p, 'B')).toBe('no-pre-visit-capacity');
    expect(validateBookings([referral('A'), referral('B')], capacity, { days: 4, minLeadDays: 2, maxLeadDays: 3 }, p.bookings, { unbooked: p.unbooked })).toEqual([]);
  });

  it('re-solves when the pre-visit slots run out, moving the lower-priority referral later', () => {
    // Slots: one on day 0, one on day 4. With lead 2–3, days 2–3 need a day-0/1 pre-visit,
    // so only one referral fits there; the other must wait for day 6 (pre-visit day 4).
    const capacity = openDays(8, 2, undefined, 0);
    capacity[0]!.preVisitSlots = 1;
    capacity[4]!.preVisitSlots = 1;
    const refs = [referral('A', { efi: 'severe' }), referral('B', { efi: 'mild' })];
    const horizon = { days: 8, minLeadDays: 2, maxLeadDays: 3 };
    const p = planBooking(refs, capacity, horizon, { solver });
    expect(p.bookings.map((b) => [b.referralId, b.iccDay, b.preVisitDay])).toEqual([['A', 2, 0], ['B', 6, 4]]);
    expect(p.stats.repairRounds).toBeGreaterThan(0);
    expect(validateBookings(refs, capacity, horizon, p.bookings, { unbooked: p.unbooked })).toEqual([]);
  });

  it('names the bad field on bad input', () => {
    expect(() => planBooking([referral('A', { efi: 'frail' as never })], openDays(3), { days: 3 })).toThrow(/referrals\[0\]\.efi/);
    expect(() => planBooking([], openDays(3), { days: 4 })).toThrow(/capacity/);
    expect(() => planBooking([], openDays(3), { days: 3, minLeadDays: 5, maxLeadDays: 2 })).toThrow(/horizon\.minLeadDays/);
    expect(() => planBooking([referral('A'), referral('A')], openDays(3), { days: 3 })).toThrow(/referrals\[1\]\.id/);
  });
});

describe('planBooking: progress', () => {
  it('reports each phase in order, with the LP bound once it is known', () => {
    const events: Array<{ phase: string; lpBound: number | null }> = [];
    planBooking([referral('A'), referral('B')], openDays(6, 1), { days: 6 }, { solver: createJslsSolver(), onProgress: (e) => events.push(e) });
    expect(events.map((e) => e.phase)).toEqual(['lp', 'mip', 'pre-visits', 'done']);
    expect(events[0]!.lpBound).toBeNull();
    expect(events[1]!.lpBound).not.toBeNull();
  });
});

describe('planBooking: determinism', () => {
  it('gives the same bookings for the same input', () => {
    const refs = Array.from({ length: 12 }, (_, i) => referral(`R${i}`, { efi: (['fit', 'mild', 'moderate', 'severe'] as const)[i % 4]!, referralDay: -i }));
    const a = planBooking(refs, openDays(10, 2), { days: 10 }, { solver: createJslsSolver() });
    const b = planBooking(refs, openDays(10, 2), { days: 10 }, { solver: createJslsSolver() });
    expect(a.bookings).toEqual(b.bookings);
    expect(a.objective).toBe(b.objective);
  });
});
