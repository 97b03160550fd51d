// The REST routes of one centre-owned resource: thin — parse the request, call the service, reply.
import { Router } from 'express';
import type { Knex } from 'knex';
import { actorOf, handle, param } from '../handle.ts';
import type { ResourceService } from '../services/centre-scoped-service.ts';

/** GET / (list, filters from the query), POST / (one or an array), GET/PATCH/DELETE /:id. */
export function resourceRouter<T>(db: Knex, service: ResourceService<T>): Router {
  const router = Router({ mergeParams: true });
  const centreId = (req: Parameters<typeof param>[0]) => param(req, 'centreId');
  router.get('/', handle(async (req) => ({ body: await service.list(db, centreId(req), req.query as Record<string, unknown>) })));
  router.post('/', handle(async (req) => ({ status: 201, body: await service.create(db, centreId(req), req.body, actorOf(req)) })));
  router.get('/:id', handle(async (req) => ({ body: await service.get(db, centreId(req), param(req, 'id')) })));
  router.patch('/:id', handle(async (req) => ({ body: await service.update(db, centreId(req), param(req, 'id'), req.body, actorOf(req)) })));
  router.delete('/:id', handle(async (req) => {
    await service.remove(db, centreId(req), param(req, 'id'), actorOf(req));
    return { status: 204 };
  }));
  return router;
}
