// Errors under /fhir/r4 are FHIR OperationOutcomes, on both databases: every 4xx and 5xx the
// FHIR API can give (no token, wrong role, unknown id, route or centre, a bad search
// parameter, a bad posted element, malformed JSON, the service shutting down) comes as
// application/fhir+json, validates against the official R4 JSON Schema, and carries
// severity, an issue-type code, diagnostics, and the field as a FHIRPath expression.
// The REST API under /api keeps its own { error } body.
import request from 'supertest';
import type { Express } from 'express';
import { beforeAll, expect, it } from 'vitest';
import { createApp } from '../../../src/app.ts';
import { createLogger } from '../../../src/logger.ts';
import { bearer, issueToken } from '../../helpers/auth-tokens.ts';
import { describeEachDatabase } from '../../helpers/describe-each-database.ts';
import { fhirSchemaErrors } from '../../helpers/fhir-schema.ts';
import { centreBody } from '../../helpers/fixtures.ts';
import { truncateAll } from '../../helpers/test-database.ts';
import { gpReferral } from './fhir-fixture.ts';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';
interface Issue { severity: string; code: string; diagnostics: string; expression?: string[] }

/** The reply's OperationOutcome issues, after checking it is one: media type, R4 schema, required parts. */
function outcomeOf(res: request.Response, status: number): Issue[] {
  expect(res.status, res.text.slice(0, 300)).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/fhir\+json/);
  expect(res.body.resourceType).toBe('OperationOutcome');
  expect(fhirSchemaErrors(res.body)).toEqual([]);
  const issues = res.body.issue as Issue[];
  expect(issues.length).toBeGreaterThan(0);
  for (const issue of issues) {
    expect(issue.severity).toBe(status >= 500 ? 'fatal' : 'error');
    expect(issue.diagnostics.length).toBeGreaterThan(0);
    expect(res.text).not.toMatch(/select |\bat \w+ \(|stack/i);
  }
  return issues;
}

describeEachDatabase('FHIR errors as OperationOutcome', (getDb) => {
  let app: Express;
  let centreId: string;
  let coordinator: string;
  let transport: string;
  const fhir = (path: string) => `/fhir/r4/${centreId}${path}`;

  beforeAll(async () => {
    await truncateAll(getDb());
    app = createApp({ db: getDb(), logger: createLogger('silent'), auth: { enforce: true } });
    const admin = await issueToken(getDb(), { role: 'admin' });
    centreId = (await request(app).post('/api/centres').set(bearer(admin)).send(centreBody('Outcome ICC')).expect(201)).body.id;
    coordinator = await issueToken(getDb(), { role: 'coordinator', centreId });
    transport = await issueToken(getDb(), { role: 'transport', centreId });
  });

  it('401 without a token (login) and 403 for a role the FHIR API does not serve (forbidden)', async () => {
    expect(outcomeOf(await request(app).get(fhir('/Patient')), 401).map((i) => i.code)).toEqual(['login']);
    expect(outcomeOf(await request(app).get(fhir('/Patient')).set(bearer(transport)), 403).map((i) => i.code)).toEqual(['forbidden']);
  });

  it('404 for an unknown id, resource type or centre (not-found)', async () => {
    const unknownId = outcomeOf(await request(app).get(fhir(`/Patient/${UNKNOWN}`)).set(bearer(coordinator)), 404);
    expect(unknownId).toMatchObject([{ code: 'not-found' }]);
    expect(unknownId[0]!.diagnostics).toContain(UNKNOWN);
    expect(outcomeOf(await request(app).get(fhir('/Nonsense')).set(bearer(coordinator)), 404)).toMatchObject([{ code: 'not-found' }]);
    const admin = await issueToken(getDb(), { role: 'admin' });
    expect(outcomeOf(await request(app).get(`/fhir/r4/${UNKNOWN}/metadata`).set(bearer(admin)), 404)).toMatchObject([{ code: 'not-found' }]);
  });

  it('400 for a bad search parameter: the parameter is the expression', async () => {
    const issues = outcomeOf(await request(app).get(fhir('/Patient?colour=red&_count=0')).set(bearer(coordinator)), 400);
    expect(issues.map((i) => i.code)).toEqual(['invalid', 'invalid']);
    expect(issues.flatMap((i) => i.expression).sort()).toEqual(['_count', 'colour']);
    expect(issues.find((i) => i.expression?.[0] === 'colour')!.diagnostics).toMatch(/^colour: /);
  });

  it('400 for a bad posted element: its FHIRPath in the resource is the expression', async () => {
    const post = (body: string) => request(app).post(fhir('/ServiceRequest')).set(bearer(coordinator)).set('Content-Type', 'application/fhir+json').send(body);
    const issues = outcomeOf(await post(JSON.stringify(gpReferral('OO-1', '9434765918'))), 400);
    expect(issues).toMatchObject([{ code: 'invalid', expression: ['ServiceRequest.contained[0].identifier[0].value'] }]);
    expect(issues[0]!.diagnostics).toMatch(/NHS number/);
    // Not JSON at all: a structure problem with the whole body.
    const malformed = outcomeOf(await post('{"resourceType": "ServiceRequest",'), 400);
    expect(malformed.map((i) => i.code)).toEqual(['structure']);
  });

  it('503 while the service shuts down (transient, fatal, Retry-After)', async () => {
    const stopping = new AbortController();
    stopping.abort();
    const closing = createApp({ db: getDb(), logger: createLogger('silent'), auth: { enforce: true }, shuttingDown: stopping.signal });
    const res = await request(closing).get(fhir('/Patient')).set(bearer(coordinator));
    expect(outcomeOf(res, 503).map((i) => i.code)).toEqual(['transient']);
    expect(res.headers['retry-after']).toBe('10');
  });

  it('the REST API under /api keeps its { error } body', async () => {
    const res = await request(app).get(`/api/centres/${centreId}/patients/${UNKNOWN}`).set(bearer(coordinator)).expect(404);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body.error.code).toBe('not_found');
  });
});
