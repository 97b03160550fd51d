import request from 'supertest';
import { beforeEach, expect, it } from 'vitest';
import { createApp } from '../../../src/app.ts';
import { addDays, daysBetween, isoWeekday } from '../../../src/domain/local-date.ts';
import { describeEachDatabase } from '../../helpers/describe-each-database.ts';
import { assessmentTypeBody, centreBody, patientBody, shiftBody, staffBody } from '../../helpers/fixtures.ts';
import { truncateAll } from '../../helpers/test-database.ts';

const errorPaths = (body: { error: { details: { path: string }[] } }) => body.error.details.map((d) => d.path);
const FROM = '2026-03-02'; // a Monday
const BANK_HOLIDAY = '2026-03-09';
const weekdays = Array.from({ length: 14 }, (_, i) => addDays(FROM, i)).filter((d) => isoWeekday(d) <= 5);

interface Proposal { referralId: string; patientRef: string; preVisitDate: string | null; iccDate: string; pinned: boolean; preVisitRecorded: boolean }

describeEachDatabase('bookings API', (getDb) => {
  const app = () => createApp({ db: getDb() });
  let centreId: string;
  const api = (path: string) => `/api/centres/${centreId}${path}`;
  const refs = { visited: '', waiting: '', booked: '' };

  async function referral(n: number, overrides: Record<string, unknown> = {}): Promise<string> {
    const patientId = (await request(app()).post(api('/patients')).send(patientBody(n)).expect(201)).body.id;
    return (await request(app()).post(api('/referrals')).send({ patientId, referrer: { kind: 'gp', name: 'Dr P' }, referredDate: '2026-02-16', ...overrides }).expect(201)).body.id;
  }

  beforeEach(async () => {
    await truncateAll(getDb());
    centreId = (await request(app()).post('/api/centres').send({ ...centreBody(), closedDates: [BANK_HOLIDAY] }).expect(201)).body.id;
    const anp = (await request(app()).post(api('/staff')).send(staffBody({ name: 'ANP Lee', discipline: 'anp', qualifications: ['anp-initial'] })).expect(201)).body.id;
    const worker = (await request(app()).post(api('/staff')).send(staffBody({ name: 'Sam Support', discipline: 'support-worker', qualifications: ['pre-visit'] })).expect(201)).body.id;
    await request(app()).post(api('/shifts')).send(weekdays.flatMap((date) => [shiftBody(anp, { date }), shiftBody(worker, { date })])).expect(201);
    const typeId = (await request(app()).post(api('/assessment-types')).send(assessmentTypeBody('anp-initial')).expect(201)).body.id;
    refs.visited = await referral(1);
    await request(app()).put(api(`/referrals/${refs.visited}/pre-visit`)).send({ requiredAssessmentTypeIds: [typeId], visitDate: '2026-02-26' }).expect(200);
    refs.waiting = await referral(2, { urgent: true });
    refs.booked = await referral(3);
    await request(app()).put(api(`/referrals/${refs.booked}/pre-visit`)).send({ requiredAssessmentTypeIds: [typeId], visitDate: '2026-02-25' }).expect(200);
    await request(app()).post(api(`/referrals/${refs.booked}/transitions`)).send({ to: 'day-booked', date: '2026-03-04' }).expect(201);
  });

  it('plans every waiting referral on open days, keeps the booked one pinned, reports the bound', async () => {
    const res = await request(app()).post(api('/bookings/plan')).send({ from: FROM, days: 14 }).expect(200);
    const proposals = res.body.proposals as Proposal[];
    const by = new Map(proposals.map((p) => [p.referralId, p]));
    expect([...by.keys()].sort()).toEqual([refs.visited, refs.waiting, refs.booked].sort());
    expect(by.get(refs.booked)).toMatchObject({ pinned: true, iccDate: '2026-03-04' });
    for (const p of proposals) {
      expect(isoWeekday(p.iccDate)).toBeLessThanOrEqual(5);
      expect(p.iccDate).not.toBe(BANK_HOLIDAY);
    }
    // The one not yet visited gets a pre-visit 2–21 days before its ICC day, on a support worker's day.
    const waiting = by.get(refs.waiting)!;
    expect(waiting.preVisitRecorded).toBe(false);
    const lead = daysBetween(waiting.preVisitDate!, waiting.iccDate);
    expect(lead).toBeGreaterThanOrEqual(2);
    expect(lead).toBeLessThanOrEqual(21);
    expect(weekdays).toContain(waiting.preVisitDate);
    expect(res.body.bound.value).not.toBeNull();
    expect(res.body.bound.value).toBeLessThanOrEqual(res.body.objective + 1e-6);
    expect(res.body.gapPct).toBeGreaterThanOrEqual(0);
    expect(res.body.unbooked).toEqual([]);
    expect(res.body.closedDays).toContainEqual({ date: BANK_HOLIDAY, reason: expect.stringMatching(/closedDates/) });
  });

  it("books no ICC day on a date when the only ANP is out on an outreach team (that date's capacity has no ANP minutes)", async () => {
    const plan = async () => (await request(app()).post(api('/bookings/plan')).send({ from: FROM, days: 14 }).expect(200)).body as { proposals: Proposal[]; unbooked: unknown[] };
    const before = await plan();
    const anp = ((await request(app()).get(api('/staff')).expect(200)).body as Array<{ id: string; discipline: string }>).find((s) => s.discipline === 'anp')!;
    // The ANP goes out on every open day but two (the booked referral's day and one more).
    const kept = ['2026-03-04', '2026-03-11'];
    const outDates = weekdays.filter((d) => d !== BANK_HOLIDAY && !kept.includes(d));
    for (const date of outDates) await request(app()).post(api('/outreach-days')).send({ date, staffIds: [anp.id], maxResidents: 2 }).expect(201);
    // Without the outreach days the planner used one of those dates (so this test can fail).
    expect(before.proposals.filter((p) => !p.pinned).some((p) => outDates.includes(p.iccDate))).toBe(true);

    const after = await plan();
    expect(after.unbooked).toEqual([]);
    expect(after.proposals.map((p) => p.referralId).sort()).toEqual(before.proposals.map((p) => p.referralId).sort());
    for (const p of after.proposals) expect(kept).toContain(p.iccDate);
  });

  it('with no patient places nobody new is booked, each with a reason', async () => {
    const res = await request(app()).post(api('/bookings/plan')).send({ from: FROM, days: 14, patientPlacesPerDay: 0, backend: 'highs' }).expect(200);
    const unbooked = res.body.unbooked as Array<{ referralId: string; reason: string; message: string; patientRef: string }>;
    expect(unbooked.map((u) => u.referralId).sort()).toEqual([refs.visited, refs.waiting].sort());
    for (const u of unbooked) {
      expect(u.reason).toBe('no-open-day');
      expect(u.message.length).toBeGreaterThan(10);
    }
  });

  it('confirm: a visited referral is day-booked; one not yet visited holds its ICC day at pre-visit-booked', async () => {
    const plan = (await request(app()).post(api('/bookings/plan')).send({ from: FROM, days: 14 }).expect(200)).body;
    const mine = (plan.proposals as Proposal[]).filter((p) => !p.pinned);
    const res = await request(app()).post(api('/bookings/confirm')).set('x-actor', 'coordinator').send({ proposals: mine.map(({ referralId, preVisitDate, iccDate }) => ({ referralId, preVisitDate, iccDate })) }).expect(200);
    const status = new Map((res.body.confirmed as Array<{ referralId: string; status: string }>).map((c) => [c.referralId, c.status]));
    expect(status.get(refs.visited)).toBe('day-booked');
    expect(status.get(refs.waiting)).toBe('pre-visit-booked');
    const view = (await request(app()).get(api(`/referrals/${refs.waiting}/transitions`)).expect(200)).body;
    const proposed = mine.find((p) => p.referralId === refs.waiting)!;
    expect(view.booking).toEqual({ preVisitDate: proposed.preVisitDate, iccDate: proposed.iccDate, outreachDate: null });
    expect(view.statusHistory.at(-1)).toMatchObject({ status: 'pre-visit-booked', by: 'coordinator' });
    // Re-planning keeps the confirmed ICC day of the visited referral.
    const again = (await request(app()).post(api('/bookings/plan')).send({ from: FROM, days: 14 }).expect(200)).body;
    const visited = (again.proposals as Proposal[]).find((p) => p.referralId === refs.visited)!;
    expect(visited).toMatchObject({ pinned: true, iccDate: mine.find((p) => p.referralId === refs.visited)!.iccDate });
  });

  it('errors name the field', async () => {
    expect(errorPaths((await request(app()).post(api('/bookings/plan')).send({ days: 14 }).expect(400)).body)).toEqual(['from']);
    expect(errorPaths((await request(app()).post(api('/bookings/plan')).send({ from: FROM, minLeadDays: 9, maxLeadDays: 3 }).expect(400)).body)).toEqual(['minLeadDays']);
    expect(errorPaths((await request(app()).post(api('/bookings/plan')).send({ from: FROM, backend: 'cplex' }).expect(400)).body)).toEqual(['backend']);
    const closed = await request(app()).post(api('/bookings/confirm')).send({ proposals: [{ referralId: refs.visited, iccDate: BANK_HOLIDAY }] }).expect(409);
    expect(errorPaths(closed.body)).toEqual(['proposals.0.iccDate']);
    const unknown = await request(app()).post(api('/bookings/confirm')).send({ proposals: [{ referralId: '00000000-0000-4000-8000-000000000000', iccDate: '2026-03-05' }] }).expect(400);
    expect(errorPaths(unknown.body)).toEqual(['proposals.0.referralId']);
    const noVisit = await request(app()).post(api('/bookings/confirm')).send({ proposals: [{ referralId: refs.waiting, iccDate: '2026-03-12' }] }).expect(400);
    expect(errorPaths(noVisit.body)).toEqual(['proposals.0.preVisitDate']);
    // All or nothing: a good proposal before a bad one is not stored.
    await request(app()).post(api('/bookings/confirm')).send({ proposals: [{ referralId: refs.visited, iccDate: '2026-03-05' }, { referralId: refs.waiting, iccDate: '2026-03-12' }] }).expect(400);
    expect((await request(app()).get(api(`/referrals/${refs.visited}`)).expect(200)).body.status).toBe('pre-visit-done');
  });
});
