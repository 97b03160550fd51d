// One knex instance over either PostgreSQL (pg, when a URL is given) or embedded PostgreSQL
// (PGlite through knex-pglite) in a data directory or in memory.
import { PGlite } from '@electric-sql/pglite';
import knexFactory, { type Knex } from 'knex';
import ClientPgLite from 'knex-pglite';
import pg from 'pg';
import { listenForFeedStamps, watchServerFeedStamps } from './feed-stamp-watch.ts';

export type Db = Knex;

export interface DatabaseConfig {
  /** postgres://… — use the PostgreSQL server through pg. */
  databaseUrl?: string;
  /** Embedded database directory, or 'memory' for a throwaway one. Ignored with databaseUrl. */
  dataDir?: string;
  /** Embedded database: start from this dump (PGlite dumpDataDir) instead of an empty cluster. */
  loadDataDir?: Blob;
  /** Schemas to search (tests isolate themselves in their own schema). */
  searchPath?: string[];
  /** pg pool size; PGlite always has exactly one connection. */
  poolMax?: number;
  /**
   * Where knex's own messages go (e.g. "Acquire connection error" when the database is down);
   * the service passes its logger. Without it they go to the console, as knex does by default.
   */
  logger?: DatabaseLogger;
}

/** The part of a logger knex needs (pino's fits). */
export interface DatabaseLogger {
  warn(message: string): void;
  error(message: string): void;
  debug(message: string): void;
}

/** knex's `log` option from a logger: warnings, errors, deprecations and debug lines, each one line. */
function knexLog(logger: DatabaseLogger | undefined): Pick<Knex.Config, 'log'> {
  if (!logger) return {};
  const text = (message: unknown): string => (typeof message === 'string' ? message : JSON.stringify(message));
  return {
    log: {
      warn: (message: unknown) => logger.warn(`knex: ${text(message)}`),
      error: (message: unknown) => logger.error(`knex: ${text(message)}`),
      deprecate: (method: string, alternative: string) => logger.warn(`knex: ${method} is deprecated, use ${alternative}`),
      debug: (message: unknown) => logger.debug(`knex: ${text(message)}`),
    },
  };
}

const DATE_OID = 1082;

/** Dates stay "YYYY-MM-DD" strings: parsing them to Date would shift them by the process time zone. */
const pgTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === DATE_OID ? (value: string) => value : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** True when the knex instance talks to embedded PGlite (single connection). */
export function isEmbedded(db: Db): boolean {
  return db.client.config.client === ClientPgLite;
}

/**
 * Opens the database. With `databaseUrl`, a pg pool; otherwise PGlite in `dataDir`
 * ('memory' or unset = in memory). The embedded cluster is ready when this resolves.
 *
 * PGlite has one connection: inside a transaction always use the transaction, never the
 * root instance, or the query waits for a connection that never frees.
 */
export async function createDatabase(config: DatabaseConfig = {}): Promise<Db> {
  if (config.databaseUrl) {
    const db = knexFactory({
      client: 'pg',
      connection: { connectionString: config.databaseUrl, types: pgTypes } as Knex.PgConnectionConfig,
      pool: { min: 0, max: config.poolMax ?? 5 },
      ...(config.searchPath ? { searchPath: config.searchPath } : {}),
      ...knexLog(config.logger),
    });
    // Feeds hear the server's announcements of changes on a connection of their own (feed-stamp-watch.ts), closed with the pool.
    watchServerFeedStamps(db, config.databaseUrl, config.logger);
    return db;
  }
  const dataDir = config.dataDir && config.dataDir !== 'memory' ? config.dataDir : undefined;
  const pglite = new PGlite({
    ...(dataDir ? { dataDir } : {}),
    ...(config.loadDataDir ? { loadDataDir: config.loadDataDir } : {}),
    parsers: { [DATE_OID]: (value: string) => value },
  });
  await pglite.waitReady;
  // This process is the embedded database's only client: it hears each change feeds are built from (feed-stamp-watch.ts).
  await listenForFeedStamps(pglite);
  return knexFactory({
    client: ClientPgLite,
    dialect: 'postgres',
    connection: () => ({ pglite }) as unknown as Knex.StaticConnectionConfig,
    ...(config.searchPath ? { searchPath: config.searchPath } : {}),
    ...knexLog(config.logger),
  } as Knex.Config);
}

/** The PGlite instance behind an embedded knex instance (for dumps), or undefined under pg. */
export function embeddedPglite(db: Db): PGlite | undefined {
  const connection = db.client.config.connection;
  return typeof connection === 'function' ? (connection() as { pglite?: PGlite }).pglite : undefined;
}
