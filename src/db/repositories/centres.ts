// SQL for centres (the root of every other table).
import type { Knex } from 'knex';
import type { Centre, CentreCreate, CentreUpdate } from '../../domain/centre.ts';
import { createRowCodec } from '../row-codec.ts';
import { translatingDbErrors } from '../translate-db-error.ts';
import { isUuid } from './centre-scoped-repository.ts';
import { keysetPage, mapPage, type PageRequest } from '../keyset-page.ts';

const codec = createRowCodec({ json: ['openingHours', 'openWeekdays', 'closedDates', 'lunchWindow', 'mdt', 'restRule', 'addressLines', 'outreach'] });
const fromRow = (row: Record<string, unknown>) => codec.fromRow(row) as unknown as Centre;

export const centres = {
  insert: (db: Knex, doc: CentreCreate) =>
    translatingDbErrors(async () => fromRow((await db('centres').insert(codec.toRow(doc)).returning('*'))[0])),
  findById: (db: Knex, id: string) =>
    translatingDbErrors(async () => {
      if (!isUuid(id)) return undefined;
      const row = await db('centres').where({ id }).first();
      return row ? fromRow(row) : undefined;
    }),
  /** Locks the row until the transaction `db` ends (SELECT … FOR UPDATE). */
  lock: (db: Knex, id: string) =>
    translatingDbErrors(async () => {
      if (isUuid(id)) await db('centres').where({ id }).forUpdate().select('id');
    }),
  list: (db: Knex) => translatingDbErrors(async () => (await db('centres').orderBy(['name', 'id'])).map(fromRow)),
  page: (db: Knex, page: PageRequest) =>
    translatingDbErrors(async () => mapPage(await keysetPage(db('centres'), { list: 'centres', columns: ['name', 'id'] }, page), fromRow)),
  update: (db: Knex, id: string, patch: CentreUpdate) =>
    translatingDbErrors(async () => {
      if (!isUuid(id)) return undefined;
      const [row] = await db('centres').where({ id }).update({ ...codec.toRow(patch), updated_at: db.fn.now() }).returning('*');
      return row ? fromRow(row) : undefined;
    }),
  remove: (db: Knex, id: string) =>
    translatingDbErrors(async () => (isUuid(id) ? (await db('centres').where({ id }).delete().returning('id')).length > 0 : false)),
  count: (db: Knex) => translatingDbErrors(async () => Number((await db('centres').count({ n: '*' }))[0]?.n ?? 0)),
};
