// The Express application: routes over a database handle, no listening (see main.ts).
import express, { type Express } from 'express';
import type { Knex } from 'knex';
import { centresRouter } from './api/routes/centres-router.ts';
import { healthRouter } from './api/routes/health-router.ts';
import { feedsRouter } from './api/routes/feeds-router.ts';
import { errorHandler, notFoundHandler, refuseWhenShuttingDown } from './api/error-handler.ts';
import { parseJsonBody } from './api/json-body.ts';
import { requestLog } from './api/request-log.ts';
import { auditLogRouter } from './api/routes/audit-log-router.ts';
import { metricsRouter, timeRequests } from './api/routes/metrics-router.ts';
import { pathTemplates, refuseUnstorableBody, refuseUnstorablePathAndQuery } from './api/input-check.ts';
import { openApiDocument } from './api/openapi/openapi-document.ts';
import { logger as defaultLogger, type Logger } from './logger.ts';
import { requireAccess } from './auth/require-access.ts';
import { tokensRouter } from './api/routes/tokens-router.ts';
import { configurePublicUrl } from './api/public-url.ts';
import type { PublicUrlConfig } from './config.ts';
import { serveWebApp } from './web/serve-web-app.ts';
import { fhirRouter } from './fhir/fhir-router.ts';

export interface AppOptions {
  db: Knex;
  logger?: Logger;
  /**
   * Access control (src/auth): with `{ enforce: true }` every request needs an API token whose
   * role and centre the access table allows, and reads of patient data are audited. Absent,
   * the app checks nothing (tests of single features); `npm start` always enforces.
   */
  auth?: { enforce: boolean };
  /** Aborted when the process starts shutting down: from then on every request gets 503. */
  shuttingDown?: AbortSignal;
  /** PUBLIC_BASE_URL / TRUST_PROXY: the origin of the addresses the service hands out. */
  publicUrl?: PublicUrlConfig;
}

export function createApp({ db, logger = defaultLogger, auth, shuttingDown, publicUrl }: AppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  const openApi = openApiDocument();
  const templates = pathTemplates(Object.keys(openApi.paths as Record<string, unknown>));
  app.use(requestLog(logger), timeRequests(templates));
  configurePublicUrl(app, publicUrl);
  if (shuttingDown) app.use(refuseWhenShuttingDown(shuttingDown));
  // Text PostgreSQL cannot store is a 400 naming the field, whatever the route (src/api/input-check.ts).
  app.use(refuseUnstorablePathAndQuery(templates));
  // Calendar feeds (GET, public: the token in the URL is the credential, no body) come before the
  // token check and the body parser, which have nothing to do for them, and the routers below:
  // a subscriber's poll goes through as few layers as it can (issue 18). Other methods go on.
  app.use('/feeds', feedsRouter(db));
  // Checked before the body is parsed: an anonymous caller gets no work done.
  if (auth?.enforce) app.use(requireAccess(db));
  app.use(parseJsonBody, refuseUnstorableBody);
  app.use('/health', healthRouter(db));
  app.get(['/openapi.json', '/api/openapi.json'], (_req, res) => {
    res.json(openApi);
  });
  app.use('/api/tokens', tokensRouter(db));
  app.use('/api/audit-log', auditLogRouter(db));
  app.use('/metrics', metricsRouter(db));
  app.use('/api/centres', centresRouter(db));
  app.use('/fhir/r4', fhirRouter(db));
  // The coordinator's screen (src/web): the page at / and its bundle; it calls the API above.
  app.use(serveWebApp());
  app.use(notFoundHandler);
  app.use(errorHandler(logger));
  return app;
}
