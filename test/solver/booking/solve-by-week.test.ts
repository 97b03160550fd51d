import { describe, expect, it } from 'vitest';
import { planBooking } from '../../../solver/booking/plan-booking.ts';
import { validateBookings } from '../../../solver/booking/validate-bookings.ts';
import { createJslsSolver } from '../../../solver/lp/jsls-solver.ts';
import { openDays, referral } from './fixtures.ts';

describe('planBooking with the by-week strategy (javascript-lp-solver)', () => {
  const refs = Array.from({ length: 14 }, (_, i) => referral(`R${String(i).padStart(2, '0')}`, {
    efi: (['fit', 'mild', 'moderate', 'severe'] as const)[i % 4]!,
    urgent: i === 13,
    referralDay: -i,
  }));
  const capacity = openDays(21, 1);
  const horizon = { days: 21 };

  it('books week by week into a plan the checker accepts, most urgent first', () => {
    const plan = planBooking(refs, capacity, horizon, { solver: createJslsSolver(), strategy: 'by-week' });
    expect(plan.strategy).toBe('by-week');
    expect(validateBookings(refs, capacity, horizon, plan.bookings, { unbooked: plan.unbooked })).toEqual([]);
    // 19 reachable days with one place each: everyone is booked.
    expect(plan.bookings).toHaveLength(14);
    const first = plan.bookings.find((b) => b.iccDay === 2)!;
    expect(first.referralId).toBe('R13'); // the urgent, severe-weighted referral
    expect(plan.status).toBe('feasible'); // a rolling horizon proves nothing
  });

  it('matches the whole-horizon MIP on this small list with places as the only binding resource', () => {
    const byWeek = planBooking(refs, capacity, horizon, { solver: createJslsSolver(), strategy: 'by-week' });
    const whole = planBooking(refs, capacity, horizon, { solver: createJslsSolver(), strategy: 'mip' });
    expect(byWeek.objective).toBeCloseTo(whole.objective, 6);
    expect(whole.bound.value!).toBeLessThanOrEqual(whole.objective + 1e-6);
  });
});
