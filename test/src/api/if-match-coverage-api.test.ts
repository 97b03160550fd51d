// Every operation that changes a record honours If-Match: the test walks the OpenAPI document
// for each PATCH, PUT and DELETE (and each POST that documents a 412: plan edits, job cancel),
// sends it with a stale If-Match and expects 412 with the record left as it was. An operation
// added later with no case here fails the first test, so it cannot ship without If-Match.
import request from 'supertest';
import type { Express } from 'express';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp } from '../../../src/app.ts';
import { documentedRoutes } from '../../../src/api/openapi/openapi-document.ts';
import { recordEtag } from '../../../src/api/record-etag.ts';
import { planJobs } from '../../../src/db/repositories/plan-jobs.ts';
import { plans } from '../../../src/db/repositories/plans.ts';
import { defaultFollowUpTypes } from '../../../src/domain/referral-pathway.ts';
import { createLogger } from '../../../src/logger.ts';
import { planJobRunnerFor } from '../../../src/solving/jobs/plan-job-runner.ts';
import { writePlanVersion } from '../../../src/solving/plans/plan-versions.ts';
import { describeEachDatabase } from '../../helpers/describe-each-database.ts';
import { createReplyChecker } from '../../helpers/documented-replies.ts';
import { assessmentTypeBody, careHomeBody, centreBody, patientBody, shiftBody, staffBody, vehicleBody } from '../../helpers/fixtures.ts';
import { truncateAll } from '../../helpers/test-database.ts';

const DATE = '2026-12-01';
const C = '/api/centres/:centreId';
const D = `${C}/days/:date`;

/** A mutating operation as the document names it: "patch /api/centres/:centreId/rooms/:id". */
type OperationKey = string;

/**
 * One operation's stale request: where to send it (and its body), and how to read the record
 * it would change before and after, so the test can see nothing changed.
 */
interface StaleCase {
  url: string;
  body?: unknown;
  /** A tag that is not the record's current one. */
  staleTag: string;
  /** What must be the same before and after the refused request. */
  snapshot: () => Promise<unknown>;
}

/** A well-formed record ETag (sha256 of other content) that names no version of any record here. */
const STALE_RECORD_TAG = recordEtag({ stale: true });

/** Every PATCH, PUT and DELETE in the document, and every POST that answers 412. */
function mutatingOperations(): OperationKey[] {
  return documentedRoutes()
    .filter((route) => ['patch', 'put', 'delete'].includes(route.method) || (route.method === 'post' && route.errors?.[412] !== undefined))
    .map((route) => `${route.method} ${route.path}`);
}

