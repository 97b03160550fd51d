// /api/centres/:centreId/webhooks: register endpoints, list them, read and re-send deliveries.
import { collectionPath, created, createdInCollection } from '../api/created.ts';
import { pagedList } from '../api/pagination.ts';
import { Router } from 'express';
import type { Knex } from 'knex';
import { actorOf, handle, param } from '../api/handle.ts';
import { webhookService } from './webhook-service.ts';
import { ifMatchPrecondition } from '../api/record-etag.ts';
import { withEtag } from '../api/routes/resource-router.ts';

export function webhooksRouter(db: Knex): Router {
  const router = Router({ mergeParams: true });
  const centreId = (req: Parameters<typeof param>[0]) => param(req, 'centreId');
  router.get('/', pagedList((req, page) => webhookService.page(db, centreId(req), page)));
  router.post('/', handle(async (req) => {
    const registered = await webhookService.register(db, centreId(req), req.body, actorOf(req));
    return createdInCollection(req, registered);
  }));
  router.get('/:id', handle(async (req) => withEtag(await webhookService.get(db, centreId(req), param(req, 'id')))));
  router.delete('/:id', handle(async (req) => {
    await webhookService.remove(db, centreId(req), param(req, 'id'), actorOf(req), ifMatchPrecondition(req));
    return { status: 204 };
  }));
  router.get('/:id/deliveries', pagedList((req, page) => webhookService.deliveries(db, centreId(req), param(req, 'id'), page)));
  router.get('/:id/deliveries/:deliveryId', handle(async (req) => ({ body: await webhookService.delivery(db, centreId(req), param(req, 'id'), param(req, 'deliveryId')) })));
  router.post('/:id/deliveries/:deliveryId/resend', handle(async (req) => {
    const copy = await webhookService.resend(db, centreId(req), param(req, 'id'), param(req, 'deliveryId'), actorOf(req));
    return created(`${collectionPath(req)}/${param(req, 'id')}/deliveries/${copy.id}`, copy);
  }));
  return router;
}
