// Referrals (with status history) and their pre-visit outcome.
import type { Precondition } from '../record-etag.ts';
import type { Knex } from 'knex';
import { z } from 'zod';
import { assessmentTypes } from '../../db/repositories/assessment-types.ts';
import { auditLog } from '../../db/repositories/audit-log.ts';
import { patients } from '../../db/repositories/patients.ts';
import { preVisits } from '../../db/repositories/pre-visits.ts';
import { referrals } from '../../db/repositories/referrals.ts';
import { staffMembers } from '../../db/repositories/staff-members.ts';
import { preVisitCreateSchema, type PreVisit } from '../../domain/pre-visit.ts';
import { idSchema } from '../../domain/primitives.ts';
import { referralCreateSchema, referralDocumentSchema, referralStatuses, referralUpdateSchema, type Referral } from '../../domain/referral.ts';
import { appError } from '../../errors/app-error.ts';
import { parseOrThrow } from '../../errors/from-zod-error.ts';
import type { Page, PageRequest } from '../../db/keyset-page.ts';
import { atIndex, atIndexAsync, documentOf, requireCentre, type Actor } from './centre-scoped-service.ts';
import { moveReferral, requireReferral } from './pathway-service.ts';
import { requireInCentre } from './references.ts';

const listQuerySchema = z.strictObject({ status: z.enum(referralStatuses), patientId: idSchema }).partial();

export const referralService = {
  async list(db: Knex, centreId: string, query: Record<string, unknown> = {}): Promise<Referral[]> {
    await requireCentre(db, centreId);
    return referrals.list(db, centreId, parseOrThrow(listQuerySchema, query, 'referral filter'));
  },
  async page(db: Knex, centreId: string, query: Record<string, unknown>, page: PageRequest): Promise<Page<Referral>> {
    await requireCentre(db, centreId);
    return referrals.page(db, centreId, parseOrThrow(listQuerySchema, query, 'referral filter'), page);
  },
  get: requireReferral,
  /** One referral, or an array created all-or-nothing (a bad item's fields are named "2.patientId"). */
  create(db: Knex, centreId: string, body: unknown, actor: Actor): Promise<Referral | Referral[]> {
    const items: unknown[] = Array.isArray(body) ? body : [body];
    const indexOf = (index: number) => (Array.isArray(body) ? index : undefined);
    const docs = items.map((item, index) => atIndex(indexOf(index), () => parseOrThrow(referralCreateSchema, item, 'referral')));
    return db.transaction(async (trx) => {
      await requireCentre(trx, centreId);
      const created: Referral[] = [];
      for (const [index, doc] of docs.entries()) {
        const referral = await atIndexAsync(indexOf(index), async () => {
          await requireInCentre(trx, patients, centreId, doc.patientId, 'patientId', 'patient');
          return referrals.insert(trx, centreId, doc, actor.name);
        });
        created.push(referral);
        await auditLog.append(trx, { actor: actor.name, action: 'create', entity: 'referral', entityId: referral.id, details: null });
      }
      return Array.isArray(body) ? created : created[0]!;
    });
  },
  update(db: Knex, centreId: string, id: string, body: unknown, actor: Actor, precondition?: Precondition<Referral>): Promise<Referral> {
    const { statusNote, ...patch } = parseOrThrow(referralUpdateSchema, body, 'referral');
    return db.transaction(async (trx) => {
      await referrals.lock(trx, centreId, id);
      const existing = await requireReferral(trx, centreId, id);
      precondition?.(existing);
      // A status change follows the pathway table, like POST …/transitions.
      if (patch.status !== undefined && patch.status !== existing.status) {
        await moveReferral(trx, existing, patch.status, actor, { note: statusNote ?? null, dateField: 'status' });
      }
      const { statusHistory: _history, ...stored } = existing;
      const merged = parseOrThrow(referralDocumentSchema, { ...documentOf(stored), ...patch }, 'referral');
      if (merged.patientId !== existing.patientId) await requireInCentre(trx, patients, centreId, merged.patientId, 'patientId', 'patient');
      const updated = await referrals.update(trx, centreId, id, { ...merged, ...(statusNote === undefined ? {} : { statusNote }) }, actor.name);
      if (!updated) throw appError.notFound('referral', id);
      await auditLog.append(trx, { actor: actor.name, action: 'update', entity: 'referral', entityId: id, details: { fields: Object.keys(patch) } });
      return updated;
    });
  },
  remove(db: Knex, centreId: string, id: string, actor: Actor, precondition?: Precondition<Referral>): Promise<void> {
    return db.transaction(async (trx) => {
      await referrals.lock(trx, centreId, id);
      precondition?.(await requireReferral(trx, centreId, id));
      await referrals.remove(trx, centreId, id);
      await auditLog.append(trx, { actor: actor.name, action: 'delete', entity: 'referral', entityId: id, details: null });
    });
  },

  async getPreVisit(db: Knex, centreId: string, referralId: string): Promise<PreVisit> {
    await requireReferral(db, centreId, referralId);
    const found = await preVisits.findByReferral(db, referralId);
    if (!found) throw appError.notFound('pre-visit outcome for referral', referralId);
    return found;
  },
  /**
   * Records (or replaces) the pre-visit outcome; every referenced type and clinician must be in
   * the centre. `precondition` (If-Match) is checked on the outcome as stored, under a lock on its referral.
   */
  savePreVisit(db: Knex, centreId: string, referralId: string, body: unknown, actor: Actor, precondition?: Precondition<PreVisit>): Promise<PreVisit> {
    const doc = parseOrThrow(preVisitCreateSchema, body, 'pre-visit outcome');
    return db.transaction(async (trx) => {
      await referrals.lock(trx, centreId, referralId);
      const referral = await requireReferral(trx, centreId, referralId);
      precondition?.(await preVisits.findByReferral(trx, referralId));
      for (const [i, typeId] of doc.requiredAssessmentTypeIds.entries()) {
        await requireInCentre(trx, assessmentTypes, centreId, typeId, `requiredAssessmentTypeIds.${i}`, 'assessment type');
      }
      for (const [i, named] of doc.namedClinicians.entries()) {
        await requireInCentre(trx, staffMembers, centreId, named.staffId, `namedClinicians.${i}.staffId`, 'staff member');
      }
      if (doc.supportWorkerId) await requireInCentre(trx, staffMembers, centreId, doc.supportWorkerId, 'supportWorkerId', 'staff member');
      const saved = await preVisits.upsert(trx, referralId, doc);
      // Recording the outcome is the pre-visit done.
      if (referral.status === 'received' || referral.status === 'pre-visit-booked') {
        await moveReferral(trx, referral, 'pre-visit-done', actor, { note: 'pre-visit outcome recorded' });
      }
      await auditLog.append(trx, { actor: actor.name, action: 'update', entity: 'pre-visit', entityId: saved.id, details: { referralId } });
      return saved;
    });
  },
};
