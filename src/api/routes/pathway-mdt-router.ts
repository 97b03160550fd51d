// /api/centres/:centreId/referrals/:id/mdt-outcome — the care plan agreed at the MDT.
import { Router } from 'express';
import type { Knex } from 'knex';
import { actorOf, handle, param } from '../handle.ts';
import { followUpService } from '../services/follow-up-service.ts';

/** Mounted at /:centreId/referrals/:id/mdt-outcome (mergeParams). */
export function pathwayMdtRouter(db: Knex): Router {
  const router = Router({ mergeParams: true });
  router.get('/', handle(async (req) => ({ body: await followUpService.getMdtOutcome(db, param(req, 'centreId'), param(req, 'id')) })));
  router.post('/', handle(async (req) => ({
    status: 201,
    body: await followUpService.recordMdtOutcome(db, param(req, 'centreId'), param(req, 'id'), req.body, actorOf(req)),
  })));
  return router;
}
