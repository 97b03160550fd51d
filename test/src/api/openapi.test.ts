import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../../src/api/openapi/openapi-document.ts';

type Doc = { paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, { properties?: Record<string, { description?: string }>; required?: string[] }> } };

describe('openApiDocument', () => {
  const doc = openApiDocument() as unknown as Doc;

  it('documents every resource of the API', () => {
    for (const resource of ['staff', 'shifts', 'rooms', 'assessment-types', 'precedence-rules', 'patients', 'referrals', 'vehicles']) {
      expect(Object.keys(doc.paths)).toContain(`/api/centres/{centreId}/${resource}`);
      expect(Object.keys(doc.paths[`/api/centres/{centreId}/${resource}/{id}`]!)).toEqual(expect.arrayContaining(['get', 'patch', 'delete']));
    }
    expect(doc.paths['/api/centres/{centreId}/referrals/{id}/pre-visit']).toHaveProperty('put');
  });

  it('request schemas come from the validating zod schemas (required fields, descriptions)', () => {
    const patient = doc.components.schemas.PatientCreate!;
    expect(patient.required).toEqual(expect.arrayContaining(['nhsNumber', 'postcode', 'efiCategory', 'localRef']));
    expect(patient.required).not.toContain('mobility'); // has a default
    expect(patient.properties?.nhsNumber?.description).toMatch(/modulus-11/);
    // Update schemas require nothing: any subset of fields may be patched.
    expect(doc.components.schemas.PatientUpdate!.required ?? []).toEqual([]);
  });

  it('documents the token endpoints with the create schema from zod and the bearer scheme', () => {
    expect(Object.keys(doc.paths['/api/tokens']!)).toEqual(expect.arrayContaining(['get', 'post']));
    expect(doc.paths['/api/tokens/{id}']).toHaveProperty('delete');
    const create = doc.components.schemas.ApiTokenCreate!;
    expect(create.required).toEqual(expect.arrayContaining(['name', 'role']));
    expect(create.properties?.staffId?.description).toMatch(/clinician/);
    expect((doc as unknown as { components: { securitySchemes: object } }).components.securitySchemes).toHaveProperty('bearerAuth');
  });

  it('request bodies of the non-CRUD routes come from the schemas that validate them', () => {
    const job = doc.components.schemas.PlanJobRequest as { required?: string[]; properties: Record<string, { maximum?: number }> };
    expect(job.required).toEqual(['date']);
    expect(job.properties.timeLimitSec?.maximum).toBe(120);
    const replan = doc.paths['/api/centres/{centreId}/days/{date}/plan/replan']!.post as { requestBody: { content: Record<string, { schema: unknown }> } };
    expect(replan.requestBody.content['application/json']!.schema).toEqual({ $ref: '#/components/schemas/ReplanRequest' });
  });

  it('documents each error status with its own codes and details, and the success replies with their fields', () => {
    const error = (name: string) => (doc.components.schemas[name] as { properties: { error: { properties: { code: unknown; details: unknown } } } }).properties.error.properties;
    expect(error('NotFound').code).toEqual({ type: 'string', const: 'not_found' });
    expect(error('PreconditionFailed').details).toMatchObject({ anyOf: [
      { required: ['currentVersion'], additionalProperties: false },
      { required: ['currentEtag'], additionalProperties: false },
    ] });
    const job = doc.components.schemas.PlanJob as { required?: string[]; additionalProperties?: boolean };
    expect(job.required).toEqual(expect.arrayContaining(['status', 'progress', 'planUrl', 'error']));
    expect(job.additionalProperties).toBe(false);
    const errors = Object.keys((doc.paths['/api/centres/{centreId}/days/{date}/plan/pins']!.post as { responses: object }).responses);
    expect(errors).toEqual(expect.arrayContaining(['200', '400', '401', '403', '404', '409', '412', '413', '422', '428']));
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });
});
