// The OpenAPI document against the running app: every route the Express router stack serves
// is documented and nothing documented is missing from the app; every documented schema
// compiles; and the reply checker that openapi-replies.test.ts holds real replies to rejects
// what it should (a wrong or renamed field, an extra one, an undocumented status or media
// type, a missing header, a body where none is documented).
import type request from 'supertest';
import type { Knex } from 'knex';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../../src/app.ts';
import { listRoutes } from '../../../src/api/openapi/list-routes.ts';
import { openApiPath } from '../../../src/api/openapi/openapi-document.ts';
import { createReplyChecker, doc, validatorFor } from '../../helpers/documented-replies.ts';

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

  it('gives every reply with content a schema that compiles, every $ref resolving, and no placeholder', () => {
    const placeholders: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        for (const [status, reply] of Object.entries(op.responses)) {
          for (const [type, { schema }] of Object.entries(reply.content ?? {})) {
            expect(() => validatorFor(schema), `${method} ${path} ${status} ${type}`).not.toThrow();
            const bare = JSON.stringify(schema);
            if (type === 'application/json' && (bare === '{"type":"object"}' || bare === '{}')) placeholders.push(`${method} ${path} ${status}`);
          }
        }
      }
    }
    expect(placeholders).toEqual([]);
  });
});

describe('the reply checker', () => {
  const reply = (status: number, body: unknown, headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' }) =>
    ({ status, body, headers, text: body === undefined ? '' : JSON.stringify(body) }) as unknown as request.Response;
  const uuid = '0b0e1b8e-3f4e-4d3a-9c55-2b1f5d1e6a7c';
  const job = {
    id: uuid, centreId: uuid, date: '2026-12-01', status: 'succeeded', request: { patientIds: [uuid], timeLimitSec: 1, seed: 1 },
    progress: { phase: 'done', fraction: 1, bestSoft: 10, bestHard: 0, iteration: 5 }, planId: uuid, plan: null, ownerId: 'runner-1', leaseExpiresAt: null, planVersion: 1, planUrl: '/api/x',
    error: null, resumes: 0, resumedAt: null, startedAt: '2026-12-01T09:00:00Z', finishedAt: '2026-12-01T09:00:01Z', createdAt: '2026-12-01T09:00:00Z', updatedAt: '2026-12-01T09:00:01Z',
  };
  const jobPath = '/api/centres/:centreId/plan-jobs/:id';

  it('accepts a reply that matches and records it', () => {
    const { expectDocumented, checked } = createReplyChecker();
    expectDocumented('get', jobPath, reply(200, job, { 'content-type': 'application/json; charset=utf-8', etag: '"AAAAAAAAAAAAAAAAAAAAAA"' }));
    expect([...checked]).toEqual(['get /api/centres/{centreId}/plan-jobs/{id} 200']);
  });

  it('rejects a wrong type, a renamed, a missing or an extra field, at the top or nested', () => {
    const { expectDocumented } = createReplyChecker();
    const { planUrl, ...withoutPlanUrl } = job;
    for (const body of [
      { ...job, planVersion: '1' },
      { ...withoutPlanUrl, planURL: planUrl },
      withoutPlanUrl,
      { ...job, extra: true },
      { ...job, progress: { ...job.progress, bestHard: undefined, besthard: 0 } },
      { ...job, request: { ...job.request, colour: 'red' } },
    ]) {
      expect(() => expectDocumented('get', jobPath, reply(200, body)), JSON.stringify(body)).toThrow(/plan-jobs\/:id → 200/);
    }
    expect(() => expectDocumented('get', '/api/tokens/me', reply(200, { tokenId: 'not-a-uuid', name: 'x', role: 'admin', centreId: null, staffId: null }))).toThrow(/tokens\/me → 200/);
    expect(() => expectDocumented('get', '/api/centres/:centreId/patients/:id', reply(200, { id: uuid }))).toThrow(/patients\/:id → 200/);
  });

  it('rejects an error reply whose code or details do not fit its status', () => {
    const { expectDocumented } = createReplyChecker();
    const notFound = { error: { code: 'not_found', message: 'No plan job with id x', details: { entity: 'plan job', id: 'x' } } };
    expectDocumented('get', jobPath, reply(404, notFound));
    expect(() => expectDocumented('get', jobPath, reply(404, { error: { ...notFound.error, code: 'conflict' } }))).toThrow(/→ 404/);
    expect(() => expectDocumented('get', jobPath, reply(400, { error: { code: 'validation_failed', message: 'x', details: [{ field: 'date' }] } }))).toThrow(/→ 400/);
  });

  it('rejects an undocumented status or media type, a missing header, and a body where none is documented', () => {
    const { expectDocumented } = createReplyChecker();
    expect(() => expectDocumented('get', '/health', reply(418, {}))).toThrow(/documents status 418/);
    const transport = '/api/centres/:centreId/days/:date/transport.csv';
    expect(() => expectDocumented('get', transport, reply(200, {}, { 'content-type': 'application/json', 'content-disposition': 'attachment' }))).toThrow(/media type/);
    expect(() => expectDocumented('get', transport, reply(200, 'a,b', { 'content-type': 'text/csv' }))).toThrow(/Content-Disposition/);
    expect(() => expectDocumented('post', '/api/centres/:centreId/plan-jobs', reply(202, job))).toThrow(/Location/);
    expect(() => expectDocumented('delete', '/api/centres/:centreId/feed-tokens/:id', reply(204, { ok: true }))).toThrow(/without content/);
  });
});
