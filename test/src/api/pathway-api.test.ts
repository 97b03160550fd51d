import request from 'supertest';
import { beforeEach, expect, it } from 'vitest';
import { createApp } from '../../../src/app.ts';
import { allowedTransitions } from '../../../src/domain/referral-pathway.ts';
import { describeEachDatabase } from '../../helpers/describe-each-database.ts';
import { assessmentTypeBody, centreBody, patientBody } from '../../helpers/fixtures.ts';
import { truncateAll } from '../../helpers/test-database.ts';

const errorPaths = (body: { error: { details: { path: string }[] } }) => body.error.details.map((d) => d.path);

describeEachDatabase('referral pathway transitions API', (getDb) => {
  const app = () => createApp({ db: getDb() });
  let centreId: string;
  let referralId: string;
  let typeId: string;
  const api = (path: string) => `/api/centres/${centreId}${path}`;
  const transitions = () => api(`/referrals/${referralId}/transitions`);

  beforeEach(async () => {
    await truncateAll(getDb());
    centreId = (await request(app()).post('/api/centres').send(centreBody()).expect(201)).body.id;
    const patientId = (await request(app()).post(api('/patients')).send(patientBody(1)).expect(201)).body.id;
    typeId = (await request(app()).post(api('/assessment-types')).send(assessmentTypeBody('anp-initial')).expect(201)).body.id;
    referralId = (await request(app()).post(api('/referrals')).send({ patientId, referrer: { kind: 'gp', name: 'Dr P' }, referredDate: '2026-02-02' }).expect(201)).body.id;
  });

  it('a new referral can go to the pre-visit or end; the view lists the allowed next states', async () => {
    const res = await request(app()).get(transitions()).expect(200);
    expect(res.body).toMatchObject({ status: 'received', booking: { preVisitDate: null, iccDate: null } });
    expect(res.body.allowedNext).toEqual([...allowedTransitions.received]);
  });

  it('an invalid move → 409 with details.allowed, and the status is unchanged', async () => {
    const res = await request(app()).post(transitions()).send({ to: 'attended' }).expect(409);
    expect(res.body.error.code).toBe('conflict');
    expect(res.body.error.details).toMatchObject({ from: 'received', to: 'attended', allowed: ['pre-visit-booked', 'pre-visit-done', 'declined', 'cancelled'] });
    expect((await request(app()).get(api(`/referrals/${referralId}`)).expect(200)).body.status).toBe('received');
  });

  it('PATCH of the status follows the same table', async () => {
    const res = await request(app()).patch(api(`/referrals/${referralId}`)).send({ status: 'discharged' }).expect(409);
    expect(res.body.error.details.allowed).toContain('pre-visit-booked');
  });

  it('an unknown status → 400 naming "to"; a bad date → 400 naming "date"; a pre-visit date may follow later', async () => {
    expect(errorPaths((await request(app()).post(transitions()).send({ to: 'lost' }).expect(400)).body)).toEqual(['to']);
    expect(errorPaths((await request(app()).post(transitions()).send({ to: 'pre-visit-booked', date: '2026-02-30' }).expect(400)).body)).toEqual(['date']);
    const arranged = await request(app()).post(transitions()).send({ to: 'pre-visit-booked' }).expect(201);
    expect(arranged.body.booking.preVisitDate).toBeNull();
  });

  it('every move records who and when; the pre-visit date is held', async () => {
    const res = await request(app()).post(transitions()).set('x-actor', 'coordinator-jo').send({ to: 'pre-visit-booked', date: '2026-02-10', note: 'Tuesday morning' }).expect(201);
    expect(res.body.status).toBe('pre-visit-booked');
    expect(res.body.booking.preVisitDate).toBe('2026-02-10');
    const last = res.body.statusHistory.at(-1);
    expect(last).toMatchObject({ status: 'pre-visit-booked', by: 'coordinator-jo', note: 'Tuesday morning' });
    expect(Number.isNaN(Date.parse(last.at))).toBe(false);
    expect(res.body.allowedNext).toEqual(['pre-visit-done', 'received', 'cancelled']);
  });

  it('pre-visit done needs the outcome; recording the outcome moves the referral there', async () => {
    await request(app()).post(transitions()).send({ to: 'pre-visit-booked', date: '2026-02-10' }).expect(201);
    const refused = await request(app()).post(transitions()).send({ to: 'pre-visit-done' }).expect(409);
    expect(refused.body.error.message).toMatch(/ICC-0001/);
    const bad = await request(app()).put(api(`/referrals/${referralId}/pre-visit`)).send({ requiredAssessmentTypeIds: ['00000000-0000-4000-8000-000000000000'] }).expect(400);
    expect(errorPaths(bad.body)).toEqual(['requiredAssessmentTypeIds.0']);
    expect((await request(app()).get(transitions()).expect(200)).body.status).toBe('pre-visit-booked');
    await request(app()).put(api(`/referrals/${referralId}/pre-visit`)).set('x-actor', 'support-worker-sam')
      .send({ requiredAssessmentTypeIds: [typeId], consentRecordAccess: true, transportNeeded: true }).expect(200);
    const view = (await request(app()).get(transitions()).expect(200)).body;
    expect(view.status).toBe('pre-visit-done');
    expect(view.statusHistory.at(-1)).toMatchObject({ status: 'pre-visit-done', by: 'support-worker-sam' });
  });

  it('no ICC day without a recorded pre-visit: 409 naming the patient', async () => {
    // Force the status past the check the way an old row might be: only the pre-visit record matters.
    await getDb()('referrals').where({ id: referralId }).update({ status: 'pre-visit-done' });
    const res = await request(app()).post(transitions()).send({ to: 'day-booked', date: '2026-03-02' }).expect(409);
    expect(res.body.error.message).toMatch(/ICC-0001 \(Margaret Hall\)/);
    expect(res.body.error.message).toMatch(/pre-visit/);
  });

  it('an ICC day on a closed day → 409 naming date; on an open day it is held', async () => {
    await request(app()).put(api(`/referrals/${referralId}/pre-visit`)).send({ requiredAssessmentTypeIds: [typeId] }).expect(200);
    const sunday = await request(app()).post(transitions()).send({ to: 'day-booked', date: '2026-03-01' }).expect(409);
    expect(errorPaths(sunday.body)).toEqual(['date']);
    expect(errorPaths((await request(app()).post(transitions()).send({ to: 'day-booked' }).expect(400)).body)).toEqual(['date']);
    const booked = await request(app()).post(transitions()).send({ to: 'day-booked', date: '2026-03-02' }).expect(201);
    expect(booked.body).toMatchObject({ status: 'day-booked', booking: { iccDate: '2026-03-02' } });
    const dna = await request(app()).post(transitions()).send({ to: 'did-not-attend' }).expect(201);
    expect(dna.body.allowedNext).toContain('day-booked');
  });

  it('terminal statuses allow nothing', async () => {
    await request(app()).post(transitions()).send({ to: 'cancelled', note: 'moved away' }).expect(201);
    const res = await request(app()).post(transitions()).send({ to: 'received' }).expect(409);
    expect(res.body.error.details.allowed).toEqual([]);
  });

  it('unknown referral → 404', async () => {
    await request(app()).post(api('/referrals/00000000-0000-4000-8000-000000000000/transitions')).send({ to: 'cancelled' }).expect(404);
  });
});
