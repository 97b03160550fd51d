// The FHIR R4 read API on both databases: every resource type fetched by search and by read,
// each held to the official FHIR R4 JSON Schema and the UK Core rules (test/helpers/fhir-schema.ts).
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/app.ts';
import { createLogger } from '../../../src/logger.ts';
import { NHS_NUMBER_SYSTEM } from '../../../src/fhir/uk-core.ts';
import { describeEachDatabase } from '../../helpers/describe-each-database.ts';
import { fhirProblems, fhirSchemaErrors } from '../../helpers/fhir-schema.ts';
import { bearer, issueToken } from '../../helpers/auth-tokens.ts';
import { testNhsNumber } from '../../helpers/fixtures.ts';
import { truncateAll } from '../../helpers/test-database.ts';
import { loadFhirFixture, SUMMER, WINTER, type FhirFixture } from './fhir-fixture.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- FHIR replies are read field by field
type Json = Record<string, any>;

describe('the FHIR checks themselves', () => {
  it('the R4 schema and the UK Core rules reject what they should', () => {
    expect(fhirSchemaErrors({ resourceType: 'Patient', nme: [] })).not.toEqual([]);
    expect(fhirSchemaErrors({ resourceType: 'Appointment', status: 'bookd', participant: [{ status: 'accepted' }] })).not.toEqual([]);
    expect(fhirProblems({ resourceType: 'Patient', identifier: [{ system: NHS_NUMBER_SYSTEM, value: '9434765918' }] })).toEqual([expect.stringMatching(/modulus-11/)]);
    expect(fhirProblems({ resourceType: 'Appointment', status: 'booked', participant: [] })).toEqual(['(resource).participant is required']);
    expect(fhirProblems({ resourceType: 'ServiceRequest', status: 'active', intent: 'order', subject: { reference: 'Practitioner/x' } })).toEqual([expect.stringMatching(/subject.reference must point to Patient/)]);
  });
});

