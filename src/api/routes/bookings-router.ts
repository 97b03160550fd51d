// /api/centres/:centreId/bookings — plan the booking horizon and confirm a plan.
import { Router } from 'express';
import type { Knex } from 'knex';
import { actorOf, clientGone, handle, param } from '../handle.ts';
import { bookingService } from '../services/booking-service.ts';

export function bookingsRouter(db: Knex): Router {
  const router = Router({ mergeParams: true });
  router.post('/plan', handle(async (req) => ({ body: await bookingService.plan(db, param(req, 'centreId'), req.body, clientGone(req)) })));
  router.post('/confirm', handle(async (req) => ({ body: await bookingService.confirm(db, param(req, 'centreId'), req.body, actorOf(req)) })));
  return router;
}
