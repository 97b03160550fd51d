// /api/centres/:centreId/days/:date/timetable.html: the coordinator's printable day timetable
// (newest published plan, else the newest draft; the page says which).
import { Router } from 'express';
import type { Knex } from 'knex';
import { plans } from '../../db/repositories/plans.ts';
import { timetableHtml } from '../../exports/timetable-html.ts';
import { appError } from '../../errors/app-error.ts';
import type { DayPlan, DayProblem } from '../../../solver/index.ts';
import { param } from '../handle.ts';
import { requireCentre } from '../services/centre-scoped-service.ts';
import { planByPatient, planByStaff } from '../services/plan-views.ts';
import { asyncRoute } from './transport-router.ts';

/** Mounted at /:centreId/days/:date (mergeParams). */
export function timetableRouter(db: Knex): Router {
  const router = Router({ mergeParams: true });
  router.get('/timetable.html', asyncRoute(async (req, res) => {
    const centre = await requireCentre(db, param(req, 'centreId'));
    const date = param(req, 'date');
    const stored = (await plans.latestWithStatus(db, centre.id, date, 'published')) ?? (await plans.latest(db, centre.id, date));
    if (!stored) throw appError.notFound('plan for date', date);
    const { problem, plan } = stored.document as unknown as { problem: DayProblem; plan: DayPlan };
    res.type('text/html; charset=utf-8').send(timetableHtml({
      centreName: centre.name, date, version: stored.version, status: stored.status,
      staff: planByStaff(problem, plan), patients: planByPatient(problem, plan), mdt: plan.mdt,
    }));
  }));
  return router;
}
