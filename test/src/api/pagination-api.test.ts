// Cursor pagination on every REST list under /api, on both databases: each list read two at a
// time by following Link: <…>; rel="next" gives exactly the whole list (same items, same
// order, no repeats); X-Next-Cursor agrees with the link; the last page has neither. A bad
// limit or an altered cursor is a 400 naming the field; a row removed or added before the
// position neither repeats nor hides another. The last test fails if a documented list is
// not paged or not walked here.
import request from 'supertest';
import type { Express } from 'express';
import { beforeAll, expect, it } from 'vitest';
import { createApp } from '../../../src/app.ts';
import { encodeCursor, NEXT_CURSOR_HEADER, PAGE_LIMIT_MAX } from '../../../src/api/pagination.ts';
import { openApiPath } from '../../../src/api/openapi/openapi-document.ts';
import { followUps } from '../../../src/db/repositories/follow-ups.ts';
import { referrals } from '../../../src/db/repositories/referrals.ts';
import { webhookDeliveries } from '../../../src/db/repositories/webhooks.ts';
import { loadDemoCentre } from '../../../src/demo/load-demo-centre.ts';
import { createLogger } from '../../../src/logger.ts';
import { bearer, issueToken } from '../../helpers/auth-tokens.ts';
import { describeEachDatabase } from '../../helpers/describe-each-database.ts';
import { doc } from '../../helpers/documented-replies.ts';
import { centreBody, vehicleBody } from '../../helpers/fixtures.ts';
import { truncateAll } from '../../helpers/test-database.ts';

const C = '/api/centres/:centreId';
const SEEDER = 'pagination-seeder';

interface Item { id: string }

/** The next page's path and query from a Link header, or null. */
function nextLink(res: request.Response): string | null {
  const link = res.headers.link as string | undefined;
  if (link === undefined) return null;
  const match = /^<([^>]+)>; rel="next"$/.exec(link);
  expect(match, `Link header: ${link}`).not.toBeNull();
  const url = new URL(match![1]!);
  return `${url.pathname}${url.search}`;
}

