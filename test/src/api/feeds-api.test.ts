// Subscribable feeds over HTTP on both databases: a token is issued (stored hashed), the staff
// feed of a published plan parses in ical.js and node-ical with the right London times, a
// second fetch answers 304, the default feed hides names and NHS numbers, a replan that drops
// a patient bumps SEQUENCE and leaves CANCELLED events, and a revoked URL answers 404.
import { createHash } from 'node:crypto';
import request from 'supertest';
import type { Express } from 'express';
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';
import { planDayByJob, publishNewest } from '../../helpers/plan-by-job.ts';
import { createApp } from '../../../src/app.ts';
import { auditLog, patients, referrals } from '../../../src/db/index.ts';
import { referralTransitions } from '../../../src/db/repositories/referral-transitions.ts';
import { plans } from '../../../src/db/repositories/plans.ts';
import { patientInitials, type Patient } from '../../../src/domain/patient.ts';
import { feedCache } from '../../../src/api/services/feed-cache.ts';
import { feedService } from '../../../src/api/services/feed-service.ts';
import { planService } from '../../../src/solving/plans/plan-service.ts';
import { loadDemoCentre } from '../../../src/demo/load-demo-centre.ts';
import { planJobRunnerFor } from '../../../src/solving/jobs/plan-job-runner.ts';
import { createLogger } from '../../../src/logger.ts';
import type { DayPlan, DayProblem } from '../../../solver/model/index.ts';
import { describeEachDatabase } from '../../helpers/describe-each-database.ts';
import { testDatabaseUrl, truncateAll } from '../../helpers/test-database.ts';
import { heardEverything, listeningForFeedStamps } from '../../helpers/feed-stamps.ts';
import { createDatabase, type Db } from '../../../src/db/create-database.ts';
import { FEED_STAMP_LISTENER_NAME, feedStampWatch } from '../../../src/db/feed-stamp-watch.ts';
import * as feedStampNotifyEveryWriter from '../../../db/migrations/20261207-1803-feed-stamp-notify-every-writer.ts';
import { libicalErrors } from '../../helpers/libical-validate.ts';
import { calendarOfTsIcs, parseWithIcalJs, parseWithNodeIcal, parseWithTsIcs, type ParsedEvent } from '../feeds/parse-feed.ts';

// A Thursday in British Summer Time: local wall clock = UTC + 1 hour.
const DATE = '2026-10-22';
const BST_OFFSET_MIN = 60;
/** The evening before: the feed's window (today + 13 days) holds DATE. */
const NOW = new Date('2026-10-21T18:00:00Z');

/** The instant a plan minute of DATE is in London (BST), computed independently of src/feeds. */
const instantOf = (minutes: number) => new Date(Date.UTC(2026, 9, 22, 0, minutes - BST_OFFSET_MIN)).toISOString();

