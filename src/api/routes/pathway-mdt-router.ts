// /api/centres/:centreId/referrals/:id/mdt-outcome — the care plan agreed at the MDT.
import { collectionPath, created } from '../created.ts';
import { Router } from 'express';
import type { Knex } from 'knex';
import { actorOf, handle, param } from '../handle.ts';
import { followUpService } from '../services/follow-up-service.ts';

/** Mounted at /:centreId/referrals/:id/mdt-outcome (mergeParams). */
export function pathwayMdtRouter(db: Knex): Router {
  const router = Router({ mergeParams: true });
  router.get('/', handle(async (req) => ({ body: await followUpService.getMdtOutcome(db, param(req, 'centreId'), param(req, 'id')) })));
  // One outcome per referral: its address is this route's own.
  router.post('/', handle(async (req) => created(collectionPath(req), await followUpService.recordMdtOutcome(db, param(req, 'centreId'), param(req, 'id'), req.body, actorOf(req)))));
  return router;
}
