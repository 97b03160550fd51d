// SQL for the append-only audit log.
import { keysetPage, mapPage, type PageRequest } from '../keyset-page.ts';
import type { Knex } from 'knex';
import type { AuditEntry, AuditEntryCreate } from '../../domain/audit-entry.ts';
import { appError } from '../../errors/app-error.ts';
import { createRowCodec } from '../row-codec.ts';
import { isDatabaseUnreachable, translateDbError, translatingDbErrors } from '../translate-db-error.ts';

const codec = createRowCodec({ json: ['details'] });

/** What a failed audit write is: never the client's fault (a 500), or a 503 when the database is away. */
const auditFailure = (error: unknown) => (isDatabaseUnreachable(error) ? translateDbError(error) : appError.internal(error));

interface Waiting {
  row: Record<string, unknown>;
  stored: () => void;
  failed: (error: unknown) => void;
}

/** Per database handle: entries waiting for the insert in flight to end. */
const waitingFor = new WeakMap<Knex, { rows: Waiting[]; inFlight: boolean }>();
/** Rows per INSERT at most (far more than arrive during one insert at hundreds of reads a second). */
const MAX_ROWS_PER_INSERT = 500;

/** Inserts what is waiting as one statement (one commit), then whatever arrived meanwhile. */
function insertWaiting(db: Knex, queue: { rows: Waiting[]; inFlight: boolean }): void {
  if (queue.inFlight || queue.rows.length === 0) return;
  queue.inFlight = true;
  const batch = queue.rows.splice(0, MAX_ROWS_PER_INSERT);
  db('audit_log').insert(batch.map((w) => w.row)).then(
    () => { for (const w of batch) w.stored(); },
    (error: unknown) => { for (const w of batch) w.failed(auditFailure(error)); },
  ).finally(() => {
    queue.inFlight = false;
    insertWaiting(db, queue);
  });
}

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
   * Stores an entry like `append` (same row, same failures) without reading it back, for reads
   * served at a high rate (feeds): it resolves once the row is committed, so a caller that
   * awaits it sends nothing unrecorded. Entries that arrive while an insert is in flight wait
   * for it and then go in together, one INSERT and one commit for all of them: under load the
   * database's commit (an fsync on PostgreSQL) is shared instead of queued per read; a lone
   * read is inserted at once. If the insert fails, every entry in it fails.
   */
  record: (db: Knex, entry: AuditEntryCreate): Promise<void> => {
    let queue = waitingFor.get(db);
    if (!queue) waitingFor.set(db, (queue = { rows: [], inFlight: false }));
    const stored = new Promise<void>((resolve, reject) => {
      queue.rows.push({ row: codec.toRow(entry), stored: resolve, failed: reject });
    });
    insertWaiting(db, queue);
    return stored;
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
      return mapPage(await keysetPage(query, { list: 'audit-log', columns: ['at', 'id'], direction: 'desc' }, page), (r) => codec.fromRow(r) as unknown as AuditEntry);
    }),
  forEntity: (db: Knex, entity: string, entityId: string) =>
    translatingDbErrors(async () => (await db('audit_log').where({ entity, entity_id: entityId }).orderBy(['at', 'id'])).map((r) => codec.fromRow(r) as unknown as AuditEntry)),
};
