// Valid request bodies for API tests; each test changes only what it is about.
// NHS numbers are made with the real check-digit rule in the 999 test range.
// Also the two set-ups API suites share: a fresh centre before each test, or the demo centre.
import type { Express } from 'express';
import request from 'supertest';
import { beforeAll, beforeEach } from 'vitest';
import { createApp } from '../../src/app.ts';
import type { Db } from '../../src/db/create-database.ts';
import { loadDemoCentre } from '../../src/demo/load-demo-centre.ts';
import { nhsCheckDigit } from '../../src/domain/nhs-number.ts';
import { createLogger } from '../../src/logger.ts';
import { truncateAll } from './test-database.ts';

export const centreBody = (name = 'Test ICC') => ({
  name,
  openingHours: { start: '08:30', end: '17:00' },
  lunchWindow: { start: '12:00', end: '13:30' },
  mdt: { start: '15:30', durationMin: 60 },
  postcode: 'HU6 7RX',
});

export const staffBody = (overrides: Record<string, unknown> = {}) => ({
  name: 'Dr Amira Khan',
  discipline: 'geriatrician',
  qualifications: ['geriatric-review'],
  organisation: { kind: 'icc-provider', name: 'City Health Care Partnership' },
  ...overrides,
});

export const shiftBody = (staffId: string, overrides: Record<string, unknown> = {}) => ({
  staffId,
  date: '2026-03-02',
  start: '08:30',
  end: '16:30',
  breaks: [{ start: '12:30', end: '13:00' }],
  ...overrides,
});

/** The n-th valid NHS number in the 999 test range (skipping prefixes with no valid check digit). */
export function testNhsNumber(n: number): string {
  for (let k = n; ; k++) {
    const first9 = `999${String(k).padStart(6, '0')}`;
    const check = nhsCheckDigit(first9);
    if (check !== null) return `${first9}${check}`;
  }
}

export const patientBody = (n = 1, overrides: Record<string, unknown> = {}) => ({
  nhsNumber: testNhsNumber(n),
  givenName: 'Margaret',
  familyName: 'Hall',
  addressLines: ['12 Beverley Road', 'Hull'],
  postcode: 'HU3 2JZ',
  lat: 53.75,
  lon: -0.35,
  mobility: 'walking-aid',
  carer: { name: 'Jim Hall', attending: true },
  efiCategory: 'moderate',
  gpPractice: 'Newland Health Centre',
  localRef: `ICC-${String(n).padStart(4, '0')}`,
  ...overrides,
});

export const assessmentTypeBody = (code: string, overrides: Record<string, unknown> = {}) => ({
  code,
  name: code,
  discipline: 'anp',
  kind: 'assessment',
  durationMin: 45,
  roomType: 'consult',
  qualification: 'anp-assessment',
  ...overrides,
});

export const vehicleBody = (overrides: Record<string, unknown> = {}) => ({
  name: 'Minibus 1',
  seats: 6,
  wheelchairSpaces: 2,
  depot: { postcode: 'HU8 9HE', lat: 53.77, lon: -0.3 },
  driverShift: { start: '07:30', end: '17:30' },
  ...overrides,
});

export const careHomeBody = (overrides: Record<string, unknown> = {}) => ({
  name: 'Ashcourt Care Home',
  addressLines: ['41 Cottingham Road', 'Hull'],
  postcode: 'HU5 2DH',
  lat: 53.7635,
  lon: -0.3705,
  phone: '01482 440011',
  sharedRooms: [{ key: 'lounge', name: 'Lounge', capacity: 1 }],
  visitingHours: { start: '09:30', end: '17:00' },
  ...overrides,
});

/** The field paths an error reply names (its details' paths). */
export const errorPaths = (body: { error: { details: { path: string }[] } }) => body.error.details.map((d) => d.path);

/** A suite's app and its centre: api('/patients') is that centre's URL, api('') the centre's own. */
export interface CentreApi {
  app: () => Express;
  centreId: () => string;
  api: (path: string) => string;
}

/** Before each test: the tables emptied and one centre (centreBody) created through the API. */
export function freshCentreApi(getDb: () => Db): CentreApi {
  const app = () => createApp({ db: getDb() });
  let centreId = '';
  beforeEach(async () => {
    await truncateAll(getDb());
    centreId = (await request(app()).post('/api/centres').send(centreBody()).expect(201)).body.id as string;
  });
  return { app, centreId: () => centreId, api: (path) => `/api/centres/${centreId}${path}` };
}

/** Once for the suite: the tables emptied and the demo centre loaded (seed 1) with its rota from `startDate`. */
export function demoCentreApi(getDb: () => Db, startDate: string): CentreApi {
  let app: Express | undefined;
  let centreId = '';
  beforeAll(async () => {
    await truncateAll(getDb());
    app = createApp({ db: getDb(), logger: createLogger('silent') });
    centreId = (await loadDemoCentre(getDb(), { seed: 1, startDate })).centreId!;
  });
  return {
    app: () => {
      if (!app) throw new Error('demoCentreApi: the app is made in beforeAll; use it inside a test');
      return app;
    },
    centreId: () => centreId,
    api: (path) => `/api/centres/${centreId}${path}`,
  };
}
