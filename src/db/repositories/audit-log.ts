// SQL for the append-only audit log.
import { keysetPage, mapPage, type PageRequest } from '../keyset-page.ts';
import type { Knex } from 'knex';
import type { AuditEntry, AuditEntryCreate } from '../../domain/audit-entry.ts';
import { appError } from '../../errors/app-error.ts';
import { createRowCodec } from '../row-codec.ts';
import { isDatabaseUnreachable, translateDbError, translatingDbErrors } from '../translate-db-error.ts';
import { logger } from '../../logger.ts';

const codec = createRowCodec({ json: ['details'] });

/** What a failed audit write is: never the client's fault (a 500), or a 503 when the database is away. */
const auditFailure = (error: unknown) => (isDatabaseUnreachable(error) ? translateDbError(error) : appError.internal(error));

/**
 * Entries of `record` not yet stored, per database handle. They go in as one multi-row INSERT
 * (one commit) every FLUSH_MS, or at once when MAX_ROWS_PER_INSERT are waiting.
 */
interface Buffer {
  db: Knex;
  rows: Array<Record<string, unknown>>;
  /** Tries of the oldest waiting row so far (reset once rows are stored). */
  failures: number;
  timer: NodeJS.Timeout | undefined;
  inFlight: Promise<void> | undefined;
  /** Callers of `flush` waiting for everything recorded before them. */
  flushed: Array<() => void>;
}

const buffers = new Map<Knex, Buffer>();
/** How long a recorded entry waits for others before it is inserted (the reads it is lost with on a crash). */
export const AUDIT_FLUSH_MS = 50;
/** Rows per INSERT at most. */
const MAX_ROWS_PER_INSERT = 500;
/** Rows waiting at most (a flood faster than the database takes them): beyond it `record` refuses the entry (500). */
const MAX_WAITING_ROWS = 20_000;
/** A database that refuses a row for its content (not for being away) gets it this often before it is given up and logged. */
const MAX_TRIES = 3;

function schedule(buffer: Buffer, delayMs: number): void {
  if (buffer.timer !== undefined || buffer.inFlight) return;
  buffer.timer = setTimeout(() => {
    buffer.timer = undefined;
    void insertWaiting(buffer);
  }, delayMs);
  // A process with nothing else to do exits: shutdown flushes first (auditLog.flushAll).
  buffer.timer.unref();
}

/** Inserts what is waiting, batch after batch, until nothing is (or an insert fails: then it waits and tries again). */
async function insertWaiting(buffer: Buffer): Promise<void> {
  if (buffer.inFlight) return buffer.inFlight;
  if (buffer.timer !== undefined) {
    clearTimeout(buffer.timer);
    buffer.timer = undefined;
  }
  const run = (async () => {
    while (buffer.rows.length > 0) {
      // After a failure, rows go in one by one, so a row the database refuses holds up no other.
      const batch = buffer.rows.slice(0, buffer.failures > 0 ? 1 : MAX_ROWS_PER_INSERT);
      try {
        await buffer.db('audit_log').insert(batch);
        buffer.rows.splice(0, batch.length);
        buffer.failures = 0;
      } catch (error) {
        buffer.failures++;
        if (!isDatabaseUnreachable(error) && buffer.failures >= MAX_TRIES && batch.length === 1) {
          // The database will not take this row: the log line is its record.
          logger.error({ err: error, auditEntry: batch[0] }, 'audit log: the database refused an entry; it is written here instead');
          buffer.rows.shift();
          buffer.failures = 0;
          continue;
        }
        logger.warn({ err: error, waiting: buffer.rows.length }, 'audit log: storing entries failed; trying again');
        lastFailure.set(buffer.db, error);
        return;
      }
    }
    lastFailure.delete(buffer.db);
  })().finally(() => {
    buffer.inFlight = undefined;
    if (buffer.rows.length > 0) schedule(buffer, buffer.failures > 0 ? Math.min(5000, 50 * 2 ** buffer.failures) : AUDIT_FLUSH_MS);
    else {
      for (const done of buffer.flushed.splice(0)) done();
      // Nothing waits: forget the handle (a closed database is not kept alive by this map).
      if (buffers.get(buffer.db) === buffer) buffers.delete(buffer.db);
    }
  });
  buffer.inFlight = run;
  return run;
}

/** The last insert's error while entries are waiting after it (for refusing more). */
const lastFailure = new WeakMap<Knex, unknown>();

