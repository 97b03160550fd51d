// A query planned once per database session instead of on every call: for a hot read whose SQL
// costs more to plan than to run (the feed-inputs query: measured in PGlite, 5.6 ms planning
// against 2 ms execution). On PostgreSQL it is a named statement of node-postgres (parsed once
// per pooled connection); on embedded PGlite (one session) a PREPARE issued once, then EXECUTE.
import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import { embeddedPglite } from './create-database.ts';

export interface PreparedQuery {
  /** Statement name (letters, digits, underscore). */
  name: string;
  /** The SQL with `?` placeholders, in the order of the values. */
  sql: string;
  /** PostgreSQL type of each placeholder, e.g. ['text', 'timestamptz', 'int']. */
  types: readonly string[];
}

/**
 * Values go into EXECUTE as literals on PGlite (it takes no bind parameters for EXECUTE), so
 * only values that need no escaping at all are accepted: finite numbers, and strings of letters,
 * digits and `_ - : . + space` (hex digests, ISO dates and instants). Anything else is a
 * programming error, never a client's input.
 */
const SAFE_TEXT = /^[\w\-:.+ ]*$/;

function literal(value: string | number): string {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`prepared query value ${value} is not a finite number`);
    return String(value);
  }
  if (!SAFE_TEXT.test(value)) throw new RangeError('prepared query value has characters a literal would have to escape');
  return `'${value}'`;
}

/** PGlite sessions → statements prepared in them (a promise, so concurrent first calls prepare once). */
const preparedIn = new WeakMap<object, Map<string, Promise<void>>>();

/** The statement's name in this session: schema-isolated instances sharing a session get their own. */
function sessionName(db: Knex, query: PreparedQuery): string {
  const searchPath = db.client.config.searchPath as string | string[] | undefined;
  if (searchPath === undefined) return query.name;
  return `${query.name}_${createHash('sha256').update(String(searchPath)).digest('hex').slice(0, 8)}`;
}

const errorCode = (error: unknown) => (error as { code?: string } | null)?.code;

/** Runs the query with these values; the result is what `db.raw` gives. */
export async function runPrepared(db: Knex, query: PreparedQuery, values: ReadonlyArray<string | number>): Promise<{ rows: Array<Record<string, unknown>> }> {
  if (values.length !== query.types.length) throw new RangeError(`${query.name} takes ${query.types.length} values, got ${values.length}`);
  // Checked on both engines alike, though only PGlite's EXECUTE takes them as literals.
  const literals = values.map(literal);
  const pglite = embeddedPglite(db);
  if (!pglite) {
    try {
      return await db.raw(query.sql, [...values]).options({ name: query.name });
    } catch (error) {
      // The session no longer has it, or has another of that name (a DEALLOCATE, DISCARD ALL, or a
      // pooler between us and the server): node-postgres cannot tell, so answer it unprepared.
      if (errorCode(error) !== '26000' && errorCode(error) !== '42P05') throw error;
      return db.raw(query.sql, [...values]);
    }
  }
  const name = sessionName(db, query);
  let statements = preparedIn.get(pglite);
  if (!statements) preparedIn.set(pglite, (statements = new Map()));
  const prepare = () => {
    let n = 0;
    const text = query.sql.replace(/\?/g, () => `$${++n}`);
    const prepared = db.raw(`PREPARE ${name}(${query.types.join(', ')}) AS ${text}`).then(
      () => undefined,
      (error: unknown) => {
        if (errorCode(error) === '42P05') return; // already prepared in this session
        statements!.delete(name);
        throw error;
      },
    );
    statements!.set(name, prepared);
    return prepared;
  };
  await (statements.get(name) ?? prepare());
  const execute = () => db.raw(`EXECUTE ${name}(${literals.join(', ')})`) as Promise<{ rows: Array<Record<string, unknown>> }>;
  try {
    return await execute();
  } catch (error) {
    // The session lost it (DEALLOCATE, DISCARD): prepare again, once.
    if (errorCode(error) !== '26000') throw error;
    statements.delete(name);
    await prepare();
    return execute();
  }
}
