// Whether a centre's calendar feeds may have changed since this process last read them, known
// without a query. The feed stamp trigger announces each committed change to what a feed is built
// from (NOTIFY icc_feed_stamp with the centre's id; every writer since migration 20261207-1803),
// and this process counts what it hears, per centre: while a centre's count is the same, so is
// its stamp, and a known token's read is answered from memory (feed-service.ts). Without a watch
// a read checks the stamp (one primary-key read).
//
// Embedded PGlite: this process is the only client, its one session listens from when it is
// opened (createDatabase), and PGlite hands the notification to the listener while it parses the
// COMMIT's answer (a microtask queued before the writer's await returns), so once a write has
// been answered every later read sees the new count.
//
// A PostgreSQL server: one dedicated connection per database handle (a pg Client beside the knex
// pool, opened on the first feed read) LISTENs. Notifications reach it asynchronously:
// - another process's commit is heard once the server has delivered it, within a few
//   milliseconds on a healthy connection (~1 ms on loopback). Until then that process's change is
//   not known here, and a read of a known token may still be answered from the copy before it:
//   that is the window, and the whole of it.
// - this process's own commits are not left to that window: a statement that may write to a
//   table whose changes move a stamp (INSERT/UPDATE/DELETE/MERGE naming a table with the trigger,
//   or one whose deletes cascade into one: read from the catalogue) marks its pooled connection,
//   and when the connection goes back to the pool (after its COMMIT, or its one statement, has
//   been answered, and before the writer's await returns) every centre's count moves. A write is
//   thus known here before its writer can answer anyone, whether or not its notification has come
//   yet. (The notification moves the count once more: one more read of the inputs, nothing
//   worse.) A change made where no statement names such a table (a function called from a
//   SELECT; there is none) would be known only when its notification comes, as another process's.
//   Chosen over waiting for the notification of a write known to be in flight: a statement that
//   changed no row (an UPDATE matching nothing) sends none, so such a wait needs a timeout.
// - while the connection is not listening (before it first is, after an error, a server restart)
//   there is no watch and feeds read the stamp; it reconnects with backoff. Each time it listens
//   anew it counts on a new watch, so an answer remembered under an earlier one (which may have
//   missed changes) is checked against the stamp again.
// - a connection cut off without being closed (a network partition) is noticed by TCP keepalive
//   only; until then, other processes' changes are not heard.
// A rolled-back change is not announced (it changed nothing).
import type { PGlite } from '@electric-sql/pglite';
import type { Knex } from 'knex';
import pg from 'pg';
import type { DatabaseLogger } from './create-database.ts';
import { embeddedPglite } from './create-database.ts';

export const FEED_STAMP_CHANNEL = 'icc_feed_stamp';
/** The listening connection's application_name on a server (pg_stat_activity shows which process listens). */
export const FEED_STAMP_LISTENER_NAME = `icc feed stamps (pid ${process.pid})`;

/** What this process has heard of a database's changes. */
export interface FeedStampWatch {
  /** Announcements heard so far, all centres: a position to ask `changedSince` about. */
  readonly heard: number;
  /** Announcements heard so far for this centre. */
  changesOf(centreId: string): number;
  /** Whether a change of this centre was heard after `heard` was `position` (then a read begun there may not have seen it). */
  changedSince(centreId: string, position: number): boolean;
}

/** Counts announcements per centre; `anyChange` moves every centre's count (a change of this process, centre unknown). */
class HeardChanges implements FeedStampWatch {
  #position = 0;
  #any = 0;
  #lastAny = 0;
  readonly #counts = new Map<string, number>();
  readonly #last = new Map<string, number>();

  get heard(): number {
    return this.#position;
  }

