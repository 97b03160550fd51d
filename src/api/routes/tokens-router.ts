// /api/tokens — admins issue (the secret is in the 201 reply, once), list and revoke API
// tokens; GET /api/tokens/me tells any token who it is. Access is checked by src/auth.
import { createdInCollection } from '../created.ts';
import { Router } from 'express';
import type { Knex } from 'knex';
import { apiTokenService } from '../../auth/api-token-service.ts';
import { principalOf } from '../../auth/require-access.ts';
import { appError } from '../../errors/app-error.ts';
import { actorOf, handle, param } from '../handle.ts';
import { ifMatchPrecondition } from '../record-etag.ts';
import { withEtag } from './resource-router.ts';
import { pagedList } from '../pagination.ts';

export function tokensRouter(db: Knex): Router {
  const router = Router();
  router.get('/', pagedList((_req, page) => apiTokenService.page(db, page)));
  router.post('/', handle(async (req) => createdInCollection(req, await apiTokenService.create(db, req.body, actorOf(req).name))));
  router.get('/me', (req, res, next) => {
    const principal = principalOf(res);
    if (!principal) next(appError.unauthorized('Access checks are off in this app: there is no token to describe'));
    else res.json(principal);
  });
  router.get('/:id', handle(async (req) => withEtag(await apiTokenService.get(db, param(req, 'id')))));
  router.delete('/:id', handle(async (req) => withEtag(await apiTokenService.revoke(db, param(req, 'id'), ifMatchPrecondition(req)))));
  return router;
}