describeEachDatabase('cursor pagination of every list', (getDb) => {
  let app: Express;
  let admin: string;
  let coordinator: string;
  let seeder: string;
  let centreId: string;
  let webhookId: string;
  const walked = new Set<string>();

  beforeAll(async () => {
    await truncateAll(getDb());
    app = createApp({ db: getDb(), logger: createLogger('silent'), auth: { enforce: true } });
    centreId = (await loadDemoCentre(getDb(), { seed: 1, startDate: '2026-11-30' })).centreId!;
    admin = await issueToken(getDb(), { role: 'admin' });
    coordinator = await issueToken(getDb(), { role: 'coordinator', centreId });
    seeder = await issueToken(getDb(), { name: SEEDER, role: 'coordinator', centreId });
    const api = (path: string) => `/api/centres/${centreId}${path}`;
    const post = async (path: string, body: object, token = seeder) => (await request(app).post(path).set(bearer(token)).send(body).expect(201)).body as Item;
    for (const name of ['Second ICC', 'Third ICC']) await post('/api/centres', centreBody(name), admin);
    const staff = (await request(app).get(api('/staff?limit=3')).set(bearer(coordinator)).expect(200)).body as Item[];
    for (const [i, date] of ['2026-12-09', '2026-12-10', '2026-12-11'].entries()) await post(api('/outreach-days'), { date, staffIds: [staff[i]!.id] });
    for (const member of staff) await post(api('/feed-tokens'), { kind: 'staff', ownerId: member.id });
    for (const n of [1, 2, 3]) webhookId = (await post(api('/webhooks'), { url: `http://127.0.0.1:9/hook-${n}`, events: ['plan.published'] })).id;
    for (const n of [1, 2, 3]) await webhookDeliveries.enqueue(getDb(), centreId, 'plan.published', { n });
    const [referral] = await referrals.list(getDb(), centreId);
    await followUps.insertMany(getDb(), centreId, ['2026-12-20', '2026-12-14', '2026-12-17'].map((latestDate) => ({
      referralId: referral!.id, patientId: referral!.patientId, typeCode: 'rehab-home-visit', mode: 'home-visit', discipline: 'physio', durationMin: 45, earliestDate: '2026-12-07', latestDate,
    })));
  });

  /** Reads a list from `start` to its end by its Link headers; checks each page's X-Next-Cursor against its link. */
  async function walkFrom(start: string, token: string): Promise<{ items: Item[]; pages: number }> {
    const items: Item[] = [];
    let pages = 0;
    for (let next: string | null = start; next !== null;) {
      const res = await request(app).get(next).set(bearer(token));
      expect(res.status, `${next}: ${res.text.slice(0, 300)}`).toBe(200);
      expect(Array.isArray(res.body)).toBe(true);
      pages += 1;
      items.push(...(res.body as Item[]));
      next = nextLink(res);
      const cursor = res.headers[NEXT_CURSOR_HEADER.toLowerCase()] as string | undefined;
      if (next === null) expect(cursor).toBeUndefined();
      else expect(new URL(next, 'http://x').searchParams.get('cursor')).toBe(cursor);
    }
    return { items, pages };
  }

  /** Reads a list whole, `limit` at a time; no page holds more. */
  async function walk(path: string, token: string, limit: number): Promise<{ items: Item[]; pages: number }> {
    const result = await walkFrom(`${path}${path.includes('?') ? '&' : '?'}limit=${limit}`, token);
    expect(result.items.length).toBeLessThanOrEqual(result.pages * limit);
    return result;
  }

  const lists: Array<{ path: string; query?: string; token: () => string; min: number }> = [
    { path: '/api/centres', token: () => admin, min: 3 },
    { path: '/api/tokens', token: () => admin, min: 3 },
    { path: '/api/audit-log', query: `?actor=${SEEDER}`, token: () => admin, min: 5 },
    ...['staff', 'shifts', 'rooms', 'assessment-types', 'precedence-rules', 'patients', 'referrals', 'vehicles', 'care-homes', 'outreach-days', 'follow-ups', 'feed-tokens', 'webhooks']
      .map((name) => ({ path: `${C}/${name}`, token: () => coordinator, min: 3 })),
    { path: `${C}/webhooks/:webhookId/deliveries`, token: () => coordinator, min: 3 },
    // A filter and paging together: the filter holds on every page.
    { path: `${C}/shifts`, query: '?date=2026-12-01', token: () => coordinator, min: 3 },
  ];

  for (const list of lists) {
    it(`GET ${list.path}${list.query ?? ''}: two at a time, the whole list in order`, async () => {
      const url = list.path.replace(':centreId', centreId).replace(':webhookId', webhookId) + (list.query ?? '');
      const whole = await request(app).get(`${url}${list.query ? '&' : '?'}limit=${PAGE_LIMIT_MAX}`).set(bearer(list.token())).expect(200);
      expect(whole.headers.link).toBeUndefined();
      const all = (whole.body as Item[]).map((item) => item.id);
      expect(all.length).toBeGreaterThanOrEqual(list.min);
      const { items, pages } = await walk(url, list.token(), 2);
      expect(items.map((item) => item.id)).toEqual(all);
      expect(items).toEqual(whole.body);
      expect(pages).toBe(Math.ceil(all.length / 2));
      walked.add(openApiPath(list.path.replace(':webhookId', ':id')));
    });
  }

  it('without ?limit a page holds 100; an unfiltered read of a long list is no longer unbounded', async () => {
    const first = await request(app).get(`/api/centres/${centreId}/shifts`).set(bearer(coordinator)).expect(200);
    const total = (await walk(`/api/centres/${centreId}/shifts`, coordinator, PAGE_LIMIT_MAX)).items.length;
    expect(total).toBeGreaterThan(100); // the demo rota
    expect(first.body).toHaveLength(100);
    expect(nextLink(first)).not.toBeNull();
  });

  it('refuses a bad limit or cursor with a 400 naming the field', async () => {
    const rooms = `/api/centres/${centreId}/rooms`;
    const refused = async (query: string, field: string) => {
      const res = await request(app).get(`${rooms}?${query}`).set(bearer(coordinator)).expect(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(res.body.error.details.map((d: { path: string }) => d.path), query).toEqual([field]);
      expect(res.text).not.toMatch(/select|stack|\bat \w+ \(/i);
    };
    for (const limit of ['0', '-1', '1001', '2.5', 'ten', '']) await refused(`limit=${limit}`, 'limit');
    await refused('limit=1&limit=2', 'limit');
    const first = await request(app).get(`${rooms}?limit=1`).set(bearer(coordinator)).expect(200);
    const cursor = first.headers[NEXT_CURSOR_HEADER.toLowerCase()] as string;
    const [payload, check] = cursor.split('.') as [string, string];
    const flipped = `${payload.slice(0, 5)}${payload[5] === 'A' ? 'B' : 'A'}${payload.slice(6)}.${check}`;
    for (const bad of ['nonsense', flipped, `${payload}.`, `${payload}.${check}x`, cursor.slice(0, -2), `${cursor}.more`]) await refused(`cursor=${encodeURIComponent(bad)}`, 'cursor');
    await refused(`cursor=${encodeURIComponent(cursor)}&cursor=${encodeURIComponent(cursor)}`, 'cursor');
    // A cursor of one list is refused by another.
    const staffCursor = (await request(app).get(`/api/centres/${centreId}/staff?limit=1`).set(bearer(coordinator)).expect(200)).headers[NEXT_CURSOR_HEADER.toLowerCase()] as string;
    await refused(`cursor=${encodeURIComponent(staffCursor)}`, 'cursor');
    // Well-formed and checked, but holding values the list's columns cannot take: still the cursor's fault, not a 500.
    await refused(`cursor=${encodeURIComponent(encodeCursor({ list: 'rooms', key: ['consult', 'Room', 'not-a-uuid'] }))}`, 'cursor');
    await refused(`cursor=${encodeURIComponent(encodeCursor({ list: 'rooms', key: ['consult'] }))}`, 'cursor');
    // The list's own filters are still checked beside the paging parameters.
    const unknownFilter = await request(app).get(`${rooms}?limit=2&colour=red`).set(bearer(coordinator)).expect(400);
    expect(unknownFilter.body.error.details[0].path).toBe('colour');
  });

  it('a row removed or added before the position neither repeats nor hides another', async () => {
    const api = (path: string) => `/api/centres/${centreId}${path}`;
    const before = (await request(app).get(api('/vehicles?limit=1000')).set(bearer(coordinator)).expect(200)).body as Array<Item & { name: string }>;
    expect(before.length).toBeGreaterThanOrEqual(3);
    const first = await request(app).get(api('/vehicles?limit=2')).set(bearer(coordinator)).expect(200);
    expect((first.body as Item[]).map((v) => v.id)).toEqual(before.slice(0, 2).map((v) => v.id));
    // The first vehicle goes, and one that sorts first arrives, between the two requests.
    await request(app).delete(api(`/vehicles/${before[0]!.id}`)).set(bearer(coordinator)).expect(204);
    await request(app).post(api('/vehicles')).set(bearer(coordinator)).send(vehicleBody({ name: 'AAA sorts first' })).expect(201);
    const rest = (await walkFrom(nextLink(first)!, coordinator)).items;
    expect(rest.map((v) => v.id)).toEqual(before.slice(2).map((v) => v.id));
  });

  it('every documented list under /api is paged, and was walked here', () => {
    const documentedLists = Object.entries(doc.paths).flatMap(([path, ops]) => {
      const get = ops.get as unknown as { parameters?: Array<{ $ref?: string; name?: string }>; responses: Record<string, { content?: Record<string, { schema: { type?: string } }> }> } | undefined;
      const schema = get?.responses['200']?.content?.['application/json']?.schema;
      return path.startsWith('/api/') && schema?.type === 'array' ? [{ path, get: get! }] : [];
    });
    expect(documentedLists.length).toBeGreaterThanOrEqual(17);
    for (const { path, get } of documentedLists) {
      const names = (get.parameters ?? []).map((p) => p.name ?? p.$ref);
      expect(names, path).toEqual(expect.arrayContaining([expect.stringMatching(/limit$|PageLimit$/), '#/components/parameters/PageCursor']));
      expect(Object.keys((get.responses['200'] as { headers?: object }).headers ?? {}), path).toEqual(expect.arrayContaining(['Link', NEXT_CURSOR_HEADER]));
    }
    expect([...walked].sort()).toEqual(documentedLists.map((l) => l.path).sort());
  });
});
