// SQL for the append-only audit log.
import type { Knex } from 'knex';
import type { AuditEntry, AuditEntryCreate } from '../../domain/audit-entry.ts';
import { createRowCodec } from '../row-codec.ts';
import { translatingDbErrors } from '../translate-db-error.ts';

const codec = createRowCodec({ json: ['details'] });

export const auditLog = {
  append: (db: Knex, entry: AuditEntryCreate) =>
    translatingDbErrors(async () => codec.fromRow((await db('audit_log').insert(codec.toRow(entry)).returning('*'))[0]) as unknown as AuditEntry),
  forEntity: (db: Knex, entity: string, entityId: string) =>
    translatingDbErrors(async () => (await db('audit_log').where({ entity, entity_id: entityId }).orderBy(['at', 'id'])).map((r) => codec.fromRow(r) as unknown as AuditEntry)),
};
