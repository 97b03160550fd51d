// GET /api/audit-log (admin only): the audit log by patient, actor and time, newest first — for
// subject-access and information-governance requests. Reading it is itself audited.
import { Router } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import { auditLog } from '../../db/repositories/audit-log.ts';
import { parseOrThrow } from '../../errors/from-zod-error.ts';
import { auditLogPageLimits, pagedList } from '../pagination.ts';

export const auditLogQuerySchema = z.strictObject({
  patientId: z.uuid({ message: 'must be a patient id (a UUID)' }).optional(),
  actor: z.string().min(1).max(200).optional(),
  from: z.iso.datetime({ offset: true, message: 'must be an ISO date-time, e.g. 2026-12-01T00:00:00Z' }).optional(),
  to: z.iso.datetime({ offset: true, message: 'must be an ISO date-time, e.g. 2026-12-31T00:00:00Z' }).optional(),
});

export function auditLogRouter(db: Knex): Router {
  const router = Router();
  router.get('/', pagedList((_req, page, filters) => auditLog.search(db, parseOrThrow(auditLogQuerySchema, filters, 'audit log filter'), page), auditLogPageLimits));
  return router;
}
