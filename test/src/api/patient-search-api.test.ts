// The coordinators' patient search over REST, on both databases: by name (every word, any
// case), NHS number (spaces allowed), postcode (whole or outward code) and ?q= for any of them;
// criteria combine, pages like every list, stays inside the centre, refuses bad input with a
// 400 naming the field, is the coordinator's only, and every search is in the audit log with
// its terms.
import request from 'supertest';
import type { Express } from 'express';
import { beforeAll, expect, it } from 'vitest';
import { createApp } from '../../../src/app.ts';
import { createLogger } from '../../../src/logger.ts';
import { bearer, issueToken } from '../../helpers/auth-tokens.ts';
import { describeEachDatabase } from '../../helpers/describe-each-database.ts';
import { centreBody, patientBody, testNhsNumber } from '../../helpers/fixtures.ts';
import { truncateAll } from '../../helpers/test-database.ts';

describeEachDatabase('patient search', (getDb) => {
  let app: Express;
  let admin: string;
  let coordinator: string;
  let centreId: string;
  const ids: Record<string, string> = {};

  const people = {
    margaretHall: patientBody(1, { givenName: 'Margaret', familyName: 'Hall', postcode: 'HU3 2JZ', localRef: 'S-1' }),
    margaretObrien: patientBody(2, { givenName: 'Margaret', familyName: "O'Brien", postcode: 'HU5 1AA', localRef: 'S-2' }),
    haroldHall: patientBody(3, { givenName: 'Harold', familyName: 'Hall', postcode: 'HU13 0AA', localRef: 'S-3' }),
    annSmithJones: patientBody(4, { givenName: 'Ann', familyName: 'Smith-Jones', postcode: 'hu3 6xy', localRef: 'S-4' }),
  };

  beforeAll(async () => {
    await truncateAll(getDb());
    app = createApp({ db: getDb(), logger: createLogger('silent'), auth: { enforce: true } });
    admin = await issueToken(getDb(), { role: 'admin' });
    centreId = (await request(app).post('/api/centres').set(bearer(admin)).send(centreBody('Search ICC')).expect(201)).body.id;
    coordinator = await issueToken(getDb(), { name: 'search coordinator', role: 'coordinator', centreId });
    for (const [key, body] of Object.entries(people)) {
      ids[key] = (await request(app).post(`/api/centres/${centreId}/patients`).set(bearer(coordinator)).send(body).expect(201)).body.id;
    }
    // Another centre's Hall must never be found from this one.
    const other = (await request(app).post('/api/centres').set(bearer(admin)).send(centreBody('Other ICC')).expect(201)).body.id as string;
    await request(app).post(`/api/centres/${other}/patients`).set(bearer(admin)).send(patientBody(5, { familyName: 'Hall', postcode: 'HU3 2JZ', localRef: 'S-0' })).expect(201);
  });

  const search = async (query: string, status = 200) => {
    const res = await request(app).get(`/api/centres/${centreId}/patients?${query}`).set(bearer(coordinator));
    expect(res.status, `${query}: ${res.text.slice(0, 300)}`).toBe(status);
    return res;
  };
  const found = async (query: string) => ((await search(query)).body as Array<{ id: string }>).map((p) => p.id);
  const idsOf = (...keys: Array<keyof typeof people>) => keys.map((key) => ids[key]);

  it('by name: every word, any case, in the given or family name', async () => {
    expect(await found('name=hall')).toEqual(idsOf('margaretHall', 'haroldHall'));
    expect(await found('name=HALL%20margaret')).toEqual(idsOf('margaretHall'));
    expect(await found('name=marg')).toEqual(idsOf('margaretHall', 'margaretObrien'));
    expect(await found(`name=${encodeURIComponent("o'brien")}`)).toEqual(idsOf('margaretObrien'));
    expect(await found('name=smith-jones')).toEqual(idsOf('annSmithJones'));
    // LIKE's wildcards are plain characters here.
    expect(await found('name=%25%25')).toEqual([]);
    expect(await found('name=__')).toEqual([]);
  });

  it('by NHS number (spaces allowed) and by postcode (whole, any spacing, or outward code)', async () => {
    const nhs = testNhsNumber(2);
    expect(await found(`nhsNumber=${encodeURIComponent(`${nhs.slice(0, 3)} ${nhs.slice(3, 6)} ${nhs.slice(6)}`)}`)).toEqual(idsOf('margaretObrien'));
    expect(await found('postcode=hu32jz')).toEqual(idsOf('margaretHall'));
    expect(await found('postcode=HU3')).toEqual(idsOf('margaretHall', 'annSmithJones')); // not HU13
    expect(await found('postcode=HU13%200AA')).toEqual(idsOf('haroldHall'));
  });

  it('?q= finds by any of them; criteria together must all match; other filters still apply', async () => {
    expect(await found('q=hall')).toEqual(idsOf('margaretHall', 'haroldHall'));
    expect(await found(`q=${testNhsNumber(4)}`)).toEqual(idsOf('annSmithJones'));
    expect(await found('q=hu3')).toEqual(idsOf('margaretHall', 'annSmithJones'));
    expect(await found('q=HU5%201AA')).toEqual(idsOf('margaretObrien'));
    expect(await found('name=margaret&postcode=HU5')).toEqual(idsOf('margaretObrien'));
    expect(await found(`name=hall&nhsNumber=${testNhsNumber(3)}`)).toEqual(idsOf('haroldHall'));
    expect(await found('name=hall&postcode=HU5')).toEqual([]);
    expect(await found('name=hall&localRef=S-3')).toEqual(idsOf('haroldHall'));
  });

  it('pages like every list', async () => {
    const first = await search('name=hall&limit=1');
    expect(first.body.map((p: { id: string }) => p.id)).toEqual(idsOf('margaretHall'));
    const next = new URL(/^<([^>]+)>; rel="next"$/.exec(first.headers.link as string)![1]!);
    expect(next.searchParams.get('name')).toBe('hall');
    const second = await request(app).get(`${next.pathname}${next.search}`).set(bearer(coordinator)).expect(200);
    expect(second.body.map((p: { id: string }) => p.id)).toEqual(idsOf('haroldHall'));
    expect(second.headers.link).toBeUndefined();
  });

  it('refuses bad search input with a 400 naming the field', async () => {
    const refused = async (query: string, fields: string[]) => {
      const res = await search(query, 400);
      expect(res.body.error.details.map((d: { path: string }) => d.path).sort(), query).toEqual(fields);
      expect(res.text).not.toMatch(/select|stack/i);
    };
    await refused('name=a', ['name']);
    await refused(`name=${'x'.repeat(101)}`, ['name']);
    await refused('name=%20%20', ['name']);
    await refused('nhsNumber=1234567890', ['nhsNumber']);
    await refused('postcode=nowhere', ['postcode']);
    await refused('q=x', ['q']);
    await refused('name=hall&name=hill', ['name']);
    await refused('surname=hall', ['surname']);
    await refused('nhsNumber=123&postcode=zz', ['nhsNumber', 'postcode']);
  });

  it("is the coordinator's: transport and clinicians are refused; every search is audited with its terms", async () => {
    const transport = await issueToken(getDb(), { role: 'transport', centreId });
    await request(app).get(`/api/centres/${centreId}/patients?name=hall`).set(bearer(transport)).expect(403);
    await search('name=Harold&postcode=HU13');
    const entries = (await request(app).get('/api/audit-log?actor=search%20coordinator&limit=50').set(bearer(admin)).expect(200)).body as Array<{ action: string; entity: string; entityId: string; details: { query?: Record<string, string> } }>;
    const read = entries.find((e) => e.action === 'read' && e.entity === 'patient' && e.details.query?.name === 'Harold');
    expect(read, JSON.stringify(entries.slice(0, 3))).toBeDefined();
    expect(read!.details.query).toEqual({ name: 'Harold', postcode: 'HU13' });
    expect(read!.entityId).toBe('?name=Harold&postcode=HU13');
  });
});