describeEachDatabase('a stale If-Match on every mutating operation', (getDb) => {
  let app: Express;
  const { expectDocumented } = createReplyChecker();
  const ids: Record<string, string> = {};
  let centreUrl = '';
  /** Numbers the records the cases make, so unique fields (names, dates) never collide. */
  let made = 0;

  const post = async (path: string, body: object) => (await request(app).post(`${centreUrl}${path}`).send(body).expect(201)).body.id as string;
  /** A record read through the API: its ETag is what must not change. */
  const etagOf = (url: string) => async () => (await request(app).get(url).expect(200)).headers.etag as string;
  const recordCase = (url: string, body?: unknown): StaleCase => ({ url, body, staleTag: STALE_RECORD_TAG, snapshot: etagOf(url) });
  /** A plan day holds versions 1 and 2: If-Match "1" is stale. */
  const planCase = (kind: 'day' | 'outreach', suffix: string, body?: unknown): StaleCase => ({
    url: `${centreUrl}/days/${DATE}/${kind === 'day' ? 'plan' : 'outreach-plan'}${suffix}`,
    body,
    staleTag: '"1"',
    snapshot: async () => (await plans.latest(getDb(), ids.centre!, DATE, kind))?.version,
  });
  /** A job stays uncancelled (its progress may move on while the runner works). */
  const jobCase = (url: string): StaleCase => ({
    url, staleTag: STALE_RECORD_TAG,
    snapshot: async () => (await planJobs.findById(getDb(), ids.centre!, ids.job!))?.status === 'cancelled',
  });

  /** The records each case changes, made fresh for each (a DELETE case may not share one with a PATCH case). */
  const cases: Record<OperationKey, () => Promise<StaleCase>> = {
    [`patch ${C}`]: async () => recordCase(centreUrl, { name: 'Renamed ICC' }),
    [`delete ${C}`]: async () => recordCase(centreUrl),
    ...Object.fromEntries(([
      ['staff', (n: number) => staffBody({ name: `Dr Number ${n}` }), { name: 'Dr Renamed' }],
      ['shifts', (n: number) => shiftBody(ids.staff!, { date: `2026-03-${String(n).padStart(2, '0')}` }), { end: '16:00' }],
      ['rooms', (n: number) => ({ name: `Room ${n}`, type: 'consult' }), { capacity: 2 }],
      ['assessment-types', (n: number) => assessmentTypeBody(`type-${n}`), { durationMin: 30 }],
      ['precedence-rules', (_n: number) => ({ before: ids.type, after: '*' }), { minLagMin: 5 }],
      ['patients', (n: number) => patientBody(100 + n), { mobility: 'wheelchair' }],
      ['referrals', (_n: number) => ({ patientId: ids.patient, referrer: { kind: 'gp', name: 'Dr Patel' }, referredDate: '2026-02-01' }), { notes: 'changed' }],
      ['vehicles', (n: number) => vehicleBody({ name: `Van ${n}` }), { seats: 5 }],
      ['care-homes', (n: number) => careHomeBody({ name: `Care home ${n}` }), { phone: '01482 000000' }],
      ['outreach-days', (n: number) => ({ date: `2026-12-${String(n).padStart(2, '0')}`, staffIds: [ids.staff], maxResidents: 4 }), { maxResidents: 3 }],
    ] as const).flatMap(([path, create, change]) => [
      [`patch ${C}/${path}/:id`, async () => recordCase(`${centreUrl}/${path}/${await post(`/${path}`, create(++made))}`, change)],
      [`delete ${C}/${path}/:id`, async () => recordCase(`${centreUrl}/${path}/${await post(`/${path}`, create(++made))}`)],
    ])),
    [`delete /api/tokens/:id`]: async () => recordCase(`/api/tokens/${(await request(app).post('/api/tokens').send({ name: 'Ward 3', role: 'admin' }).expect(201)).body.id}`),
    [`put ${C}/referrals/:id/pre-visit`]: async () => {
      const url = `${centreUrl}/referrals/${ids.referral}/pre-visit`;
      await request(app).put(url).send({ requiredAssessmentTypeIds: [ids.type] }).expect(200);
      return recordCase(url, { requiredAssessmentTypeIds: [ids.type], dietaryNeeds: ['soft diet'] });
    },
    [`put ${C}/follow-ups/types`]: async () => recordCase(`${centreUrl}/follow-ups/types`, defaultFollowUpTypes.slice(0, 1)),
    [`post ${C}/plan-jobs/:id/cancel`]: async () => jobCase(`${centreUrl}/plan-jobs/${ids.job}/cancel`),
    [`delete ${C}/plan-jobs/:id`]: async () => jobCase(`${centreUrl}/plan-jobs/${ids.job}`),
    [`post ${D}/plan/pins`]: async () => planCase('day', '/pins', { activityId: 'a-1' }),
    [`delete ${D}/plan/pins/:activityId`]: async () => planCase('day', '/pins/a-1'),
    [`post ${D}/plan/moves`]: async () => planCase('day', '/moves', { activityId: 'a-1', start: '10:00' }),
    [`post ${D}/plan/replan`]: async () => planCase('day', '/replan', { now: '10:00', changes: [{ kind: 'patient-cancelled', patientId: ids.patient }] }),
    [`post ${D}/plan/publish`]: async () => planCase('day', '/publish'),
    [`post ${D}/outreach-plan/pins`]: async () => planCase('outreach', '/pins', { visitId: 'v-1' }),
    [`delete ${D}/outreach-plan/pins/:visitId`]: async () => planCase('outreach', '/pins/v-1'),
    [`post ${D}/outreach-plan/moves`]: async () => planCase('outreach', '/moves', { visitId: 'v-1', start: '10:00' }),
    [`post ${D}/outreach-plan/replan`]: async () => planCase('outreach', '/replan', { now: '10:00', changes: [{ kind: 'staff-off-sick', staffId: ids.staff, from: '10:00' }] }),
    [`post ${D}/outreach-plan/publish`]: async () => planCase('outreach', '/publish'),
    [`delete ${C}/feed-tokens/:id`]: async () => recordCase(`${centreUrl}/feed-tokens/${await post('/feed-tokens', { kind: 'staff', ownerId: ids.staff })}`),
    [`delete ${C}/webhooks/:id`]: async () => recordCase(`${centreUrl}/webhooks/${await post('/webhooks', { url: 'http://127.0.0.1:9/hook', events: ['plan.changed'] })}`),
  };

  beforeAll(async () => {
    await truncateAll(getDb());
    app = createApp({ db: getDb(), logger: createLogger('silent') });
    ids.centre = (await request(app).post('/api/centres').send(centreBody()).expect(201)).body.id as string;
    centreUrl = `/api/centres/${ids.centre}`;
    ids.staff = await post('/staff', staffBody({ name: 'Dr Stays' }));
    ids.type = await post('/assessment-types', assessmentTypeBody('cga'));
    ids.patient = await post('/patients', patientBody(1));
    ids.referral = await post('/referrals', { patientId: ids.patient, referrer: { kind: 'gp', name: 'Dr Patel' }, referredDate: '2026-02-01' });
    // A job straight into the queue (what the runner then makes of it does not matter here), and two versions of each plan kind.
    ids.job = (await planJobs.insert(getDb(), ids.centre, { date: DATE, request: { patientIds: [ids.patient], timeLimitSec: 1, seed: 1 } })).id;
    for (const kind of ['day', 'outreach'] as const) {
      for (const version of [1, 2]) {
        await writePlanVersion(getDb(), { centreId: ids.centre, version, doc: { date: DATE, kind, status: 'draft', document: { problem: {}, plan: {} }, pins: [] } });
      }
    }
  });

  afterAll(async () => {
    await planJobRunnerFor(getDb()).close();
  });

  it('every PATCH, PUT and DELETE in the OpenAPI document, and every POST that documents 412, has a stale If-Match case here', () => {
    const operations = mutatingOperations();
    // The walk finds the routes this issue added If-Match to, so it is not vacuous.
    expect(operations).toEqual(expect.arrayContaining([`put ${C}/referrals/:id/pre-visit`, `put ${C}/follow-ups/types`, 'delete /api/tokens/:id', `delete ${C}/feed-tokens/:id`, `post ${C}/plan-jobs/:id/cancel`]));
    expect(operations.filter((op) => !(op in cases)), 'operations with no stale If-Match case: add one, and make the route honour If-Match').toEqual([]);
    expect(Object.keys(cases).filter((op) => !operations.includes(op)), 'cases for operations the document no longer has').toEqual([]);
  });

  it('each refuses a stale If-Match with 412 (precondition_failed) and leaves the record as it was', async () => {
    const refused: string[] = [];
    // The centre's own DELETE last: it would take everything else with it.
    for (const op of mutatingOperations().sort((a, b) => Number(a === `delete ${C}`) - Number(b === `delete ${C}`))) {
      const stale = await cases[op]!();
      const before = await stale.snapshot();
      const [method, path] = op.split(' ') as ['patch' | 'put' | 'delete' | 'post', string];
      const res = await request(app)[method](stale.url).set('If-Match', stale.staleTag).send(stale.body as object);
      expect(res.status, `${op}: ${JSON.stringify(res.body)}`).toBe(412);
      expect(res.body.error.code, op).toBe('precondition_failed');
      expectDocumented(method, path, res);
      expect(await stale.snapshot(), `${op} changed the record it refused`).toEqual(before);
      refused.push(op);
    }
    expect(refused).toHaveLength(Object.keys(cases).length);
  });
});
