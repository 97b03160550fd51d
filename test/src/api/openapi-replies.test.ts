// Real replies, on both databases, held to the OpenAPI document's schemas (strict: a renamed,
// missing or extra field fails): the centres and their resources, tokens, the referral pathway,
// booking, pre-visit rounds and follow-ups, planning jobs, plans, their views and edits, the
// transport and rounds lists in every format, feed tokens and feeds — each family with at
// least one refusal. The last test fails if any documented operation was not answered here.
import request from 'supertest';
import type { Express } from 'express';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp } from '../../../src/app.ts';
import { openApiPath } from '../../../src/api/openapi/openapi-document.ts';
import { patients } from '../../../src/db/index.ts';
import { loadDemoCentre } from '../../../src/demo/load-demo-centre.ts';
import { defaultFollowUpTypes } from '../../../src/domain/referral-pathway.ts';
import { planJobRunnerFor } from '../../../src/solving/jobs/plan-job-runner.ts';
import { createLogger } from '../../../src/logger.ts';
import { addDays, isoWeekday } from '../../../src/domain/local-date.ts';
import { formatMinutes } from '../../../solver/model/format-minutes.ts';
import { bearer, issueToken } from '../../helpers/auth-tokens.ts';
import { describeEachDatabase } from '../../helpers/describe-each-database.ts';
import { createReplyChecker, doc, validatorFor } from '../../helpers/documented-replies.ts';
import { assessmentTypeBody, centreBody, patientBody, shiftBody, staffBody, vehicleBody, careHomeBody } from '../../helpers/fixtures.ts';
import { truncateAll } from '../../helpers/test-database.ts';

const START = '2026-11-30'; // Monday: the demo rota's first day
const DATE = '2026-12-01';
const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const C = '/api/centres/:centreId';
const D = `${C}/days/:date`;

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
interface Call {
  params?: Record<string, string>;
  query?: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** The API token; null for none. Default: the demo centre's coordinator. */
  token?: string | null;
}

/** The body with the field at `path` renamed (last segment + 'X'): what a drifting API would send. */
function renamed(body: unknown, path: Array<string | number>): unknown {
  const copy = structuredClone(body) as Record<string | number, unknown>;
  let at = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  expect(at, `renamed: ${path.join('.')} exists`).toHaveProperty(String(last));
  at[`${String(last)}X`] = at[last];
  delete at[last];
  return copy;
}

