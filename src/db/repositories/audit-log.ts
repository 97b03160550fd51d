// SQL for the append-only audit log.
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
  forEntity: (db: Knex, entity: string, entityId: string) =>
    translatingDbErrors(async () => (await db('audit_log').where({ entity, entity_id: entityId }).orderBy(['at', 'id'])).map((r) => codec.fromRow(r) as unknown as AuditEntry)),
};
