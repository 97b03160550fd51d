// GET /health: is the service up and can it reach its database?
import { Router } from 'express';
import type { Knex } from 'knex';
import { isEmbedded } from '../../db/create-database.ts';
import { appError } from '../../errors/app-error.ts';
import { handle } from '../handle.ts';
import type { Health } from '../responses/service-responses.ts';

export function healthRouter(db: Knex): Router {
  const router = Router();
  router.get('/', handle(async () => {
    const started = performance.now();
    try {
      await db.raw('select 1');
    } catch {
      throw appError.unavailable('The database is not reachable');
    }
    const body: Health = { status: 'ok', database: { engine: isEmbedded(db) ? 'pglite' : 'postgres', latencyMs: Math.round(performance.now() - started) } };
    return { body };
  }));
  return router;
}
