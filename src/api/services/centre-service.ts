// Centres: the root resource. Changing opening hours re-checks lunch and MDT (schema) and
// refuses hours that would leave existing shifts outside them.
import type { Knex } from 'knex';
import { auditLog } from '../../db/repositories/audit-log.ts';
import { centres } from '../../db/repositories/centres.ts';
import { shifts } from '../../db/repositories/shifts.ts';
import { centreCreateSchema, centreDocumentSchema, centreUpdateSchema, type Centre } from '../../domain/centre.ts';
import { appError } from '../../errors/app-error.ts';
import { parseOrThrow } from '../../errors/from-zod-error.ts';
import { documentOf, requireCentre, type Actor } from './centre-scoped-service.ts';
import type { Precondition } from '../record-etag.ts';
import type { PageRequest } from '../../db/keyset-page.ts';

export const centreService = {
  list: (db: Knex) => centres.list(db),
  /** One page of the centres by name (no filters: any other query parameter is ignored, as before paging). */
  page: (db: Knex, _filters: Record<string, unknown>, page: PageRequest) => centres.page(db, page),
  get: (db: Knex, id: string) => requireCentre(db, id),
  create(db: Knex, body: unknown, actor: Actor): Promise<Centre> {
    const doc = parseOrThrow(centreCreateSchema, body, 'centre');
    return db.transaction(async (trx) => {
      const created = await centres.insert(trx, doc);
      await auditLog.append(trx, { actor: actor.name, action: 'create', entity: 'centre', entityId: created.id, details: null });
      return created;
    });
  },
  update(db: Knex, id: string, body: unknown, actor: Actor, precondition?: Precondition<Centre>): Promise<Centre> {
    const patch = parseOrThrow(centreUpdateSchema, body, 'centre');
    return db.transaction(async (trx) => {
      await centres.lock(trx, id);
      const existing = await requireCentre(trx, id);
      precondition?.(existing);
      const merged = parseOrThrow(centreDocumentSchema, { ...documentOf(existing), ...patch }, 'centre');
      if (patch.openingHours) {
        const outside = await shifts.countOutside(trx, id, merged.openingHours);
        if (outside > 0) {
          const message = `openingHours ${merged.openingHours.start}–${merged.openingHours.end} would leave ${outside} shift(s) outside them; change those shifts first`;
          throw appError.validation(message, [{ path: 'openingHours', message }]);
        }
      }
      const updated = await centres.update(trx, id, merged);
      if (!updated) throw appError.notFound('centre', id);
      await auditLog.append(trx, { actor: actor.name, action: 'update', entity: 'centre', entityId: id, details: { fields: Object.keys(patch) } });
      return updated;
    });
  },
  remove(db: Knex, id: string, actor: Actor, precondition?: Precondition<Centre>): Promise<void> {
    return db.transaction(async (trx) => {
      if (precondition) {
        await centres.lock(trx, id);
        precondition(await requireCentre(trx, id));
      }
      if (!(await centres.remove(trx, id))) throw appError.notFound('centre', id);
      await auditLog.append(trx, { actor: actor.name, action: 'delete', entity: 'centre', entityId: id, details: null });
    });
  },
};
