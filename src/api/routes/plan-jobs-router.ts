// /api/centres/:centreId/plan-jobs — plan a day as a job, poll it, cancel it.
import { Router } from 'express';
import type { Knex } from 'knex';
import { handle, param } from '../handle.ts';
import { planJobService } from '../../solving/jobs/plan-job-service.ts';
import { ifMatchPrecondition } from '../record-etag.ts';
import { withEtag } from './resource-router.ts';

export function planJobsRouter(db: Knex): Router {
  const router = Router({ mergeParams: true });
  const selfUrl = (centreId: string, id: string) => `/api/centres/${centreId}/plan-jobs/${id}`;
  router.post('/', handle(async (req) => {
    const centreId = param(req, 'centreId');
    const job = await planJobService.create(db, centreId, req.body);
    return { status: 202, body: job, headers: { Location: selfUrl(centreId, job.id) } };
  }));
  router.get('/:id', handle(async (req) => withEtag(await planJobService.get(db, param(req, 'centreId'), param(req, 'id')))));
  const cancel = handle(async (req) => withEtag(await planJobService.cancel(db, param(req, 'centreId'), param(req, 'id'), ifMatchPrecondition(req))));
  router.post('/:id/cancel', cancel);
  router.delete('/:id', cancel);
  return router;
}
