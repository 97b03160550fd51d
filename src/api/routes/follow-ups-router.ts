// /api/centres/:centreId/follow-ups — follow-up types, the follow-ups, and booking them.
import { Router } from 'express';
import type { Knex } from 'knex';
import { actorOf, clientGone, handle, param } from '../handle.ts';
import { followUpService } from '../services/follow-up-service.ts';
import { ifMatchPrecondition } from '../record-etag.ts';
import { withEtag } from './resource-router.ts';
import { pagedList } from '../pagination.ts';

export function followUpsRouter(db: Knex): Router {
  const router = Router({ mergeParams: true });
  const centre = (req: Parameters<typeof param>[0]) => param(req, 'centreId');
  router.get('/', pagedList((req, page, filters) => followUpService.page(db, centre(req), filters, page)));
  router.get('/types', handle(async (req) => withEtag(await followUpService.types(db, centre(req)))));
  router.put('/types', handle(async (req) => withEtag(await followUpService.setTypes(db, centre(req), req.body, ifMatchPrecondition(req)))));
  router.post('/plan', handle(async (req) => ({ body: await followUpService.plan(db, centre(req), req.body, actorOf(req), clientGone(req)) })));
  return router;
}
