// The FHIR routes in the OpenAPI document (their bodies are FHIR R4 JSON, described by the
// official FHIR R4 JSON Schema rather than repeated here).
import type { RouteDoc } from '../api/openapi/route-table.ts';
import { fhirResourceTypes, searchParams } from './fhir-service.ts';
import { FHIR_JSON } from './uk-core.ts';

const F = '/fhir/r4/:centreId';
const fhirJson = (resourceType: string, description: string) => ({
  type: 'object',
  required: ['resourceType'],
  properties: { resourceType: { const: resourceType } },
  description: `${description}: FHIR R4 JSON (https://hl7.org/fhir/R4/${resourceType.toLowerCase()}.html), UK Core profile`,
});

/** The body of every FHIR error reply (src/fhir/operation-outcome.ts); tests hold real ones to the official R4 schema. */
export const operationOutcomeSchema = {
  type: 'object',
  required: ['resourceType', 'issue'],
  description: 'FHIR R4 OperationOutcome (https://hl7.org/fhir/R4/operationoutcome.html): one issue per problem',
  properties: {
    resourceType: { const: 'OperationOutcome' },
    issue: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['severity', 'code', 'diagnostics'],
        properties: {
          severity: { enum: ['fatal', 'error'], description: 'fatal for a 5xx, error for a 4xx' },
          code: { type: 'string', description: 'An issue type (http://hl7.org/fhir/issue-type): invalid, structure, not-found, conflict, too-long, login, forbidden, exception, transient, …' },
          diagnostics: { type: 'string', description: "The service's own words: the field and what is wrong with it" },
          expression: { type: 'array', items: { type: 'string' }, description: 'The field as FHIRPath: ServiceRequest.contained[0].identifier[0].value in a posted resource; a search parameter by its name' },
        },
      },
    },
  },
};

export const fhirRouteDocs: RouteDoc[] = [
  {
    method: 'get', path: `${F}/metadata`, summary: "The FHIR server's CapabilityStatement", tag: 'fhir',
    ok: { status: 200, description: 'CapabilityStatement', contentType: FHIR_JSON, schema: fhirJson('CapabilityStatement', 'What this FHIR server supports') },
  },
  {
    method: 'post', path: `${F}/ServiceRequest`, tag: 'fhir',
    summary: 'File a referral (a ServiceRequest with its Patient contained, or referenced by id or NHS number); idempotent by identifier: a repeat is 200 with the referral filed first',
    body: fhirJson('ServiceRequest', 'The referral'), bodyTypes: [FHIR_JSON, 'application/json'],
    ok: { status: 201, description: 'Filed', contentType: FHIR_JSON, schema: fhirJson('ServiceRequest', 'The referral as filed'), headers: { Location: 'The new ServiceRequest' } },
    alsoOk: { status: 200, description: 'Filed before under one of these identifiers: that referral, unchanged', headers: { 'Content-Location': 'The ServiceRequest filed first' } },
  },
  ...fhirResourceTypes.flatMap((type): RouteDoc[] => [
    {
      method: 'get', path: `${F}/${type}`, summary: `Search ${type} (a searchset Bundle; _count and _offset page it, link "next")`, tag: 'fhir',
      query: [...Object.keys(searchParams[type]), '_count', '_offset'],
      ok: { status: 200, description: 'A searchset Bundle', contentType: FHIR_JSON, schema: fhirJson('Bundle', `A searchset Bundle of ${type}`) },
    },
    {
      method: 'get', path: `${F}/${type}/:id`, summary: `Read a ${type}`, tag: 'fhir', ...(type === 'Patient' ? { query: ['_full'] } : {}),
      ok: { status: 200, description: type, contentType: FHIR_JSON, schema: fhirJson(type, type) },
    },
  ]),
];
