// /api/centres/:centreId/days/:date/rounds[.csv|.html] and …/rounds/:staffId[.csv|.html]: the
// support workers' pre-visit rounds as JSON, CSV or a printable round sheet.
import { Router } from 'express';
import type { Knex } from 'knex';
import { longDate } from '../../exports/html-page.ts';
import { roundsCsv, roundsHtml } from '../../exports/rounds-exports.ts';
import { clientGone, param } from '../handle.ts';
import { roundsService } from '../services/rounds-service.ts';
import { asyncRoute, sendList, splitFormat, type ListFormat } from './transport-router.ts';

/** Mounted at /:centreId/days/:date (mergeParams). */
export function roundsRouter(db: Knex): Router {
  const router = Router({ mergeParams: true });
  const query = (req: { query: unknown }) => req.query as Record<string, unknown>;
  const day = (format: ListFormat) => asyncRoute(async (req, res) => {
    const view = await roundsService.forDay(db, param(req, 'centreId'), param(req, 'date'), query(req), clientGone(req));
    sendList(res, format, view, { csv: () => roundsCsv(view), html: () => roundsHtml(view, `Pre-visit rounds — ${longDate(view.date)}`) }, `rounds-${view.date}`);
  });
  router.get('/rounds', day('json'));
  router.get('/rounds.json', day('json'));
  router.get('/rounds.csv', day('csv'));
  router.get('/rounds.html', day('html'));
  router.get('/rounds/:file', asyncRoute(async (req, res) => {
    const { name: staffId, format } = splitFormat(param(req, 'file'));
    const view = await roundsService.forWorker(db, param(req, 'centreId'), param(req, 'date'), staffId, query(req), clientGone(req));
    const who = view.rounds[0]?.workerName ?? 'Support worker';
    sendList(res, format, view, { csv: () => roundsCsv(view), html: () => roundsHtml(view, `Pre-visit round — ${who} — ${longDate(view.date)}`) }, `rounds-${view.date}-${staffId}`);
  }));
  return router;
}
