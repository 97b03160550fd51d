import request from 'supertest';
import { beforeEach, expect, it } from 'vitest';
import { createApp } from '../../../src/app.ts';
import { defaultFollowUpTypes } from '../../../src/domain/referral-pathway.ts';
import { describeEachDatabase } from '../../helpers/describe-each-database.ts';
import { assessmentTypeBody, centreBody, patientBody, shiftBody, staffBody } from '../../helpers/fixtures.ts';
import { truncateAll } from '../../helpers/test-database.ts';

const errorPaths = (body: { error: { details: { path: string }[] } }) => body.error.details.map((d) => d.path);
const ICC_DAY = '2026-03-02'; // Monday
const NEXT_DAY = '2026-03-03';

describeEachDatabase('MDT outcome and follow-ups API', (getDb) => {
  const app = () => createApp({ db: getDb() });
  let centreId: string;
  let physioType: string;
  const staff: Record<string, string> = {};
  const api = (path: string) => `/api/centres/${centreId}${path}`;

  /** A referral walked to "attended" on ICC_DAY; `named` is a physio named at the pre-visit. */
  async function attended(n: number, named?: string, home: { lat: number; lon: number } = { lat: 53.75 + n / 200, lon: -0.35 }): Promise<string> {
    const patientId = (await request(app()).post(api('/patients')).send(patientBody(n, home)).expect(201)).body.id;
    const id = (await request(app()).post(api('/referrals')).send({ patientId, referrer: { kind: 'gp', name: 'Dr P' }, referredDate: '2026-02-02' }).expect(201)).body.id;
    await request(app()).put(api(`/referrals/${id}/pre-visit`)).send({
      requiredAssessmentTypeIds: [physioType], namedClinicians: named ? [{ assessmentTypeId: physioType, staffId: named }] : [],
    }).expect(200);
    await request(app()).post(api(`/referrals/${id}/transitions`)).send({ to: 'day-booked', date: ICC_DAY }).expect(201);
    await request(app()).post(api(`/referrals/${id}/transitions`)).send({ to: 'attended' }).expect(201);
    return id;
  }
  const rehabNextDay = { carePlan: 'Strength and balance at home', followUps: [{ type: 'rehab-home-visit', windowStartDays: 1, windowEndDays: 1 }] };

  beforeEach(async () => {
    await truncateAll(getDb());
    centreId = (await request(app()).post('/api/centres').send({ ...centreBody(), lat: 53.7676, lon: -0.3274 }).expect(201)).body.id;
    physioType = (await request(app()).post(api('/assessment-types')).send(assessmentTypeBody('physio-assessment', { discipline: 'physio', qualification: 'physio' })).expect(201)).body.id;
    for (const name of ['Alex Physio', 'Bea Physio']) {
      staff[name] = (await request(app()).post(api('/staff')).send(staffBody({ name, discipline: 'physio', qualifications: ['physio'] })).expect(201)).body.id;
    }
    // Alex has the longer shift, so without continuity Alex would be chosen first; Bea has room for one visit (60 min + 30 travel).
    await request(app()).post(api('/shifts')).send([
      shiftBody(staff['Alex Physio']!, { date: NEXT_DAY, start: '09:00', end: '12:00', breaks: [] }),
      shiftBody(staff['Bea Physio']!, { date: NEXT_DAY, start: '09:00', end: '11:00', breaks: [] }),
    ]).expect(201);
  });

  it('types: the defaults until the centre sets its own; a bad type names the field', async () => {
    const defaults = (await request(app()).get(api('/follow-ups/types')).expect(200)).body;
    expect(defaults).toEqual({ source: 'default', types: [...defaultFollowUpTypes] });
    const mine = [{ ...defaultFollowUpTypes[0]!, windowEndDays: 7 }];
    expect((await request(app()).put(api('/follow-ups/types')).send(mine).expect(200)).body).toEqual({ source: 'centre', types: mine });
    const bad = await request(app()).put(api('/follow-ups/types')).send([{ ...defaultFollowUpTypes[0]!, windowStartDays: 9, windowEndDays: 3 }]).expect(400);
    expect(errorPaths(bad.body)).toEqual(['0.windowEndDays']);
  });

  it('MDT outcome: refused before attendance with the allowed states; unknown type names the field', async () => {
    const patientId = (await request(app()).post(api('/patients')).send(patientBody(9)).expect(201)).body.id;
    const fresh = (await request(app()).post(api('/referrals')).send({ patientId, referrer: { kind: 'gp', name: 'Dr P' }, referredDate: '2026-02-02' }).expect(201)).body.id;
    const early = await request(app()).post(api(`/referrals/${fresh}/mdt-outcome`)).send(rehabNextDay).expect(409);
    expect(early.body.error.details.allowed).toEqual(['pre-visit-booked', 'pre-visit-done', 'declined', 'cancelled']);
    const id = await attended(1);
    const unknown = await request(app()).post(api(`/referrals/${id}/mdt-outcome`)).send({ carePlan: 'x', followUps: [{ type: 'aromatherapy' }] }).expect(400);
    expect(errorPaths(unknown.body)).toEqual(['followUps.0.type']);
    expect(errorPaths((await request(app()).post(api(`/referrals/${id}/mdt-outcome`)).send({ followUps: [] }).expect(400)).body)).toEqual(['carePlan']);
    // The transition endpoint cannot skip the outcome either.
    await request(app()).post(api(`/referrals/${id}/transitions`)).send({ to: 'mdt-outcome-recorded' }).expect(409);
  });

  it('MDT outcome: windows count from the ICC day; the referral moves on', async () => {
    const id = await attended(1);
    const res = await request(app()).post(api(`/referrals/${id}/mdt-outcome`)).set('x-actor', 'dr-khan').send({ carePlan: 'Review at two weeks', followUps: [{ type: 'icc-phone-review' }, { type: 'return-visit' }] }).expect(201);
    expect(res.body.followUps.map((f: { typeCode: string; earliestDate: string; latestDate: string }) => [f.typeCode, f.earliestDate, f.latestDate])).toEqual([
      ['icc-phone-review', '2026-03-15', '2026-03-17'], // 13–15 days after 2 March
      ['return-visit', '2026-04-13', '2026-04-27'], // 42–56 days
    ]);
    expect(res.body.outcome).toMatchObject({ carePlan: 'Review at two weeks', recordedBy: 'dr-khan', sharedWith: ['patient', 'gp', 'hospital'] });
    expect((await request(app()).get(api(`/referrals/${id}/transitions`)).expect(200)).body.status).toBe('mdt-outcome-recorded');
  });

  it('plan: continuity wins over the emptier diary, capacity is respected, the rest is unbooked with a reason', async () => {
    const withBea = await attended(1, staff['Bea Physio']);
    const second = await attended(2);
    const third = await attended(3);
    for (const id of [withBea, second, third]) await request(app()).post(api(`/referrals/${id}/mdt-outcome`)).send(rehabNextDay).expect(201);
    const res = await request(app()).post(api('/follow-ups/plan')).send({}).expect(200);
    const booked = new Map((res.body.booked as Array<{ referralId: string; staffId: string; continuity: boolean; bookedDate: string; startMin: number }>).map((f) => [f.referralId, f]));
    // Alex (180 min) takes two 90-minute visits, Bea (120 min) one: three fit, and Bea's patient stays with Bea.
    expect(booked.get(withBea)).toMatchObject({ staffId: staff['Bea Physio'], continuity: true, bookedDate: NEXT_DAY });
    expect(booked.size).toBe(3);
    for (const f of booked.values()) expect(f.startMin).toBeGreaterThanOrEqual(9 * 60);
    expect(res.body.rounds.length).toBe(2);
    for (const id of [withBea, second, third]) expect((await request(app()).get(api(`/referrals/${id}/transitions`)).expect(200)).body.status).toBe('follow-up-booked');

    const fourth = await attended(4);
    await request(app()).post(api(`/referrals/${fourth}/mdt-outcome`)).send(rehabNextDay).expect(201);
    const full = await request(app()).post(api('/follow-ups/plan')).send({}).expect(200);
    expect(full.body.booked).toEqual([]);
    expect(full.body.unbooked).toHaveLength(1);
    expect(full.body.unbooked[0]).toMatchObject({ referralId: fourth, reason: 'no-capacity-in-window', status: 'unbooked' });
    expect((await request(app()).get(api(`/referrals/${fourth}/transitions`)).expect(200)).body.status).toBe('mdt-outcome-recorded');
  });

  it('a home visit the router cannot fit in the chosen day moves to another day of its window', async () => {
    // ~28 km north of the centre: about 70 minutes' drive each way, so 60 + 2 × 70 minutes does not fit Alex's 3-hour shift.
    await request(app()).post(api('/shifts')).send(shiftBody(staff['Alex Physio']!, { date: '2026-03-04', start: '08:30', end: '16:30', breaks: [] })).expect(201);
    const far = await attended(5, undefined, { lat: 54.02, lon: -0.3274 });
    await request(app()).post(api(`/referrals/${far}/mdt-outcome`)).send({ carePlan: 'Rehab at home', followUps: [{ type: 'rehab-home-visit', windowStartDays: 1, windowEndDays: 2 }] }).expect(201);
    const res = await request(app()).post(api('/follow-ups/plan')).send({}).expect(200);
    expect(res.body.unbooked).toEqual([]);
    expect(res.body.booked).toHaveLength(1);
    expect(res.body.booked[0]).toMatchObject({ referralId: far, bookedDate: '2026-03-04', staffId: staff['Alex Physio'] });
    expect(res.body.rounds.map((r: { date: string }) => r.date)).toEqual(['2026-03-04']);
  });

  it('a home visit no day of its window can route is unbooked with the router\'s reason', async () => {
    const far = await attended(6, undefined, { lat: 54.02, lon: -0.3274 });
    await request(app()).post(api(`/referrals/${far}/mdt-outcome`)).send(rehabNextDay).expect(201);
    const res = await request(app()).post(api('/follow-ups/plan')).send({}).expect(200);
    expect(res.body.booked).toEqual([]);
    expect(res.body.unbooked).toHaveLength(1);
    expect(res.body.unbooked[0].unbookedReason).toMatch(/^routing on 2026-03-03/);
  });
});
