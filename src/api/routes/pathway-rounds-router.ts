// /api/centres/:centreId/days/:date/pre-visit-rounds — the support workers' rounds as JSON.
import { Router } from 'express';
import type { Knex } from 'knex';
import { clientGone, handle, param } from '../handle.ts';
import { preVisitRoundsService } from '../services/pre-visit-rounds-service.ts';

/** Mounted at /:centreId/days/:date/pre-visit-rounds (mergeParams). */
export function pathwayRoundsRouter(db: Knex): Router {
  const router = Router({ mergeParams: true });
  router.get('/', handle(async (req) => ({
    body: await preVisitRoundsService.plan(db, param(req, 'centreId'), param(req, 'date'), req.query as Record<string, unknown>, clientGone(req)),
  })));
  return router;
}
