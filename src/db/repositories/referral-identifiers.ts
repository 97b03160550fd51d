// SQL for the identifiers other systems give referrals (unique per centre, system and value).
import type { Knex } from 'knex';
import { translatingDbErrors } from '../translate-db-error.ts';

export interface ReferralIdentifier {
  system: string;
  value: string;
}

export const referralIdentifiers = {
  /** The referral filed under this identifier in the centre, if any. */
  findReferralId: (db: Knex, centreId: string, identifier: ReferralIdentifier) =>
    translatingDbErrors(async () => {
      const row = await db('referral_identifiers').where({ centre_id: centreId, system: identifier.system, value: identifier.value }).first('referral_id');
      return row ? String(row.referral_id) : undefined;
    }),
  add: (db: Knex, centreId: string, referralId: string, identifiers: ReferralIdentifier[]) =>
    translatingDbErrors(async () => {
      if (identifiers.length === 0) return;
      await db('referral_identifiers').insert(identifiers.map(({ system, value }) => ({ centre_id: centreId, referral_id: referralId, system, value })));
    }),
  /** Each referral's identifiers, in the order they were added. */
  listFor: (db: Knex, referralIds: string[]) =>
    translatingDbErrors(async () => {
      const byReferral = new Map<string, ReferralIdentifier[]>();
      if (referralIds.length === 0) return byReferral;
      const rows = await db('referral_identifiers').whereIn('referral_id', referralIds).orderBy(['created_at', 'id']);
      for (const row of rows) {
        const list = byReferral.get(String(row.referral_id)) ?? [];
        list.push({ system: String(row.system), value: String(row.value) });
        byReferral.set(String(row.referral_id), list);
      }
      return byReferral;
    }),
};
