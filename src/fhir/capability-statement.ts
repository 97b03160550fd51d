// GET /fhir/r4/:centreId/metadata: what this FHIR server does, generated from the same table
// of search parameters the searches parse.
import { FHIR_JSON, FHIR_VERSION, ukCoreProfile } from './uk-core.ts';
import { fhirResourceTypes, searchParams } from './fhir-service.ts';
import type { FhirResource } from './resources/fhir-resource.ts';

const paramTypes: Record<string, string> = {
  identifier: 'token', name: 'string', 'address-postalcode': 'string', birthdate: 'date', actor: 'reference', schedule: 'reference',
  start: 'date', status: 'token', date: 'date', patient: 'reference', practitioner: 'reference', location: 'reference', authored: 'date',
  _full: 'token',
};

export function capabilityStatement(base: string, centreName: string): FhirResource {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: '2026-12-06',
    publisher: 'ICC scheduler',
    kind: 'instance',
    software: { name: 'ICC scheduler', version: '0.1.0' },
    implementation: { description: `FHIR R4 API of ${centreName} (UK Core profiles)`, url: base },
    fhirVersion: FHIR_VERSION,
    format: [FHIR_JSON, 'json'],
    rest: [{
      mode: 'server',
      documentation: 'Send an API token as Authorization: Bearer <token>. Searches page with _count (1-500, default 50) and _offset; the next page is the Bundle link "next". Reads of patient data are audited.',
      security: { cors: false, description: 'Bearer API tokens (coordinator of this centre, or admin)' },
      resource: fhirResourceTypes.map((type) => ({
        type,
        profile: ukCoreProfile(type),
        interaction: [{ code: 'read' }, { code: 'search-type' }, ...(type === 'ServiceRequest' ? [{ code: 'create' }] : [])],
        ...(type === 'ServiceRequest' ? { conditionalCreate: true } : {}),
        searchParam: Object.keys(searchParams[type]).map((name) => ({ name, type: paramTypes[name] ?? 'string' })),
      })),
    }],
  };
}
