// The OpenAPI document against the running app: every route the Express router stack serves
// is documented (and nothing documented is missing from the app), and real responses, made
// through supertest on both databases, match the documented response schemas (ajv, draft 2020-12).
import request from 'supertest';
import type { Express } from 'express';
import type { Knex } from 'knex';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/app.ts';
import { listRoutes } from '../../../src/api/openapi/list-routes.ts';
import { openApiDocument, openApiPath } from '../../../src/api/openapi/openapi-document.ts';
import { createLogger } from '../../../src/logger.ts';
import { bearer, issueToken } from '../../helpers/auth-tokens.ts';
import { describeEachDatabase } from '../../helpers/describe-each-database.ts';
import { centreBody, patientBody, staffBody } from '../../helpers/fixtures.ts';
import { truncateAll } from '../../helpers/test-database.ts';

type Operation = { security?: unknown[]; responses: Record<string, { content?: Record<string, { schema: object }> }> };
type Doc = { paths: Record<string, Record<string, Operation>>; components: { schemas: object; securitySchemes: Record<string, unknown> }; security: unknown[] };

const doc = openApiDocument() as unknown as Doc;

describe('OpenAPI completeness', () => {
  const routes = listRoutes(createApp({ db: {} as Knex, auth: { enforce: true } }));

  it('documents every route of the app', () => {
    expect(routes.length).toBeGreaterThan(50);
    const missing = routes.filter((r) => !doc.paths[openApiPath(r.path)]?.[r.method.toLowerCase()]).map((r) => `${r.method} ${r.path}`);
    expect(missing).toEqual([]);
  });

  it('documents no route the app does not serve', () => {
    const served = new Set(routes.map((r) => `${r.method.toLowerCase()} ${openApiPath(r.path)}`));
    const extra = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`)).filter((op) => !served.has(op));
    expect(extra).toEqual([]);
  });

  it('declares the bearer scheme, and only health, the document and feeds as public', () => {
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.security).toEqual([{ bearerAuth: [] }]);
    const open = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).filter(([, op]) => op.security?.length === 0).map(([m]) => `${m} ${path}`));
    expect(open.sort()).toEqual(['get /api/openapi.json', 'get /feeds/{file}', 'get /health', 'get /openapi.json']);
  });
});

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);

/** Fails unless the response's status is documented for the operation and its JSON body matches the schema. */
function expectDocumented(method: string, expressPath: string, res: request.Response): void {
  const operation = doc.paths[openApiPath(expressPath)]?.[method];
  expect(operation, `${method} ${expressPath} is documented`).toBeDefined();
  const documented = operation!.responses[String(res.status)];
  expect(documented, `${method} ${expressPath} documents status ${res.status}`).toBeDefined();
  const schema = documented!.content?.['application/json']?.schema;
  if (!schema) return;
  const validate = ajv.compile({ ...schema, components: doc.components });
  const valid = validate(res.body);
  expect(valid ? [] : validate.errors, `${method} ${expressPath} → ${res.status}`).toEqual([]);
}

describe('expectDocumented', () => {
  it('rejects a body that does not match its schema and a status that is not documented', () => {
    const reply = (status: number, body: unknown) => ({ status, body }) as request.Response;
    expect(() => expectDocumented('get', '/api/tokens/me', reply(200, { tokenId: 'not-a-uuid', name: 'x', role: 'admin', centreId: null, staffId: null }))).toThrow(/tokens\/me → 200/);
    expect(() => expectDocumented('get', '/api/centres/:centreId/patients/:id', reply(200, { id: '0b0e1b8e-3f4e-4d3a-9c55-2b1f5d1e6a7c' }))).toThrow(/patients\/:id → 200/);
    expect(() => expectDocumented('get', '/health', reply(418, {}))).toThrow(/documents status 418/);
  });
});

describeEachDatabase('OpenAPI response schemas', (getDb) => {
  let app: Express;
  let admin: string;
  let coordinator: string;
  let centreId: string;

  beforeAll(async () => {
    await truncateAll(getDb());
    app = createApp({ db: getDb(), logger: createLogger('silent'), auth: { enforce: true } });
    admin = await issueToken(getDb(), { role: 'admin' });
  });

  it('service, centres and tokens', async () => {
    expectDocumented('get', '/health', await request(app).get('/health').expect(200));
    const created = await request(app).post('/api/centres').set(bearer(admin)).send(centreBody()).expect(201);
    expectDocumented('post', '/api/centres', created);
    centreId = created.body.id;
    expectDocumented('get', '/api/centres', await request(app).get('/api/centres').set(bearer(admin)).expect(200));
    expectDocumented('get', '/api/centres/:centreId', await request(app).get(`/api/centres/${centreId}`).set(bearer(admin)).expect(200));

    const issued = await request(app).post('/api/tokens').set(bearer(admin)).send({ name: 'coordinator', role: 'coordinator', centreId }).expect(201);
    expectDocumented('post', '/api/tokens', issued);
    coordinator = issued.body.token;
    expectDocumented('get', '/api/tokens', await request(app).get('/api/tokens').set(bearer(admin)).expect(200));
    expectDocumented('get', '/api/tokens/me', await request(app).get('/api/tokens/me').set(bearer(coordinator)).expect(200));
  });

  it('centre resources, and the error replies (400, 401, 403, 404)', async () => {
    const staff = await request(app).post(`/api/centres/${centreId}/staff`).set(bearer(coordinator)).send(staffBody()).expect(201);
    expectDocumented('post', '/api/centres/:centreId/staff', staff);
    expectDocumented('get', '/api/centres/:centreId/staff/:id', await request(app).get(`/api/centres/${centreId}/staff/${staff.body.id}`).set(bearer(coordinator)).expect(200));
    const patient = await request(app).post(`/api/centres/${centreId}/patients`).set(bearer(coordinator)).send(patientBody(3)).expect(201);
    expectDocumented('post', '/api/centres/:centreId/patients', patient);
    expectDocumented('get', '/api/centres/:centreId/patients', await request(app).get(`/api/centres/${centreId}/patients`).set(bearer(coordinator)).expect(200));
    const patched = await request(app).patch(`/api/centres/${centreId}/patients/${patient.body.id}`).set(bearer(coordinator)).send({ phone: '01482 000000' }).expect(200);
    expectDocumented('patch', '/api/centres/:centreId/patients/:id', patched);

    expectDocumented('post', '/api/centres/:centreId/patients', await request(app).post(`/api/centres/${centreId}/patients`).set(bearer(coordinator)).send({ nhsNumber: '123' }).expect(400));
    expectDocumented('get', '/api/centres/:centreId/patients', await request(app).get(`/api/centres/${centreId}/patients`).expect(401));
    expectDocumented('get', '/api/centres', await request(app).get('/api/centres').set(bearer(coordinator)).expect(403));
    expectDocumented('get', '/api/centres/:centreId/rooms/:id', await request(app).get(`/api/centres/${centreId}/rooms/00000000-0000-4000-8000-000000000000`).set(bearer(coordinator)).expect(404));
  });
});