describeEachDatabase('feeds API', (getDb, kind) => {
  let app: Express;
  let centreId: string;
  let staffId: string;
  let feedUrl: string;
  let tokenId: string;
  let stored: { problem: DayProblem; plan: DayPlan };
  let attending: Patient[];
  let attendingOrAny: Map<string, Patient>;
  const planUrl = (suffix = '') => `/api/centres/${centreId}/days/${DATE}/plan${suffix}`;

  /** Publishes the newest version and keeps the published document in `stored`. */
  async function publishAndRead(): Promise<void> {
    await publishNewest(app, centreId, DATE);
    const newest = await plans.latestWithStatus(getDb(), centreId, DATE, 'published');
    stored = newest!.document as unknown as { problem: DayProblem; plan: DayPlan };
  }

  /** Fetches the feed with the clock at NOW (the service reads its clock from Date). */
  async function fetchFeed(status: number, headers: Record<string, string> = {}, url = feedUrl, at = NOW) {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(at);
    try {
      const req = request(app).get(url);
      for (const [k, v] of Object.entries(headers)) req.set(k, v);
      const res = await req;
      expect(res.status, res.text.slice(0, 300)).toBe(status);
      return res;
    } finally {
      vi.useRealTimers();
    }
  }

  /**
   * Waits until every change committed so far has been heard, then reads the token once more: an
   * answer remembered while a change of its centre was heard (a render's own write of the feed's
   * states is announced while it reads the inputs again) is checked against the stamp once, and
   * from then on answered from memory.
   */
  async function settle(etag: string, url = feedUrl): Promise<void> {
    await heardEverything(getDb());
    await fetchFeed(304, { 'If-None-Match': etag }, url);
  }

  beforeAll(async () => {
    await truncateAll(getDb());
    app = createApp({ db: getDb(), logger: createLogger('silent') });
    centreId = (await loadDemoCentre(getDb(), { seed: 1, startDate: '2026-10-19' })).centreId!;
    const everyone = await patients.list(getDb(), centreId);
    attendingOrAny = new Map(everyone.map((p) => [p.id, p]));
    attending = everyone.filter((p) => !p.unavailableDates.includes(DATE)).slice(0, 5);
    await planDayByJob(app, getDb(), centreId, { date: DATE, patientIds: attending.map((p) => p.id), timeLimitSec: 1 });
    await publishAndRead();
    // The staff member with the most activities (a clinician seeing several patients).
    const counts = new Map<string, number>();
    for (const a of stored.plan.activities) if (a.staffId) counts.set(a.staffId, (counts.get(a.staffId) ?? 0) + 1);
    staffId = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
    // On PostgreSQL the process listens from its first ask (PGlite: from the start): every token below is answered under the watch.
    await listeningForFeedStamps(getDb());
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  afterAll(async () => {
    await planJobRunnerFor(getDb()).close();
  });

  it('issues a ≥128-bit token, stores only its SHA-256, and names a bad kind or owner', async () => {
    const res = await request(app).post(`/api/centres/${centreId}/feed-tokens`).send({ kind: 'staff', ownerId: staffId }).expect(201);
    expect(res.body).toMatchObject({ kind: 'staff', ownerId: staffId, revoked: false });
    const match = /^\/feeds\/([A-Za-z0-9_-]+)\.ics$/.exec(res.body.url);
    expect(match).not.toBeNull();
    const token = match![1]!;
    expect(Buffer.from(token, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
    feedUrl = res.body.url;
    tokenId = res.body.id;
    expect(res.body.subscribeUrl).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+${feedUrl}$`));
    expect(res.body.webcalUrl).toBe(res.body.subscribeUrl.replace('http:', 'webcal:'));

    const rows = await getDb()('feed_tokens').where({ id: tokenId });
    expect(rows[0].token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(rows)).not.toContain(token);
    const listed = await request(app).get(`/api/centres/${centreId}/feed-tokens`).expect(200);
    expect(JSON.stringify(listed.body)).not.toContain(token);

    const badKind = await request(app).post(`/api/centres/${centreId}/feed-tokens`).send({ kind: 'driver', ownerId: staffId }).expect(400);
    expect(JSON.stringify(badKind.body.error.details)).toContain('kind');
    const badOwner = await request(app).post(`/api/centres/${centreId}/feed-tokens`).send({ kind: 'room', ownerId: staffId }).expect(400);
    expect(badOwner.body.error.details[0].path).toBe('ownerId');
  });

  it('serves the staff feed: both parsers read the activities and the MDT at the planned London times', async () => {
    const res = await fetchFeed(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.headers.etag).toMatch(/^"[0-9a-f]+"$/);
    expect(new Date(res.headers['last-modified']!).toISOString()).toBe(new Date(Math.floor(NOW.getTime() / 1000) * 1000).toISOString());
    const mine = stored.plan.activities.filter((a) => a.staffId === staffId);
    expect(mine.length).toBeGreaterThan(0);
    const expectedStarts = new Set(mine.map((a) => instantOf(a.startMin)));
    const attendsMdt = stored.plan.mdt.attendeeStaffIds.includes(staffId);
    if (attendsMdt) expectedStarts.add(instantOf(stored.plan.mdt.startMin));

    for (const parse of [parseWithIcalJs, parseWithNodeIcal]) {
      const events = parse(res.text);
      expect(events.every((e) => e.status === 'CONFIRMED' && e.sequence === 0)).toBe(true);
      expect(events.every((e) => e.tzid === 'Europe/London')).toBe(true);
      expect(new Set(events.map((e) => e.startUtc))).toEqual(expectedStarts);
      for (const a of mine) {
        const event = events.find((e) => e.startUtc === instantOf(a.startMin))!;
        expect(event.endUtc).toBe(instantOf(a.endMin));
      }
      if (attendsMdt) expect(events.some((e) => e.summary === 'MDT meeting' && e.endUtc === instantOf(stored.plan.mdt.endMin))).toBe(true);
    }
  });

  it('answers 304 to a matching If-None-Match or If-Modified-Since, 200 to a stale ETag', async () => {
    const first = await fetchFeed(200);
    const again = await fetchFeed(304, { 'If-None-Match': first.headers.etag! });
    expect(again.text ?? '').toBe('');
    expect(again.headers.etag).toBe(first.headers.etag);
    await fetchFeed(304, { 'If-Modified-Since': first.headers['last-modified']! });
    await fetchFeed(200, { 'If-None-Match': '"stale"' });
  });

  it('keys the ETag by what the feed is built from: a 304 needs no cached copy and is audited; an edited patient record gives a room feed a new ETag and body', async () => {
    const first = await fetchFeed(200);
    const readsOf = async () => (await auditLog.forEntity(getDb(), 'feed', tokenId)).filter((e) => e.action === 'read');
    const notModified = (reads: Awaited<ReturnType<typeof readsOf>>) => reads.filter((e) => (e.details as { notModified?: boolean }).notModified === true).length;
    const earlier = await readsOf();
    // A process that never rendered this feed (an empty cache) still knows the subscriber's copy is current.
    feedCache.clear();
    const conditional = await fetchFeed(304, { 'If-None-Match': first.headers.etag! });
    expect(conditional.headers.etag).toBe(first.headers.etag);
    const reads = await readsOf();
    expect(reads.length).toBe(earlier.length + 1);
    expect(notModified(reads) - notModified(earlier)).toBe(1);
    expect(reads.some((e) => (e.details as { notModified?: boolean }).notModified === true && (e.details as { dates: string[] }).dates.includes(DATE))).toBe(true);
    // Served from the cache: the same body (DTSTAMP aside) and ETag, and audited too.
    const cachedRead = await fetchFeed(200);
    expect(cachedRead.headers.etag).toBe(first.headers.etag);
    expect((await readsOf()).length).toBe(earlier.length + 2);

    // A room feed (so the staff feed's SEQUENCEs stay as they are) shows patients' initials: a
    // corrected family name is a new ETag and a new body.
    const activity = stored.plan.activities.find((a) => a.typeId !== 'meal' && attending.some((p) => p.id === a.patientId))!;
    const seen = attending.find((p) => p.id === activity.patientId)!;
    const issued = await request(app).post(`/api/centres/${centreId}/feed-tokens`).send({ kind: 'room', ownerId: activity.roomId }).expect(201);
    const roomFeed = await fetchFeed(200, {}, issued.body.url);
    const newFamilyName = seen.familyName[0] === 'Q' ? 'Zed' : 'Quist';
    await patients.update(getDb(), centreId, seen.id, { familyName: newFamilyName });
    try {
      const renamed = await fetchFeed(200, { 'If-None-Match': roomFeed.headers.etag! }, issued.body.url);
      expect(renamed.headers.etag).not.toBe(roomFeed.headers.etag);
      expect(roomFeed.text.replace(/\r\n[ \t]/g, '')).toContain(`${patientInitials(seen)} (ref ${seen.localRef})`);
      expect(renamed.text.replace(/\r\n[ \t]/g, '')).toContain(`${patientInitials({ givenName: seen.givenName, familyName: newFamilyName })} (ref ${seen.localRef})`);
      await fetchFeed(304, { 'If-None-Match': renamed.headers.etag! }, issued.body.url);
    } finally {
      await patients.update(getDb(), centreId, seen.id, { familyName: seen.familyName });
    }
  });

  it('a token answered before is answered from memory with no query (the process hears every change); a stale or unknown copy goes the long way; each read is audited once', async () => {
    const first = await fetchFeed(200);
    await settle(first.headers.etag!);
    const readsOf = async () => (await auditLog.forEntity(getDb(), 'feed', tokenId)).filter((e) => e.action === 'read');
    const db = getDb();
    const statements: string[] = [];
    const count = (q: { sql: string }) => { statements.push(q.sql); };
    // The statements as sent (PostgreSQL), or as EXECUTEd by name (PGlite, prepared-query.ts).
    const INPUTS_READ = /^WITH t AS \(SELECT id, centre_id, owner_kind, owner_id FROM feed_tokens|^EXECUTE feed_inputs_v\d+\(/;
    /** A read answered from memory: no statement at all, on either database (feed-stamp-watch.ts). */
    const FROM_MEMORY: string[] = [];
    /** The read's statements before its answer (the audit insert comes later, with others), once every earlier change has been heard. */
    const statementsOf = async (status: number, headers: Record<string, string>) => {
      await heardEverything(db);
      db.on('query', count);
      statements.length = 0;
      try {
        const res = await fetchFeed(status, headers);
        // Not the read's: the plan job runner's polls (plan_jobs, in their own transactions) share the handle.
        return { res, sql: statements.filter((q) => !/^insert into "audit_log"/.test(q) && !/plan_jobs/.test(q) && !/^(BEGIN|COMMIT|ROLLBACK);?$/i.test(q)) };
      } finally {
        db.off('query', count);
      }
    };
    for (const [header, cached] of [[first.headers.etag!, true], [`W/${first.headers.etag!}`, false]] as const) {
      // Without the cached body (another process rendered it) the subscriber's ETag is still checked from the inputs.
      if (!cached) feedCache.clear();
      const earlier = await readsOf();
      const { res, sql } = await statementsOf(304, { 'If-None-Match': header });
      expect(res.headers.etag).toBe(first.headers.etag);
      expect(sql).toEqual(cached ? FROM_MEMORY : [expect.stringMatching(INPUTS_READ)]);
      const reads = await readsOf();
      expect(reads.length).toBe(earlier.length + 1);
      // Found by id: under the faked clock entries tie on `at`.
      const newest = reads.find((e) => !earlier.some((x) => x.id === e.id))!;
      expect(newest).toMatchObject({ actor: `staff:${staffId}`, entityId: tokenId });
      expect(newest.details).toEqual({ via: 'feed-token', dates: [DATE], notModified: true, fullPatientDetails: false, ...(cached ? { events: expect.any(Number) } : {}) });
      // The token is now known: its next 304 is answered from memory.
      expect((await statementsOf(304, { 'If-None-Match': header })).sql).toEqual(FROM_MEMORY);
    }
    // Asked without conditions: the body this process holds, after the same one-row read.
    const served = await fetchFeed(200);
    const beforePlain = await readsOf();
    const plain = await statementsOf(200, {});
    expect(plain.sql).toEqual(FROM_MEMORY);
    expect(plain.res.headers.etag).toBe(first.headers.etag);
    expect(plain.res.text).toBe(served.text);
    const plainEntry = (await readsOf()).find((e) => !beforePlain.some((x) => x.id === e.id))!;
    expect(plainEntry.details).toEqual({ via: 'feed-token', dates: [DATE], events: expect.any(Number), fullPatientDetails: false });
    // A stale ETag: the body, audited once.
    const before = (await readsOf()).length;
    const stale = await fetchFeed(200, { 'If-None-Match': `"${'0'.repeat(32)}"` });
    expect(stale.headers.etag).toBe(first.headers.etag);
    expect((await readsOf()).length).toBe(before + 1);
  });

  it('after N reads of every kind (200s and 304s, from memory and the long way) the audit log holds exactly N more read entries once flushed', async () => {
    const db = getDb();
    const first = await fetchFeed(200);
    await auditLog.flush(db);
    const stored = async () => Number((await db('audit_log').where({ entity: 'feed', entity_id: tokenId, action: 'read' }).count<[{ count: string }]>('* as count'))[0]!.count);
    const notModifiedStored = async () => Number((await db('audit_log').where({ entity: 'feed', entity_id: tokenId, action: 'read' }).whereRaw("details->>'notModified' = 'true'").count<[{ count: string }]>('* as count'))[0]!.count);
    const before = await stored();
    const beforeNotModified = await notModifiedStored();
    const reads: Array<[number, Record<string, string>]> = [
      [304, { 'If-None-Match': first.headers.etag! }], [200, {}], [304, { 'If-Modified-Since': first.headers['last-modified']! }],
      [200, { 'If-None-Match': '"stale"' }], [304, { 'If-None-Match': `W/${first.headers.etag!}` }],
    ];
    for (let round = 0; round < 4; round++) {
      if (round === 2) feedCache.clear(); // the long way again, as in a process that just started
      for (const [status, headers] of reads) await fetchFeed(status, headers);
    }
    await auditLog.flush(db);
    expect(await stored()).toBe(before + 20);
    expect(await notModifiedStored()).toBe(beforeNotModified + 12);
  });

  it('a new published version ends the 304 and the cached body answered from memory (written by SQL alone, not through the service), and so does midnight', async () => {
    const first = await fetchFeed(200);
    await fetchFeed(304, { 'If-None-Match': first.headers.etag! });
    // A new version of the day, published by SQL alone (through another process's connection: the PostgreSQL tests below).
    await getDb().raw(`INSERT INTO plans (centre_id, date, kind, version, status, document, pins)
      SELECT centre_id, date, kind, version + 1, 'published', document, pins FROM plans WHERE centre_id = ? AND date = ? AND kind = 'day' ORDER BY version DESC LIMIT 1`, [centreId, DATE]);
    const fresh = await fetchFeed(200, { 'If-None-Match': first.headers.etag! });
    expect(fresh.headers.etag).not.toBe(first.headers.etag);
    await fetchFeed(304, { 'If-None-Match': fresh.headers.etag! });
    const plain = await fetchFeed(200);
    expect(plain.headers.etag).toBe(fresh.headers.etag);
    // The window starts the next day at midnight in London (23:00 UTC in BST): a new ETag, not a 304 from memory.
    const afterMidnight = new Date('2026-10-21T23:00:30Z');
    await fetchFeed(304, { 'If-None-Match': fresh.headers.etag! }, feedUrl, new Date('2026-10-21T22:59:30Z'));
    const nextDay = await fetchFeed(200, { 'If-None-Match': fresh.headers.etag! }, feedUrl, afterMidnight);
    expect(nextDay.headers.etag).not.toBe(fresh.headers.etag);
    await fetchFeed(304, { 'If-None-Match': nextDay.headers.etag! }, feedUrl, afterMidnight);
  });

  it('a change made through the API ends the 304 answered from memory at once, before its notification is awaited: a published pin, a renamed owner, a revoked token; a draft changes nothing', async () => {
    const db = getDb();
    const statements: string[] = [];
    const count = (q: { sql: string }) => { statements.push(q.sql); };
    /** A conditional read, and the statements it sent before its answer (the audit insert comes later; plan job polls are not the read's). */
    const conditional = async (status: number, etag: string, url = feedUrl) => {
      db.on('query', count);
      statements.length = 0;
      try {
        const res = await fetchFeed(status, { 'If-None-Match': etag }, url);
        return { res, sql: statements.filter((q) => !/^insert into "audit_log"/.test(q) && !/plan_jobs/.test(q) && !/^(BEGIN|COMMIT|ROLLBACK);?$/i.test(q)) };
      } finally {
        db.off('query', count);
      }
    };
    /** Answered from memory: no statement (asserted once settled). */
    const fromMemory: string[] = [];
    const first = await fetchFeed(200);
    await settle(first.headers.etag!);
    expect((await conditional(304, first.headers.etag!)).sql).toEqual(fromMemory);

    // A pin makes a draft version: feeds show published versions only, so the copy is still current.
    const plan = await request(app).get(planUrl()).expect(200);
    const activity = stored.plan.activities.find((a) => a.staffId === staffId)!;
    const pinned = await request(app).post(planUrl('/pins')).set('If-Match', plan.headers.etag!).send({ activityId: activity.id }).expect(200);
    // (The draft changed the centre's stamp, so the inputs are read again: the same ETag.)
    expect((await conditional(304, first.headers.etag!)).sql).toEqual([...fromMemory, expect.stringMatching(/^WITH t AS \(SELECT id, centre_id, owner_kind, owner_id FROM feed_tokens|^EXECUTE feed_inputs_v\d+\(/)]);
    // Published: a new version of the day, a new ETag.
    await request(app).post(planUrl('/publish')).set('If-Match', pinned.headers.etag!).expect(200);
    const published = (await conditional(200, first.headers.etag!)).res;
    expect(published.headers.etag).not.toBe(first.headers.etag);
    await settle(published.headers.etag!);
    expect((await conditional(304, published.headers.etag!)).sql).toEqual(fromMemory);
    stored = (await plans.latestWithStatus(db, centreId, DATE, 'published'))!.document as unknown as { problem: DayProblem; plan: DayPlan };

    // The owner renamed: the calendar's name changes, so does the ETag.
    const memberUrl = `/api/centres/${centreId}/staff/${staffId}`;
    const member = await request(app).get(memberUrl).expect(200);
    const name = member.body.name as string;
    const renamedMember = await request(app).patch(memberUrl).set('If-Match', member.headers.etag!).send({ name: `${name} Quist` }).expect(200);
    try {
      const renamed = (await conditional(200, published.headers.etag!)).res;
      expect(renamed.headers.etag).not.toBe(published.headers.etag);
      expect(renamed.text.replace(/\r\n[ \t]/g, '')).toContain(`${name} Quist`);
      await settle(renamed.headers.etag!);
      expect((await conditional(304, renamed.headers.etag!)).sql).toEqual(fromMemory);
    } finally {
      await request(app).patch(memberUrl).set('If-Match', renamedMember.headers.etag!).send({ name }).expect(200);
    }

    // Another URL of the same feed, answered from memory, then revoked: 404 at once.
    const issued = await request(app).post(`/api/centres/${centreId}/feed-tokens`).send({ kind: 'staff', ownerId: staffId }).expect(201);
    const other = await fetchFeed(200, {}, issued.body.url);
    await settle(other.headers.etag!, issued.body.url);
    expect((await conditional(304, other.headers.etag!, issued.body.url)).sql).toEqual(fromMemory);
    await request(app).delete(`/api/centres/${centreId}/feed-tokens/${issued.body.id}`).expect(204);
    await conditional(404, other.headers.etag!, issued.body.url);
  });

  it("a write of this process ends the 304 answered from memory before the write's await returns (on PostgreSQL before its notification can have come): a publish, then edited records", async () => {
    const db = getDb();
    const token = /\/feeds\/([^/]+)\.ics$/.exec(feedUrl)![1]!;
    /** The service's read, straight after the write in the same continuation: no I/O between them, so no notification is handled in between. */
    const read = (etag: string) => feedService.read(db, token, NOW, (e) => e === etag);
    /** Statements a read sends (none: from memory), once settled. */
    const fromMemory = async (etag: string) => {
      await settle(etag);
      const statements: string[] = [];
      const count = (q: { sql: string }) => { statements.push(q.sql); };
      db.on('query', count);
      try {
        expect((await read(etag)).body).toBeUndefined();
      } finally {
        db.off('query', count);
      }
      return statements.filter((q) => !/plan_jobs/.test(q) && !/^insert into "audit_log"/.test(q) && !/^(BEGIN|COMMIT|ROLLBACK);?$/i.test(q));
    };
    let etag = (await fetchFeed(200)).headers.etag!;
    // A new draft of the day (by SQL), then published through the plan service.
    const newest = (await plans.latestWithStatus(db, centreId, DATE, 'published'))!;
    await db.raw(`INSERT INTO plans (centre_id, date, kind, version, status, document, pins)
      SELECT centre_id, date, kind, version + 1, 'draft', document, pins FROM plans WHERE id = ?`, [newest.id]);
    expect(await fromMemory(etag)).toEqual([]);
    await planService.publish(db, centreId, DATE, `"${newest.version + 1}"`, { name: 'test' });
    const published = await read(etag);
    expect(published.etag).not.toBe(etag);
    expect(published.body).toContain('BEGIN:VCALENDAR');
    etag = published.etag;
    // Ten edited records (their last change is in the ETag), each read at once.
    const patient = attending[0]!;
    for (let i = 0; i < 10; i++) {
      expect(await fromMemory(etag), `before edit ${i}`).toEqual([]);
      await patients.update(db, centreId, patient.id, { familyName: patient.familyName });
      const edited = await read(etag);
      expect(edited.etag, `edit ${i}`).not.toBe(etag);
      etag = edited.etag;
    }
  });

  /** The statements a read sent before its answer (not the audit insert, the plan job runner's polls, or the feed stamp listener's catalogue checks). */
  async function readStatements(status: number, headers: Record<string, string>, url = feedUrl) {
    const statements: string[] = [];
    const count = (q: { sql: string }) => { statements.push(q.sql); };
    getDb().on('query', count);
    try {
      const res = await fetchFeed(status, headers, url);
      return { res, sql: statements.filter((q) => !/^insert into "audit_log"/.test(q) && !/plan_jobs/.test(q) && !/pg_proc|pg_trigger/.test(q) && !/^(BEGIN|COMMIT|ROLLBACK);?$/i.test(q)) };
    } finally {
      getDb().off('query', count);
    }
  }
  const STAMP_READ = /feed_stamps WHERE centre_id|^EXECUTE feed_stamp_v1\(/;
  /** Another service process: a pool of its own on the same schema. */
  const otherProcess = () => createDatabase({ databaseUrl: testDatabaseUrl, searchPath: getDb().client.config.searchPath as string[], poolMax: 1 });
  /** A change to what every feed of the centre is built from (patients' last change), as any process could make it. */
  const touchPatients = (db: Db) => db.raw('UPDATE patients SET updated_at = now() WHERE centre_id = ?', [centreId]);

  // Other processes exist only on a server: registered on the PostgreSQL suite alone (CI requires it to run).
  if (kind === 'postgres') {
    it("on PostgreSQL another process's write ends the 304 answered from memory once its notification arrives", async () => {
      const other = await otherProcess();
      try {
        const first = await fetchFeed(200);
        await settle(first.headers.etag!);
        expect((await readStatements(304, { 'If-None-Match': first.headers.etag! })).sql).toEqual([]);
        await touchPatients(other);
        // Until the notification is in, the copy from before may still be answered (a few ms): polled, with a deadline.
        const changed = await vi.waitUntil(async () => {
          vi.useFakeTimers({ toFake: ['Date'] });
          vi.setSystemTime(NOW);
          try {
            const res = await request(app).get(feedUrl).set('If-None-Match', first.headers.etag!);
            return res.status === 200 && res;
          } finally {
            vi.useRealTimers();
          }
        }, { timeout: 5_000, interval: 5 });
        expect(changed.headers.etag).not.toBe(first.headers.etag);
        await settle(changed.headers.etag!);
        expect((await readStatements(304, { 'If-None-Match': changed.headers.etag! })).sql).toEqual([]);
      } finally {
        await other.destroy();
      }
    });

    it("on PostgreSQL, while the process does not listen, a known token's read checks the stamp and another process's write is seen at once; listening again, reads are answered from memory again", async () => {
      const db = getDb();
      const other = await otherProcess();
      const watch = await listeningForFeedStamps(db);
      let current: string | undefined;
      try {
        // The trigger made to announce to no one (migration 20261207-1803 undone in this schema), and the listening connection cut: it cannot listen again.
        await feedStampNotifyEveryWriter.down(other);
        await other.raw('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ? AND datname = current_database()', [FEED_STAMP_LISTENER_NAME]);
        await vi.waitUntil(async () => (await feedStampWatch(db)) === undefined, { timeout: 5_000, interval: 5 });
        const first = await fetchFeed(200);
        expect((await readStatements(304, { 'If-None-Match': first.headers.etag! })).sql).toEqual([expect.stringMatching(STAMP_READ)]);
        await touchPatients(other);
        // Not announced, and not needed: the stamp has moved.
        const changed = await fetchFeed(200, { 'If-None-Match': first.headers.etag! });
        expect(changed.headers.etag).not.toBe(first.headers.etag);
        current = changed.headers.etag!;
        expect((await readStatements(304, { 'If-None-Match': current })).sql).toEqual([expect.stringMatching(STAMP_READ)]);
      } finally {
        await feedStampNotifyEveryWriter.up(other);
        await other.destroy();
      }
      // It listens again (a retry, with backoff, finds the trigger announcing), on a new watch: the token, answered while it did not
      // listen, is checked against the stamp once more, then answered from memory.
      const again = await listeningForFeedStamps(db, 20_000);
      expect(again).not.toBe(watch);
      await heardEverything(db);
      expect((await readStatements(304, { 'If-None-Match': current })).sql).toEqual([expect.stringMatching(STAMP_READ)]);
      expect((await readStatements(304, { 'If-None-Match': current })).sql).toEqual([]);
    });
  }

  it('reads arriving together: each is audited once, and each 304 carries the 200\'s ETag', async () => {
    const first = await fetchFeed(200);
    const readsOf = async () => (await auditLog.forEntity(getDb(), 'feed', tokenId)).filter((e) => e.action === 'read');
    const notModified = (reads: Awaited<ReturnType<typeof readsOf>>) => reads.filter((e) => (e.details as { notModified?: boolean }).notModified === true).length;
    const earlier = await readsOf();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
    let answers: request.Response[];
    try {
      answers = await Promise.all(Array.from({ length: 12 }, (_, i) => {
        const req = request(app).get(feedUrl);
        return i % 2 === 0 ? req : req.set('If-None-Match', first.headers.etag!);
      }));
    } finally {
      vi.useRealTimers();
    }
    expect(answers.map((r) => r.status)).toEqual(Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? 200 : 304)));
    for (const r of answers) expect(r.headers.etag).toBe(first.headers.etag);
    const reads = await readsOf();
    // Counted, not sliced: the rows are listed by time and these twelve carry the faked clock.
    expect(reads.length).toBe(earlier.length + 12);
    expect(notModified(reads) - notModified(earlier)).toBe(6);
  });

  it('hides patient names and NHS numbers by default, shows initials and references, and audits each read', async () => {
    const res = await fetchFeed(200);
    const seen = attending.filter((p) => stored.plan.activities.some((a) => a.staffId === staffId && a.patientId === p.id));
    expect(seen.length).toBeGreaterThan(0);
    const unfolded = res.text.replace(/\r\n[ \t]/g, '');
    for (const p of attending) {
      expect(unfolded).not.toContain(p.familyName);
      expect(unfolded).not.toContain(p.nhsNumber);
      expect(unfolded).not.toContain(p.addressLines[0]!);
    }
    for (const p of seen) expect(unfolded).toContain(`(ref ${p.localRef})`);
    const reads = (await auditLog.forEntity(getDb(), 'feed', tokenId)).filter((e) => e.action === 'read');
    expect(reads.length).toBeGreaterThanOrEqual(1);
    expect(reads[0]).toMatchObject({ actor: `staff:${staffId}`, details: { dates: [DATE] } });
  });

  it('after a replan that cancels a patient: their events are CANCELLED with SEQUENCE 1, unchanged events keep SEQUENCE 0', async () => {
    const before = parseWithIcalJs((await fetchFeed(200)).text);
    const dropped = stored.plan.activities.find((a) => a.staffId === staffId)!.patientId;
    const current = await request(app).get(planUrl()).expect(200);
    await request(app).post(planUrl('/replan')).set('If-Match', current.headers.etag!)
      .send({ now: '07:00', changes: [{ kind: 'patient-cancelled', patientId: dropped }], timeLimitSec: 1 }).expect(200);
    await publishAndRead();
    expect(stored.plan.activities.some((a) => a.patientId === dropped)).toBe(false);

    const res = await fetchFeed(200, { 'If-None-Match': '"old"' });
    for (const parse of [parseWithIcalJs, parseWithNodeIcal]) {
      const after = parse(res.text);
      const byUid = new Map<string, ParsedEvent>(after.map((e) => [e.uid, e]));
      // Every event published before is still there: changed, cancelled or the same.
      for (const old of before) {
        const now = byUid.get(old.uid)!;
        expect(now).toBeDefined();
        const same = now.startUtc === old.startUtc && now.endUtc === old.endUtc && now.summary === old.summary && now.description === old.description && now.location === old.location;
        if (now.status === 'CANCELLED') expect(now.sequence).toBe(1);
        else expect(now.sequence).toBe(same ? 0 : 1);
      }
      const cancelled = after.filter((e) => e.status === 'CANCELLED');
      const droppedRef = attending.find((p) => p.id === dropped)!.localRef;
      expect(cancelled.length).toBeGreaterThan(0);
      expect(cancelled.every((e) => e.summary.startsWith('Cancelled: '))).toBe(true);
      expect(cancelled.some((e) => e.summary.includes(droppedRef))).toBe(true);
    }
    // Unchanged since: a second fetch repeats the same ETag and the same SEQUENCEs.
    const again = await fetchFeed(200);
    expect(again.headers.etag).toBe(res.headers.etag);
  });

  it('serves a patient\'s itinerary with their pickup; full names and NHS numbers only once the centre turns them on', async () => {
    const patient = attending.find((p) => stored.plan.itineraries.some((i) => i.patientId === p.id))!;
    const issued = await request(app).post(`/api/centres/${centreId}/feed-tokens`).send({ kind: 'patient', ownerId: patient.id }).expect(201);
    const res = await fetchFeed(200, {}, issued.body.url);
    const itinerary = stored.plan.itineraries.find((i) => i.patientId === patient.id)!;
    for (const parse of [parseWithIcalJs, parseWithNodeIcal]) {
      const events = parse(res.text);
      const arrival = events.find((e) => e.summary.startsWith('Arrive at'))!;
      expect(arrival.startUtc).toBe(instantOf(itinerary.arrivalMin));
      expect(events.filter((e) => e.summary.includes(' with ')).length).toBeGreaterThan(0);
      expect(events.some((e) => e.summary === 'Transport pickup from home')).toBe(true);
    }
    const unfolded = (text: string) => text.replace(/\r\n[ \t]/g, '');
    expect(unfolded(res.text)).not.toContain(patient.familyName);
    expect(unfolded(res.text)).not.toContain(patient.nhsNumber);

    await request(app).patch(`/api/centres/${centreId}`).send({ fullPatientDetailsInFeeds: true }).expect(200);
    try {
      const full = unfolded((await fetchFeed(200, {}, issued.body.url)).text);
      expect(full).toContain(`${patient.givenName} ${patient.familyName}`);
      expect(full).toContain(`NHS ${patient.nhsNumber.slice(0, 3)} ${patient.nhsNumber.slice(3, 6)} ${patient.nhsNumber.slice(6)}`);
    } finally {
      await request(app).patch(`/api/centres/${centreId}`).send({ fullPatientDetailsInFeeds: false }).expect(200);
    }
  });

  it('serves a support worker\'s pre-visit round from the booked pre-visits, at the home addresses', async () => {
    const visitDate = '2026-10-23';
    const open = (await referrals.list(getDb(), centreId)).filter((r) => !['cancelled', 'declined', 'discharged'].includes(r.status)).slice(0, 3);
    for (const r of open) await referralTransitions.saveBooking(getDb(), r.id, { preVisitDate: visitDate });
    const rounds = await request(app).get(`/api/centres/${centreId}/days/${visitDate}/rounds`).expect(200);
    const round = rounds.body.rounds.find((r: { stops: unknown[] }) => r.stops.length > 0);
    expect(round, 'the demo centre has a support worker on shift for the pre-visits').toBeDefined();
    const issued = await request(app).post(`/api/centres/${centreId}/feed-tokens`).send({ kind: 'support-worker', ownerId: round.workerId }).expect(201);
    const res = await fetchFeed(200, {}, issued.body.url);
    const addresses = new Map(open.map((r) => {
      const p = attendingOrAny.get(r.patientId)!;
      return [p.localRef, [...p.addressLines, p.postcode].join(', ')];
    }));
    for (const parse of [parseWithIcalJs, parseWithNodeIcal]) {
      const events = parse(res.text);
      expect(events.length).toBeGreaterThan(0);
      for (const e of events) {
        const ref = [...addresses.keys()].find((k) => e.summary.includes(`ref ${k}`))!;
        expect(ref).toBeDefined();
        expect(e.location).toBe(addresses.get(ref));
        expect(e.startUtc.slice(0, 10)).toBe(visitDate);
      }
    }
  });

  it('every feed kind passes libical\'s RFC 5545/iTIP check, reads the same in three parsers, is named owner first, and never carries access notes', async () => {
    const centre = (await request(app).get(`/api/centres/${centreId}`).expect(200)).body;
    const transport = await request(app).get(`/api/centres/${centreId}/days/${DATE}/transport`).expect(200);
    const vehicleRun = transport.body.runs.find((r: { stops: unknown[] }) => r.stops.length > 0);
    expect(vehicleRun, 'the demo day has a vehicle run').toBeDefined();
    const rounds = await request(app).get(`/api/centres/${centreId}/days/2026-10-23/rounds`).expect(200);
    const worker = rounds.body.rounds.find((r: { stops: unknown[] }) => r.stops.length > 0);
    const roomId = stored.plan.activities.find((a) => a.roomId)!.roomId!;
    const patient = attending.find((p) => stored.plan.itineraries.some((i) => i.patientId === p.id))!;
    const staffName = (await request(app).get(`/api/centres/${centreId}/staff/${staffId}`).expect(200)).body.name as string;
    const owners = [
      { kind: 'staff', ownerId: staffId, name: `${staffName} — ICC` },
      { kind: 'room', ownerId: roomId, name: / — ICC room$/ },
      { kind: 'patient', ownerId: patient.id, name: / — ICC day$/ },
      { kind: 'vehicle', ownerId: vehicleRun.vehicleId, name: `${vehicleRun.vehicleName} — ICC transport` },
      { kind: 'support-worker', ownerId: worker.workerId, name: `${worker.workerName} — ICC pre-visits` },
    ];
    const accessNotes = [...attendingOrAny.values()].map((p) => p.accessNotes).filter((n): n is string => n !== null);
    expect(accessNotes.length).toBeGreaterThan(0);
    for (const owner of owners) {
      const issued = await request(app).post(`/api/centres/${centreId}/feed-tokens`).send({ kind: owner.kind, ownerId: owner.ownerId }).expect(201);
      const body = (await fetchFeed(200, {}, issued.body.url)).text;
      expect(libicalErrors(body), owner.kind).toEqual([]);
      const [icalJs, nodeIcal, tsIcs] = [parseWithIcalJs(body), parseWithNodeIcal(body), parseWithTsIcs(body)];
      expect(icalJs.length, owner.kind).toBeGreaterThan(0);
      const instants = (events: ParsedEvent[]) => events.map((e) => `${e.uid} ${e.startUtc} ${e.endUtc} ${e.status}`);
      expect(instants(nodeIcal), owner.kind).toEqual(instants(icalJs));
      expect(instants(tsIcs), owner.kind).toEqual(instants(icalJs));
      const calendar = calendarOfTsIcs(body);
      expect(calendar.method).toBe('PUBLISH');
      if (typeof owner.name === 'string') expect(calendar.name).toBe(owner.name);
      else expect(calendar.name).toMatch(owner.name);
      // Calendar properties come before the first component (RFC 5545 §3.4).
      const head = body.slice(0, body.indexOf('BEGIN:V', 1));
      for (const property of ['METHOD:PUBLISH', 'REFRESH-INTERVAL', 'X-PUBLISHED-TTL', 'X-WR-CALNAME']) expect(head, `${owner.kind} ${property}`).toContain(property);
      expect(body.replace(/\r\n[ \t]/g, '')).toContain(`ORGANIZER;CN="${centre.name}":mailto:${centre.email}`);
      for (const note of accessNotes) expect(body.replace(/\r\n[ \t]/g, '')).not.toContain(note.slice(0, 20));
    }
  });

  it('subscribeUrl: PUBLIC_BASE_URL gives https behind a proxy; X-Forwarded-* count only with TRUST_PROXY', async () => {
    const send = (target: Express, headers: Record<string, string> = {}) => {
      const req = request(target).post(`/api/centres/${centreId}/feed-tokens`).send({ kind: 'staff', ownerId: staffId });
      for (const [k, v] of Object.entries(headers)) req.set(k, v);
      return req.expect(201);
    };
    const proxied = { 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'icc.proxy.nhs.uk' };
    const withBase = createApp({ db: getDb(), logger: createLogger('silent'), publicUrl: { baseUrl: 'https://icc.example.nhs.uk' } });
    const viaBase = await send(withBase, proxied);
    expect(viaBase.body.subscribeUrl).toBe(`https://icc.example.nhs.uk${viaBase.body.url}`);
    expect(viaBase.body.webcalUrl).toBe(`webcal://icc.example.nhs.uk${viaBase.body.url}`);
    const trusting = createApp({ db: getDb(), logger: createLogger('silent'), publicUrl: { trustProxy: true } });
    const viaProxy = await send(trusting, proxied);
    expect(viaProxy.body.subscribeUrl).toBe(`https://icc.proxy.nhs.uk${viaProxy.body.url}`);
    // Without TRUST_PROXY a client cannot steer the address with forged headers.
    const plain = await send(app, proxied);
    expect(plain.body.subscribeUrl).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+${plain.body.url}$`));
  });

  it('a feed ends (404) while its owner is deactivated; a deactivated staff member gets no new feed', async () => {
    const other = stored.plan.activities.map((a) => a.staffId).find((id) => id && id !== staffId)!;
    const issued = await request(app).post(`/api/centres/${centreId}/feed-tokens`).send({ kind: 'staff', ownerId: other }).expect(201);
    await fetchFeed(200, {}, issued.body.url);
    await request(app).patch(`/api/centres/${centreId}/staff/${other}`).send({ active: false }).expect(200);
    expect((await fetchFeed(404, {}, issued.body.url)).body.error.code).toBe('not_found');
    const refused = await request(app).post(`/api/centres/${centreId}/feed-tokens`).send({ kind: 'staff', ownerId: other }).expect(400);
    expect(refused.body.error.details[0].path).toBe('ownerId');
    await request(app).post(`/api/centres/${centreId}/feed-tokens/${issued.body.id}/reissue`).expect(400);
    await request(app).patch(`/api/centres/${centreId}/staff/${other}`).send({ active: true }).expect(200);
  });

  it('across the clock change of 25 October: a room feed shows 22 Oct in BST (UTC+1) and 27 Oct in GMT (UTC+0), in both parsers', async () => {
    const afterChange = '2026-10-27';
    const ids = [...attendingOrAny.values()].filter((p) => !p.unavailableDates.includes(afterChange)).slice(0, 5).map((p) => p.id);
    await planDayByJob(app, getDb(), centreId, { date: afterChange, patientIds: ids, timeLimitSec: 1 });
    await publishNewest(app, centreId, afterChange);
    const second = (await plans.latestWithStatus(getDb(), centreId, afterChange, 'published'))!.document as unknown as { plan: DayPlan };

    const roomId = stored.plan.activities.map((a) => a.roomId).find((id) => second.plan.activities.some((a) => a.roomId === id))!;
    expect(roomId).toBeDefined();
    const issued = await request(app).post(`/api/centres/${centreId}/feed-tokens`).send({ kind: 'room', ownerId: roomId }).expect(201);
    const res = await fetchFeed(200, {}, issued.body.url);
    const gmt = (minutes: number) => new Date(Date.UTC(2026, 9, 27, 0, minutes)).toISOString();
    for (const parse of [parseWithIcalJs, parseWithNodeIcal]) {
      const starts = new Set(parse(res.text).filter((e) => e.status === 'CONFIRMED').map((e) => e.startUtc));
      for (const a of stored.plan.activities.filter((x) => x.roomId === roomId)) expect(starts.has(instantOf(a.startMin)), `22 Oct ${a.startMin}`).toBe(true);
      for (const a of second.plan.activities.filter((x) => x.roomId === roomId)) expect(starts.has(gmt(a.startMin)), `27 Oct ${a.startMin}`).toBe(true);
    }
  });

  it('keeps a cancelled event for 14 days, then drops it; past confirmed events stay', async () => {
    const day13 = new Date(NOW.getTime() + 13 * 86_400_000);
    const day15 = new Date(NOW.getTime() + 15 * 86_400_000);
    const before = parseWithIcalJs((await fetchFeed(200, {}, feedUrl, day13)).text);
    expect(before.some((e) => e.status === 'CANCELLED')).toBe(true);
    const after = parseWithNodeIcal((await fetchFeed(200, {}, feedUrl, day15)).text);
    expect(after.some((e) => e.status === 'CANCELLED')).toBe(false);
    const confirmed22 = before.filter((e) => e.status === 'CONFIRMED' && e.startUtc.startsWith(DATE)).map((e) => e.uid).sort();
    expect(confirmed22.length).toBeGreaterThan(0);
    expect(after.filter((e) => e.startUtc.startsWith(DATE)).map((e) => e.uid).sort()).toEqual(confirmed22);
  });

  it('a revoked URL answers 404; reissuing gives a new URL for the same feed; a revoked token cannot be reissued', async () => {
    const sequences = (text: string) => parseWithNodeIcal(text).map((e) => `${e.uid}#${e.sequence}#${e.status}`).sort();
    const last = sequences((await fetchFeed(200)).text);
    const reissued = await request(app).post(`/api/centres/${centreId}/feed-tokens/${tokenId}/reissue`).expect(201);
    expect(reissued.body.url).not.toBe(feedUrl);
    const oldUrl = feedUrl;
    feedUrl = reissued.body.url;
    // The published states belong to the owner: the new URL carries on with the same UIDs and SEQUENCEs.
    expect(sequences((await fetchFeed(200)).text)).toEqual(last);
    feedUrl = oldUrl;
    const gone = await fetchFeed(404);
    expect(gone.body.error.code).toBe('not_found');
    await request(app).delete(`/api/centres/${centreId}/feed-tokens/${reissued.body.id}`).expect(204);
    feedUrl = reissued.body.url;
    await fetchFeed(404);
    // Revoked is for good: neither the revoked token nor the one it replaced can be reissued.
    for (const id of [reissued.body.id, tokenId]) {
      const refused = await request(app).post(`/api/centres/${centreId}/feed-tokens/${id}/reissue`).expect(409);
      expect(refused.body.error).toMatchObject({ code: 'conflict', details: [{ path: 'id' }] });
    }
    await fetchFeed(404);
    await request(app).get('/feeds/not-a-token.ics').expect(404);
  });
});
