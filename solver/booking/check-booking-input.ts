import type { BookingHorizon, BookingReferral, DayCapacity } from './booking-problem.ts';

/** Bad booking input: `field` names what is wrong (e.g. `referrals[3].efi`). */
export class BookingInputError extends Error {
  constructor(readonly field: string, message: string) {
    super(`${field}: ${message}`);
    this.name = 'BookingInputError';
  }
}

const EFI = new Set(['fit', 'mild', 'moderate', 'severe']);

/** Throws a `BookingInputError` naming the first bad field; returns quietly for good input. */
export function checkBookingInput(referrals: BookingReferral[], capacity: DayCapacity[], horizon: BookingHorizon): void {
  const fail = (field: string, message: string): never => { throw new BookingInputError(field, message); };
  if (!Number.isInteger(horizon.days) || horizon.days < 1) fail('horizon.days', `must be a positive integer, got ${horizon.days}`);
  const minLead = horizon.minLeadDays;
  const maxLead = horizon.maxLeadDays;
  if (minLead !== undefined && (!Number.isInteger(minLead) || minLead < 0)) fail('horizon.minLeadDays', `must be a non-negative integer, got ${minLead}`);
  if (maxLead !== undefined && (!Number.isInteger(maxLead) || maxLead < 0)) fail('horizon.maxLeadDays', `must be a non-negative integer, got ${maxLead}`);
  if (minLead !== undefined && maxLead !== undefined && minLead > maxLead) fail('horizon.minLeadDays', `(${minLead}) is greater than maxLeadDays (${maxLead})`);
  if (horizon.targetWaitDays !== undefined && !(horizon.targetWaitDays >= 0)) fail('horizon.targetWaitDays', `must be ≥ 0, got ${horizon.targetWaitDays}`);
  if (!Array.isArray(capacity) || capacity.length !== horizon.days) fail('capacity', `must have one entry per horizon day (${horizon.days}), got ${capacity?.length}`);
  capacity.forEach((day, d) => {
    const at = `capacity[${d}]`;
    if (typeof day.open !== 'boolean') fail(`${at}.open`, 'must be true or false');
    for (const key of ['patientPlaces', 'preVisitSlots'] as const) {
      if (!Number.isInteger(day[key]) || day[key] < 0) fail(`${at}.${key}`, `must be a non-negative integer, got ${day[key]}`);
    }
    for (const [discipline, minutes] of Object.entries(day.disciplineMinutes ?? {})) {
      if (!(minutes >= 0)) fail(`${at}.disciplineMinutes.${discipline}`, `must be ≥ 0, got ${minutes}`);
    }
  });
  const seen = new Set<string>();
  referrals.forEach((referral, i) => {
    const at = `referrals[${i}]`;
    if (typeof referral.id !== 'string' || referral.id === '') fail(`${at}.id`, 'must be a non-empty string');
    if (seen.has(referral.id)) fail(`${at}.id`, `'${referral.id}' appears twice`);
    seen.add(referral.id);
    if (!Number.isInteger(referral.referralDay) || referral.referralDay >= horizon.days) fail(`${at}.referralDay`, `must be an integer day index before the horizon ends, got ${referral.referralDay}`);
    if (!EFI.has(referral.efi)) fail(`${at}.efi`, `must be one of fit, mild, moderate, severe; got '${referral.efi}'`);
    if (!referral.requiredMinutes || typeof referral.requiredMinutes !== 'object') fail(`${at}.requiredMinutes`, 'must be an object of minutes per discipline');
    for (const [discipline, minutes] of Object.entries(referral.requiredMinutes)) {
      if (!(minutes >= 0)) fail(`${at}.requiredMinutes.${discipline}`, `must be ≥ 0, got ${minutes}`);
    }
    (referral.unavailableDays ?? []).forEach((day, k) => {
      if (!Number.isInteger(day)) fail(`${at}.unavailableDays[${k}]`, `must be an integer day index, got ${day}`);
    });
    if (referral.pin) {
      if (!Number.isInteger(referral.pin.preVisitDay)) fail(`${at}.pin.preVisitDay`, `must be an integer day index, got ${referral.pin.preVisitDay}`);
      const icc = referral.pin.iccDay;
      if (icc !== undefined && (!Number.isInteger(icc) || icc < 0 || icc >= horizon.days)) fail(`${at}.pin.iccDay`, `must be a day index in [0, ${horizon.days}), got ${icc}`);
    }
  });
}
