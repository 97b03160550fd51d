// Transport lists, rounds and the printable timetable over HTTP on both databases: JSON,
// CSV parsed back with csv-parse (header, CRLF, one row per passenger per stop), printable
// HTML that escapes what people typed, and a vehicle's feed with the pickups at home addresses.
import request from 'supertest';
import type { Express } from 'express';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { planDayByJob, publishNewest } from '../../helpers/plan-by-job.ts';
import { createApp } from '../../../src/app.ts';
import { patients, vehicles } from '../../../src/db/index.ts';
import type { Patient } from '../../../src/domain/patient.ts';
import { loadDemoCentre } from '../../../src/demo/load-demo-centre.ts';
import { transportCsvColumns } from '../../../src/exports/transport-exports.ts';
import { planJobRunnerFor } from '../../../src/solving/jobs/plan-job-runner.ts';
import { createLogger } from '../../../src/logger.ts';
import { describeEachDatabase } from '../../helpers/describe-each-database.ts';
import { truncateAll } from '../../helpers/test-database.ts';
import { parseWithIcalJs, parseWithNodeIcal } from '../feeds/parse-feed.ts';

const DATE = '2026-10-22';
const SCRIPT_NAME = '<script>alert("bus")</script> Minibus';
const SCRIPT_ADDRESS = '<script>steal()</script> 1 High St';

interface StopJson { order: number; arriveMin: number; isCentre: boolean; address: string; boarding: Array<{ patientId: string; ref: string; mobility: string; carer: boolean }>; alighting: Array<{ patientId: string; ref: string }> }
interface RunJson { vehicleId: string; vehicleName: string; kind: string; stops: StopJson[] }

