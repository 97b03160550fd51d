// GET /metrics: Prometheus text for admin tokens (the access table keeps everyone else out).
// The planning queue is read from the database at each scrape, so every process reports the
// shared queue; latency is recorded per route pattern as each response finishes.
import { Router, type RequestHandler } from 'express';
import { routePattern, type PathTemplates } from '../input-check.ts';
import type { Knex } from 'knex';
import { planJobs as planJobsRepository } from '../../db/repositories/plan-jobs.ts';
import { httpRequestSeconds, metricsRegistry, planJobs } from '../../metrics.ts';

const jobStatuses = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;

export function metricsRouter(db: Knex): Router {
  const router = Router();
  router.get('/', async (_req, res, next) => {
    try {
      const counts = await planJobsRepository.countByStatus(db);
      for (const status of jobStatuses) planJobs.set({ status }, counts[status] ?? 0);
      res.type(metricsRegistry.contentType).send(await metricsRegistry.metrics());
    } catch (error) {
      next(error);
    }
  });
  return router;
}

/** Times every request by its documented route pattern (/api/centres/{centreId}/rooms/{id}), never its ids. */
export function timeRequests(templates: PathTemplates): RequestHandler {
  return (req, res, next) => {
    const end = httpRequestSeconds.startTimer();
    const route = routePattern(templates, req.path) ?? 'unmatched';
    res.once('finish', () => end({ method: req.method, route, status: String(res.statusCode) }));
    next();
  };
}
