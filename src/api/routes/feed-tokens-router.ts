// /api/centres/:centreId/feed-tokens: issue, list, revoke and reissue subscribable feed URLs.
import { Router } from 'express';
import type { Knex } from 'knex';
import { actorOf, handle, param } from '../handle.ts';
import { feedTokenService } from '../services/feed-token-service.ts';

export function feedTokensRouter(db: Knex): Router {
  const router = Router({ mergeParams: true });
  router.get('/', handle(async (req) => ({ body: await feedTokenService.list(db, param(req, 'centreId')) })));
  router.post('/', handle(async (req) => ({ status: 201, body: await feedTokenService.create(db, param(req, 'centreId'), req.body, actorOf(req)) })));
  router.delete('/:id', handle(async (req) => {
    await feedTokenService.revoke(db, param(req, 'centreId'), param(req, 'id'), actorOf(req));
    return { status: 204 };
  }));
  router.post('/:id/reissue', handle(async (req) => ({ status: 201, body: await feedTokenService.reissue(db, param(req, 'centreId'), param(req, 'id'), actorOf(req)) })));
  return router;
}
