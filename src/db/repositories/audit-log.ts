// SQL for the append-only audit log.
import { keysetPage, mapPage, type PageRequest } from '../keyset-page.ts';
import type { Knex } from 'knex';
import type { AuditEntry, AuditEntryCreate } from '../../domain/audit-entry.ts';
import { appError } from '../../errors/app-error.ts';
import { createRowCodec } from '../row-codec.ts';
import { isDatabaseUnreachable, translateDbError, translatingDbErrors } from '../translate-db-error.ts';

const codec = createRowCodec({ json: ['details'] });

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
      throw isDatabaseUnreachable(error) ? translateDbError(error) : appError.internal(error);
    }
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
