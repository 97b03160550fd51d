// /api/centres/:centreId/days/:date/plan — read the day's plan (whole, or by patient, staff
// member or room) and adjust it. Every plan reply carries the version as its ETag; edits
// must send it back in If-Match.
import { Router, type Request } from 'express';
import type { Knex } from 'knex';
import { actorOf, handle, param, type Reply } from '../handle.ts';
import { planService, planView } from '../../solving/plans/plan-service.ts';
import type { Plan } from '../../domain/plan.ts';

const etag = (plan: Plan) => `"${plan.version}"`;

function planReply(stored: Plan, status = 200): Reply {
  return { status, body: planView(stored), headers: { ETag: etag(stored) } };
}

export function daysRouter(db: Knex): Router {
  const router = Router({ mergeParams: true });
  const at = (req: Request) => [db, param(req, 'centreId'), param(req, 'date')] as const;
  const ifMatch = (req: Request) => req.get('if-match');
  const query = (req: Request) => req.query as Record<string, unknown>;

  router.get('/:date/plan', handle(async (req) => planReply(await planService.get(...at(req), query(req)))));
  for (const name of ['by-patient', 'by-staff', 'by-room'] as const) {
    router.get(`/:date/plan/${name}`, handle(async (req) => {
      const { stored, body } = await planService.view(...at(req), name, query(req));
      return { body, headers: { ETag: etag(stored) } };
    }));
  }
  router.post('/:date/plan/pins', handle(async (req) => planReply(await planService.pin(...at(req), ifMatch(req), req.body, actorOf(req)))));
  router.delete('/:date/plan/pins/:activityId', handle(async (req) => planReply(await planService.unpin(...at(req), ifMatch(req), param(req, 'activityId'), actorOf(req)))));
  router.post('/:date/plan/moves', handle(async (req) => planReply(await planService.move(...at(req), ifMatch(req), req.body, actorOf(req)))));
  router.post('/:date/plan/replan', handle(async (req) => planReply(await planService.replan(...at(req), ifMatch(req), req.body, actorOf(req)))));
  router.post('/:date/plan/publish', handle(async (req) => planReply(await planService.publish(...at(req), ifMatch(req), actorOf(req)))));
  return router;
}
