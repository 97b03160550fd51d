// Referral intake in bulk, on both databases: a CSV file all or nothing (every bad cell named
// by row and column), and JSON arrays on POST …/referrals.
import request from 'supertest';
import { beforeEach, expect, it } from 'vitest';
import { createApp } from '../../../src/app.ts';
import { createLogger } from '../../../src/logger.ts';
import { describeEachDatabase } from '../../helpers/describe-each-database.ts';
import { centreBody, patientBody, testNhsNumber } from '../../helpers/fixtures.ts';
import { truncateAll } from '../../helpers/test-database.ts';

const header = 'nhsNumber,givenName,familyName,dateOfBirth,addressLine1,addressLine2,postcode,efiCategory,gpPractice,localRef,referrerName,referredDate,urgent,notes';
const row = (n: number, overrides: Partial<Record<string, string>> = {}) => {
  const cells: Record<string, string> = {
    nhsNumber: testNhsNumber(n), givenName: 'Edna', familyName: `Walker ${n}`, dateOfBirth: '1940-01-0' + ((n % 9) + 1), addressLine1: `${n} Hessle Road`, addressLine2: 'Hull',
    postcode: 'HU3 4AA', efiCategory: 'moderate', gpPractice: 'Marfleet Group Practice', localRef: `CSV-${n}`, referrerName: 'Dr Patel', referredDate: '2026-11-20', urgent: (n / 10) % 2 ? 'yes' : 'no', notes: '"falls, lives alone"',
    ...overrides,
  };
  return header.split(',').map((c) => cells[c]).join(',');
};

describeEachDatabase('referral intake: CSV import and JSON arrays', (getDb) => {
  let app: ReturnType<typeof createApp>;
  let centreId: string;
  const api = (path: string) => `/api/centres/${centreId}${path}`;
  const importCsv = (text: string) => request(app).post(api('/referrals/import')).set('Content-Type', 'text/csv').send(text);

  beforeEach(async () => {
    await truncateAll(getDb());
    app = createApp({ db: getDb(), logger: createLogger('silent') });
    centreId = (await request(app).post('/api/centres').send(centreBody()).expect(201)).body.id;
  });

  it('imports every row with its patient; a patient the centre holds is reused', async () => {
    const existing = (await request(app).post(api('/patients')).send(patientBody(530)).expect(201)).body;
    const res = await importCsv([header, row(510), row(520), row(530)].join('\r\n')).expect(201);
    expect(res.headers.location).toBe(api('/referrals'));
    expect(res.body).toMatchObject({ imported: 3, patientsCreated: 2, patientsReused: 1 });
    const referrals = (await request(app).get(api('/referrals')).expect(200)).body;
    expect(referrals).toHaveLength(3);
    expect(referrals.find((r: { patientId: string }) => r.patientId === existing.id)).toBeDefined();
    expect(referrals.map((r: { notes: string }) => r.notes)).toEqual(['falls, lives alone', 'falls, lives alone', 'falls, lives alone']);
    expect(referrals.filter((r: { urgent: boolean }) => r.urgent)).toHaveLength(2);
  });

  it('a file with bad rows imports nothing and names every bad row and column', async () => {
    const res = await importCsv([header, row(610), row(620, { postcode: 'HULL' }), row(630), row(640, { nhsNumber: '1234567890', referredDate: '2026-02-30' })].join('\n')).expect(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['rows.3.postcode', 'rows.5.nhsNumber', 'rows.5.referredDate']);
    expect(res.body.error.details[0].message).toMatch(/^row \d, column \w+: /);
    expect((await request(app).get(api('/referrals')).expect(200)).body).toEqual([]);
    expect((await request(app).get(api('/patients')).expect(200)).body).toEqual([]);
  });

  it('a row the database refuses (a local reference already taken) rolls everything back, naming the row', async () => {
    await request(app).post(api('/patients')).send(patientBody(700, { localRef: 'CSV-720' })).expect(201);
    const res = await importCsv([header, row(710), row(720)].join('\n')).expect(409);
    expect(res.body.error.details[0].path).toBe('rows.3.localRef');
    expect((await request(app).get(api('/referrals')).expect(200)).body).toEqual([]);
    expect((await request(app).get(api('/patients')).expect(200)).body).toHaveLength(1);
  });

  it('refuses an unknown or missing column by name', async () => {
    const res = await importCsv(['nhsNumber,colour', `${testNhsNumber(1)},red`].join('\n')).expect(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain('columns.colour');
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain('columns.postcode');
  });

  it('POST …/referrals takes a JSON array all or nothing, naming the bad item', async () => {
    const [p1, p2] = await Promise.all([1, 2].map(async (n) => (await request(app).post(api('/patients')).send(patientBody(n)).expect(201)).body.id as string));
    const referral = (patientId: string) => ({ patientId, referrer: { kind: 'gp', name: 'Dr Patel' }, referredDate: '2026-11-16' });
    const bad = await request(app).post(api('/referrals')).send([referral(p1!), { ...referral(p2!), referredDate: 'soon' }]).expect(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path)).toEqual(['1.referredDate']);
    const unknownPatient = await request(app).post(api('/referrals')).send([referral(p1!), referral('00000000-0000-4000-8000-000000000000')]).expect(400);
    expect(unknownPatient.body.error.details[0].path).toBe('1.patientId');
    expect((await request(app).get(api('/referrals')).expect(200)).body).toEqual([]);
    const ok = await request(app).post(api('/referrals')).send([referral(p1!), referral(p2!)]).expect(201);
    expect(ok.body).toHaveLength(2);
    expect(ok.body[1]).toMatchObject({ patientId: p2, status: 'received', statusHistory: [{ status: 'received' }] });
  });
});
