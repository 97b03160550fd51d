// One log line per request: method, route path, status, time and a request id that is also sent
// back as X-Request-Id (or taken from the caller's X-Request-Id, so a proxy's id follows the
// request). Never logged: headers (Authorization carries the token) or the secret part of a feed
// address (/feeds/<token>.ics is its own credential). The line is pino-http's ({req: {id,
// method, url}, res: {statusCode}, responseTime}), written by this middleware without a child
// logger per request: pino serialises a child's bindings when it is made, ~10 kB of garbage per
// request even when the level drops the line, which at a calendar feed's request rate is most of
// what the young generation collects (issue 18).
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Logger } from '../logger.ts';

/** A URL fit for the log: the feed token replaced. */
export function loggableUrl(url: string): string {
  return url.replace(/^\/feeds\/[^/?#]+/, '/feeds/<token>');
}

const requestIdPattern = /^[\w.:-]{1,128}$/;

export function requestLog(logger: Logger): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const given = req.headers['x-request-id'];
    const id = typeof given === 'string' && requestIdPattern.test(given) ? given : randomUUID();
    res.setHeader('X-Request-Id', id);
    (req as Request & { id?: string }).id = id;
    const started = Date.now();
    // Taken now: routers below rewrite req.url to their own mount point.
    const url = req.originalUrl;
    const done = (error?: unknown) => {
      res.removeListener('finish', done);
      res.removeListener('close', done);
      res.removeListener('error', done);
      // Expected refusals are not errors: 503 (database away, shutting down) is a warning, other 5xx errors.
      const status = res.statusCode;
      const level = status === 503 ? 'warn' : status >= 500 || error ? 'error' : 'info';
      if (!logger.isLevelEnabled(level)) return;
      const shown = loggableUrl(url);
      const failed = level === 'error' ? { err: error instanceof Error ? error : new Error(`failed with status code ${status}`) } : {};
      logger[level]({ req: { id, method: req.method, url: shown }, res: { statusCode: status }, responseTime: Date.now() - started, ...failed }, `${req.method} ${shown} ${status}`);
    };
    res.on('finish', done);
    res.on('close', done);
    res.on('error', done);
    next();
  };
}
