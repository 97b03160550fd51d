// SQL for stored plans: each save of a (centre, date, kind) is a new version.
import type { Knex } from 'knex';
import type { Plan, PlanCreate, PlanUpdate } from '../../domain/plan.ts';
import { createRowCodec } from '../row-codec.ts';
import { translatingDbErrors } from '../translate-db-error.ts';
import { centreScopedRepository } from './centre-scoped-repository.ts';

const codec = createRowCodec({ json: ['document', 'pins'] });
const base = centreScopedRepository<Plan, PlanCreate & { version: number }, PlanUpdate>({ table: 'plans', codec, orderBy: ['date', 'kind', 'version'] });

export const plans = {
  ...base,
  /** Saves the next version for the plan's centre, date and kind. Call inside a transaction. */
  insertNextVersion: (db: Knex, centreId: string, doc: PlanCreate) =>
    translatingDbErrors(async () => {
      const [{ max } = { max: null }] = await db('plans').where({ centre_id: centreId, date: doc.date, kind: doc.kind }).max({ max: 'version' });
      return base.insert(db, centreId, { ...doc, version: Number(max ?? 0) + 1 });
    }),
  /** The highest version for a centre, date and kind, if any. */
  latest: (db: Knex, centreId: string, date: string, kind: PlanCreate['kind'] = 'day') =>
    translatingDbErrors(async () => {
      const row = await db('plans').where({ centre_id: centreId, date, kind }).orderBy('version', 'desc').first();
      return row ? (codec.fromRow(row) as unknown as Plan) : undefined;
    }),
  /** The highest version with this status (e.g. the newest published plan), if any. */
  latestWithStatus: (db: Knex, centreId: string, date: string, status: Plan['status'], kind: PlanCreate['kind'] = 'day') =>
    translatingDbErrors(async () => {
      const row = await db('plans').where({ centre_id: centreId, date, kind, status }).orderBy('version', 'desc').first();
      return row ? (codec.fromRow(row) as unknown as Plan) : undefined;
    }),
  /**
   * The newest published plan of `kind` (ICC day by default) of each date in [from, to], in date
   * order: one row per date (DISTINCT ON, answered by the centre/kind/status/date/version index),
   * not every version.
   */
  latestPublishedBetween: (db: Knex, centreId: string, from: string, to: string, kind: PlanCreate['kind'] = 'day') =>
    translatingDbErrors(async () => {
      const rows = await db('plans')
        .distinctOn('date')
        .where({ centre_id: centreId, kind, status: 'published' })
        .andWhere('date', '>=', from)
        .andWhere('date', '<=', to)
        .orderBy([{ column: 'date' }, { column: 'version', order: 'desc' }]);
      return rows.map((row) => codec.fromRow(row) as unknown as Plan);
    }),
  /**
   * Saves `doc` as exactly `version`, unless that version already exists: then nothing is
   * written and the result is undefined. The unique (centre, date, kind, version) key makes
   * this the atomic check-and-write of an edit: of two edits of the same version, one wins.
   */
  insertVersionIfAbsent: (db: Knex, centreId: string, doc: PlanCreate, version: number) =>
    translatingDbErrors(async () => {
      const [row] = await db('plans')
        .insert({ ...codec.toRow({ ...doc, version }), centre_id: centreId })
        .onConflict(['centre_id', 'date', 'kind', 'version'])
        .ignore()
        .returning('*');
      return row ? (codec.fromRow(row) as unknown as Plan) : undefined;
    }),
  /**
   * The newest published day plan of each date of the centre (dates from..to inclusive, either
   * open), by date: what feeds and the FHIR API serve.
   */
  listNewestPublished: (db: Knex, centreId: string, range: { from?: string; to?: string } = {}) =>
    translatingDbErrors(async () => {
      const newest = db('plans').where({ centre_id: centreId, kind: 'day', status: 'published' }).groupBy('date').select('date').max({ version: 'version' });
      if (range.from) newest.andWhere('date', '>=', range.from);
      if (range.to) newest.andWhere('date', '<=', range.to);
      const rows = await db('plans as p')
        .join(newest.as('n'), (on) => on.on('p.date', 'n.date').andOn('p.version', 'n.version'))
        .where({ 'p.centre_id': centreId, 'p.kind': 'day', 'p.status': 'published' })
        .select('p.*')
        .orderBy('p.date');
      return rows.map((row) => codec.fromRow(row) as unknown as Plan);
    }),
};