describeEachDatabase('FHIR R4 read API', (getDb) => {
  let app: ReturnType<typeof createApp>;
  let f: FhirFixture;
  const base = () => `/fhir/r4/${f.centreId}`;
  const get = async (path: string, status = 200) => {
    const res = await request(app).get(`${base()}${path}`);
    expect(res.status, res.text.slice(0, 400)).toBe(status);
    if (status === 200) {
      expect(res.headers['content-type']).toMatch(/^application\/fhir\+json/);
      expect(fhirProblems(res.body)).toEqual([]);
    }
    return res.body as Json;
  };
  const resources = (bundle: Json) => (bundle.entry ?? []).map((e: Json) => e.resource as Json);

  beforeAll(async () => {
    await truncateAll(getDb());
    app = createApp({ db: getDb(), logger: createLogger('silent') });
    f = await loadFhirFixture(app, getDb());
  });

  it('metadata: a CapabilityStatement listing every type with its search parameters', async () => {
    const cs = await get('/metadata');
    expect(cs).toMatchObject({ resourceType: 'CapabilityStatement', fhirVersion: '4.0.1', kind: 'instance' });
    expect(cs.rest[0].resource.map((r: Json) => r.type)).toEqual(['Patient', 'Practitioner', 'Location', 'Schedule', 'Slot', 'Appointment', 'ServiceRequest']);
  });

  it('Patient: NHS number under the NHS system, minimal by default; search by identifier, name and postcode', async () => {
    const p = await get(`/Patient/${f.patients[0]}`);
    expect(p.identifier[0]).toMatchObject({ system: NHS_NUMBER_SYSTEM, value: testNhsNumber(1) });
    expect(p.meta.profile).toEqual(['https://fhir.hl7.org.uk/StructureDefinition/UKCore-Patient']);
    expect(p).toMatchObject({ name: [{ family: 'Hall', given: ['Margaret'] }], birthDate: '1938-04-02' });
    expect(p.address).toBeUndefined();
    const full = await get(`/Patient/${f.patients[0]}?_full=true`);
    expect(full.address).toEqual([{ use: 'home', line: ['12 Beverley Road', 'Hull'], postalCode: 'HU3 2JZ' }]);

    const byNhs = await get(`/Patient?identifier=${encodeURIComponent(`${NHS_NUMBER_SYSTEM}|${testNhsNumber(2)}`)}`);
    expect(byNhs).toMatchObject({ resourceType: 'Bundle', type: 'searchset', total: 1 });
    expect(resources(byNhs)[0].id).toBe(f.patients[1]);
    expect((await get('/Patient?name=cross')).total).toBe(1);
    expect(resources(await get('/Patient?address-postalcode=HU3')).map((r: Json) => r.id)).toEqual([f.patients[0]]);
    expect(resources(await get('/Patient?address-postalcode=hu130aa')).map((r: Json) => r.id)).toEqual([f.patients[1]]);
  });

  it('Practitioner, Location and Schedule', async () => {
    const pr = await get(`/Practitioner/${f.staff[1]}`);
    expect(pr).toMatchObject({ resourceType: 'Practitioner', name: [{ text: 'Sophie Rhodes' }], telecom: [{ system: 'email' }] });
    expect((await get('/Practitioner')).total).toBe(2);
    expect((await get(`/Location/${f.rooms[1]}`)).name).toBe('Gym');
    expect((await get('/Location?name=consult')).total).toBe(1);
    const schedule = await get(`/Schedule?actor=Practitioner/${f.staff[0]}`);
    expect(resources(schedule)[0].actor).toEqual([{ reference: `Practitioner/${f.staff[0]}`, display: 'Dr Amira Khan' }]);
  });

  it('Slot: the shift cut into free, busy (plan and MDT) and busy-unavailable (break), with London offsets', async () => {
    const bundle = await get(`/Slot?schedule=Schedule/${f.staff[0]}&start=${SUMMER}`);
    const slots = resources(bundle).map((s: Json) => [s.status, s.start, s.end]);
    expect(slots).toEqual([
      ['free', '2026-06-01T08:30:00+01:00', '2026-06-01T12:30:00+01:00'],
      ['busy-unavailable', '2026-06-01T12:30:00+01:00', '2026-06-01T13:00:00+01:00'],
      ['free', '2026-06-01T13:00:00+01:00', '2026-06-01T14:00:00+01:00'],
      ['busy', '2026-06-01T14:00:00+01:00', '2026-06-01T14:45:00+01:00'],
      ['free', '2026-06-01T14:45:00+01:00', '2026-06-01T15:30:00+01:00'],
      ['busy', '2026-06-01T15:30:00+01:00', '2026-06-01T16:30:00+01:00'],
    ]);
    const one = resources(bundle)[3];
    expect(await get(`/Slot/${one.id}`)).toEqual(one);
    expect((await get(`/Slot?status=busy&start=${WINTER}`)).total).toBe(4);
  });

  it('Appointment: each assessment of the published plans, instants with their offset, participants and basedOn', async () => {
    const summer = await get(`/Appointment?date=${SUMMER}&patient=Patient/${f.patients[0]}`);
    expect(summer.total).toBe(2);
    const physio = resources(summer).find((a: Json) => a.serviceType[0].text === 'Physiotherapy assessment');
    expect(physio).toMatchObject({
      status: 'booked', start: '2026-06-01T09:30:00+01:00', end: '2026-06-01T10:15:00+01:00', minutesDuration: 45,
      basedOn: [{ reference: `ServiceRequest/${f.referrals[0]}` }],
    });
    expect(physio.participant.map((p: Json) => p.actor.reference)).toEqual([`Patient/${f.patients[0]}`, `Practitioner/${f.staff[1]}`, `Location/${f.rooms[1]}`]);
    const winter = await get(`/Appointment?date=${WINTER}&practitioner=${f.staff[1]}`);
    expect(resources(winter).map((a: Json) => a.start).sort()).toEqual(['2026-12-07T09:30:00+00:00', '2026-12-07T10:30:00+00:00']);
    expect(await get(`/Appointment/${physio.id}`)).toEqual(physio);
    expect((await get('/Appointment?date=ge2026-06-02')).total).toBe(3);
    expect((await get('/Appointment?status=booked')).total).toBe(6);
  });

  it('ServiceRequest: referrals with their status mapped from the pathway', async () => {
    const sr = await get(`/ServiceRequest/${f.referrals[0]}`);
    expect(sr).toMatchObject({ status: 'active', intent: 'order', priority: 'urgent', subject: { reference: `Patient/${f.patients[0]}` }, authoredOn: '2026-05-01' });
    await request(app).post(`/api/centres/${f.centreId}/referrals/${f.referrals[1]}/transitions`).send({ to: 'declined' }).expect(201);
    expect((await get(`/ServiceRequest/${f.referrals[1]}`)).status).toBe('revoked');
    expect(resources(await get('/ServiceRequest?status=active')).map((r: Json) => r.id)).toEqual([f.referrals[0]]);
    expect((await get(`/ServiceRequest?patient=Patient/${f.patients[1]}`)).total).toBe(1);
  });

  it('pages with _count and a next link that leads to the rest', async () => {
    const first = await get('/Appointment?_count=4');
    expect(resources(first)).toHaveLength(4);
    const next = first.link.find((l: Json) => l.relation === 'next');
    expect(next.url).toMatch(/_offset=4/);
    const second = await get(new URL(next.url).pathname.replace(base(), '') + new URL(next.url).search);
    expect(resources(second)).toHaveLength(2);
    expect(second.link.some((l: Json) => l.relation === 'next')).toBe(false);
    const ids = [...resources(first), ...resources(second)].map((a: Json) => a.id);
    expect(new Set(ids).size).toBe(6);
  });

  it('refuses an unknown search parameter or a bad _count naming it, and 404s an unknown id', async () => {
    // Errors are OperationOutcomes (valid R4) whose issues name the search parameter.
    const bad = await get('/Patient?colour=red', 400);
    expect(fhirProblems(bad)).toEqual([]);
    expect(bad.issue.map((i: Json) => i.expression)).toEqual([['colour']]);
    expect((await get('/Appointment?_count=0', 400)).issue[0].expression).toEqual(['_count']);
    await get('/Appointment/20260601-0000000000000000', 404);
    await get('/Patient/not-a-uuid', 404);
  });

  it('is role-checked and audited like the rest of the API', async () => {
    const guarded = createApp({ db: getDb(), logger: createLogger('silent'), auth: { enforce: true } });
    const coordinator = await issueToken(getDb(), { role: 'coordinator', centreId: f.centreId });
    const transport = await issueToken(getDb(), { role: 'transport', centreId: f.centreId });
    await request(guarded).get(`${base()}/Patient/${f.patients[0]}`).expect(401);
    await request(guarded).get(`${base()}/Patient/${f.patients[0]}`).set(bearer(transport)).expect(403);
    await request(guarded).get(`${base()}/metadata`).set(bearer(transport)).expect(200);
    await request(guarded).get(`${base()}/Patient/${f.patients[0]}`).set(bearer(coordinator)).expect(200);
    const audit = await getDb()('audit_log').where({ entity: 'fhir', action: 'read' });
    expect(audit.map((row: Json) => row.entity_id)).toContain(`Patient/${f.patients[0]}`);
  });
});
