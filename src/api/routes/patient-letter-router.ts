// /api/centres/:centreId/days/:date/patients/:patientId/letter.html|.txt: the patient's letter
// for the published day (large print) and the same news as an SMS text (≤ 612 characters).
import { Router } from 'express';
import type { Knex } from 'knex';
import { patientLetterHtml, patientLetterText } from '../../exports/patient-letter.ts';
import { param } from '../handle.ts';
import { patientLetterService } from '../services/patient-letter-service.ts';
import { asyncRoute } from './transport-router.ts';

/** Mounted at /:centreId/days/:date (mergeParams). */
export function patientLetterRouter(db: Knex): Router {
  const router = Router({ mergeParams: true });
  const letter = (req: Parameters<Parameters<typeof asyncRoute>[0]>[0]) =>
    patientLetterService.forPatient(db, param(req, 'centreId'), param(req, 'date'), param(req, 'patientId'));
  // The letter is built before the reply's type is set: an error must still go out as JSON.
  router.get('/patients/:patientId/letter.html', asyncRoute(async (req, res) => {
    const page = patientLetterHtml(await letter(req));
    res.type('text/html; charset=utf-8').send(page);
  }));
  router.get('/patients/:patientId/letter.txt', asyncRoute(async (req, res) => {
    const text = patientLetterText(await letter(req));
    res.type('text/plain; charset=utf-8').send(text);
  }));
  return router;
}