export const auditLog = {
  /**
   * Stores an entry. A failure is never the client's fault, whatever the database calls it (a
   * CHECK or NOT NULL refusal would otherwise become a 400): it is a 500, and the data the entry
   * records is not sent. (An unreachable database stays a 503.)
   */
  append: async (db: Knex, entry: AuditEntryCreate): Promise<AuditEntry> => {
    try {
      return codec.fromRow((await db('audit_log').insert(codec.toRow(entry)).returning('*'))[0]) as unknown as AuditEntry;
    } catch (error) {
      throw auditFailure(error);
    }
  },
  /**
   * Records an entry for a read served at a high rate (feeds) without waiting for it to be
   * stored: it joins the entries of the last AUDIT_FLUSH_MS, which go in together as one INSERT
   * and one commit (on PostgreSQL one fsync for all of them, off every read's response path).
   * `at` is the moment of the call. The trade-off: a process that dies (SIGKILL, power loss)
   * loses the entries of its last ~AUDIT_FLUSH_MS, whose reads were answered; a shutdown
   * (SIGTERM) flushes them first (flushAll), and reading the log through this module (search,
   * forEntity) flushes first, so it lists every read this process answered. While the database
   * refuses or cannot take the entries they wait and are tried again, and this throws (500, or
   * 503 with the database away) until they are stored, so no later read is answered unrecorded.
   */
  record: (db: Knex, entry: AuditEntryCreate): void => {
    let buffer = buffers.get(db);
    if (!buffer) buffers.set(db, (buffer = { db, rows: [], failures: 0, timer: undefined, inFlight: undefined, flushed: [] }));
    // The last insert failed and its entries wait to be tried again: refuse this one (its read is
    // not answered) until they are stored, so at most one flush interval of reads goes out
    // before the database is found refusing them.
    if (lastFailure.has(db)) throw auditFailure(lastFailure.get(db));
    if (buffer.rows.length >= MAX_WAITING_ROWS) throw auditFailure(new Error('audit log: too many entries waiting'));
    buffer.rows.push({ ...codec.toRow(entry), at: new Date().toISOString() });
    if (buffer.rows.length >= MAX_ROWS_PER_INSERT) void insertWaiting(buffer);
    else schedule(buffer, AUDIT_FLUSH_MS);
  },
  /**
   * Resolves once every entry recorded so far is stored (at once when none waits); rejects if
   * they cannot be stored now (they stay waiting and are tried again).
   */
  flush: async (db: Knex): Promise<void> => {
    const buffer = buffers.get(db);
    if (!buffer || (buffer.rows.length === 0 && !buffer.inFlight)) return;
    const done = new Promise<void>((resolve) => buffer.flushed.push(resolve));
    await insertWaiting(buffer);
    if (buffer.rows.length > 0) throw auditFailure(lastFailure.get(db) ?? new Error('audit log: entries still waiting'));
    await done;
  },
  /** Flushes every database handle's waiting entries (a process shutting down, before closing its databases). */
  flushAll: async (): Promise<void> => {
    await Promise.allSettled([...buffers.keys()].map((db) => auditLog.flush(db)));
  },
  /**
   * Entries for a subject-access or information-governance request, newest first: about a
   * patient (the patient record, their referrals, or any entry whose details name them), by an
   * actor (case-insensitive part of the actor's name, e.g. a token id), between two instants.
   */
  search: (db: Knex, filter: { patientId?: string; actor?: string; from?: string; to?: string }, page: PageRequest) =>
    translatingDbErrors(async () => {
      const query = db('audit_log');
      if (filter.patientId) {
        const patientId = filter.patientId;
        query.where((q) => {
          q.where({ entity: 'patient', entity_id: patientId })
            .orWhere((r) => r.where({ entity: 'referral' }).whereIn('entity_id', db('referrals').select(db.raw('id::text')).where({ patient_id: patientId })))
            .orWhereRaw('details::text like ?', [`%${patientId}%`]);
        });
      }
      if (filter.actor) query.whereRaw('actor ilike ?', [`%${filter.actor.replace(/[\\%_]/g, (c) => `\\${c}`)}%`]);
      if (filter.from) query.where('at', '>=', filter.from);
      if (filter.to) query.where('at', '<', filter.to);
      await auditLog.flush(db);
      return mapPage(await keysetPage(query, { list: 'audit-log', columns: ['at', 'id'], direction: 'desc' }, page), (r) => codec.fromRow(r) as unknown as AuditEntry);
    }),
  forEntity: (db: Knex, entity: string, entityId: string) =>
    translatingDbErrors(async () => {
      await auditLog.flush(db);
      return (await db('audit_log').where({ entity, entity_id: entityId }).orderBy(['at', 'id'])).map((r) => codec.fromRow(r) as unknown as AuditEntry);
    }),
};
