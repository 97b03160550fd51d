// Who comes on an ICC day when a planning request does not say: the patients whose open
// referral holds that date as its ICC day (set by booking or the referral pathway).
import type { Db } from '../../db/create-database.ts';
import { referralTransitions } from '../../db/repositories/referral-transitions.ts';
import { referrals } from '../../db/repositories/referrals.ts';
import { DayProblemInputError } from './build-day-problem.ts';

/** Referrals in these states no longer bring the patient in, even if a date is still held. */
const closedStatuses = new Set(['declined', 'cancelled', 'discharged', 'did-not-attend']);

/**
 * The patients booked for `date`, in referral order, each once.
 * @throws DayProblemInputError naming `patientIds` when nobody is booked that day.
 */
export async function attendingPatients(db: Db, centreId: string, date: string): Promise<string[]> {
  const bookedReferralIds = new Set((await referralTransitions.listOnDate(db, centreId, 'iccDate', date)).map((b) => b.referralId));
  const open = (await referrals.list(db, centreId)).filter((r) => bookedReferralIds.has(r.id) && !closedStatuses.has(r.status));
  const patientIds = [...new Set(open.map((r) => r.patientId))];
  if (patientIds.length === 0) {
    throw new DayProblemInputError('patientIds', `no patient holds an ICC day on ${date}: book referrals onto that day or list the attending patients`);
  }
  return patientIds;
}
