// The demo pre-visit day: the demo centre's first twelve open referrals booked for their
// pre-visit on one date, so the support workers' rounds have a realistic day of homes across
// Hull to visit. One definition for the round-sheet tests and the rounds benchmark.
import type { Db } from '../db/create-database.ts';
import { patients } from '../db/repositories/patients.ts';
import { referrals } from '../db/repositories/referrals.ts';
import { referralTransitions } from '../db/repositories/referral-transitions.ts';

/** Friday of the demo's first week (the ICC days are Monday to Thursday). */
export const DEMO_PRE_VISIT_DATE = '2026-10-23';
export const DEMO_PRE_VISITS = 12;

const CLOSED = new Set(['cancelled', 'declined', 'discharged']);

/**
 * Books the pre-visits: the open referrals by referral date, then the patient's reference (the
 * database's ids are random, so ties are broken by what the generator fixed). Returns their ids.
 */
export async function bookDemoPreVisitDay(db: Db, centreId: string, date = DEMO_PRE_VISIT_DATE, count = DEMO_PRE_VISITS): Promise<string[]> {
  const refOf = new Map((await patients.list(db, centreId)).map((p) => [p.id, p.localRef]));
  const open = (await referrals.list(db, centreId)).filter((r) => !CLOSED.has(r.status))
    .sort((a, b) => a.referredDate.localeCompare(b.referredDate) || (refOf.get(a.patientId) ?? '').localeCompare(refOf.get(b.patientId) ?? ''))
    .slice(0, count);
  for (const r of open) await referralTransitions.saveBooking(db, r.id, { preVisitDate: date });
  return open.map((r) => r.id);
}
