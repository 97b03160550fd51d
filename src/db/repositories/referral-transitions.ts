// SQL for moving a referral along its pathway: the guarded status change with its history
// row, and the dates the referral holds (pre-visit, ICC day) in referral_bookings.
import type { Knex } from 'knex';
import type { ReferralBooking } from '../../domain/referral-pathway.ts';
import type { ReferralStatus } from '../../domain/referral.ts';
import { createRowCodec } from '../row-codec.ts';
import { translatingDbErrors } from '../translate-db-error.ts';
import { isUuid } from './centre-scoped-repository.ts';

const bookingCodec = createRowCodec();
const bookingFromRow = (row: Record<string, unknown>) => bookingCodec.fromRow(row) as unknown as ReferralBooking;

export const referralTransitions = {
  /**
   * Moves the referral from `from` to `to` and appends the history row, only if it is still
   * at `from` (a concurrent move makes this return false instead of overwriting it).
   */
  move: (db: Knex, centreId: string, referralId: string, from: ReferralStatus, to: ReferralStatus, by: string, note: string | null) =>
    translatingDbErrors(async () => {
      const changed = await db('referrals')
        .where({ id: referralId, centre_id: centreId, status: from })
        .update({ status: to, updated_at: db.fn.now() });
      if (changed !== 1) return false;
      await db('referral_status_history').insert({ referral_id: referralId, status: to, by, note });
      return true;
    }),

  findBooking: (db: Knex, referralId: string) =>
    translatingDbErrors(async () => {
      if (!isUuid(referralId)) return undefined;
      const row = await db('referral_bookings').where({ referral_id: referralId }).first();
      return row ? bookingFromRow(row) : undefined;
    }),

  listBookings: (db: Knex, referralIds: string[]) =>
    translatingDbErrors(async () =>
      referralIds.length === 0 ? [] : (await db('referral_bookings').whereIn('referral_id', referralIds)).map(bookingFromRow)),

  /** Sets the given dates (undefined leaves a date as it is; null clears it). */
  saveBooking: (db: Knex, referralId: string, dates: { preVisitDate?: string | null; iccDate?: string | null; outreachDate?: string | null }) =>
    translatingDbErrors(async () => {
      const fields = bookingCodec.toRow(dates);
      const [row] = await db('referral_bookings')
        .insert({ referral_id: referralId, ...fields })
        .onConflict('referral_id')
        .merge({ ...fields, updated_at: db.fn.now() })
        .returning('*');
      return bookingFromRow(row);
    }),

  /** Referrals of the centre holding `date` as their pre-visit date, ICC day or outreach day. */
  listOnDate: (db: Knex, centreId: string, field: 'preVisitDate' | 'iccDate' | 'outreachDate', date: string) =>
    translatingDbErrors(async () => {
      const column = { preVisitDate: 'pre_visit_date', iccDate: 'icc_date', outreachDate: 'outreach_date' }[field];
      const rows = await db('referral_bookings as b')
        .join('referrals as r', 'r.id', 'b.referral_id')
        .where('r.centre_id', centreId)
        .andWhere(`b.${column}`, date)
        .select('b.*')
        .orderBy('b.referral_id');
      return rows.map(bookingFromRow);
    }),
};
