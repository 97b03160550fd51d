import type { BookingReferral, BookingWeights } from './booking-problem.ts';

/**
 * A referral's priority: severity (eFI) + weeks already waited at day 0 + the urgency flag.
 * Higher means "see sooner"; it multiplies the per-day cost of waiting in the objective.
 *
 * @example
 * referralPriority({ efi: 'severe', referralDay: -14, urgent: true, … }, DEFAULT_BOOKING_WEIGHTS) // 4 + 1 + 6 = 11
 */
export function referralPriority(referral: BookingReferral, weights: BookingWeights): number {
  const waitedWeeks = Math.max(0, -referral.referralDay) / 7;
  return weights.efi[referral.efi] + weights.waitedWeek * waitedWeeks + (referral.urgent ? weights.urgent : 0);
}

/**
 * Cost of seeing a referral on `day` (see `BookingWeights`): priority × day, plus a heavy
 * penalty once the wait passes the target.
 */
export function bookingCost(referral: BookingReferral, priority: number, day: number, targetWaitDays: number, weights: BookingWeights): number {
  const waitDays = day - referral.referralDay;
  const lateDays = Math.max(0, waitDays - targetWaitDays);
  return priority * weights.soonestPerDay * day + (lateDays > 0 ? weights.targetBreach + weights.lateDay * lateDays : 0);
}

/** Leaving a referral unbooked costs at least what the day after the horizon would, plus `unbooked`. */
export function unbookedCost(referral: BookingReferral, priority: number, horizonDays: number, targetWaitDays: number, weights: BookingWeights): number {
  return bookingCost(referral, priority, horizonDays, targetWaitDays, weights) + weights.unbooked;
}
