// Care-home outreach: /api/centres/:centreId/days/:date/outreach-plan (plan, read, pin, unpin, move, replan,
// publish — versioned like the ICC day's plan, ETag = version, If-Match on edits), its
// printable round, and /api/centres/:centreId/outreach-bookings (propose and confirm).
import { collectionPath, created } from '../created.ts';
import { Router, type Request } from 'express';
import type { Knex } from 'knex';
import { actorOf, clientGone, handle, param, type Reply } from '../handle.ts';
import { outreachPlanService, outreachPlanView, type OutreachPlanDocument } from '../../solving/plans/outreach-plan-service.ts';
import { outreachBookingService } from '../services/outreach-booking-service.ts';
import type { Plan } from '../../domain/plan.ts';
import { outreachRoundHtml } from '../../exports/outreach-round-html.ts';
import { asyncRoute } from './transport-router.ts';

const etag = (plan: Plan) => `"${plan.version}"`;
const reply = (stored: Plan, status = 200): Reply => ({ status, body: outreachPlanView(stored), headers: { ETag: etag(stored) } });

/** Mounted at /:centreId/days (mergeParams). */
export function outreachPlanRouter(db: Knex): Router {
  const router = Router({ mergeParams: true });
  const at = (req: Request) => [db, param(req, 'centreId'), param(req, 'date')] as const;
  const ifMatch = (req: Request) => req.get('if-match');
  router.post('/:date/outreach-plan', handle(async (req) => {
    const stored = await outreachPlanService.create(...at(req), req.body, actorOf(req), clientGone(req));
    const { body, headers } = reply(stored);
    return created(`${collectionPath(req)}/${stored.date}/outreach-plan?version=${stored.version}`, body, headers);
  }));
  router.get('/:date/outreach-plan', handle(async (req) => reply(await outreachPlanService.get(...at(req), req.query as Record<string, unknown>))));
  router.post('/:date/outreach-plan/pins', handle(async (req) => reply(await outreachPlanService.pin(...at(req), ifMatch(req), req.body, actorOf(req)))));
  router.delete('/:date/outreach-plan/pins/:visitId', handle(async (req) => reply(await outreachPlanService.unpin(...at(req), ifMatch(req), param(req, 'visitId'), actorOf(req)))));
  router.post('/:date/outreach-plan/moves', handle(async (req) => reply(await outreachPlanService.move(...at(req), ifMatch(req), req.body, actorOf(req)))));
  router.post('/:date/outreach-plan/replan', handle(async (req) => reply(await outreachPlanService.replan(...at(req), ifMatch(req), req.body, actorOf(req), clientGone(req)))));
  router.post('/:date/outreach-plan/publish', handle(async (req) => reply(await outreachPlanService.publish(...at(req), ifMatch(req), actorOf(req)))));
  // The printable round: the newest published plan, else the newest draft (the page says which); ?staffId= one member.
  router.get('/:date/outreach-round.html', asyncRoute(async (req, res) => {
    const [, centreId, date] = at(req);
    const stored = await outreachPlanService.get(db, centreId, date, { status: 'published' }).catch(() => outreachPlanService.get(db, centreId, date));
    const doc = stored.document as unknown as OutreachPlanDocument;
    const staffId = typeof req.query.staffId === 'string' ? req.query.staffId : undefined;
    res.type('text/html').send(outreachRoundHtml({ date: stored.date, version: stored.version, status: stored.status, problem: doc.problem, plan: doc.plan, ...(staffId ? { staffId } : {}) }));
  }));
  return router;
}

export function outreachBookingsRouter(db: Knex): Router {
  const router = Router({ mergeParams: true });
  router.post('/plan', handle(async (req) => ({ body: await outreachBookingService.plan(db, param(req, 'centreId'), req.body) })));
  router.post('/confirm', handle(async (req) => ({ body: await outreachBookingService.confirm(db, param(req, 'centreId'), req.body, actorOf(req)) })));
  return router;
}