describeEachDatabase('OpenAPI replies', (getDb) => {
  const { expectDocumented, checked } = createReplyChecker();
  /** Operations whose 201 Location was followed and answered. */
  const located = new Set<string>();
  let app: Express;
  let admin: string;
  let coordinator: string;
  let centreId: string;
  /** Demo patients (with referrals and pre-visit outcomes) who can come on DATE. */
  let attending: string[];

  /** Calls `path` (Express style, parameters filled in) and holds the reply to the document. */
  async function call(method: Method, path: string, status: number, options: Call = {}): Promise<request.Response> {
    const params: Record<string, string> = { centreId, date: DATE, ...options.params };
    const url = path.replace(/:(\w+)/g, (_, name: string) => {
      expect(params, `a value for :${name}`).toHaveProperty(name);
      return encodeURIComponent(params[name]!);
    }) + (options.query ?? '');
    let req = request(app)[method](url);
    const token = options.token === undefined ? coordinator : options.token;
    if (token !== null) req = req.set(bearer(token));
    if (options.headers) req = req.set(options.headers);
    const res = await (options.body === undefined ? req : req.send(options.body as object));
    expect(res.status, `${method} ${url}: ${res.text?.slice(0, 400)}`).toBe(status);
    expectDocumented(method, path, res);
    if (options.body !== undefined && status < 300) expectAcceptedBodyDocumented(method, path, options.body);
    if (status === 201) await expectLocationResolves(method, path, res, token);
    return res;
  }

  /** Every 201's Location answers a GET with the same token: the record created (same id), or the collection of a bulk create. */
  async function expectLocationResolves(method: Method, path: string, res: request.Response, token: string | null): Promise<void> {
    const location = res.headers.location as string | undefined;
    expect(location, `${method} ${path} → 201: Location`).toBeDefined();
    const url = new URL(location!, 'http://service.invalid');
    let get = request(app).get(`${url.pathname}${url.search}`);
    if (token !== null) get = get.set(bearer(token));
    const found = await get;
    expect(found.status, `GET ${location} (the Location of ${method} ${path}): ${found.text?.slice(0, 300)}`).toBe(200);
    const createdId = (res.body as { id?: unknown }).id;
    if (typeof createdId === 'string' && !path.startsWith('/fhir/') && !path.endsWith('/transitions') && !path.endsWith('/mdt-outcome')) {
      expect((found.body as { id?: unknown }).id, `GET ${location} is the record ${method} ${path} created`).toBe(createdId);
    }
    located.add(`${method} ${openApiPath(path)}`);
  }

  /** A body the API accepted fits the documented request schema. */
  function expectAcceptedBodyDocumented(method: Method, path: string, body: unknown): void {
    const requestBody = (doc.paths[openApiPath(path)]![method] as { requestBody?: { content: Record<string, { schema: object }> } }).requestBody;
    expect(requestBody, `${method} ${path} documents its request body`).toBeDefined();
    const validate = validatorFor((requestBody!.content['application/json'] ?? Object.values(requestBody!.content)[0]!).schema);
    expect(validate(body) ? [] : validate.errors, `${method} ${path}: the accepted body`).toEqual([]);
  }

  /** The documented schema rejects the reply with a field renamed at `path` (the checks are strict where it matters). */
  function expectRenameRejected(method: Method, path: string, res: request.Response, field: Array<string | number>): void {
    const schema = doc.paths[openApiPath(path)]![method]!.responses[String(res.status)]!.content!['application/json']!.schema;
    expect(validatorFor(schema)(renamed(res.body, field)), `${method} ${path} with ${field.join('.')} renamed`).toBe(false);
  }

  beforeAll(async () => {
    await truncateAll(getDb());
    app = createApp({ db: getDb(), logger: createLogger('silent'), auth: { enforce: true } });
    centreId = (await loadDemoCentre(getDb(), { seed: 1, startDate: START })).centreId!;
    attending = (await patients.list(getDb(), centreId)).filter((p) => !p.unavailableDates.includes(DATE)).slice(0, 5).map((p) => p.id);
    admin = await issueToken(getDb(), { role: 'admin' });
    coordinator = await issueToken(getDb(), { role: 'coordinator', centreId });
  });

  afterAll(async () => {
    await planJobRunnerFor(getDb()).close();
  });

  it('service, centres and API tokens', async () => {
    await call('get', '/health', 200, { token: null });
    await call('get', '/openapi.json', 200, { token: null });
    await call('get', '/api/openapi.json', 200, { token: null });
    // Operations: metrics and the audit log are the admin's.
    await call('get', '/metrics', 200, { token: admin });
    await call('get', '/metrics', 403, { token: coordinator });
    await call('get', '/api/audit-log', 200, { token: admin });
    await call('get', '/api/audit-log', 403, { token: coordinator });

    const centre = await call('post', '/api/centres', 201, { token: admin, body: centreBody('Throwaway ICC') });
    const other = { token: admin, params: { centreId: centre.body.id } };
    await call('get', '/api/centres', 200, { token: admin });
    expectRenameRejected('get', `${C}`, await call('get', C, 200, other), ['mealDurationMin']);
    await call('patch', C, 200, { ...other, body: { name: 'Renamed ICC' } });
    await call('delete', C, 204, other);
    await call('get', C, 404, other);
    await call('get', '/api/centres', 403);
    await call('get', '/api/centres', 401, { token: null });
    await call('post', '/api/centres', 400, { token: admin, body: { name: '' } });

    const issued = await call('post', '/api/tokens', 201, { token: admin, body: { name: 'Ward 3', role: 'coordinator', centreId } });
    expectRenameRejected('post', '/api/tokens', issued, ['token']);
    await call('get', '/api/tokens', 200, { token: admin });
    await call('get', '/api/tokens/me', 200, { token: issued.body.token });
    const read = await call('get', '/api/tokens/:id', 200, { token: admin, params: { id: issued.body.id } });
    await call('delete', '/api/tokens/:id', 412, { token: admin, params: { id: issued.body.id }, headers: { 'If-Match': '"stale"' } });
    await call('delete', '/api/tokens/:id', 200, { token: admin, params: { id: issued.body.id }, headers: { 'If-Match': read.headers.etag! } });
    await call('get', '/api/tokens/:id', 404, { token: admin, params: { id: UNKNOWN } });
    await call('get', '/api/tokens/me', 401, { token: issued.body.token });
    await call('post', '/api/tokens', 400, { token: admin, body: { name: 'x', role: 'clinician', centreId } });
    await call('delete', '/api/tokens/:id', 404, { token: admin, params: { id: UNKNOWN } });
  });

  it('centre resources: create (one, and many at once), list, read, update, refuse, delete', async () => {
    const ids: Record<string, string> = {};
    const resources: Array<{ path: string; create: () => object; patch: object }> = [
      { path: 'staff', create: () => staffBody({ name: 'OpenAPI Staff' }), patch: { name: 'OpenAPI Staff II' } },
      { path: 'shifts', create: () => shiftBody(ids.staff!), patch: { end: '16:00' } },
      { path: 'rooms', create: () => ({ name: 'Room X', type: 'consult' }), patch: { capacity: 2 } },
      { path: 'assessment-types', create: () => assessmentTypeBody('openapi-check'), patch: { durationMin: 30 } },
      { path: 'precedence-rules', create: () => ({ before: ids['assessment-types'], after: '*' }), patch: { minLagMin: 5 } },
      { path: 'patients', create: () => patientBody(8801), patch: { phone: '01482 000000' } },
      { path: 'referrals', create: () => ({ patientId: ids.patients, referrer: { kind: 'gp', name: 'Dr Patel' }, referredDate: '2026-11-16' }), patch: { notes: 'checked' } },
      { path: 'vehicles', create: () => vehicleBody({ name: 'Van X' }), patch: { seats: 5 } },
      { path: 'care-homes', create: () => careHomeBody({ name: 'OpenAPI Lodge' }), patch: { phone: '01482 000001' } },
      { path: 'outreach-days', create: () => ({ date: '2026-12-09', staffIds: [ids.staff] }), patch: { maxResidents: 4 } },
    ];
    for (const r of resources) {
      const base = `${C}/${r.path}`;
      const created = await call('post', base, 201, { body: r.create() });
      ids[r.path] = created.body.id;
      const item = { params: { id: created.body.id } };
      await call('get', base, 200);
      await call('get', `${base}/:id`, 200, item);
      await call('patch', `${base}/:id`, 200, { ...item, body: r.patch });
      await call('get', `${base}/:id`, 404, { params: { id: UNKNOWN } });
      await call('post', base, 400, { body: { colour: 'red' } });
    }
    const referral = await call('get', `${C}/referrals/:id`, 200, { params: { id: ids.referrals! } });
    expectRenameRejected('get', `${C}/referrals/:id`, referral, ['statusHistory', 0, 'status']);
    const many = await call('post', `${C}/shifts`, 201, { body: [shiftBody(ids.staff!, { date: '2026-03-03' }), shiftBody(ids.staff!, { date: '2026-03-04' })] });
    expect(many.body).toHaveLength(2);
    for (const shift of many.body as Array<{ id: string }>) await call('delete', `${C}/shifts/:id`, 204, { params: { id: shift.id } });
    const referralBody = { patientId: ids.patients, referrer: { kind: 'gp', name: 'Dr Patel' }, referredDate: '2026-11-17' };
    const referrals = await call('post', `${C}/referrals`, 201, { body: [referralBody, referralBody] });
    for (const r of referrals.body as Array<{ id: string }>) await call('delete', `${C}/referrals/:id`, 204, { params: { id: r.id } });
    const csv = 'nhsNumber,givenName,familyName,addressLine1,postcode,efiCategory,gpPractice,localRef,referrerName,referredDate\n'
      + '9434765919,Cara,Csv,1 Road,HU1 1AA,mild,Newland Health Centre,CSV-OPENAPI,Dr Patel,2026-11-18\n';
    await call('post', `${C}/referrals/import`, 201, { body: csv, headers: { 'Content-Type': 'text/csv' } });
    await call('post', `${C}/referrals/import`, 400, { body: csv.replace('HU1 1AA', 'HULL'), headers: { 'Content-Type': 'text/csv' } });
    for (const r of [...resources].reverse()) await call('delete', `${C}/${r.path}/:id`, 204, { params: { id: ids[r.path]! } });
  });

  it('the referral pathway, booking, pre-visit rounds and follow-ups', async () => {
    const patient = (await call('post', `${C}/patients`, 201, { body: patientBody(8802, { localRef: 'ICC-OAS', lat: 53.76, lon: -0.36 }) })).body;
    const referral = (await call('post', `${C}/referrals`, 201, { body: { patientId: patient.id, referrer: { kind: 'gp', name: 'Dr Patel' }, referredDate: '2026-11-16', urgent: true } })).body;
    const api = { params: { id: referral.id as string } };

    const plan = await call('post', `${C}/bookings/plan`, 200, { body: { from: START, days: 14, backend: 'highs' } });
    expectRenameRejected('post', `${C}/bookings/plan`, plan, ['proposals', 0, 'iccDate']);
    const mine = plan.body.proposals.find((p: { referralId: string }) => p.referralId === referral.id);
    expect(mine, JSON.stringify(plan.body.unbooked)).toBeDefined();
    await call('post', `${C}/bookings/plan`, 400, { body: { from: START, days: 0 } });
    const confirmed = await call('post', `${C}/bookings/confirm`, 200, { body: { proposals: [{ referralId: referral.id, preVisitDate: mine.preVisitDate, iccDate: mine.iccDate }] } });
    expect(confirmed.body.confirmed[0].status).toBe('pre-visit-booked');
    await call('post', `${C}/bookings/confirm`, 400, { body: { proposals: [{ referralId: UNKNOWN, iccDate: mine.iccDate }] } });

    const pathway = await call('get', `${C}/referrals/:id/transitions`, 200, api);
    expectRenameRejected('get', `${C}/referrals/:id/transitions`, pathway, ['booking', 'iccDate']);
    const refused = await call('post', `${C}/referrals/:id/transitions`, 409, { ...api, body: { to: 'attended' } });
    expect(refused.body.error.details.allowed).toEqual(pathway.body.allowedNext);
    await call('post', `${C}/referrals/:id/transitions`, 409, { ...api, body: { to: 'pre-visit-done' } });

    // The pre-visit is on a support worker's round, in every format (a short search: one visit).
    const onRound = { params: { date: mine.preVisitDate }, query: '?timeLimitMs=100' };
    const rounds = await call('get', `${D}/pre-visit-rounds`, 200, onRound);
    expectRenameRejected('get', `${D}/pre-visit-rounds`, rounds, ['rounds', 0, 'stops', 0, 'patientRef']);
    expectRenameRejected('get', `${D}/pre-visit-rounds`, rounds, ['plan', 'rounds', 0, 'travelMin']);
    const worker = rounds.body.rounds.find((r: { stops: Array<{ referralId: string }> }) => r.stops.some((s) => s.referralId === referral.id));
    expect(worker).toBeDefined();
    await call('get', `${D}/pre-visit-rounds`, 400, { ...onRound, query: '?visitDurationMin=5' });
    for (const suffix of ['', '.json', '.csv', '.html']) await call('get', `${D}/rounds${suffix}`, 200, onRound);
    for (const suffix of ['', '.json', '.csv', '.html']) await call('get', `${D}/rounds/:file`, 200, { ...onRound, params: { date: mine.preVisitDate, file: `${worker.workerId}${suffix}` } });
    await call('get', `${D}/rounds/:file`, 404, { ...onRound, params: { date: mine.preVisitDate, file: UNKNOWN } });

    await call('get', `${C}/referrals/:id/pre-visit`, 404, api);
    const types = (await call('get', `${C}/assessment-types`, 200)).body as Array<{ id: string; code: string }>;
    const typeId = (code: string) => types.find((t) => t.code === code)!.id;
    await call('put', `${C}/referrals/:id/pre-visit`, 400, { ...api, body: { requiredAssessmentTypeIds: ['anp-initial'] } });
    await call('put', `${C}/referrals/:id/pre-visit`, 200, {
      ...api, body: { visitDate: mine.preVisitDate, requiredAssessmentTypeIds: [typeId('anp-initial'), typeId('physio-assessment')], consentRecordAccess: true, mobility: 'walking-aid' },
    });
    expectRenameRejected('get', `${C}/referrals/:id/pre-visit`, await call('get', `${C}/referrals/:id/pre-visit`, 200, api), ['requiredAssessmentTypeIds']);
    await call('post', `${C}/referrals/:id/transitions`, 201, { ...api, body: { to: 'day-booked' } });
    await call('post', `${C}/referrals/:id/transitions`, 201, { ...api, body: { to: 'attended', note: 'came by taxi' } });

    // The MDT outcome and its follow-ups, booked within the rehab team's shifts.
    await call('get', `${C}/referrals/:id/mdt-outcome`, 404, api);
    await call('post', `${C}/referrals/:id/mdt-outcome`, 400, { ...api, body: { carePlan: 'x', followUps: [{ type: 'aromatherapy' }] } });
    const physio = (await call('post', `${C}/staff`, 201, { body: staffBody({ name: 'Rehab Physio', discipline: 'physio', qualifications: ['physio-assessment'] }) })).body.id;
    const anp = (await call('post', `${C}/staff`, 201, { body: staffBody({ name: 'Review ANP', discipline: 'anp', qualifications: ['anp-initial'] }) })).body.id;
    const days = Array.from({ length: 20 }, (_, i) => addDays(mine.iccDate, i + 1)).filter((d) => isoWeekday(d) <= 5);
    await call('post', `${C}/shifts`, 201, { body: days.flatMap((date) => [shiftBody(physio, { date }), shiftBody(anp, { date })]) });
    await call('get', `${C}/follow-ups/types`, 200);
    await call('put', `${C}/follow-ups/types`, 400, { body: [] });
    expectRenameRejected('put', `${C}/follow-ups/types`, await call('put', `${C}/follow-ups/types`, 200, { body: defaultFollowUpTypes }), ['types', 0, 'windowEndDays']);
    await call('post', `${C}/referrals/:id/mdt-outcome`, 201, { ...api, body: { carePlan: 'Falls prevention at home', followUps: [{ type: 'rehab-home-visit' }, { type: 'icc-phone-review' }] } });
    expectRenameRejected('get', `${C}/referrals/:id/mdt-outcome`, await call('get', `${C}/referrals/:id/mdt-outcome`, 200, api), ['outcome', 'carePlan']);
    await call('get', `${C}/follow-ups`, 200, { query: `?referralId=${referral.id}` });
    await call('get', `${C}/follow-ups`, 400, { query: '?status=lost' });
    const booked = await call('post', `${C}/follow-ups/plan`, 200, { body: { referralIds: [referral.id], timeLimitMs: 100 } });
    expect(booked.body.booked).toHaveLength(2);
    expectRenameRejected('post', `${C}/follow-ups/plan`, booked, ['rounds', 0, 'stops', 0, 'followUpId']);
    await call('post', `${C}/follow-ups/plan`, 400, { body: { seed: -1 } });
  });

  it('planning jobs, the plan and its views, and every edit with its refusals', async () => {
    const queued = await call('post', `${C}/plan-jobs`, 202, { body: { date: DATE, patientIds: attending, timeLimitSec: 1, seed: 2 } });
    await call('post', `${C}/plan-jobs`, 400, { body: { date: DATE, patientIds: attending, colour: 'red' } });
    await planJobRunnerFor(getDb()).idle();
    const job = await call('get', `${C}/plan-jobs/:id`, 200, { params: { id: queued.body.id } });
    expect(job.body.status, JSON.stringify(job.body.error)).toBe('succeeded');
    expectRenameRejected('get', `${C}/plan-jobs/:id`, job, ['progress', 'bestHard']);
    expectRenameRejected('get', `${C}/plan-jobs/:id`, job, ['plan', 'provisional']);
    await call('post', `${C}/plan-jobs/:id/cancel`, 409, { params: { id: queued.body.id } });
    await call('get', `${C}/plan-jobs/:id`, 404, { params: { id: UNKNOWN } });
    for (const method of ['post', 'delete'] as const) {
      const slow = await call('post', `${C}/plan-jobs`, 202, { body: { date: DATE, patientIds: attending, timeLimitSec: 60 } });
      const cancelled = await call(method, method === 'post' ? `${C}/plan-jobs/:id/cancel` : `${C}/plan-jobs/:id`, 200, { params: { id: slow.body.id } });
      expect(cancelled.body.status).toBe('cancelled');
      await call('delete', `${C}/plan-jobs/:id`, 409, { params: { id: slow.body.id } });
    }
    await planJobRunnerFor(getDb()).idle();

    const current = await call('get', `${D}/plan`, 200);
    expectRenameRejected('get', `${D}/plan`, current, ['plan', 'activities', 0, 'startMin']);
    expectRenameRejected('get', `${D}/plan`, current, ['source', 'jobId']);
    await call('get', `${D}/plan`, 304, { headers: { 'If-None-Match': current.headers.etag! } });
    await call('get', `${D}/plan`, 404, { query: '?status=published' });
    await call('get', `${D}/plan`, 400, { query: '?version=none' });
    expectRenameRejected('get', `${D}/plan/by-patient`, await call('get', `${D}/plan/by-patient`, 200), ['patients', 0, 'activities', 0, 'roomName']);
    expectRenameRejected('get', `${D}/plan/by-staff`, await call('get', `${D}/plan/by-staff`, 200), ['staff', 0, 'shift']);
    const staffId = current.body.plan.activities.find((a: { staffId?: string }) => a.staffId).staffId;
    await call('get', `${D}/plan/by-staff`, 200, { query: `?staffId=${staffId}` });
    expectRenameRejected('get', `${D}/plan/by-room`, await call('get', `${D}/plan/by-room`, 200), ['rooms', 0, 'capacity']);

    const activity = current.body.plan.activities.find((a: { staffId?: string }) => a.staffId);
    let etag = current.headers.etag!;
    await call('post', `${D}/plan/pins`, 428, { body: { activityId: activity.id } });
    await call('post', `${D}/plan/pins`, 412, { body: { activityId: activity.id }, headers: { 'If-Match': '"99"' } });
    await call('post', `${D}/plan/pins`, 400, { body: { activityId: 'nobody:nothing' }, headers: { 'If-Match': etag } });
    etag = (await call('post', `${D}/plan/pins`, 200, { body: { activityId: activity.id }, headers: { 'If-Match': etag } })).headers.etag!;
    etag = (await call('delete', `${D}/plan/pins/:activityId`, 200, { params: { activityId: activity.id }, headers: { 'If-Match': etag } })).headers.etag!;
    await call('delete', `${D}/plan/pins/:activityId`, 404, { params: { activityId: activity.id }, headers: { 'If-Match': etag } });
    const rejected = await call('post', `${D}/plan/moves`, 422, { body: { activityId: activity.id, start: '05:00' }, headers: { 'If-Match': etag } });
    expect(rejected.body.error.details.violations.length).toBeGreaterThan(0);
    const moved = await call('post', `${D}/plan/moves`, 200, { body: { activityId: activity.id, start: formatMinutes(activity.startMin) }, headers: { 'If-Match': etag } });
    expectRenameRejected('post', `${D}/plan/moves`, moved, ['source', 'to', 'startMin']);
    etag = moved.headers.etag!;
    const replanned = await call('post', `${D}/plan/replan`, 200, {
      body: { now: '09:00', changes: [{ kind: 'patient-cancelled', patientId: attending[4] }], timeLimitSec: 1 }, headers: { 'If-Match': etag },
    });
    expect(replanned.body.strategy).toBeDefined();
    expectRenameRejected('post', `${D}/plan/replan`, replanned, ['strategy']);
    await call('post', `${D}/plan/replan`, 400, { body: { now: '09:00', changes: [] }, headers: { 'If-Match': replanned.headers.etag! } });
    etag = (await call('post', `${D}/plan/publish`, 200, { headers: { 'If-Match': replanned.headers.etag! } })).headers.etag!;
    await call('post', `${D}/plan/publish`, 409, { headers: { 'If-Match': etag } });
    await call('get', `${D}/timetable.html`, 200);
    await call('get', `${D}/timetable.html`, 404, { params: { date: '2026-12-25' } });
    for (const file of ['letter.html', 'letter.txt']) {
      await call('get', `${D}/patients/:patientId/${file}`, 200, { params: { patientId: attending[0]! } });
      await call('get', `${D}/patients/:patientId/${file}`, 409, { params: { patientId: attending[0]!, date: '2026-12-25' } });
      await call('get', `${D}/patients/:patientId/${file}`, 404, { params: { patientId: UNKNOWN } });
    }
  });

  it('the transport lists in every format, for the day and for one vehicle', async () => {
    for (const suffix of ['', '.json', '.csv', '.html']) await call('get', `${D}/transport${suffix}`, 200);
    const list = await call('get', `${D}/transport`, 200);
    expect(list.body.runs.length).toBeGreaterThan(0);
    expectRenameRejected('get', `${D}/transport`, list, ['runs', 0, 'stops', 0, 'boarding']);
    const vehicleId = list.body.runs[0].vehicleId;
    for (const suffix of ['', '.json', '.csv', '.html']) await call('get', `${D}/transport/vehicles/:file`, 200, { params: { file: `${vehicleId}${suffix}` } });
    await call('get', `${D}/transport/vehicles/:file`, 404, { params: { file: `${UNKNOWN}.csv` } });
    await call('get', `${D}/transport.csv`, 404, { params: { date: '2026-12-25' } });
    const staffId = (await call('get', `${C}/staff`, 200)).body[0].id as string;
    const clinician = await issueToken(getDb(), { role: 'clinician', centreId, staffId });
    await call('get', `${D}/transport`, 403, { token: clinician });
  });

  it('feed tokens and the feeds they open', async () => {
    const staffId = (await call('get', `${C}/staff`, 200)).body[0].id as string;
    const issued = await call('post', `${C}/feed-tokens`, 201, { body: { kind: 'staff', ownerId: staffId } });
    expectRenameRejected('post', `${C}/feed-tokens`, issued, ['webcalUrl']);
    await call('post', `${C}/feed-tokens`, 400, { body: { kind: 'staff', ownerId: UNKNOWN } });
    await call('post', `${C}/feed-tokens`, 400, { body: { kind: 'desk', ownerId: staffId } });
    await call('get', `${C}/feed-tokens`, 200);
    await call('get', `${C}/feed-tokens/:id`, 200, { params: { id: issued.body.id } });
    const feed = await call('get', '/feeds/:file', 200, { token: null, params: { file: `${issued.body.token}.ics` } });
    await call('get', '/feeds/:file', 304, { token: null, params: { file: `${issued.body.token}.ics` }, headers: { 'If-None-Match': feed.headers.etag! } });
    const reissued = await call('post', `${C}/feed-tokens/:id/reissue`, 201, { params: { id: issued.body.id } });
    await call('get', '/feeds/:file', 404, { token: null, params: { file: `${issued.body.token}.ics` } });
    const token = await call('get', `${C}/feed-tokens/:id`, 200, { params: { id: reissued.body.id } });
    await call('delete', `${C}/feed-tokens/:id`, 412, { params: { id: reissued.body.id }, headers: { 'If-Match': '"stale"' } });
    await call('delete', `${C}/feed-tokens/:id`, 204, { params: { id: reissued.body.id }, headers: { 'If-Match': token.headers.etag! } });
    await call('get', `${C}/feed-tokens/:id`, 404, { params: { id: UNKNOWN } });
    await call('get', '/feeds/:file', 404, { token: null, params: { file: `${reissued.body.token}.ics` } });
    await call('post', `${C}/feed-tokens/:id/reissue`, 404, { params: { id: UNKNOWN } });
  });

  it('webhooks: register, list, read, deliveries, re-send, remove', async () => {
    const hook = await call('post', `${C}/webhooks`, 201, { body: { url: 'http://127.0.0.1:9/hooks', events: ['referral.status-changed'] } });
    expectRenameRejected('post', `${C}/webhooks`, hook, ['secret']);
    await call('post', `${C}/webhooks`, 400, { body: { url: 'http://127.0.0.1:9/hooks', events: ['plan.moved'] } });
    await call('get', `${C}/webhooks`, 200);
    const item = { params: { id: hook.body.id } };
    await call('get', `${C}/webhooks/:id`, 200, item);
    const patient = (await call('post', `${C}/patients`, 201, { body: patientBody(8850, { localRef: 'ICC-WEBHOOK' }) })).body;
    const referral = (await call('post', `${C}/referrals`, 201, { body: { patientId: patient.id, referrer: { kind: 'gp', name: 'Dr Patel' }, referredDate: '2026-11-16' } })).body;
    await call('post', `${C}/referrals/:id/transitions`, 201, { params: { id: referral.id }, body: { to: 'declined' } });
    const deliveries = await call('get', `${C}/webhooks/:id/deliveries`, 200, item);
    expect(deliveries.body).toHaveLength(1);
    await call('post', `${C}/webhooks/:id/deliveries/:deliveryId/resend`, 201, { params: { id: hook.body.id, deliveryId: deliveries.body[0].id } });
    await call('get', `${C}/webhooks/:id/deliveries/:deliveryId`, 200, { params: { id: hook.body.id, deliveryId: deliveries.body[0].id } });
    await call('get', `${C}/webhooks/:id/deliveries/:deliveryId`, 404, { params: { id: hook.body.id, deliveryId: UNKNOWN } });
    await call('post', `${C}/webhooks/:id/deliveries/:deliveryId/resend`, 404, { params: { id: hook.body.id, deliveryId: UNKNOWN } });
    await call('delete', `${C}/webhooks/:id`, 204, item);
    await call('get', `${C}/webhooks/:id`, 404, item);
  });

  it('the FHIR R4 API: metadata, every type searched and read', async () => {
    const F = '/fhir/r4/:centreId';
    await call('get', `${F}/metadata`, 200);
    for (const type of ['Patient', 'Practitioner', 'Location', 'Schedule', 'Slot', 'Appointment', 'ServiceRequest']) {
      const bundle = await call('get', `${F}/${type}`, 200, { query: type === 'Slot' ? `?start=${DATE}` : '' });
      expect(bundle.body.entry?.length ?? 0, `${type} search finds something`).toBeGreaterThan(0);
      await call('get', `${F}/${type}/:id`, 200, { params: { id: bundle.body.entry[0].resource.id } });
    }
    const referral = {
      resourceType: 'ServiceRequest', identifier: [{ system: 'https://gp.example/Id/referral', value: 'OPENAPI-1' }], status: 'active', intent: 'order',
      subject: { reference: '#p' }, requester: { display: 'Dr Patel' },
      contained: [{ resourceType: 'Patient', id: 'p', identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: '9434765919' }], name: [{ family: 'Openapi', given: ['Olive'] }], address: [{ line: ['1 Road'], postalCode: 'HU1 1AA' }] }],
    };
    await call('post', `${F}/ServiceRequest`, 201, { body: referral });
    await call('post', `${F}/ServiceRequest`, 200, { body: referral });
    await call('post', `${F}/ServiceRequest`, 400, { body: { ...referral, identifier: [] } });
    await call('get', `${F}/Patient`, 400, { query: '?colour=red' });
    await call('get', `${F}/Patient/:id`, 404, { params: { id: UNKNOWN } });
  });

  it('care-home outreach: booking, the outreach plan, its edits and the printable round', async () => {
    const OUT = '2026-12-03';
    const home = (await call('get', `${C}/care-homes`, 200)).body[0] as { id: string };
    const resident = (await call('post', `${C}/patients`, 201, { body: patientBody(8803, { localRef: 'CH-OAS', careHomeResident: true, careHomeId: home.id }) })).body;
    const referral = (await call('post', `${C}/referrals`, 201, { body: { patientId: resident.id, referrer: { kind: 'gp', name: 'Dr Patel' }, referredDate: '2026-11-16', urgent: true } })).body;
    const types = (await call('get', `${C}/assessment-types`, 200)).body as Array<{ id: string; code: string }>;
    const typeId = (code: string) => types.find((t) => t.code === code)!.id;
    await call('put', `${C}/referrals/:id/pre-visit`, 200, { params: { id: referral.id }, body: { visitDate: '2026-11-25', requiredAssessmentTypeIds: [typeId('anp-initial'), typeId('geriatrician-review')], consentRecordAccess: true, mobility: 'walks' } });
    const staff = (await call('get', `${C}/staff`, 200)).body as Array<{ id: string; discipline: string }>;
    const onShift = new Set(((await call('get', `${C}/shifts`, 200, { query: `?date=${OUT}` })).body as Array<{ staffId: string }>).map((s) => s.staffId));
    const team = ['anp', 'geriatrician'].map((d) => staff.find((s) => s.discipline === d && onShift.has(s.id))!.id);
    await call('post', `${C}/outreach-days`, 201, { body: { date: OUT, staffIds: team, maxResidents: 6 } });

    const proposal = await call('post', `${C}/outreach-bookings/plan`, 200, { body: { from: START, days: 14 } });
    expectRenameRejected('post', `${C}/outreach-bookings/plan`, proposal, ['outreachDays', 0, 'careHomeIds']);
    await call('post', `${C}/outreach-bookings/plan`, 400, { body: { from: 'soon' } });
    await call('post', `${C}/outreach-bookings/confirm`, 400, { body: { proposals: [{ referralId: UNKNOWN, outreachDate: OUT }] } });
    await call('post', `${C}/outreach-bookings/confirm`, 200, { body: { proposals: [{ referralId: referral.id, outreachDate: OUT }] } });

    const day = { params: { date: OUT } };
    const planned = await call('post', `${D}/outreach-plan`, 201, { ...day, body: { patientIds: [resident.id], maxIterations: 100 } });
    expectRenameRejected('post', `${D}/outreach-plan`, planned, ['plan', 'rounds', 0, 'travelMin']);
    expectRenameRejected('post', `${D}/outreach-plan`, planned, ['homes', 0, 'visitingHours']);
    await call('post', `${D}/outreach-plan`, 400, { params: { date: '2026-12-04' }, body: {} });
    await call('get', `${D}/outreach-plan`, 200, day);
    await call('get', `${D}/outreach-plan`, 404, { params: { date: '2026-12-24' } });
    const visitId = planned.body.plan.visits[0].id as string;
    await call('post', `${D}/outreach-plan/pins`, 428, { ...day, body: { visitId } });
    let etag = (await call('post', `${D}/outreach-plan/pins`, 200, { ...day, body: { visitId }, headers: { 'If-Match': planned.headers.etag! } })).headers.etag!;
    etag = (await call('delete', `${D}/outreach-plan/pins/:visitId`, 200, { params: { date: OUT, visitId }, headers: { 'If-Match': etag } })).headers.etag!;
    await call('delete', `${D}/outreach-plan/pins/:visitId`, 404, { params: { date: OUT, visitId }, headers: { 'If-Match': etag } });
    await call('post', `${D}/outreach-plan/moves`, 400, { ...day, body: { visitId, start: 'soon' }, headers: { 'If-Match': etag } });
    const last = [...planned.body.plan.visits].sort((a: { endMin: number }, b: { endMin: number }) => b.endMin - a.endMin)[0] as { id: string; startMin: number };
    const later = last.startMin + 5;
    const start = `${String(Math.floor(later / 60)).padStart(2, '0')}:${String(later % 60).padStart(2, '0')}`;
    etag = (await call('post', `${D}/outreach-plan/moves`, 200, { ...day, body: { visitId: last.id, start }, headers: { 'If-Match': etag } })).headers.etag!;
    await call('post', `${D}/outreach-plan/replan`, 400, { ...day, body: { now: '08:00', changes: [] }, headers: { 'If-Match': etag } });
    const replanned = await call('post', `${D}/outreach-plan/replan`, 200, { ...day, body: { now: '08:00', changes: [{ kind: 'staff-off-sick', staffId: team[1], from: '17:00' }], maxIterations: 100 }, headers: { 'If-Match': etag } });
    expectRenameRejected('post', `${D}/outreach-plan/replan`, replanned, ['notes']);
    etag = (await call('post', `${D}/outreach-plan/publish`, 200, { ...day, headers: { 'If-Match': replanned.headers.etag! } })).headers.etag!;
    await call('post', `${D}/outreach-plan/publish`, 409, { ...day, headers: { 'If-Match': etag } });
    await call('get', `${D}/outreach-round.html`, 200, day);
  });

  it('answered every documented operation for real, and every family refused something', () => {
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method, op })));
    const success = (op: (typeof operations)[number]['op']) => Object.keys(op.responses).find((s) => /^2/.test(s))!;
    const unanswered = operations.filter(({ path, method, op }) => !checked.has(`${method} ${path} ${success(op)}`)).map(({ path, method }) => `${method} ${path}`);
    expect(unanswered).toEqual([]);
    // Location on every 201: each documented create was followed to a GET that answered.
    const creates = operations.filter(({ op }) => op.responses['201'] !== undefined).map(({ path, method }) => `${method} ${path}`);
    expect(creates.length).toBeGreaterThanOrEqual(20);
    expect(creates.filter((op) => !located.has(op))).toEqual([]);
    const refusedTags = new Set(operations.flatMap(({ path, method, op }) => (Object.keys(op.responses).some((s) => /^4/.test(s) && checked.has(`${method} ${path} ${s}`)) ? op.tags : [])));
    const tags = new Set(operations.flatMap(({ op }) => op.tags));
    expect([...tags].filter((tag) => tag !== 'service' && !refusedTags.has(tag))).toEqual([]);
  });
});
