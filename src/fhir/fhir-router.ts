// /fhir/r4/:centreId/…: the FHIR R4 API of one centre (multi-tenant base URL). Replies are
// application/fhir+json; errors use the API's one error body.
import { Router, type Request } from 'express';
import type { Knex } from 'knex';
import { handle, param, type Reply } from '../api/handle.ts';
import { publicUrl } from '../api/public-url.ts';
import { centres } from '../db/repositories/centres.ts';
import { appError } from '../errors/app-error.ts';
import { capabilityStatement } from './capability-statement.ts';
import { fhirResourceTypes, fhirService } from './fhir-service.ts';
import { FHIR_JSON } from './uk-core.ts';

/** This centre's FHIR base URL as a client outside should use it (PUBLIC_BASE_URL, else the request), e.g. https://host/fhir/r4/<centreId>. */
export const fhirBase = (req: Request) => publicUrl(req, `${req.baseUrl}/${param(req, 'centreId')}`);

export const fhirReply = (body: unknown, status = 200, headers: Record<string, string> = {}): Reply => ({ status, body, headers: { 'Content-Type': FHIR_JSON, ...headers } });

export function fhirRouter(db: Knex): Router {
  const router = Router();
  router.get('/:centreId/metadata', handle(async (req) => {
    const centre = await centres.findById(db, param(req, 'centreId'));
    if (!centre) throw appError.notFound('centre', param(req, 'centreId'));
    return fhirReply(capabilityStatement(fhirBase(req), centre.name));
  }));
  for (const type of fhirResourceTypes) {
    router.get(`/:centreId/${type}`, handle(async (req) =>
      fhirReply(await fhirService.search(db, param(req, 'centreId'), type, { base: fhirBase(req), query: req.query as Record<string, unknown> }))));
    router.get(`/:centreId/${type}/:id`, handle(async (req) =>
      fhirReply(await fhirService.read(db, param(req, 'centreId'), type, param(req, 'id'), { full: req.query._full === 'true' }))));
  }
  return router;
}
