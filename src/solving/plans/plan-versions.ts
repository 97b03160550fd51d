// The one writer of plan versions. Every new version of a day's plan — a planning job's
// result, a coordinator's edit, a replan, a publish — is saved here, so whatever must happen
// when a plan changes (audit, notifications) has one place to hook in.
import type { Knex } from 'knex';
import { lockDayStaffing } from '../../db/day-staffing-lock.ts';
import { auditLog } from '../../db/repositories/audit-log.ts';
import { plans } from '../../db/repositories/plans.ts';
import { webhookDeliveries } from '../../db/repositories/webhooks.ts';
import type { AuditEntryCreate } from '../../domain/audit-entry.ts';
import type { Plan, PlanCreate } from '../../domain/plan.ts';

export interface PlanVersionAudit {
  actor: string;
  action: AuditEntryCreate['action'];
  details: Record<string, unknown>;
}

export interface PlanVersionWrite {
  centreId: string;
  doc: PlanCreate;
  /**
   * The version this write must become (an edit: the version it was made against + 1). When
   * that version already exists nothing is written and the result is undefined. Unset: the
   * next free version (a planning job's result, which no edit conflicts with).
   */
  version?: number;
  /** Appended to the audit log in the same transaction as the version. */
  audit?: PlanVersionAudit;
}

/** How often a next-free-version write retries when an edit takes the number first. */
const NEXT_VERSION_ATTEMPTS = 5;

async function insertOnce(trx: Knex, write: PlanVersionWrite, version: number): Promise<Plan | undefined> {
  // An ICC day's staffing and the date's outreach teams are written in turn (see lockDayStaffing).
  if ((write.doc.kind ?? 'day') === 'day') await lockDayStaffing(trx, write.centreId, write.doc.date);
  const saved = await plans.insertVersionIfAbsent(trx, write.centreId, write.doc, version);
  if (saved && write.audit) {
    await auditLog.append(trx, { actor: write.audit.actor, action: write.audit.action, entity: 'plan', entityId: saved.id, details: { date: saved.date, version: saved.version, ...write.audit.details } });
  }
  // Webhooks: queued with the version, so a subscriber hears of exactly the versions saved.
  if (saved) {
    const source = (saved.document as { source?: { kind?: unknown } }).source?.kind;
    await webhookDeliveries.enqueue(trx, write.centreId, saved.status === 'published' ? 'plan.published' : 'plan.changed', {
      planId: saved.id, date: saved.date, kind: saved.kind, version: saved.version, status: saved.status, ...(typeof source === 'string' ? { source } : {}),
      // An outreach plan is read at …/outreach-plan, every other day plan at …/plan.
      planUrl: `/api/centres/${write.centreId}/days/${saved.date}/${saved.kind === 'outreach' ? 'outreach-plan' : 'plan'}?version=${saved.version}`,
    });
  }
  return saved;
}

/**
 * Saves a new plan version (inside `db`'s transaction when `db` is one). The check-and-write is
 * one conditional insert on the unique (centre, date, kind, version) key: of two writes of the
 * same version exactly one is saved.
 */
export async function writePlanVersion(db: Knex, write: PlanVersionWrite): Promise<Plan | undefined> {
  const inTransaction = async (run: (trx: Knex) => Promise<Plan | undefined>) => (db.isTransaction ? run(db) : db.transaction(run));
  if (write.version !== undefined) {
    const version = write.version;
    return inTransaction((trx) => insertOnce(trx, write, version));
  }
  for (let attempt = 0; attempt < NEXT_VERSION_ATTEMPTS; attempt++) {
    const saved = await inTransaction(async (trx) => {
      const latest = await plans.latest(trx, write.centreId, write.doc.date, write.doc.kind);
      return insertOnce(trx, write, (latest?.version ?? 0) + 1);
    });
    if (saved) return saved;
  }
  throw new Error(`could not save the plan: the plan of ${write.doc.date} kept changing`);
}
