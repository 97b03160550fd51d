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
import { planByPatient, planByRoom, planByStaff } from '../services/plan-views.ts';
import { patients } from '../../db/repositories/patients.ts';
import { preVisits } from '../../db/repositories/pre-visits.ts';
import { referrals } from '../../db/repositories/referrals.ts';
import { asyncRoute } from './transport-router.ts';

/** Each patient's recorded dietary needs: their record and their pre-visit outcomes, without repeats. */
async function dietaryNeedsOf(db: Knex, centreId: string, patientIds: readonly string[]): Promise<Map<string, string[]>> {
  const wanted = new Set(patientIds);
  const needs = new Map<string, Set<string>>(patientIds.map((id) => [id, new Set<string>()]));
  for (const p of await patients.list(db, centreId)) if (wanted.has(p.id)) for (const d of p.dietaryNeeds) needs.get(p.id)!.add(d);
  const theirReferrals = (await referrals.list(db, centreId)).filter((r) => wanted.has(r.patientId));
  const patientOf = new Map(theirReferrals.map((r) => [r.id, r.patientId]));
  for (const visit of await preVisits.listByReferrals(db, theirReferrals.map((r) => r.id))) {
    for (const d of visit.dietaryNeeds) needs.get(patientOf.get(visit.referralId)!)?.add(d);
  }
  return new Map([...needs].map(([id, set]) => [id, [...set]]));
}

/** Mounted at /:centreId/days/:date (mergeParams). */
export function timetableRouter(db: Knex): Router {
  const router = Router({ mergeParams: true });
  router.get('/timetable.html', asyncRoute(async (req, res) => {
    const centre = await requireCentre(db, param(req, 'centreId'));
    const date = param(req, 'date');
    const stored = (await plans.latestWithStatus(db, centre.id, date, 'published')) ?? (await plans.latest(db, centre.id, date));
    if (!stored) throw appError.notFound('plan for date', date);
    const { problem, plan } = stored.document as unknown as { problem: DayProblem; plan: DayPlan };
    const dietaryNeeds = await dietaryNeedsOf(db, centre.id, problem.patients.map((p) => p.id));
    res.type('text/html; charset=utf-8').send(timetableHtml({
      centreName: centre.name, date, version: stored.version, status: stored.status,
      staff: planByStaff(problem, plan), rooms: planByRoom(problem, plan), patients: planByPatient(problem, plan), mdt: plan.mdt,
      openMin: problem.centre.openMin, closeMin: problem.centre.closeMin,
      dietaryNeeds,
    }));
  }));
  return router;
}
