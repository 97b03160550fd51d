// /fhir/r4/:centreId/…: the FHIR R4 API of one centre (multi-tenant base URL). Replies are
// application/fhir+json; errors use the API's one error body.
import express, { Router, type Request } from 'express';
import type { Knex } from 'knex';
import { actorOf, handle, param, type Reply } from '../api/handle.ts';
import { JSON_BODY_LIMIT } from '../api/json-body.ts';
import { publicUrl } from '../api/public-url.ts';
import { centres } from '../db/repositories/centres.ts';
import { appError } from '../errors/app-error.ts';
import { capabilityStatement } from './capability-statement.ts';
import { fhirResourceTypes, fhirService } from './fhir-service.ts';
import { serviceRequestIntake } from './service-request-intake.ts';
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
  // A referral from a GP system: 201 with Location, or 200 with the referral filed before under the same identifier.
  router.post('/:centreId/ServiceRequest', express.json({ type: FHIR_JSON, limit: JSON_BODY_LIMIT }), handle(async (req) => {
    const centreId = param(req, 'centreId');
    const { referralId, created } = await serviceRequestIntake.file(db, centreId, req.body, actorOf(req));
    const resource = await fhirService.read(db, centreId, 'ServiceRequest', referralId);
    const location = `${fhirBase(req)}/ServiceRequest/${referralId}`;
    return fhirReply(resource, created ? 201 : 200, created ? { Location: location } : { 'Content-Location': location });
  }));
  for (const type of fhirResourceTypes) {
    router.get(`/:centreId/${type}`, handle(async (req) =>
      fhirReply(await fhirService.search(db, param(req, 'centreId'), type, { base: fhirBase(req), query: req.query as Record<string, unknown> }))));
    router.get(`/:centreId/${type}/:id`, handle(async (req) =>
      fhirReply(await fhirService.read(db, param(req, 'centreId'), type, param(req, 'id'), { full: req.query._full === 'true' }))));
  }
  return router;
}
