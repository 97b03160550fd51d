// The service shape every centre-owned resource shares: parse → check against the centre and
// other records → write in a transaction with an audit entry. Resource modules add their checks.
import type { Knex } from 'knex';
import type { z } from 'zod';
import { centres } from '../../db/repositories/centres.ts';
import { auditLog } from '../../db/repositories/audit-log.ts';
import type { CentreScopedRepository } from '../../db/repositories/centre-scoped-repository.ts';
import type { Centre } from '../../domain/centre.ts';
import { appError } from '../../errors/app-error.ts';
import { parseOrThrow } from '../../errors/from-zod-error.ts';
import type { Precondition } from '../record-etag.ts';
import type { Page, PageRequest } from '../../db/keyset-page.ts';

/** Who is acting (from the x-actor header; 'api' when absent), for the audit log. */
export interface Actor {
  name: string;
}

export interface ResourceService<T> {
  list(db: Knex, centreId: string, query?: Record<string, unknown>): Promise<T[]>;
  /** One page of the list (the filters as for list; paging parameters already taken out). */
  page(db: Knex, centreId: string, query: Record<string, unknown>, page: PageRequest): Promise<Page<T>>;
  get(db: Knex, centreId: string, id: string): Promise<T>;
  /** One document, or an array created all-or-nothing. */
  create(db: Knex, centreId: string, body: unknown, actor: Actor): Promise<T | T[]>;
  /** `precondition` (If-Match) is checked on the locked current record before anything is written. */
  update(db: Knex, centreId: string, id: string, body: unknown, actor: Actor, precondition?: Precondition<T>): Promise<T>;
  remove(db: Knex, centreId: string, id: string, actor: Actor, precondition?: Precondition<T>): Promise<void>;
}

const storedKeys = new Set(['id', 'centreId', 'createdAt', 'updatedAt']);

/** The document part of a stored record (what the document schema checks). */
export function documentOf(record: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([key]) => !storedKeys.has(key)));
}

/** The centre, or 404. */
export async function requireCentre(db: Knex, centreId: string): Promise<Centre> {
  const centre = await centres.findById(db, centreId);
  if (!centre) throw appError.notFound('centre', centreId);
  return centre;
}

/**
 * The record found in a centre, or 404: the centre's own 404 when the centre does not exist
 * (so a wrong centre id is named as such), else the record's.
 */
export async function foundInCentre<T>(db: Knex, centreId: string, found: T | null | undefined, entity: string, id: string): Promise<T> {
  if (found) return found;
  await requireCentre(db, centreId);
  throw appError.notFound(entity, id);
}

/** Prefixes error paths with the array index, so a bulk create names "2.end" (no index: a single create, unchanged). */
export function atIndex<T>(index: number | undefined, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (index !== undefined && error instanceof Error && 'details' in error && Array.isArray(error.details)) {
      for (const detail of error.details as { path: string }[]) detail.path = `${index}.${detail.path}`;
      error.message = `[${index}] ${error.message}`;
    }
    throw error;
  }
}

export async function atIndexAsync<T>(index: number | undefined, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    return atIndex(index, () => {
      throw error;
    });
  }
}

export function centreScopedService<T extends { id: string }, Create, Update>(spec: {
  /** Singular noun for messages and the audit log, e.g. 'shift'. */
  entity: string;
  repository: CentreScopedRepository<T, Create, Update>;
  createSchema: z.ZodType<Create>;
  updateSchema: z.ZodType<Update>;
  /** Re-checks a merged update as a whole document. */
  documentSchema: z.ZodType<Create>;
  /** Filters allowed on list, parsed from the query string. */
  listQuerySchema?: z.ZodType<Record<string, unknown>>;
  /** Reads a page when the parsed filters need more than equality (e.g. the patient search). */
  search?: (db: Knex, centreId: string, filters: Record<string, unknown>, page: PageRequest) => Promise<Page<T>>;
  /** Checks that need the centre or other records; throw a field-naming AppError. */
  check?: (trx: Knex, centre: Centre, doc: Create) => Promise<void>;
}): ResourceService<T> {
  const { entity, repository } = spec;

  async function createOne(trx: Knex, centre: Centre, body: unknown, actor: Actor, index?: number): Promise<T> {
    const doc = atIndex(index, () => parseOrThrow(spec.createSchema, body, entity));
    await atIndexAsync(index, () => spec.check?.(trx, centre, doc) ?? Promise.resolve());
    const created = await atIndexAsync(index, () => repository.insert(trx, centre.id, doc));
    await auditLog.append(trx, { actor: actor.name, action: 'create', entity, entityId: created.id, details: null });
    return created;
  }

  return {
    async list(db, centreId, query = {}) {
      await requireCentre(db, centreId);
      const where = spec.listQuerySchema ? parseOrThrow(spec.listQuerySchema, query, `${entity} filter`) : {};
      return repository.list(db, centreId, where);
    },
    async page(db, centreId, query, page) {
      await requireCentre(db, centreId);
      const where = spec.listQuerySchema ? parseOrThrow(spec.listQuerySchema, query, `${entity} filter`) : {};
      return spec.search ? spec.search(db, centreId, where, page) : repository.page(db, centreId, where, page);
    },
    async get(db, centreId, id) {
      return foundInCentre(db, centreId, await repository.findById(db, centreId, id), entity, id);
    },
    create(db, centreId, body, actor) {
      return db.transaction(async (trx) => {
        const centre = await requireCentre(trx, centreId);
        if (!Array.isArray(body)) return createOne(trx, centre, body, actor);
        const created: T[] = [];
        // One by one inside the transaction: the first failure rolls back every row before it.
        for (const [index, item] of body.entries()) created.push(await createOne(trx, centre, item, actor, index));
        return created;
      });
    },
    update(db, centreId, id, body, actor, precondition) {
      const patch = parseOrThrow(spec.updateSchema, body, entity);
      return db.transaction(async (trx) => {
        const centre = await requireCentre(trx, centreId);
        await repository.lock(trx, centreId, id);
        const existing = await repository.findById(trx, centreId, id);
        if (!existing) throw appError.notFound(entity, id);
        precondition?.(existing);
        const merged = parseOrThrow(spec.documentSchema, { ...documentOf(existing), ...(patch as object) }, entity);
        await spec.check?.(trx, centre, merged);
        const updated = await repository.update(trx, centreId, id, merged as unknown as Update);
        if (!updated) throw appError.notFound(entity, id);
        await auditLog.append(trx, { actor: actor.name, action: 'update', entity, entityId: id, details: { fields: Object.keys(patch as object) } });
        return updated;
      });
    },
    remove(db, centreId, id, actor, precondition) {
      return db.transaction(async (trx) => {
        await requireCentre(trx, centreId);
        if (precondition) {
          await repository.lock(trx, centreId, id);
          const existing = await repository.findById(trx, centreId, id);
          if (!existing) throw appError.notFound(entity, id);
          precondition(existing);
        }
        if (!(await repository.remove(trx, centreId, id))) throw appError.notFound(entity, id);
        await auditLog.append(trx, { actor: actor.name, action: 'delete', entity, entityId: id, details: null });
      });
    },
  };
}
