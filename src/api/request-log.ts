// One log line per request (pino-http): method, route path, status, time and a request id that
// is also sent back as X-Request-Id (or taken from the caller's X-Request-Id, so a proxy's id
// follows the request). Never logged: headers (Authorization carries the token) or the secret
// part of a feed address (/feeds/<token>.ics is its own credential).
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import { pinoHttp } from 'pino-http';
import type { Logger } from '../logger.ts';

/** A URL fit for the log: the feed token replaced. */
export function loggableUrl(url: string): string {
  return url.replace(/^\/feeds\/[^/?#]+/, '/feeds/<token>');
}

const requestIdPattern = /^[\w.:-]{1,128}$/;

export function requestLog(logger: Logger): RequestHandler {
  return pinoHttp({
    logger,
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && requestIdPattern.test(given) ? given : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    serializers: {
      req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: loggableUrl(req.url) }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    // Expected refusals are not errors: 503 (database away, shutting down) is a warning, other 5xx errors.
    customLogLevel: (_req, res, error) => (res.statusCode === 503 ? 'warn' : res.statusCode >= 500 || error ? 'error' : 'info'),
    customSuccessMessage: (req, res) => `${req.method} ${loggableUrl(req.url ?? '')} ${res.statusCode}`,
    customErrorMessage: (req, res) => `${req.method} ${loggableUrl(req.url ?? '')} ${res.statusCode}`,
  }) as unknown as RequestHandler;
}
