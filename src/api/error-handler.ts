// The single error handler: every error leaves as JSON { error: { code, message, details } }
// with the right status and never a stack trace.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ZodError } from 'zod';
import { translateDbError } from '../db/translate-db-error.ts';
import { AppError, appError, isAppError } from '../errors/app-error.ts';
import type { ErrorBody } from '../errors/error-body.ts';
import { fromZodError } from '../errors/from-zod-error.ts';
import type { Logger } from '../logger.ts';
import { JSON_BODY_LIMIT } from './json-body.ts';
import { loggableUrl } from './request-log.ts';
import { isFhirRequest, operationOutcomeOf } from '../fhir/operation-outcome.ts';
import { FHIR_JSON } from '../fhir/uk-core.ts';

/** body-parser's errors carry an HTTP status and a type such as 'entity.parse.failed'. */
function fromHttpError(error: unknown): AppError | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { status, type } = error as { status?: number; type?: string };
  if (type === 'entity.parse.failed') {
    // JSON.parse's own words, without the excerpt of the body it quotes.
    const problem = String((error as Error).message ?? '').replace(/, ".*" is not valid JSON$/s, '') || 'not valid JSON';
    return appError.badRequest(`The request body is not valid JSON: ${problem}`, [{ path: '(body)', message: problem }]);
  }
  if (type === 'entity.too.large') {
    const limitBytes = Number((error as { limit?: number }).limit); // body-parser always sets it
    return appError.payloadTooLarge(`The request body is larger than the ${JSON_BODY_LIMIT} limit (${limitBytes} bytes)`, limitBytes);
  }
  if (typeof status === 'number' && status >= 400 && status < 500) return appError.badRequest(String((error as Error).message ?? 'Bad request'));
  return undefined;
}

/** Seconds a 503 asks the client to wait before trying again (Retry-After). */
export const RETRY_AFTER_SECONDS = 10;

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const translated = translateDbError(error);
    const known = isAppError(translated)
      ? translated
      : translated instanceof ZodError
        ? fromZodError(translated, 'input')
        : (fromHttpError(translated) ?? appError.internal(translated));
    if (known.status === 503) {
      // Expected while the database is away or the service stops: a warning naming why, no stack.
      const cause = error instanceof Error && error !== known ? { name: error.name, code: (error as { code?: unknown }).code, message: error.message } : undefined;
      logger.warn({ code: known.code, method: req.method, url: loggableUrl(req.originalUrl), cause }, known.message);
    } else if (known.status >= 500) logger.error({ err: error, method: req.method, url: loggableUrl(req.originalUrl) }, 'request failed');
    else logger.debug({ code: known.code, method: req.method, url: loggableUrl(req.originalUrl) }, known.message);
    if (known.status === 503) res.set('Retry-After', String(RETRY_AFTER_SECONDS));
    // The FHIR API speaks FHIR in its errors too: an OperationOutcome (src/fhir/operation-outcome.ts).
    if (isFhirRequest(req)) {
      res.status(known.status).type(FHIR_JSON).json(operationOutcomeOf(known, req));
      return;
    }
    const body: ErrorBody = { error: { code: known.code, message: known.message, details: known.details } };
    res.status(known.status).json(body);
  };
}

/**
 * Once `signal` is aborted (the process is shutting down), every request gets 503 and its
 * connection is closed, so a keep-alive client moves on and the server can finish closing.
 */
export function refuseWhenShuttingDown(signal: AbortSignal): RequestHandler {
  return (_req, res, next) => {
    if (!signal.aborted) return next();
    res.set('Connection', 'close');
    next(appError.unavailable('The service is shutting down; try again shortly'));
  };
}

/** Unknown routes: a JSON 404 like every other error (an OperationOutcome under /fhir/r4). */
export const notFoundHandler: RequestHandler = (req, res, next) => {
  if (isFhirRequest(req)) {
    next(new AppError({ code: 'not_found', status: 404, message: `No route ${req.method} ${req.path}` }));
    return;
  }
  const body: ErrorBody = { error: { code: 'not_found', message: `No route ${req.method} ${req.path}`, details: null } };
  res.status(404).json(body);
};
