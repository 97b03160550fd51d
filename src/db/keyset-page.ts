// Keyset pagination, the one way a list is read a page at a time: the rows after the last one
// the client saw, in a fixed order ending in a unique column, so a row inserted or deleted
// between two requests neither repeats nor hides another. The position is the last row's
// order values as PostgreSQL's own text (a timestamp keeps its microseconds, which a JS Date
// would drop); src/api/pagination.ts wraps it into the opaque cursor a client sees.
import type { Knex } from 'knex';
import { appError } from '../errors/app-error.ts';
import type { Row } from './row-codec.ts';

/** A list's fixed order. Every column must be NOT NULL (a row comparison with NULL matches nothing) and the last unique. */
export interface KeysetOrder {
  /** Names the list inside its cursors, so a cursor of one list is refused by another. */
  list: string;
  columns: readonly string[];
  /** One direction for every column (a row comparison cannot mix them). Default asc. */
  direction?: 'asc' | 'desc';
}

/** Where a page starts: after the row with this key, in the list it was taken from. */
export interface PagePosition {
  list: string;
  key: string[];
}

export interface PageRequest {
  limit: number;
  after?: PagePosition;
}

export interface Page<T> {
  items: T[];
  /** The key of the last item when more rows follow, else null (the last page). */
  nextKey: PagePosition | null;
}

/** A cursor that does not fit this list: a 400 naming `cursor`. */
export const cursorRefused = (why: string) =>
  appError.validation(`Invalid cursor: ${why}; start again from the first page (no cursor)`, [{ path: 'cursor', message: why }]);

const keyAlias = (index: number) => `__page_key_${index}`;

/** Whether a PostgreSQL error is a data exception (class 22): a key value the column cannot take. */
const isDataException = (error: unknown) => typeof (error as { code?: unknown })?.code === 'string' && (error as { code: string }).code.startsWith('22');

/**
 * Reads one page of `query` (a single-table query with its filters, without order or limit) in
 * `order`, and returns the raw rows (without the key columns) and the next page's position.
 */
export async function keysetPage(query: Knex.QueryBuilder, order: KeysetOrder, page: PageRequest): Promise<Page<Row>> {
  const direction = order.direction ?? 'asc';
  const columns = order.columns;
  const client = query.client as { raw: Knex['raw'] };
  query.select('*', ...columns.map((column, i) => client.raw('??::text as ??', [column, keyAlias(i)])));
  if (page.after) {
    if (page.after.list !== order.list) throw cursorRefused(`it belongs to another list (${page.after.list})`);
    if (page.after.key.length !== columns.length) throw cursorRefused('it does not hold a position in this list');
    const placeholders = (symbol: string) => columns.map(() => symbol).join(', ');
    query.whereRaw(`(${placeholders('??')}) ${direction === 'asc' ? '>' : '<'} (${placeholders('?')})`, [...columns, ...page.after.key]);
  }
  query.orderBy(columns.map((column) => ({ column, order: direction }))).limit(page.limit + 1);
  let rows: Row[];
  try {
    rows = (await query) as Row[];
  } catch (error) {
    // Only a cursor's key can make a plain filtered read fail this way.
    if (page.after && isDataException(error)) throw cursorRefused('it holds a value this list cannot take');
    throw error;
  }
  const more = rows.length > page.limit;
  const items = rows.slice(0, page.limit);
  const last = items.at(-1);
  const nextKey = more && last ? { list: order.list, key: columns.map((_, i) => String(last[keyAlias(i)])) } : null;
  for (const row of items) for (let i = 0; i < columns.length; i += 1) delete row[keyAlias(i)];
  return { items, nextKey };
}

/** The page with its rows converted. */
export const mapPage = <A, B>(page: Page<A>, convert: (item: A) => B): Page<B> => ({ items: page.items.map(convert), nextKey: page.nextKey });
