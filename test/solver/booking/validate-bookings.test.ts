import { describe, expect, it } from 'vitest';
import { validateBookings } from '../../../solver/booking/validate-bookings.ts';
import type { Booking } from '../../../solver/booking/booking-problem.ts';
import { closed, openDays, referral } from './fixtures.ts';

const booking = (referralId: string, iccDay: number, preVisitDay: number, pinned = false): Booking => ({ referralId, iccDay, preVisitDay, waitDays: iccDay, pinned, priority: 1 });
const constraintsOf = (v: Array<{ constraint: string }>) => v.map((x) => x.constraint);

describe('validateBookings', () => {
  const horizon = { days: 8, minLeadDays: 2, maxLeadDays: 4 };

  it('accepts a valid plan', () => {
    expect(validateBookings([referral('A')], openDays(8), horizon, [booking('A', 3, 0)])).toEqual([]);
  });

  it('flags a pre-visit outside the lead window, with the lead in the justification', () => {
    const [v] = validateBookings([referral('A')], openDays(8), horizon, [booking('A', 7, 1)]);
    expect(v!.constraint).toBe('preVisitLead');
    expect(v!.justification).toMatchObject({ leadDays: 6, maxLeadDays: 4 });
  });

  it('flags a closed day and over-full places', () => {
    const capacity = openDays(8, 1);
    capacity[4] = closed('bank holiday: Boxing Day');
    const v = validateBookings([referral('A'), referral('B'), referral('C')], capacity, horizon, [booking('A', 3, 0), booking('B', 3, 1), booking('C', 4, 1)]);
    expect(constraintsOf(v)).toContain('patientPlaces');
    expect(v.find((x) => x.constraint === 'iccDayOpen')!.message).toContain('Boxing Day');
  });

  it('flags discipline minutes beyond the rota', () => {
    const capacity = openDays(8, 5, { anp: 60, geriatrician: 600 });
    const v = validateBookings([referral('A'), referral('B')], capacity, horizon, [booking('A', 3, 0), booking('B', 3, 0)]);
    expect(v).toHaveLength(1);
    expect(v[0]!.justification).toMatchObject({ discipline: 'anp', bookedMin: 90, availableMin: 60 });
  });

  it('flags pre-visit slots exceeded and a pre-visit before the horizon', () => {
    const capacity = openDays(8, 5, undefined, 1);
    const v = validateBookings([referral('A'), referral('B'), referral('C')], capacity, horizon, [booking('A', 3, 1), booking('B', 3, 1), booking('C', 2, -1)]);
    expect(constraintsOf(v).filter((c) => c === 'preVisitSlots')).toHaveLength(2);
  });

  it('flags unavailable days', () => {
    const v = validateBookings([referral('A', { unavailableDays: [0] })], openDays(8), horizon, [booking('A', 3, 0)]);
    expect(v[0]).toMatchObject({ constraint: 'patientAvailable', justification: { what: 'pre-visit', day: 0 } });
  });

  it('flags a moved pin unless it was released', () => {
    const refs = [referral('A', { pin: { iccDay: 2, preVisitDay: 0 } })];
    expect(constraintsOf(validateBookings(refs, openDays(8), horizon, [booking('A', 3, 0)]))).toEqual(['pinsKept']);
    expect(validateBookings(refs, openDays(8), horizon, [booking('A', 3, 0)], { releasePins: ['A'] })).toEqual([]);
  });

  it('flags referrals booked twice, unknown, or missing when the unbooked list is given', () => {
    const v = validateBookings([referral('A'), referral('B')], openDays(8), horizon, [booking('A', 3, 0), booking('A', 4, 1), booking('Z', 3, 0)], { unbooked: [] });
    expect(v.filter((x) => x.constraint === 'eachReferralAccountedOnce').map((x) => x.justification.referralId).sort()).toEqual(['A', 'B', 'Z']);
  });
});
