// The REST routes of one centre-owned resource: thin — parse the request, call the service, reply.
import { createdInCollection } from '../created.ts';
import { Router } from 'express';
import type { Knex } from 'knex';
import { actorOf, handle, param } from '../handle.ts';
import type { ResourceService } from '../services/centre-scoped-service.ts';
import { ifMatchPrecondition, recordEtag } from '../record-etag.ts';
import type { Reply } from '../handle.ts';
import { pagedList } from '../pagination.ts';

/** A record reply with its ETag (send it back as If-Match to edit or delete it). */
export const withEtag = (record: unknown): Reply => ({ body: record, headers: { ETag: recordEtag(record) } });

/** GET / (a page of the list, filters from the query), POST / (one or an array; 201 with Location), GET/PATCH/DELETE /:id (ETag; If-Match honoured). */
export function resourceRouter<T>(db: Knex, service: ResourceService<T>): Router {
  const router = Router({ mergeParams: true });
  const centreId = (req: Parameters<typeof param>[0]) => param(req, 'centreId');
  router.get('/', pagedList((req, page, filters) => service.page(db, centreId(req), filters, page)));
  router.post('/', handle(async (req) => createdInCollection(req, await service.create(db, centreId(req), req.body, actorOf(req)) as { id: string } | Array<{ id: string }>)));
  router.get('/:id', handle(async (req) => withEtag(await service.get(db, centreId(req), param(req, 'id')))));
  router.patch('/:id', handle(async (req) => withEtag(await service.update(db, centreId(req), param(req, 'id'), req.body, actorOf(req), ifMatchPrecondition(req)))));
  router.delete('/:id', handle(async (req) => {
    await service.remove(db, centreId(req), param(req, 'id'), actorOf(req), ifMatchPrecondition(req));
    return { status: 204 };
  }));
  return router;
}
