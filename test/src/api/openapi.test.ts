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

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });
});