  changesOf(centreId: string): number {
    return (this.#counts.get(centreId) ?? 0) + this.#any;
  }

  changedSince(centreId: string, position: number): boolean {
    return Math.max(this.#last.get(centreId) ?? 0, this.#lastAny) > position;
  }

  hear(centreId: string): void {
    this.#position++;
    this.#counts.set(centreId, (this.#counts.get(centreId) ?? 0) + 1);
    this.#last.set(centreId, this.#position);
  }

  anyChange(): void {
    this.#position++;
    this.#any++;
    this.#lastAny = this.#position;
  }
}

/**
 * The trigger function in this schema announces every change, from every session (migration
 * 20261207-1803; before it, 20261207-1802 announced only from sessions that asked) — and, for the
 * statements a server listener watches (below), the tables whose writes can move a stamp: those
 * with the trigger, and those whose deletes or key updates cascade into them.
 */
const ANNOUNCES = `SELECT coalesce((SELECT prosrc LIKE '%pg_notify(''${FEED_STAMP_CHANNEL}''%' AND prosrc NOT LIKE '%icc.feed_stamp_notify%'
  FROM pg_proc WHERE oid = to_regproc('feed_stamp_bump')), false) AS announces`;
const STAMPED_TABLES = `WITH RECURSIVE stamped(rel) AS (
    SELECT tgrelid FROM pg_trigger WHERE tgfoid = to_regproc('feed_stamp_bump')
    UNION SELECT con.confrelid FROM pg_constraint con JOIN stamped ON con.conrelid = stamped.rel
      WHERE con.contype = 'f' AND (con.confdeltype IN ('c', 'n', 'd') OR con.confupdtype IN ('c', 'n', 'd')))
  SELECT relname AS name FROM stamped JOIN pg_class ON pg_class.oid = stamped.rel`;

async function announces(db: Knex): Promise<boolean> {
  const result = (await db.raw(ANNOUNCES)) as { rows: Array<{ announces: boolean }> };
  return result.rows[0]?.announces === true;
}

// ---- Embedded PGlite ----

interface Listening {
  watch: HeardChanges;
  /** Whether the trigger announces (checked on first use: migrations run after the database opens). */
  announces: Promise<boolean> | boolean | undefined;
}

const listening = new WeakMap<PGlite, Listening>();

/**
 * Listens in the embedded database's session and starts counting. Called by createDatabase before
 * anything else uses the database: a LISTEN issued inside someone's transaction would be undone by
 * its rollback.
 */
export async function listenForFeedStamps(pglite: PGlite): Promise<void> {
  const watch = new HeardChanges();
  await pglite.listen(FEED_STAMP_CHANNEL, (centreId: string) => watch.hear(centreId));
  listening.set(pglite, { watch, announces: undefined });
}

async function embeddedWatch(db: Knex, entry: Listening): Promise<FeedStampWatch | undefined> {
  if (entry.announces === true) return entry.watch;
  entry.announces ??= announces(db).catch(() => false);
  const announcing = await entry.announces;
  // Remembered once true; a schema not yet migrated is asked again next time.
  entry.announces = announcing || undefined;
  return announcing ? entry.watch : undefined;
}

// ---- A PostgreSQL server ----

/** Backoff between tries to listen again. */
const RETRY_MIN_MS = 100;
const RETRY_MAX_MS = 5_000;
/** A statement that may write rows (SELECT … FOR UPDATE too, harmlessly). */
const WRITES = /\b(?:insert|update|delete|merge)\b/i;

interface QueryEvent {
  sql?: string;
  __knexUid?: string;
}

/** The LISTEN connection of one database handle, and what this process writes through the handle's pool. */
class ServerFeedStampListener {
  /** Counts of the current try to listen; a watch only once LISTEN is in place. */
  #counts: HeardChanges | undefined;
  #live = false;
  #client: pg.Client | undefined;
  #state: 'idle' | 'starting' | 'live' | 'waiting' | 'closed' = 'idle';
  #retry: NodeJS.Timeout | undefined;
  #retryMs = RETRY_MIN_MS;
  /** Pooled connections (knex ids) whose open transaction or statement may have moved a stamp. */
  readonly #writing = new Set<string>();
  /** Names of the tables whose writes can move a stamp, once read; until then every write counts. */
  #stamped: RegExp | undefined;

  constructor(
    private readonly db: Knex,
    private readonly connectionString: string,
    private readonly logger: DatabaseLogger | undefined,
  ) {
    db.client.on('query', (query: QueryEvent) => {
      if (query.__knexUid && query.sql && WRITES.test(query.sql) && (this.#stamped?.test(query.sql) ?? true)) this.#writing.add(query.__knexUid);
    });
    // Released after the COMMIT (or the lone statement) was answered, before the writer's await returns.
    const released = (connection: { __knexUid?: string }) => {
      if (connection.__knexUid && this.#writing.delete(connection.__knexUid)) this.#counts?.anyChange();
    };
    const pool = (db.client as { pool: { on(event: string, listener: (...args: never[]) => void): void } }).pool;
    pool.on('release', released);
    pool.on('destroyRequest', (_eventId: number, connection: { __knexUid?: string }) => released(connection));
    // The handle's destroy (the service's shutdown, a test's end) closes the listening connection too.
    pool.on('poolDestroyRequest', () => void this.close());
  }

  /** The watch while LISTEN is in place, else undefined (the first call starts listening). */
  watch(): FeedStampWatch | undefined {
    if (this.#state === 'idle') void this.#listen();
    return this.#live ? this.#counts : undefined;
  }

  async #listen(): Promise<void> {
    this.#state = 'starting';
    const counts = new HeardChanges();
    const client = new pg.Client({ connectionString: this.connectionString, application_name: FEED_STAMP_LISTENER_NAME, keepAlive: true, connectionTimeoutMillis: 10_000 });
    this.#counts = counts;
    this.#client = client;
    client.on('notification', (message) => {
      if (message.channel === FEED_STAMP_CHANNEL && message.payload) counts.hear(message.payload);
    });
    client.on('error', (error) => this.#lost(client, error));
    client.on('end', () => this.#lost(client, undefined));
    try {
      if (!(await announces(this.db))) throw new Error('the feed stamp trigger does not announce changes (migration 20261207-1803 not applied)');
      const names = ((await this.db.raw(STAMPED_TABLES)) as { rows: Array<{ name: string }> }).rows.map((r) => r.name);
      this.#stamped = new RegExp(`\\b(?:${names.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\b`, 'i');
      if (this.#client !== client) return;
      await client.connect();
      if (this.#client !== client) return void client.end().catch(() => undefined);
      await client.query(`LISTEN ${FEED_STAMP_CHANNEL}`);
      if (this.#client !== client) return;
      this.#live = true;
      this.#state = 'live';
      this.#retryMs = RETRY_MIN_MS;
    } catch (error) {
      this.#lost(client, error);
    }
  }

  /** The connection failed or closed: no watch until listening again (a new one then). */
  #lost(client: pg.Client, error: unknown): void {
    if (this.#client !== client) return;
    const wasLive = this.#live;
    this.#client = undefined;
    this.#counts = undefined;
    this.#live = false;
    client.on('error', () => undefined);
    void client.end().catch(() => undefined);
    if (this.#state === 'closed') return;
    this.#state = 'waiting';
    const reason = error instanceof Error ? error.message : 'connection closed';
    this.logger?.warn(`feed stamps: ${wasLive ? 'stopped listening' : 'could not listen'} (${reason}); feeds read the stamp, listening again in ${this.#retryMs} ms`);
    this.#retry = setTimeout(() => {
      this.#retry = undefined;
      void this.#listen();
    }, this.#retryMs);
    // A process with nothing else to do exits; its shutdown closes the database (and this).
    this.#retry.unref();
    this.#retryMs = Math.min(RETRY_MAX_MS, this.#retryMs * 2);
  }

  async close(): Promise<void> {
    this.#state = 'closed';
    clearTimeout(this.#retry);
    const client = this.#client;
    this.#client = undefined;
    this.#counts = undefined;
    this.#live = false;
    if (client) {
      client.on('error', () => undefined);
      await client.end().catch(() => undefined);
    }
  }
}

const serverListeners = new WeakMap<object, ServerFeedStampListener>();

/**
 * Watches a PostgreSQL server's feed stamps for this database handle (called by createDatabase):
 * follows what the handle's pool writes from now on, and listens from the first feed read until
 * the handle is destroyed.
 */
export function watchServerFeedStamps(db: Knex, connectionString: string, logger?: DatabaseLogger): void {
  serverListeners.set(db.client as object, new ServerFeedStampListener(db, connectionString, logger));
}

/**
 * The watch of this database's changes, or undefined: not (yet) listening on a server, or a
 * trigger that does not announce (a schema before migration 20261207-1803, checked again later).
 * Not to be called inside a transaction on PGlite before the first feed read has armed it (it may
 * run one catalogue query on `db`).
 */
export async function feedStampWatch(db: Knex): Promise<FeedStampWatch | undefined> {
  const pglite = embeddedPglite(db);
  if (pglite) {
    const entry = listening.get(pglite);
    return entry ? embeddedWatch(db, entry) : undefined;
  }
  return serverListeners.get(db.client as object)?.watch();
}
