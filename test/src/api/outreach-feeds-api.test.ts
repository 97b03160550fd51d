// A clinician's calendar feed carries their published care-home outreach visits, on both
// databases: an outreach day is planned and published through the API, the geriatrician's
// feed is fetched and read by two independent parsers (node-ical, ts-ics) and libical's
// validator — each visit at the care home's name and address, the resident by initials and
// local reference only — and after a replan drops a resident and is published, that
// resident's visits come back CANCELLED with SEQUENCE 1 under the same UIDs. Each resident's own
// feed (kind patient) carries their visits at the care home the same way.
import type { Express } from 'express';
import request from 'supertest';
import { afterEach, beforeAll, expect, it, vi } from 'vitest';
import { createApp } from '../../../src/app.ts';
import { loadDemoCentre } from '../../../src/demo/load-demo-centre.ts';
import { createLogger } from '../../../src/logger.ts';
import { describeEachDatabase } from '../../helpers/describe-each-database.ts';
import { patientBody } from '../../helpers/fixtures.ts';
import { libicalErrors } from '../../helpers/libical-validate.ts';
import { truncateAll } from '../../helpers/test-database.ts';
import { parseWithNodeIcal, parseWithTsIcs, type ParsedEvent } from '../feeds/parse-feed.ts';

const START = '2026-11-30'; // Monday: the demo rota's first day
const DAY = '2026-12-02'; // the outreach day, a Wednesday in GMT (local wall clock = UTC)
const NOW = new Date('2026-12-01T18:00:00Z'); // the evening before: DAY is in the feed's window

/** The instant a plan minute of DAY is in London (GMT), computed independently of src/feeds. */
const instantOf = (minutes: number) => new Date(Date.UTC(2026, 11, 2, 0, minutes)).toISOString();

interface Visit { id: string; residentId: string; typeId: string; staffId: string; startMin: number; endMin: number }

