// /feeds/:token.ics — a subscribable iCal feed. No other authentication: the token in the URL
// is the credential. Answers 304 when the subscriber's copy is current (ETag or date).
import { Router, type NextFunction, type Request, type Response } from 'express';
import type { Knex } from 'knex';
import { appError, isAppError } from '../../errors/app-error.ts';
import { feedHits } from '../../metrics.ts';
import { param } from '../handle.ts';
import { feedService } from '../services/feed-service.ts';

/** True when If-None-Match lists this ETag (or *); weak validators compare equal here. */
function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}

/** True when the feed has not changed since If-Modified-Since (HTTP dates have whole seconds). */
function notModifiedSince(header: string | undefined, lastModified: string | null): boolean {
  if (!header || lastModified === null) return false;
  const since = Date.parse(header);
  return Number.isFinite(since) && Math.floor(Date.parse(lastModified) / 1000) * 1000 <= since;
}

export function feedsRouter(db: Knex): Router {
  const router = Router();
  router.get('/:file', async (req: Request, res: Response, next: NextFunction) => {
    try {
      const match = /^(.+)\.ics$/.exec(param(req, 'file'));
      if (!match) throw appError.notFound('feed', 'for this address');
      const ifNoneMatch = req.get('if-none-match');
      const ifModifiedSince = req.get('if-modified-since');
      // If-None-Match wins over If-Modified-Since when both are sent (RFC 9110 §13.2.2).
      const isCurrent = (etag: string, lastModified: string | null) =>
        ifNoneMatch ? etagMatches(ifNoneMatch, etag) : notModifiedSince(ifModifiedSince, lastModified);
      const feed = await feedService.read(db, match[1]!, new Date(), isCurrent);
      res.set('Cache-Control', 'private, no-cache');
      res.set('ETag', feed.etag);
      if (feed.lastModified !== null) res.set('Last-Modified', new Date(feed.lastModified).toUTCString());
      if (feed.body === undefined) {
        feedHits.inc({ kind: feed.kind, status: '304' });
        res.status(304).end();
        return;
      }
      feedHits.inc({ kind: feed.kind, status: '200' });
      res.status(200).type('text/calendar; charset=utf-8').send(feed.body);
    } catch (error) {
      feedHits.inc({ kind: 'unknown', status: String(isAppError(error) ? error.status : 500) });
      next(error);
    }
  });
  return router;
}
