// /api/centres/:centreId/feed-tokens: issue, list, revoke and reissue subscribable feed URLs.
import { collectionPath, created, createdInCollection } from '../created.ts';
import { pagedList } from '../pagination.ts';
import { Router, type Request } from 'express';
import type { Knex } from 'knex';
import { actorOf, handle, param } from '../handle.ts';
import { publicUrl } from '../public-url.ts';
import { ifMatchPrecondition } from '../record-etag.ts';
import { withEtag } from './resource-router.ts';
import { feedTokenService, type IssuedFeedToken } from '../services/feed-token-service.ts';

/**
 * The URL to paste into a calendar app (PUBLIC_BASE_URL's origin when set: Google Calendar
 * subscribes only to https), and its webcal:// twin (Apple Calendar and Outlook open a
 * subscription from it directly).
 */
function withSubscribeUrls(req: Request, issued: IssuedFeedToken) {
  const subscribeUrl = publicUrl(req, issued.url);
  return { ...issued, subscribeUrl, webcalUrl: subscribeUrl.replace(/^https?:/, 'webcal:') };
}

export function feedTokensRouter(db: Knex): Router {
  const router = Router({ mergeParams: true });
  router.get('/', pagedList((req, page) => feedTokenService.page(db, param(req, 'centreId'), page)));
  router.post('/', handle(async (req) => createdInCollection(req, withSubscribeUrls(req, await feedTokenService.create(db, param(req, 'centreId'), req.body, actorOf(req))))));
  router.get('/:id', handle(async (req) => withEtag(await feedTokenService.get(db, param(req, 'centreId'), param(req, 'id')))));
  router.delete('/:id', handle(async (req) => {
    await feedTokenService.revoke(db, param(req, 'centreId'), param(req, 'id'), actorOf(req), ifMatchPrecondition(req));
    return { status: 204 };
  }));
  router.post('/:id/reissue', handle(async (req) => {
    const issued = withSubscribeUrls(req, await feedTokenService.reissue(db, param(req, 'centreId'), param(req, 'id'), actorOf(req)));
    return created(`${collectionPath(req)}/${issued.id}`, issued);
  }));
  return router;
}
