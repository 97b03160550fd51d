// SQL for the MDT outcome, a centre's follow-up types and the follow-ups themselves.
import type { Knex } from 'knex';
import type { FollowUp, FollowUpType, MdtOutcome } from '../../domain/referral-pathway.ts';
import { createRowCodec } from '../row-codec.ts';
import { translatingDbErrors } from '../translate-db-error.ts';
import { keysetPage, mapPage, type PageRequest } from '../keyset-page.ts';
import { isUuid } from './centre-scoped-repository.ts';

const outcomeCodec = createRowCodec({ json: ['sharedWith'] });
const typeCodec = createRowCodec();
const followUpCodec = createRowCodec();
const toFollowUp = (row: Record<string, unknown>) => followUpCodec.fromRow(row) as unknown as FollowUp;

export type FollowUpCreate = Pick<FollowUp, 'referralId' | 'patientId' | 'typeCode' | 'mode' | 'discipline' | 'durationMin' | 'earliestDate' | 'latestDate'>;
export type FollowUpBooking = Pick<FollowUp, 'status' | 'bookedDate' | 'staffId' | 'startMin' | 'continuity' | 'unbookedReason'>;

export const followUps = {
  findOutcome: (db: Knex, referralId: string) =>
    translatingDbErrors(async () => {
      if (!isUuid(referralId)) return undefined;
      const row = await db('mdt_outcomes').where({ referral_id: referralId }).first();
      return row ? (outcomeCodec.fromRow(row) as unknown as MdtOutcome) : undefined;
    }),
  insertOutcome: (db: Knex, referralId: string, doc: { carePlan: string; sharedWith: string[]; recordedBy: string }) =>
    translatingDbErrors(async () => {
      const [row] = await db('mdt_outcomes').insert({ ...outcomeCodec.toRow(doc), referral_id: referralId }).returning('*');
      return outcomeCodec.fromRow(row) as unknown as MdtOutcome;
    }),

  listTypes: (db: Knex, centreId: string) =>
    translatingDbErrors(async () => (await db('follow_up_types').where({ centre_id: centreId }).orderBy('code'))
      .map((row) => { const { id: _id, centreId: _c, ...type } = typeCodec.fromRow(row); return type as unknown as FollowUpType; })),
  /** Replaces the centre's types. Call inside a transaction. */
  replaceTypes: (db: Knex, centreId: string, types: FollowUpType[]) =>
    translatingDbErrors(async () => {
      await db('follow_up_types').where({ centre_id: centreId }).delete();
      if (types.length) await db('follow_up_types').insert(types.map((t) => ({ ...typeCodec.toRow(t), centre_id: centreId })));
    }),

  insertMany: (db: Knex, centreId: string, docs: FollowUpCreate[]) =>
    translatingDbErrors(async () => {
      if (docs.length === 0) return [];
      const rows = await db('follow_ups').insert(docs.map((d) => ({ ...followUpCodec.toRow(d), centre_id: centreId, status: 'requested' }))).returning('*');
      return rows.map(toFollowUp);
    }),
  list: (db: Knex, centreId: string, where: { status?: FollowUp['status']; referralId?: string } = {}) =>
    translatingDbErrors(async () => (await db('follow_ups').where({ centre_id: centreId, ...followUpCodec.toRow(where) }).orderBy(['latest_date', 'earliest_date', 'id'])).map(toFollowUp)),
  page: (db: Knex, centreId: string, where: { status?: FollowUp['status']; referralId?: string }, page: PageRequest) =>
    translatingDbErrors(async () => mapPage(
      await keysetPage(db('follow_ups').where({ centre_id: centreId, ...followUpCodec.toRow(where) }), { list: 'follow-ups', columns: ['latest_date', 'earliest_date', 'id'] }, page),
      toFollowUp,
    )),
  /** Booked follow-ups between two dates (inclusive): the capacity already used. */
  listBookedBetween: (db: Knex, centreId: string, from: string, to: string) =>
    translatingDbErrors(async () => (await db('follow_ups').where({ centre_id: centreId, status: 'booked' }).whereBetween('booked_date', [from, to])).map(toFollowUp)),
  saveBooking: (db: Knex, id: string, booking: FollowUpBooking) =>
    translatingDbErrors(async () => {
      const [row] = await db('follow_ups').where({ id }).update({ ...followUpCodec.toRow(booking), updated_at: db.fn.now() }).returning('*');
      return toFollowUp(row);
    }),
};
