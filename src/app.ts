// The Express application: routes over a database handle, no listening (see main.ts).
import express, { type Express } from 'express';
import type { Knex } from 'knex';
import { centresRouter } from './api/routes/centres-router.ts';
import { healthRouter } from './api/routes/health-router.ts';
import { feedsRouter } from './api/routes/feeds-router.ts';
import { errorHandler, notFoundHandler } from './api/error-handler.ts';
import { openApiDocument } from './api/openapi.ts';
import { logger as defaultLogger, type Logger } from './logger.ts';

export interface AppOptions {
  db: Knex;
  logger?: Logger;
}

export function createApp({ db, logger = defaultLogger }: AppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(express.json({ limit: '5mb' }));
  app.use('/health', healthRouter(db));
  const openApi = openApiDocument();
  app.get('/api/openapi.json', (_req, res) => {
    res.json(openApi);
  });
  app.use('/api/centres', centresRouter(db));
  app.use('/feeds', feedsRouter(db));
  app.use(notFoundHandler);
  app.use(errorHandler(logger));
  return app;
}
