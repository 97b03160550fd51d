// SQL for pre-visit outcomes: at most one per referral.
import type { Knex } from 'knex';
import type { PreVisit, PreVisitCreate } from '../../domain/pre-visit.ts';
import { createRowCodec } from '../row-codec.ts';
import { translatingDbErrors } from '../translate-db-error.ts';
import { isUuid } from './centre-scoped-repository.ts';

const codec = createRowCodec({ json: ['requiredAssessmentTypeIds', 'namedClinicians', 'carerRequiredFor', 'dietaryNeeds'] });
const fromRow = (row: Record<string, unknown>) => codec.fromRow(row) as unknown as PreVisit;

export const preVisits = {
  findByReferral: (db: Knex, referralId: string) =>
    translatingDbErrors(async () => {
      if (!isUuid(referralId)) return undefined;
      const row = await db('pre_visits').where({ referral_id: referralId }).first();
      return row ? fromRow(row) : undefined;
    }),
  /** Records the outcome, replacing any earlier one for the referral. */
  upsert: (db: Knex, referralId: string, doc: PreVisitCreate) =>
    translatingDbErrors(async () => {
      const row = { ...codec.toRow(doc), referral_id: referralId };
      const [saved] = await db('pre_visits')
        .insert(row)
        .onConflict('referral_id')
        .merge({ ...codec.toRow(doc), updated_at: db.fn.now() })
        .returning('*');
      return fromRow(saved);
    }),
  /** Outcomes for many referrals at once (the day-problem builder). */
  listByReferrals: (db: Knex, referralIds: string[]) =>
    translatingDbErrors(async () => (referralIds.length === 0 ? [] : (await db('pre_visits').whereIn('referral_id', referralIds)).map(fromRow))),
};