describeEachDatabase('transport lists API', (getDb) => {
  let app: Express;
  let centreId: string;
  let attending: Patient[];
  let runs: RunJson[];
  const day = (suffix: string) => `/api/centres/${centreId}/days/${DATE}${suffix}`;

  beforeAll(async () => {
    await truncateAll(getDb());
    app = createApp({ db: getDb(), logger: createLogger('silent') });
    centreId = (await loadDemoCentre(getDb(), { seed: 1, startDate: '2026-10-19' })).centreId!;
    attending = (await patients.list(getDb(), centreId)).filter((p) => !p.unavailableDates.includes(DATE) && p.lat !== null).slice(0, 5);
    await planDayByJob(app, getDb(), centreId, { date: DATE, patientIds: attending.map((p) => p.id), timeLimitSec: 1 });
    await publishNewest(app, centreId, DATE);
    // Text typed by people, which the printable pages must escape.
    const firstVehicle = (await vehicles.list(getDb(), centreId))[0]!;
    await request(app).patch(`/api/centres/${centreId}/vehicles/${firstVehicle.id}`).send({ name: SCRIPT_NAME }).expect(200);
    await request(app).patch(`/api/centres/${centreId}/patients/${attending[0]!.id}`).send({ addressLines: [SCRIPT_ADDRESS, 'Hull'] }).expect(200);
  });

  afterAll(async () => {
    await planJobRunnerFor(getDb()).close();
  });

  it('lists the day as JSON: every attending patient picked up in the morning and taken home in the afternoon', async () => {
    const res = await request(app).get(day('/transport')).expect(200);
    expect(res.body).toMatchObject({ date: DATE, planStatus: 'published', source: 'stored' });
    expect(res.body.problem).toBeUndefined();
    runs = res.body.runs;
    const served = new Set<string>(res.body.unserved.map((u: { patientId: string; run: string }) => `${u.patientId}:${u.run}`));
    for (const p of attending) {
      const pickedUp = runs.some((r) => r.kind === 'morning' && r.stops.some((s) => !s.isCentre && s.boarding.some((b) => b.patientId === p.id)));
      const home = runs.some((r) => r.kind === 'afternoon' && r.stops.some((s) => !s.isCentre && s.alighting.some((b) => b.patientId === p.id)));
      expect(pickedUp || served.has(`${p.id}:morning`)).toBe(true);
      expect(home || served.has(`${p.id}:afternoon`)).toBe(true);
    }
    for (const run of runs) {
      const times = run.stops.map((s) => s.arriveMin);
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(run.stops.map((s) => s.order)).toEqual(run.stops.map((_, i) => i + 1));
    }
    // The run sheet carries what the driver needs at the door (name, phones, access notes), never the NHS number.
    for (const p of attending) expect(JSON.stringify(res.body)).not.toContain(p.nhsNumber);
    const passengers = runs.flatMap((r) => r.stops.flatMap((s) => s.boarding)) as unknown as Array<{ patientId: string; name: string; phone: string | null }>;
    for (const p of passengers) {
      const record = attending.find((a) => a.id === p.patientId)!;
      expect(p).toMatchObject({ name: `${record.givenName} ${record.familyName}`, phone: record.phone });
    }
  });

  it('gives the day as RFC 4180 CSV: header row, CRLF, quoted fields, one row per passenger per stop', async () => {
    const res = await request(app).get(day('/transport.csv')).expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain('.csv');
    expect(res.text.endsWith('\r\n')).toBe(true);
    expect(res.text.replace(/\r\n/g, '')).not.toContain('\n');
    const header = res.text.split('\r\n')[0]!;
    expect(header).toBe(transportCsvColumns.map((c) => `"${c.header}"`).join(','));
    const rows = parse(res.text, { columns: true }) as Array<Record<string, string>>;
    const expected = runs.flatMap((r) => r.stops.flatMap((s) => [
      ...s.boarding.map((b) => ({ vehicle: r.vehicleName, run: r.kind, stop: String(s.order), action: 'pick up', patient_ref: b.ref, address: s.address })),
      ...s.alighting.map((b) => ({ vehicle: r.vehicleName, run: r.kind, stop: String(s.order), action: 'drop off', patient_ref: b.ref, address: s.address })),
    ]));
    expect(rows).toHaveLength(expected.length);
    expect(rows.map((r) => ({ vehicle: r.vehicle, run: r.run, stop: r.stop, action: r.action, patient_ref: r.patient_ref, address: r.address }))).toEqual(expected);
    expect(rows.every((r) => r.date === DATE && ['yes', 'no'].includes(r.carer!))).toBe(true);
    // The address with a comma stays one cell.
    const home = rows.find((r) => r.patient_ref === attending[1]!.localRef && r.action === 'pick up');
    if (home) expect(home.address).toBe([...attending[1]!.addressLines, attending[1]!.postcode].join(', '));
  });

  it('gives one vehicle its own CSV and a printable run sheet that escapes names and addresses', async () => {
    const vehicleId = runs[0]!.vehicleId;
    const csv = await request(app).get(day(`/transport/vehicles/${vehicleId}.csv`)).expect(200);
    const rows = parse(csv.text, { columns: true }) as Array<Record<string, string>>;
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.vehicle))).toEqual(new Set([runs[0]!.vehicleName]));

    const page = await request(app).get(day('/transport.html')).expect(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.text).toContain('@media print');
    expect(page.text).not.toContain('<script>');
    const namedRun = runs.find((r) => r.vehicleName === SCRIPT_NAME);
    if (namedRun) expect(page.text).toContain('&lt;script&gt;alert(&quot;bus&quot;)&lt;/script&gt; Minibus');
    if (runs.some((r) => r.stops.some((s) => s.address.includes(SCRIPT_ADDRESS)))) expect(page.text).toContain('&lt;script&gt;steal()&lt;/script&gt; 1 High St');
    expect(namedRun !== undefined || runs.some((r) => r.stops.some((s) => s.address.includes(SCRIPT_ADDRESS)))).toBe(true);

    const sheet = await request(app).get(day(`/transport/vehicles/${vehicleId}.html`)).expect(200);
    expect(sheet.text).not.toContain('<script>');
    await request(app).get(day('/transport/vehicles/00000000-0000-4000-8000-000000000000.csv')).expect(404);
    await request(app).get(`/api/centres/${centreId}/days/2026-10-23/transport`).expect(404);
  });

  it('serves the vehicle feed: the driver\'s pickups at home addresses, read by both parsers', async () => {
    const run = runs.find((r) => r.kind === 'morning')!;
    const issued = await request(app).post(`/api/centres/${centreId}/feed-tokens`).send({ kind: 'vehicle', ownerId: run.vehicleId }).expect(201);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-10-21T18:00:00Z'));
    let res;
    try {
      res = await request(app).get(issued.body.url);
    } finally {
      vi.useRealTimers();
    }
    expect(res.status).toBe(200);
    const pickups = run.stops.filter((s) => !s.isCentre).flatMap((s) => s.boarding.map((b) => ({ ...b, arriveMin: s.arriveMin, address: s.address })));
    for (const parseFeed of [parseWithIcalJs, parseWithNodeIcal]) {
      const events = parseFeed(res.text);
      for (const p of pickups) {
        const event = events.find((e) => e.summary.startsWith('Pickup') && e.summary.includes(p.ref));
        expect(event, p.ref).toBeDefined();
        expect(event!.location).toBe(p.address);
        // BST: 1 hour ahead of UTC on DATE.
        expect(event!.startUtc).toBe(new Date(Date.UTC(2026, 9, 22, 0, p.arriveMin - 60)).toISOString());
      }
    }
  });

  it('gives the rounds as JSON and CSV, and 404 for someone not on the staff', async () => {
    const json = await request(app).get(day('/rounds')).expect(200);
    expect(json.body.date).toBe(DATE);
    expect(json.body.problem).toBeUndefined();
    const csv = await request(app).get(day('/rounds.csv')).expect(200);
    const rows = parse(csv.text, { columns: true }) as Array<Record<string, string>>;
    const stops = json.body.rounds.flatMap((r: { stops: unknown[] }) => r.stops);
    expect(rows).toHaveLength(stops.length);
    expect(csv.text.split('\r\n')[0]).toContain('"support_worker"');
    await request(app).get(day('/rounds.html')).expect(200);
    await request(app).get(day('/rounds/00000000-0000-4000-8000-000000000000.html')).expect(404);
  });

  it('prints the coordinator\'s day timetable with every patient and staff member who works', async () => {
    const res = await request(app).get(day('/timetable.html')).expect(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    for (const p of attending) expect(res.text).toContain(p.localRef);
    expect(res.text).toMatch(/Plan version \d+ \(published\)/);
  });
});
