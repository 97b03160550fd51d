// /api/centres/:centreId/days/:date/transport[.csv|.html] and …/transport/vehicles/:vehicleId[.csv|.html]:
// the day's pickup and drop-off lists as JSON, CSV (RFC 4180) or a printable run sheet.
import { Router, type NextFunction, type Request, type Response } from 'express';
import type { Knex } from 'knex';
import { longDate } from '../../exports/html-page.ts';
import { transportCsv, transportHtml } from '../../exports/transport-exports.ts';
import { param } from '../handle.ts';
import { transportService, type TransportView } from '../services/transport-service.ts';

export type ListFormat = 'json' | 'csv' | 'html';

/** "abc.csv" → { name: 'abc', format: 'csv' }; no known extension → JSON. */
export function splitFormat(file: string): { name: string; format: ListFormat } {
  const match = /^(.*)\.(csv|html|json)$/.exec(file);
  return match ? { name: match[1]!, format: match[2] as ListFormat } : { name: file, format: 'json' };
}

/** Sends a list in the asked format; CSV as a download named after the list. */
export function sendList(res: Response, format: ListFormat, json: unknown, render: { csv: () => string; html: () => string }, fileName: string): void {
  if (format === 'csv') {
    res.type('text/csv; charset=utf-8').set('Content-Disposition', `attachment; filename="${fileName}.csv"`).send(render.csv());
  } else if (format === 'html') {
    res.type('text/html; charset=utf-8').send(render.html());
  } else {
    res.json(json);
  }
}

/** Wraps an async handler so errors reach the one error handler. */
export const asyncRoute = (work: (req: Request, res: Response) => Promise<void>) => (req: Request, res: Response, next: NextFunction) => {
  work(req, res).catch(next);
};

/** The JSON body: the lists without the solver's raw problem and plan. */
const jsonOf = ({ problem: _problem, plan: _plan, ...rest }: TransportView) => rest;

/** Mounted at /:centreId/days/:date (mergeParams). */
export function transportRouter(db: Knex): Router {
  const router = Router({ mergeParams: true });
  const day = (format: ListFormat) => asyncRoute(async (req, res) => {
    const view = await transportService.forDay(db, param(req, 'centreId'), param(req, 'date'));
    sendList(res, format, jsonOf(view), { csv: () => transportCsv(view), html: () => transportHtml(view, `Run sheets — ${longDate(view.date)}`) }, `transport-${view.date}`);
  });
  router.get('/transport', day('json'));
  router.get('/transport.json', day('json'));
  router.get('/transport.csv', day('csv'));
  router.get('/transport.html', day('html'));
  router.get('/transport/vehicles/:file', asyncRoute(async (req, res) => {
    const { name: vehicleId, format } = splitFormat(param(req, 'file'));
    const view = await transportService.forVehicle(db, param(req, 'centreId'), param(req, 'date'), vehicleId);
    const vehicleName = view.runs[0]?.vehicleName ?? 'Vehicle';
    sendList(res, format, jsonOf(view), {
      csv: () => transportCsv(view),
      html: () => transportHtml(view, `Run sheet — ${vehicleName} — ${longDate(view.date)}`),
    }, `transport-${view.date}-${vehicleId}`);
  }));
  return router;
}
