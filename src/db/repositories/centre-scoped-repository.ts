// The CRUD shape every centre-owned table shares; entity modules configure it. The only SQL
// for these tables lives here and in the entity modules beside it.
import type { Knex } from 'knex';
import { translatingDbErrors } from '../translate-db-error.ts';
import type { RowCodec } from '../row-codec.ts';
import { keysetPage, mapPage, type KeysetOrder, type Page, type PageRequest } from '../keyset-page.ts';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A string that could be a row id; anything else cannot exist, so lookups skip the query. */
export const isUuid = (id: string) => uuidPattern.test(id);

export interface CentreScopedRepository<T, Create, Update> {
  insert(db: Knex, centreId: string, doc: Create): Promise<T>;
  /** Several rows at once (one statement), e.g. loading a rota. */
  insertMany(db: Knex, centreId: string, docs: Create[]): Promise<T[]>;
  findById(db: Knex, centreId: string, id: string): Promise<T | undefined>;
  /** Locks the row until the transaction `db` ends (SELECT … FOR UPDATE), so a check-then-write is atomic. */
  lock(db: Knex, centreId: string, id: string): Promise<void>;
  list(db: Knex, centreId: string, where?: Record<string, unknown>): Promise<T[]>;
  /** One page of the list, in the same order (src/db/keyset-page.ts). */
  page(db: Knex, centreId: string, where: Record<string, unknown>, page: PageRequest): Promise<Page<T>>;
  /** The list's order, for pages read with other filters (e.g. a search). */
  readonly order: KeysetOrder;
  update(db: Knex, centreId: string, id: string, patch: Update): Promise<T | undefined>;
  remove(db: Knex, centreId: string, id: string): Promise<boolean>;
}

export function centreScopedRepository<T, Create, Update>(spec: {
  table: string;
  codec: RowCodec;
  orderBy: string[];
}): CentreScopedRepository<T, Create, Update> {
  const { table, codec } = spec;
  const fromRow = (row: Record<string, unknown>) => codec.fromRow(row) as T;
  const order: KeysetOrder = { list: table, columns: spec.orderBy };
  return {
    order,
    insert: (db, centreId, doc) =>
      translatingDbErrors(async () => {
        const [row] = await db(table).insert({ ...codec.toRow(doc as Record<string, unknown>), centre_id: centreId }).returning('*');
        return fromRow(row);
      }),
    insertMany: (db, centreId, docs) =>
      translatingDbErrors(async () => {
        if (docs.length === 0) return [];
        const rows = await db(table)
          .insert(docs.map((doc) => ({ ...codec.toRow(doc as Record<string, unknown>), centre_id: centreId })))
          .returning('*');
        return rows.map(fromRow);
      }),
    findById: (db, centreId, id) =>
      translatingDbErrors(async () => {
        if (!isUuid(id) || !isUuid(centreId)) return undefined;
        const row = await db(table).where({ id, centre_id: centreId }).first();
        return row ? fromRow(row) : undefined;
      }),
    lock: (db, centreId, id) =>
      translatingDbErrors(async () => {
        if (!isUuid(id) || !isUuid(centreId)) return;
        await db(table).where({ id, centre_id: centreId }).forUpdate().select('id');
      }),
    list: (db, centreId, where = {}) =>
      translatingDbErrors(async () => {
        if (!isUuid(centreId)) return [];
        const rows = await db(table).where({ ...codec.toRow(where), centre_id: centreId }).orderBy(spec.orderBy);
        return rows.map(fromRow);
      }),
    page: (db, centreId, where, page) =>
      translatingDbErrors(async () => {
        if (!isUuid(centreId)) return { items: [], nextKey: null };
        return mapPage(await keysetPage(db(table).where({ ...codec.toRow(where), centre_id: centreId }), order, page), fromRow);
      }),
    update: (db, centreId, id, patch) =>
      translatingDbErrors(async () => {
        if (!isUuid(id) || !isUuid(centreId)) return undefined;
        const [row] = await db(table)
          .where({ id, centre_id: centreId })
          .update({ ...codec.toRow(patch as Record<string, unknown>), updated_at: db.fn.now() })
          .returning('*');
        return row ? fromRow(row) : undefined;
      }),
    remove: (db, centreId, id) =>
      translatingDbErrors(async () => {
        if (!isUuid(id) || !isUuid(centreId)) return false;
        // returning() rather than the affected-row count, which PGlite under knex does not report reliably.
        const deleted = await db(table).where({ id, centre_id: centreId }).delete().returning('id');
        return deleted.length > 0;
      }),
  };
}
