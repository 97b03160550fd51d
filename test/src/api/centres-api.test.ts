import request from 'supertest';
import { beforeEach, expect, it } from 'vitest';
import { createApp } from '../../../src/app.ts';
import { describeEachDatabase } from '../../helpers/describe-each-database.ts';
import { centreBody } from '../../helpers/fixtures.ts';
import { truncateAll } from '../../helpers/test-database.ts';

/** The details paths of an error response. */
const errorPaths = (body: { error: { details: { path: string }[] } }) => body.error.details.map((d) => d.path);

describeEachDatabase('centres API', (getDb, kind) => {
  const app = () => createApp({ db: getDb() });
  beforeEach(() => truncateAll(getDb()));

  it('GET /health answers ok and names the engine', async () => {
    const res = await request(app()).get('/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', database: { engine: kind } });
  });

  it('creates, reads, lists, updates and deletes a centre', async () => {
    const created = await request(app()).post('/api/centres').send(centreBody()).expect(201);
    expect(created.body).toMatchObject({ name: 'Test ICC', timeZone: 'Europe/London', fullPatientDetailsInFeeds: false, postcode: 'HU6 7RX' });
    const id = created.body.id as string;

    await request(app()).get(`/api/centres/${id}`).expect(200).expect((res) => expect(res.body.id).toBe(id));
    expect((await request(app()).get('/api/centres').expect(200)).body.map((c: { id: string }) => c.id)).toEqual([id]);

    const patched = await request(app()).patch(`/api/centres/${id}`).send({ transferMin: 10 }).expect(200);
    expect(patched.body).toMatchObject({ transferMin: 10, name: 'Test ICC', mealDurationMin: 30 });

    await request(app()).delete(`/api/centres/${id}`).expect(204);
    await request(app()).get(`/api/centres/${id}`).expect(404);
  });

  it('names the field in a 400 and keeps the error shape', async () => {
    const res = await request(app()).post('/api/centres').send({ ...centreBody(), mdt: { start: '16:30', durationMin: 60 } }).expect(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(errorPaths(res.body)).toEqual(['mdt.start']);
    expect(res.body.error.message).toContain('mdt.start');
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts:\d+/);
  });

  it('rejects an unknown field by name', async () => {
    const res = await request(app()).post('/api/centres').send({ ...centreBody(), colour: 'blue' }).expect(400);
    expect(errorPaths(res.body)).toEqual(['colour']);
  });

  it('re-checks a patch against the whole centre', async () => {
    const { body } = await request(app()).post('/api/centres').send(centreBody()).expect(201);
    const res = await request(app()).patch(`/api/centres/${body.id}`).send({ openingHours: { start: '08:30', end: '15:00' } }).expect(400);
    expect(errorPaths(res.body)).toContain('mdt.start');
    const unchanged = await request(app()).get(`/api/centres/${body.id}`).expect(200);
    expect(unchanged.body.openingHours).toEqual({ start: '08:30', end: '17:00' });
  });

  it('404 for an unknown or malformed id, with the JSON error shape', async () => {
    const res = await request(app()).get('/api/centres/00000000-0000-4000-8000-000000000000').expect(404);
    expect(res.body.error).toMatchObject({ code: 'not_found' });
    await request(app()).get('/api/centres/not-a-uuid').expect(404);
    await request(app()).patch('/api/centres/not-a-uuid').send({ name: 'x' }).expect(404);
    await request(app()).get('/api/nowhere').expect(404).expect((r) => expect(r.body.error.code).toBe('not_found'));
  });

  it('409 for a duplicate centre name, naming the field', async () => {
    await request(app()).post('/api/centres').send(centreBody('Same')).expect(201);
    const res = await request(app()).post('/api/centres').send(centreBody('Same')).expect(409);
    expect(res.body.error.code).toBe('conflict');
    expect(errorPaths(res.body)).toEqual(['name']);
  });

  it('400 for a body that is not JSON', async () => {
    const res = await request(app()).post('/api/centres').set('content-type', 'application/json').send('{"name":').expect(400);
    expect(res.body.error.code).toBe('bad_request');
  });

  it('serves the OpenAPI document, and every documented GET path is routed', async () => {
    const doc = (await request(app()).get('/api/openapi.json').expect(200)).body as { openapi: string; paths: Record<string, { get?: unknown }> };
    expect(doc.openapi).toBe('3.1.0');
    const centreId = (await request(app()).post('/api/centres').send(centreBody()).expect(201)).body.id as string;
    for (const [path, item] of Object.entries(doc.paths)) {
      if (!item.get) continue;
      const url = path.replace('{centreId}', centreId).replace('{id}', '00000000-0000-4000-8000-00000000000f');
      const res = await request(app()).get(url);
      expect(res.body.error?.message ?? '', url).not.toMatch(/^No route/);
    }
  });

  it('writes an audit entry with the acting user', async () => {
    const { body } = await request(app()).post('/api/centres').set('x-actor', 'coordinator@icc').send(centreBody()).expect(201);
    const entries = await getDb()('audit_log').where({ entity_id: body.id });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actor: 'coordinator@icc', action: 'create', entity: 'centre' });
  });
});
