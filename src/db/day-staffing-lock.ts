// Who works where on a date is decided by two writers: the ICC day's plan versions (which staff
// have activities at the centre) and the date's outreach days (which staff are out at care
// homes). Each checks the other before it writes; this lock, held to the end of the writer's
// transaction, makes the two take turns so neither checks against a write still in flight.
import type { Knex } from 'knex';

/** Takes the centre's lock on the staffing of `date` until the transaction ends. `trx` must be a transaction. */
export async function lockDayStaffing(trx: Knex.Transaction | Knex, centreId: string, date: string): Promise<void> {
  if (!trx.isTransaction) throw new Error('lockDayStaffing needs a transaction: the lock lasts until it ends');
  await trx.raw('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`day-staffing:${centreId}:${date}`]);
}
