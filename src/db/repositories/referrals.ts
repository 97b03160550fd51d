// SQL for referrals and their status history. A referral is written with its first history
// entry, and a status change with its history entry, so call these inside a transaction.
import type { Knex } from 'knex';
import type { Referral, ReferralCreate, ReferralStatus, ReferralStatusChange, ReferralUpdate } from '../../domain/referral.ts';
import { createRowCodec } from '../row-codec.ts';
import { translatingDbErrors } from '../translate-db-error.ts';
import { mapPage, type Page, type PageRequest } from '../keyset-page.ts';
import { centreScopedRepository } from './centre-scoped-repository.ts';

const base = centreScopedRepository<Omit<Referral, 'statusHistory'>, ReferralCreate, Omit<ReferralUpdate, 'statusNote'>>({
  table: 'referrals',
  codec: createRowCodec({ json: ['referrer'] }),
  orderBy: ['referred_date', 'id'],
});

const historyCodec = createRowCodec();

async function historyOf(db: Knex, referralIds: string[]): Promise<Map<string, ReferralStatusChange[]>> {
  const byReferral = new Map<string, ReferralStatusChange[]>(referralIds.map((id) => [id, []]));
  if (referralIds.length === 0) return byReferral;
  const rows = await db('referral_status_history').whereIn('referral_id', referralIds).orderBy(['at', 'id']);
  for (const row of rows) {
    const { referralId, status, at, by, note } = historyCodec.fromRow(row) as unknown as { referralId: string } & ReferralStatusChange;
    byReferral.get(referralId)?.push({ status, at, by, note });
  }
  return byReferral;
}

async function withHistory(db: Knex, referral: Omit<Referral, 'statusHistory'> | undefined): Promise<Referral | undefined> {
  if (!referral) return undefined;
  return { ...referral, statusHistory: (await historyOf(db, [referral.id])).get(referral.id) ?? [] };
}

async function recordStatus(db: Knex, referralId: string, status: ReferralStatus, by: string | null, note: string | null): Promise<void> {
  await db('referral_status_history').insert({ referral_id: referralId, status, by, note });
}

export const referrals = {
  insert: (db: Knex, centreId: string, doc: ReferralCreate, by: string | null = null) =>
    translatingDbErrors(async () => {
      const referral = await base.insert(db, centreId, doc);
      await recordStatus(db, referral.id, referral.status, by, null);
      return (await withHistory(db, referral))!;
    }),
  findById: async (db: Knex, centreId: string, id: string) => withHistory(db, await base.findById(db, centreId, id)),
  lock: base.lock,
  list: (db: Knex, centreId: string, where: Record<string, unknown> = {}) =>
    translatingDbErrors(async () => {
      const list = await base.list(db, centreId, where);
      const history = await historyOf(db, list.map((r) => r.id));
      return list.map((r) => ({ ...r, statusHistory: history.get(r.id) ?? [] }));
    }),
  page: (db: Knex, centreId: string, where: Record<string, unknown>, page: PageRequest): Promise<Page<Referral>> =>
    translatingDbErrors(async () => {
      const found = await base.page(db, centreId, where, page);
      const history = await historyOf(db, found.items.map((r) => r.id));
      return mapPage(found, (r) => ({ ...r, statusHistory: history.get(r.id) ?? [] }));
    }),
  /** Applies the patch; a changed status appends a history entry. */
  update: (db: Knex, centreId: string, id: string, patch: ReferralUpdate, by: string | null = null) =>
    translatingDbErrors(async () => {
      const { statusNote, ...fields } = patch;
      const before = await base.findById(db, centreId, id);
      if (!before) return undefined;
      const after = await base.update(db, centreId, id, fields);
      if (after && fields.status !== undefined && fields.status !== before.status) {
        await recordStatus(db, id, fields.status, by, statusNote ?? null);
      }
      return withHistory(db, after);
    }),
  remove: base.remove,
};
