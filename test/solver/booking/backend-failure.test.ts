import { describe, expect, it } from 'vitest';
import { planBooking } from '../../../solver/booking/plan-booking.ts';
import { validateBookings } from '../../../solver/booking/validate-bookings.ts';
import { acceptAnswer } from '../../../solver/lp/accept-answer.ts';
import { createJslsSolver } from '../../../solver/lp/jsls-solver.ts';
import type { MipSolver } from '../../../solver/lp/lp-model.ts';
import { openDays, referral } from './fixtures.ts';

/**
 * A backend that behaves like javascript-lp-solver on a hard MIP: it claims "optimal" for a
 * point with every integer variable at 0.5. The LP relaxation is delegated to the real jsls.
 */
const halfIntegralBackend: MipSolver = {
  name: 'half-integral',
  solve(model, options) {
    if (options?.relax) return createJslsSolver().solve(model, options);
    return acceptAnswer(model, 'half-integral', { claim: 'optimal', values: model.variables.map(() => 0.5) });
  },
};

describe('planBooking when the MIP backend returns a non-integral answer', () => {
  const refs = [referral('A', { efi: 'severe' }), referral('B', { efi: 'mild' }), referral('C', { efi: 'fit' })];
  const capacity = openDays(6, 1);

  it('never uses it: rounds the LP instead, says so, and the plan is still valid', () => {
    const plan = planBooking(refs, capacity, { days: 6 }, { solver: halfIntegralBackend, strategy: 'mip' });
    expect(plan.method).toBe('lp-rounding');
    expect(plan.status).toBe('feasible');
    expect(plan.stats.messages.join(' ')).toContain('not integral');
    expect(validateBookings(refs, capacity, { days: 6 }, plan.bookings, { unbooked: plan.unbooked })).toEqual([]);
    expect(plan.bookings.map((b) => [b.referralId, b.iccDay])).toEqual([['A', 2], ['B', 3], ['C', 4]]);
  });
});
