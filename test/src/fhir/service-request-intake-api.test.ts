// POST /fhir/r4/:centreId/ServiceRequest on both databases: a GP system's referral with its
// Patient contained is filed once, however often it is sent; bad input is a 400 naming the element.
import request from 'supertest';
import { beforeAll, expect, it } from 'vitest';
import { createApp } from '../../../src/app.ts';
import { createLogger } from '../../../src/logger.ts';
import { describeEachDatabase } from '../../helpers/describe-each-database.ts';
import { fhirProblems } from '../../helpers/fhir-schema.ts';
import { centreBody, testNhsNumber } from '../../helpers/fixtures.ts';
import { truncateAll } from '../../helpers/test-database.ts';
import { gpReferral } from './fhir-fixture.ts';

describeEachDatabase('FHIR ServiceRequest intake', (getDb) => {
  let app: ReturnType<typeof createApp>;
  let centreId: string;
  const post = (body: unknown, type = 'application/fhir+json') =>
    request(app).post(`/fhir/r4/${centreId}/ServiceRequest`).set('Content-Type', type).send(JSON.stringify(body));

  beforeAll(async () => {
    await truncateAll(getDb());
    app = createApp({ db: getDb(), logger: createLogger('silent') });
    centreId = (await request(app).post('/api/centres').send(centreBody()).expect(201)).body.id;
  });

  it('files the referral and its patient once: a repeat is 200 with the same ServiceRequest', async () => {
    const first = await post(gpReferral('REF-0001')).expect(201);
    expect(first.headers['content-type']).toMatch(/^application\/fhir\+json/);
    expect(first.headers.location).toMatch(new RegExp(`/fhir/r4/${centreId}/ServiceRequest/${first.body.id}$`));
    expect(fhirProblems(first.body)).toEqual([]);
    expect(first.body).toMatchObject({ status: 'active', priority: 'urgent', authoredOn: '2026-12-01' });
    expect(first.body.identifier).toContainEqual({ system: 'https://fhir.example-gp-system.nhs.uk/Id/referral', value: 'REF-0001' });

    const again = await post(gpReferral('REF-0001'), 'application/json').expect(200);
    expect(again.body.id).toBe(first.body.id);
    expect(new URL(again.headers['content-location']!).pathname).toBe(new URL(first.headers.location!).pathname);
    const referrals = (await request(app).get(`/api/centres/${centreId}/referrals`).expect(200)).body;
    expect(referrals).toHaveLength(1);
    expect(referrals[0]).toMatchObject({ urgent: true, referredDate: '2026-12-01', referrer: { kind: 'gp', name: 'Dr Priya Patel, Newland Health Centre' }, notes: 'Two falls in a month; lives alone' });
    const patients = (await request(app).get(`/api/centres/${centreId}/patients`).expect(200)).body;
    expect(patients).toHaveLength(1);
    expect(patients[0]).toMatchObject({ nhsNumber: testNhsNumber(41), familyName: 'Ellison', postcode: 'HU5 2DH', efiCategory: 'severe', gpPractice: 'Newland Health Centre' });

    // A second referral of the same patient (new identifier) reuses the patient.
    await post(gpReferral('REF-0002')).expect(201);
    expect((await request(app).get(`/api/centres/${centreId}/patients`).expect(200)).body).toHaveLength(1);
    // Sent twice at once: still one referral.
    const [a, b] = await Promise.all([post(gpReferral('REF-0003')), post(gpReferral('REF-0003'))]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(a.body.id).toBe(b.body.id);
    expect((await request(app).get(`/fhir/r4/${centreId}/ServiceRequest?identifier=REF-0003`).expect(200)).body.total).toBe(1);
  });

  /** The elements an OperationOutcome names (its issues' FHIRPath expressions); the outcome itself must be valid R4. */
  const named = (res: request.Response) => {
    expect(res.body.resourceType).toBe('OperationOutcome');
    expect(fhirProblems(res.body)).toEqual([]);
    return (res.body.issue as Array<{ expression?: string[] }>).flatMap((issue) => issue.expression ?? []);
  };

  it('refuses a bad NHS number, a missing identifier or postcode, naming the element; nothing is written', async () => {
    const before = (await request(app).get(`/api/centres/${centreId}/referrals`).expect(200)).body.length;
    const badNhs = gpReferral('REF-0100', '9434765918');
    const res = await post(badNhs).expect(400);
    expect(named(res)).toEqual(['ServiceRequest.contained[0].identifier[0].value']);
    const noId = { ...gpReferral('x'), identifier: [] };
    expect(named(await post(noId).expect(400))[0]).toBe('ServiceRequest.identifier');
    const noPostcode = gpReferral('REF-0101', testNhsNumber(42));
    delete (noPostcode.contained[0]!.address[0] as { postalCode?: string }).postalCode;
    expect(named(await post(noPostcode).expect(400))).toEqual(['ServiceRequest.contained[0].address[0].postalCode']);
    expect(named(await post({ ...gpReferral('REF-0102'), intent: 'plan' }).expect(400))[0]).toBe('ServiceRequest.intent');
    expect(named(await post({ ...gpReferral('REF-0103'), subject: { reference: 'Patient/00000000-0000-4000-8000-000000000000' } }).expect(400))[0]).toBe('ServiceRequest.subject.reference');
    expect((await request(app).get(`/api/centres/${centreId}/referrals`).expect(200)).body).toHaveLength(before);
  });
});