describeEachDatabase('outreach visits in staff and patient feeds', (getDb) => {
  let app: Express;
  let centreId: string;
  let home: { id: string; name: string; addressLines: string[]; postcode: string };
  let residents: Array<{ id: string; familyName: string; givenName: string; localRef: string; nhsNumber: string }>;
  let geriatricianId: string;
  let reviewName: string;
  let feedUrl: string;
  /** Each resident's own feed, in the order of `residents`. */
  let residentFeedUrls: string[];
  const api = (path: string) => `/api/centres/${centreId}${path}`;
  const planUrl = (suffix = '') => api(`/days/${DAY}/outreach-plan${suffix}`);

  async function fetchFeed(headers: Record<string, string> = {}, url = feedUrl) {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
    try {
      const req = request(app).get(url);
      for (const [k, v] of Object.entries(headers)) req.set(k, v);
      return await req;
    } finally {
      vi.useRealTimers();
    }
  }

  async function publishNewest(): Promise<Visit[]> {
    const current = await request(app).get(planUrl()).expect(200);
    const published = await request(app).post(planUrl('/publish')).set('If-Match', current.headers.etag!).expect(200);
    return published.body.plan.visits as Visit[];
  }

  beforeAll(async () => {
    await truncateAll(getDb());
    app = createApp({ db: getDb(), logger: createLogger('silent') });
    centreId = (await loadDemoCentre(getDb(), { seed: 1, startDate: START })).centreId!;
    const homes = (await request(app).get(api('/care-homes')).expect(200)).body as Array<typeof home>;
    home = homes.find((h) => h.name === 'Ashcourt Care Home')!;
    const types = (await request(app).get(api('/assessment-types')).expect(200)).body as Array<{ id: string; code: string; name: string }>;
    reviewName = types.find((t) => t.code === 'geriatrician-review')!.name;
    const typeIds = ['anp-initial', 'medication-review', 'geriatrician-review'].map((code) => types.find((t) => t.code === code)!.id);
    residents = [];
    for (const [i, ref] of ['CH-FEED-1', 'CH-FEED-2'].entries()) {
      const resident = (await request(app).post(api('/patients')).send(patientBody(7201 + i, { localRef: ref, careHomeResident: true, careHomeId: home.id, addressLines: home.addressLines })).expect(201)).body;
      residents.push(resident);
      const referral = (await request(app).post(api('/referrals')).send({ patientId: resident.id, referrer: { kind: 'care-home', name: 'Ashcourt senior carer' }, referredDate: '2026-11-16', urgent: true }).expect(201)).body;
      await request(app).put(api(`/referrals/${referral.id}/pre-visit`)).send({
        visitDate: '2026-11-25', requiredAssessmentTypeIds: typeIds,
        consentRecordAccess: true, consentSpeakToCarers: true, carerAttending: false, mobility: 'walking-aid', dietaryNeeds: [], transportNeeded: false,
      }).expect(200);
    }
    const staff = (await request(app).get(api('/staff')).expect(200)).body as Array<{ id: string; discipline: string }>;
    const onShift = new Set(((await request(app).get(api(`/shifts?date=${DAY}`)).expect(200)).body as Array<{ staffId: string }>).map((s) => s.staffId));
    const team = ['anp', 'pharmacy', 'geriatrician'].map((d) => staff.find((s) => s.discipline === d && onShift.has(s.id))!.id);
    geriatricianId = team[2]!;
    await request(app).post(api('/outreach-days')).send({ date: DAY, staffIds: team, maxResidents: 4 }).expect(201);
    await request(app).post(planUrl()).send({ patientIds: residents.map((r) => r.id), maxIterations: 300 }).expect(201);
    feedUrl = (await request(app).post(api('/feed-tokens')).send({ kind: 'staff', ownerId: geriatricianId }).expect(201)).body.url;
    residentFeedUrls = [];
    for (const r of residents) residentFeedUrls.push((await request(app).post(api('/feed-tokens')).send({ kind: 'patient', ownerId: r.id }).expect(201)).body.url);
  }, 180_000); // demo centre, residents and a planned outreach day: slow on a loaded machine

  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows nothing of a draft outreach plan', async () => {
    for (const url of [feedUrl, ...residentFeedUrls]) {
      const res = await fetchFeed({}, url);
      expect(res.status, res.text.slice(0, 300)).toBe(200);
      expect(parseWithNodeIcal(res.text)).toEqual([]);
    }
  });

  let firstEtag: string;
  let firstEvents: ParsedEvent[];
  /** Each resident's feed as first published: ETag and events. */
  let residentFirst: Array<{ etag: string; events: ParsedEvent[] }>;
  let publishedVisits: Visit[];

  it("carries the published visits at the care home's address, the residents by initials and reference, valid for libical", async () => {
    publishedVisits = await publishNewest();
    const visits = publishedVisits.filter((v) => v.staffId === geriatricianId);
    expect(visits.map((v) => v.residentId).sort()).toEqual(residents.map((r) => r.id).sort());
    const res = await fetchFeed();
    expect(res.status, res.text.slice(0, 300)).toBe(200);
    expect(libicalErrors(res.text)).toEqual([]);
    firstEtag = res.headers.etag!;
    const address = `${home.name}, ${home.addressLines.join(', ')}, ${home.postcode}`;
    for (const parse of [parseWithNodeIcal, parseWithTsIcs]) {
      const events = parse(res.text);
      expect(events.every((e) => e.status === 'CONFIRMED' && e.sequence === 0)).toBe(true);
      for (const visit of visits) {
        const resident = residents.find((r) => r.id === visit.residentId)!;
        const event = events.find((e) => e.startUtc === instantOf(visit.startMin) && e.summary.includes(resident.localRef))!;
        expect(event, `${visit.id} in ${parse.name}`).toBeDefined();
        expect(event.endUtc).toBe(instantOf(visit.endMin));
        expect(event.location).toBe(address);
        expect(event.summary).toMatch(new RegExp(`^${reviewName}: [A-Z]{2} \\(ref ${resident.localRef}\\) \\(${home.name}\\)$`));
      }
      // The round out of the centre and back, and the MDT.
      expect(events.some((e) => e.summary === `Care-home outreach: ${home.name}` && e.description.includes(address))).toBe(true);
      expect(events.some((e) => e.summary.startsWith('MDT meeting'))).toBe(true);
    }
    firstEvents = parseWithNodeIcal(res.text);
    const unfolded = res.text.replace(/\r\n[ \t]/g, '');
    for (const r of residents) {
      expect(unfolded).not.toContain(r.familyName);
      expect(unfolded).not.toContain(r.nhsNumber);
    }
    expect((await fetchFeed({ 'If-None-Match': firstEtag })).status).toBe(304);
  });

  it("gives each resident their own visits at the care home's address, with whom, valid for libical", async () => {
    const staffNames = new Map(((await request(app).get(api('/staff?limit=1000')).expect(200)).body as Array<{ id: string; name: string }>).map((s) => [s.id, s.name]));
    const address = `${home.name}, ${home.addressLines.join(', ')}, ${home.postcode}`;
    residentFirst = [];
    for (const [i, resident] of residents.entries()) {
      const res = await fetchFeed({}, residentFeedUrls[i]);
      expect(res.status, res.text.slice(0, 300)).toBe(200);
      expect(libicalErrors(res.text)).toEqual([]);
      const theirs = publishedVisits.filter((v) => v.residentId === resident.id);
      expect(theirs.length, `${resident.localRef}'s published visits`).toBe(3);
      for (const parse of [parseWithNodeIcal, parseWithTsIcs]) {
        const events = parse(res.text);
        // Exactly their visits: nothing of the other resident, no round, no MDT.
        expect(events.map((e) => [e.startUtc, e.endUtc]).sort()).toEqual(theirs.map((v) => [instantOf(v.startMin), instantOf(v.endMin)]).sort());
        for (const visit of theirs) {
          const event = events.find((e) => e.startUtc === instantOf(visit.startMin))!;
          expect(event.location).toBe(address);
          expect(event.summary).toMatch(new RegExp(` with ${staffNames.get(visit.staffId)} at ${home.name}$`));
          expect(event.description).toContain(`For: ${resident.givenName.slice(0, 1)}${resident.familyName.slice(0, 1)} (ref ${resident.localRef})`);
          expect([event.status, event.sequence]).toEqual(['CONFIRMED', 0]);
        }
      }
      const unfolded = res.text.replace(/\r\n[ \t]/g, '');
      for (const other of residents.filter((r) => r.id !== resident.id)) expect(unfolded).not.toContain(other.localRef);
      expect(unfolded).not.toContain(resident.nhsNumber);
      residentFirst.push({ etag: res.headers.etag!, events: parseWithNodeIcal(res.text) });
      expect((await fetchFeed({ 'If-None-Match': res.headers.etag! }, residentFeedUrls[i])).status).toBe(304);
    }
  });

  it('after a replan drops a resident and is published: their visits CANCELLED with SEQUENCE 1, the same UIDs, a new ETag', async () => {
    const unwell = residents[0]!;
    const current = await request(app).get(planUrl()).expect(200);
    await request(app).post(planUrl('/replan')).set('If-Match', current.headers.etag!)
      .send({ now: '07:00', changes: [{ kind: 'resident-unwell', residentId: unwell.id }] }).expect(200);
    // A draft changes nothing a subscriber sees.
    expect((await fetchFeed({ 'If-None-Match': firstEtag })).status).toBe(304);
    const visits = await publishNewest();
    expect(visits.some((v) => v.residentId === unwell.id)).toBe(false);

    // The unwell resident's own feed: every visit CANCELLED, SEQUENCE 1, the same UIDs.
    const own = await fetchFeed({ 'If-None-Match': residentFirst[0]!.etag }, residentFeedUrls[0]);
    expect(own.status).toBe(200);
    expect(libicalErrors(own.text)).toEqual([]);
    for (const parse of [parseWithNodeIcal, parseWithTsIcs]) {
      const after = parse(own.text);
      expect(after.map((e) => e.uid).sort()).toEqual(residentFirst[0]!.events.map((e) => e.uid).sort());
      for (const e of after) expect([e.status, e.sequence]).toEqual(['CANCELLED', 1]);
    }

    const res = await fetchFeed({ 'If-None-Match': firstEtag });
    expect(res.status).toBe(200);
    expect(res.headers.etag).not.toBe(firstEtag);
    expect(libicalErrors(res.text)).toEqual([]);
    for (const parse of [parseWithNodeIcal, parseWithTsIcs]) {
      const after = new Map(parse(res.text).map((e) => [e.uid, e]));
      for (const old of firstEvents) {
        const now = after.get(old.uid);
        expect(now, old.summary).toBeDefined();
        if (old.summary.includes(unwell.localRef) && old.summary.startsWith(reviewName)) {
          expect([now!.status, now!.sequence, now!.summary]).toEqual(['CANCELLED', 1, `Cancelled: ${old.summary}`]);
        } else {
          expect(now!.status).toBe('CONFIRMED');
          const same = now!.startUtc === old.startUtc && now!.endUtc === old.endUtc && now!.description === old.description && now!.location === old.location;
          expect(now!.sequence).toBe(same ? 0 : 1);
        }
      }
    }
  });
});
