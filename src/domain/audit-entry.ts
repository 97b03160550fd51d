// One line of the audit log: who did what to which record, when.
import { z } from 'zod';
import { nonEmptyText } from './primitives.ts';

export const auditEntryCreateSchema = z.strictObject({
  actor: nonEmptyText,
  /** 'read': a read of patient-identifiable data, e.g. a feed fetched with its token. */
  action: z.enum(['create', 'update', 'delete', 'publish', 'revoke', 'plan', 'read']),
  entity: nonEmptyText,
  entityId: z.string().min(1),
  details: z.record(z.string(), z.unknown()).nullable().default(null),
});
/** Audit entries are append-only: there is no update schema. */
export type AuditEntryCreate = z.infer<typeof auditEntryCreateSchema>;
export type AuditEntry = AuditEntryCreate & { id: string; at: string };
