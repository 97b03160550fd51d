// /api/centres and everything a centre owns beneath it.
import { collectionPath, created, createdInCollection } from '../created.ts';
import express, { Router, type RequestHandler } from 'express';
import { JSON_BODY_LIMIT } from '../json-body.ts';
import { referralImport } from '../services/referral-import.ts';
import { webhooksRouter } from '../../webhooks/webhooks-router.ts';
import { z } from 'zod';
import { localDateSchema } from '../../domain/primitives.ts';
import { parseOrThrow } from '../../errors/from-zod-error.ts';
import type { Knex } from 'knex';
import { actorOf, handle, param } from '../handle.ts';
import { centreService } from '../services/centre-service.ts';
import { referralService } from '../services/referral-service.ts';
import {
  assessmentTypeService, careHomeService, outreachDayService, patientService, precedenceRuleService, roomService, shiftService, staffService, vehicleService,
} from '../services/resource-services.ts';
import { resourceRouter, withEtag } from './resource-router.ts';
import { ifMatchPrecondition } from '../record-etag.ts';
import { pagedList } from '../pagination.ts';
import { planJobsRouter } from './plan-jobs-router.ts';
import { daysRouter } from './days-router.ts';
import { pathwayRouter } from './pathway-router.ts';
import { bookingsRouter } from './bookings-router.ts';
import { pathwayRoundsRouter } from './pathway-rounds-router.ts';
import { pathwayMdtRouter } from './pathway-mdt-router.ts';
import { followUpsRouter } from './follow-ups-router.ts';
import { feedTokensRouter } from './feed-tokens-router.ts';
import { transportRouter } from './transport-router.ts';
import { roundsRouter } from './rounds-router.ts';
import { timetableRouter } from './timetable-router.ts';
import { patientLetterRouter } from './patient-letter-router.ts';
import { outreachBookingsRouter, outreachPlanRouter } from './outreach-router.ts';

/** A real calendar date "YYYY-MM-DD" (2026-02-30 and -2026-01-01 are not), else 400 naming `date`. */
const requirePathDate: RequestHandler = (req, _res, next) => {
  parseOrThrow(z.strictObject({ date: localDateSchema }), { date: param(req, 'date') }, 'date in the path');
  next();
};

export function centresRouter(db: Knex): Router {
  const router = Router();
  router.get('/', pagedList((_req, page, filters) => centreService.page(db, filters, page)));
  router.post('/', handle(async (req) => createdInCollection(req, await centreService.create(db, req.body, actorOf(req)))));
  router.get('/:centreId', handle(async (req) => withEtag(await centreService.get(db, param(req, 'centreId')))));
  router.patch('/:centreId', handle(async (req) => withEtag(await centreService.update(db, param(req, 'centreId'), req.body, actorOf(req), ifMatchPrecondition(req)))));
  router.delete('/:centreId', handle(async (req) => {
    await centreService.remove(db, param(req, 'centreId'), actorOf(req), ifMatchPrecondition(req));
    return { status: 204 };
  }));

  router.use('/:centreId/staff', resourceRouter(db, staffService));
  router.use('/:centreId/shifts', resourceRouter(db, shiftService));
  router.use('/:centreId/rooms', resourceRouter(db, roomService));
  router.use('/:centreId/assessment-types', resourceRouter(db, assessmentTypeService));
  router.use('/:centreId/precedence-rules', resourceRouter(db, precedenceRuleService));
  router.use('/:centreId/patients', resourceRouter(db, patientService));
  router.use('/:centreId/vehicles', resourceRouter(db, vehicleService));
  router.use('/:centreId/care-homes', resourceRouter(db, careHomeService));
  router.use('/:centreId/outreach-days', resourceRouter(db, outreachDayService));

  const referrals = Router({ mergeParams: true });
  const ids = (req: Parameters<typeof param>[0]) => [param(req, 'centreId'), param(req, 'id')] as const;
  referrals.get('/', pagedList((req, page, filters) => referralService.page(db, param(req, 'centreId'), filters, page)));
  referrals.post('/', handle(async (req) => createdInCollection(req, await referralService.create(db, param(req, 'centreId'), req.body, actorOf(req)))));
  // A spreadsheet of referrals with their patients, all or nothing (src/api/services/referral-import.ts).
  referrals.post('/import', express.text({ type: ['text/csv', 'text/plain'], limit: JSON_BODY_LIMIT }), handle(async (req) =>
    created(collectionPath(req), await referralImport.import(db, param(req, 'centreId'), req.body, actorOf(req)))));
  referrals.get('/:id', handle(async (req) => withEtag(await referralService.get(db, ...ids(req)))));
  referrals.patch('/:id', handle(async (req) => withEtag(await referralService.update(db, ...ids(req), req.body, actorOf(req), ifMatchPrecondition(req)))));
  referrals.delete('/:id', handle(async (req) => {
    await referralService.remove(db, ...ids(req), actorOf(req), ifMatchPrecondition(req));
    return { status: 204 };
  }));
  referrals.get('/:id/pre-visit', handle(async (req) => withEtag(await referralService.getPreVisit(db, ...ids(req)))));
  referrals.put('/:id/pre-visit', handle(async (req) => withEtag(await referralService.savePreVisit(db, ...ids(req), req.body, actorOf(req), ifMatchPrecondition(req)))));
  referrals.use('/:id/transitions', pathwayRouter(db));
  referrals.use('/:id/mdt-outcome', pathwayMdtRouter(db));
  router.use('/:centreId/referrals', referrals);
  // Every date in a path is checked here once, before any route under it reads it.
  router.use('/:centreId/days/:date', requirePathDate);
  router.use('/:centreId/bookings', bookingsRouter(db));
  router.use('/:centreId/days/:date/pre-visit-rounds', pathwayRoundsRouter(db));
  router.use('/:centreId/follow-ups', followUpsRouter(db));
  router.use('/:centreId/plan-jobs', planJobsRouter(db));
  router.use('/:centreId/feed-tokens', feedTokensRouter(db));
  router.use('/:centreId/webhooks', webhooksRouter(db));
  router.use('/:centreId/days/:date', transportRouter(db), roundsRouter(db), timetableRouter(db), patientLetterRouter(db));
  router.use('/:centreId/outreach-bookings', outreachBookingsRouter(db));
  router.use('/:centreId/days', outreachPlanRouter(db));
  router.use('/:centreId/days', daysRouter(db));
  return router;
}
