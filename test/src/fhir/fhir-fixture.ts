// A small centre for the FHIR tests: two clinicians with shifts, two rooms, two assessment
// types, two patients with referrals, and a published plan on a BST date and a GMT date.
import request from 'supertest';
import type { Express } from 'express';
import type { Knex } from 'knex';
import { plans } from '../../../src/db/repositories/plans.ts';
import { NHS_NUMBER_SYSTEM } from '../../../src/fhir/uk-core.ts';
import { assessmentTypeBody, centreBody, patientBody, shiftBody, staffBody, testNhsNumber } from '../../helpers/fixtures.ts';

export const SUMMER = '2026-06-01';
export const WINTER = '2026-12-07';

export interface FhirFixture {
  centreId: string;
  staff: string[];
  rooms: string[];
  patients: string[];
  referrals: string[];
  shifts: string[];
}

export async function loadFhirFixture(app: Express, db: Knex): Promise<FhirFixture> {
  const centreId = (await request(app).post('/api/centres').send(centreBody('FHIR ICC')).expect(201)).body.id as string;
  const post = async (path: string, body: unknown) => (await request(app).post(`/api/centres/${centreId}/${path}`).send(body as object).expect(201)).body;
  const staff = [
    (await post('staff', staffBody({ name: 'Dr Amira Khan', discipline: 'geriatrician', qualifications: ['geriatric-review'] }))).id as string,
    (await post('staff', staffBody({ name: 'Sophie Rhodes', discipline: 'physio', qualifications: ['physio-assessment'], email: 'sophie@example.nhs.uk' }))).id as string,
  ];
  const shifts: string[] = [];
  for (const date of [SUMMER, WINTER]) {
    for (const staffId of staff) shifts.push((await post('shifts', shiftBody(staffId, { date }))).id);
  }
  const rooms = [(await post('rooms', { name: 'Consult 1', type: 'consult' })).id as string, (await post('rooms', { name: 'Gym', type: 'gym' })).id as string];
  await post('assessment-types', assessmentTypeBody('geri-review', { name: 'Geriatrician review', discipline: 'geriatrician', qualification: 'geriatric-review' }));
  await post('assessment-types', assessmentTypeBody('physio', { name: 'Physiotherapy assessment', discipline: 'physio', qualification: 'physio-assessment', roomType: 'gym' }));
  const patients = [(await post('patients', patientBody(1, { dateOfBirth: '1938-04-02' }))).id as string, (await post('patients', patientBody(2, { givenName: 'Albert', familyName: 'Cross', postcode: 'HU13 0AA' }))).id as string];
  const referrals: string[] = [];
  for (const [i, patientId] of patients.entries()) {
    referrals.push((await post('referrals', { patientId, referrer: { kind: 'gp', name: 'Dr Patel', organisation: 'Newland Health Centre' }, referredDate: '2026-05-0' + (i + 1), urgent: i === 0 })).id);
  }
  for (const date of [SUMMER, WINTER]) {
    const activities = [
      { id: `${patients[0]}:physio`, patientId: patients[0]!, typeId: 'physio', kind: 'assessment', startMin: 570, endMin: 615, staffId: staff[1]!, roomId: rooms[1]! },
      { id: `${patients[0]}:meal`, patientId: patients[0]!, typeId: 'meal', kind: 'meal', startMin: 720, endMin: 750, roomId: rooms[0]! },
      { id: `${patients[0]}:geri-review`, patientId: patients[0]!, typeId: 'geri-review', kind: 'assessment', startMin: 840, endMin: 885, staffId: staff[0]!, roomId: rooms[0]! },
      { id: `${patients[1]}:physio`, patientId: patients[1]!, typeId: 'physio', kind: 'assessment', startMin: 630, endMin: 675, staffId: staff[1]!, roomId: rooms[1]! },
    ];
    const document = {
      date, activities, itineraries: [], staffTimetables: [], roomTimetables: [],
      mdt: { startMin: 930, endMin: 990, attendeeStaffIds: [staff[0]!] }, unscheduled: [],
      score: { hard: 0, soft: 0, byConstraint: [] }, bound: { value: 0, method: 'test' }, gapPct: 0, stats: { iterations: 0, improvements: 0, timedOut: false, seed: 1 },
    };
    // A stored day plan's document: { problem, plan, source } (the problem is not read here).
    await db.transaction((trx) => plans.insertNextVersion(trx, centreId, { date, kind: 'day', status: 'published', document: { problem: {}, plan: document, source: { kind: 'job' } }, pins: [] }));
  }
  return { centreId, staff, rooms, patients, referrals, shifts };
}

/** What a GP system would send: the referral with the patient contained. */
export const gpReferral = (requestId: string, nhsNumber = testNhsNumber(41)) => ({
  resourceType: 'ServiceRequest',
  identifier: [{ system: 'https://fhir.example-gp-system.nhs.uk/Id/referral', value: requestId }],
  status: 'active',
  intent: 'order',
  priority: 'urgent',
  subject: { reference: '#patient' },
  authoredOn: '2026-12-01T10:15:00+00:00',
  requester: { display: 'Dr Priya Patel, Newland Health Centre' },
  note: [{ text: 'Two falls in a month; lives alone' }],
  extension: [{ url: 'urn:icc-scheduler:extension:efi-category', valueCode: 'severe' }],
  contained: [{
    resourceType: 'Patient',
    id: 'patient',
    identifier: [{ system: NHS_NUMBER_SYSTEM, value: nhsNumber }],
    name: [{ family: 'Ellison', given: ['Doris'] }],
    birthDate: '1936-02-11',
    address: [{ line: ['4 Cottingham Road', 'Hull'], postalCode: 'HU5 2DH' }],
    generalPractitioner: [{ display: 'Newland Health Centre' }],
  }],
});
