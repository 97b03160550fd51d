// /api/centres/:centreId/referrals/:id/transitions — the referral's pathway status.
import { collectionPath, created } from '../created.ts';
import { Router } from 'express';
import type { Knex } from 'knex';
import { actorOf, handle, param } from '../handle.ts';
import { pathwayService } from '../services/pathway-service.ts';

/** Mounted at /:centreId/referrals/:id/transitions (mergeParams). */
export function pathwayRouter(db: Knex): Router {
  const router = Router({ mergeParams: true });
  router.get('/', handle(async (req) => ({ body: await pathwayService.get(db, param(req, 'centreId'), param(req, 'id')) })));
  // The move is recorded in the referral's pathway, which this route's GET shows.
  router.post('/', handle(async (req) => created(collectionPath(req), await pathwayService.transition(db, param(req, 'centreId'), param(req, 'id'), req.body, actorOf(req)))));
  return router;
}
