// /api/centres/:centreId/webhooks: register endpoints, list them, read and re-send deliveries.
import { Router } from 'express';
import type { Knex } from 'knex';
import { actorOf, handle, param } from '../api/handle.ts';
import { webhookService } from './webhook-service.ts';
import { ifMatchPrecondition } from '../api/record-etag.ts';
import { withEtag } from '../api/routes/resource-router.ts';

export function webhooksRouter(db: Knex): Router {
  const router = Router({ mergeParams: true });
  const centreId = (req: Parameters<typeof param>[0]) => param(req, 'centreId');
  router.get('/', handle(async (req) => ({ body: await webhookService.list(db, centreId(req)) })));
  router.post('/', handle(async (req) => {
    const created = await webhookService.register(db, centreId(req), req.body, actorOf(req));
    return { status: 201, body: created, headers: { Location: `${req.baseUrl}/${created.id}` } };
  }));
  router.get('/:id', handle(async (req) => withEtag(await webhookService.get(db, centreId(req), param(req, 'id')))));
  router.delete('/:id', handle(async (req) => {
    await webhookService.remove(db, centreId(req), param(req, 'id'), actorOf(req), ifMatchPrecondition(req));
    return { status: 204 };
  }));
  router.get('/:id/deliveries', handle(async (req) => ({ body: await webhookService.deliveries(db, centreId(req), param(req, 'id')) })));
  router.post('/:id/deliveries/:deliveryId/resend', handle(async (req) => {
    const copy = await webhookService.resend(db, centreId(req), param(req, 'id'), param(req, 'deliveryId'), actorOf(req));
    return { status: 201, body: copy, headers: { Location: `${req.baseUrl}/${param(req, 'id')}/deliveries` } };
  }));
  return router;
}
