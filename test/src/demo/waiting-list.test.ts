import { describe, expect, it } from 'vitest';
import { generateWaitingList } from '../../../src/demo/waiting-list.ts';
import { englandBankHolidays, dayIndexToIso, isoToDayIndex } from '../../../src/demo/waiting-list-calendar.ts';
import { planBooking } from '../../../solver/booking/plan-booking.ts';
import { validateBookings } from '../../../solver/booking/validate-bookings.ts';
import { createHighsSolver } from '../../../src/lp/highs-solver.ts';

describe('englandBankHolidays', () => {
  it('knows Easter and the weekend substitutes (published gov.uk dates for 2026 and 2027)', () => {
    const y2026 = [...englandBankHolidays(2026).keys()].sort();
    expect(y2026).toEqual(['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28']);
    const y2027 = [...englandBankHolidays(2027).keys()].sort();
    expect(y2027).toEqual(['2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28']);
  });

  it('converts dates to day indices and back', () => {
    expect(isoToDayIndex('2026-12-07', '2026-12-25')).toBe(18);
    expect(dayIndexToIso('2026-12-07', -7)).toBe('2026-11-30');
    expect(() => isoToDayIndex('2026-02-30', '2026-03-01')).toThrow(/not a calendar date/);
  });
});

describe('generateWaitingList', () => {
  const list = generateWaitingList({ referrals: 200, seed: 7 });

  it('is deterministic for a seed and differs across seeds', () => {
    expect(generateWaitingList({ referrals: 200, seed: 7 })).toEqual(list);
    expect(generateWaitingList({ referrals: 200, seed: 8 }).referrals).not.toEqual(list.referrals);
  });

  it('closes weekends and bank holidays in the horizon', () => {
    expect(list.capacity).toHaveLength(60);
    // 2026-12-07 is a Monday: day 5 is a Saturday, day 18 Christmas Day, day 21 the Boxing Day substitute, day 25 New Year's Day.
    expect(list.capacity[5]!.open).toBe(false);
    expect(list.capacity[18]!.closedReason).toBe('bank holiday: Christmas Day');
    expect(list.capacity[21]!.closedReason).toBe('bank holiday: Boxing Day');
    expect(list.capacity[25]!.closedReason).toBe("bank holiday: New Year's Day");
    expect(list.capacity[0]!.open).toBe(true);
  });

  it('gives a realistic mix: every eFI band, some urgent, referral dates in the last eight weeks, ANP for all', () => {
    const bands = new Set(list.referrals.map((r) => r.efi));
    expect(bands).toEqual(new Set(['fit', 'mild', 'moderate', 'severe']));
    const urgent = list.referrals.filter((r) => r.urgent).length;
    expect(urgent).toBeGreaterThan(0);
    expect(urgent).toBeLessThan(50);
    for (const r of list.referrals) {
      expect(r.referralDay).toBeLessThanOrEqual(0);
      expect(r.referralDay).toBeGreaterThanOrEqual(-56);
      expect(r.requiredMinutes.anp).toBe(45);
    }
    expect(list.referrals.some((r) => (r.unavailableDays ?? []).length > 0)).toBe(true);
  });

  it('feeds planBooking a plan the independent checker accepts, close to its bound (HiGHS)', async () => {
    const solver = await createHighsSolver();
    const small = generateWaitingList({ referrals: 120, seed: 7 });
    const plan = planBooking(small.referrals, small.capacity, small.horizon, { solver });
    expect(validateBookings(small.referrals, small.capacity, small.horizon, plan.bookings, { unbooked: plan.unbooked })).toEqual([]);
    expect(plan.bookings.length + plan.unbooked.length).toBe(120);
    expect(plan.bound.value).not.toBeNull();
    expect(plan.gapPct!).toBeGreaterThanOrEqual(-1e-6);
    expect(plan.gapPct!).toBeLessThan(1);
  });
});

describe('planBooking strategies on a demo list (HiGHS)', () => {
  it('lp-fix lands within 0.5% of the whole-horizon MIP, and both sit above the LP bound', async () => {
    const list = generateWaitingList({ referrals: 80, seed: 3 });
    const solver = await createHighsSolver();
    const lpFix = planBooking(list.referrals, list.capacity, list.horizon, { solver, strategy: 'lp-fix' });
    const mip = planBooking(list.referrals, list.capacity, list.horizon, { solver, strategy: 'mip' });
    for (const plan of [lpFix, mip]) {
      expect(validateBookings(list.referrals, list.capacity, list.horizon, plan.bookings, { unbooked: plan.unbooked })).toEqual([]);
      expect(plan.objective).toBeGreaterThanOrEqual(lpFix.bound.lpRelaxation! - 1e-6);
    }
    expect(Math.abs(lpFix.objective - mip.objective) / mip.objective).toBeLessThan(0.005);
  });
});

describe('planBooking LP by column generation (HiGHS duals)', () => {
  it('reaches the same LP bound as the full LP', async () => {
    const list = generateWaitingList({ referrals: 60, seed: 11 });
    const solver = await createHighsSolver();
    const full = planBooking(list.referrals, list.capacity, list.horizon, { solver });
    const priced = planBooking(list.referrals, list.capacity, list.horizon, { solver, columnGeneration: true });
    expect(priced.stats.pricingRounds).toBeGreaterThan(0);
    expect(priced.stats.lpColumns).toBeLessThanOrEqual(full.stats.lpColumns);
    expect(priced.bound.lpRelaxation!).toBeCloseTo(full.bound.lpRelaxation!, 4);
  });
});
