// One demo patient through the whole pathway via the API: referral, booking (pre-visit and
// ICC day), the pre-visit round, the recorded pre-visit, the ICC day booked and planned,
// attended, MDT outcome, follow-ups booked, discharged.
import type { Express } from 'express';
import request from 'supertest';
import { afterAll, expect, it } from 'vitest';
import { planJobRunnerFor } from '../../../src/solving/jobs/plan-job-runner.ts';
import { addDays, daysBetween, isoWeekday } from '../../../src/domain/local-date.ts';
import { describeEachDatabase } from '../../helpers/describe-each-database.ts';
import { demoCentreApi, patientBody, shiftBody, staffBody } from '../../helpers/fixtures.ts';

const START = '2026-11-30'; // Monday: the demo rota's first day

async function waitForJob(app: Express, url: string) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const res = await request(app).get(url).expect(200);
    if ((res.body.status !== 'queued' && res.body.status !== 'running') || Date.now() > deadline) return res.body;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describeEachDatabase('pathway walkthrough API', (getDb) => {
  const { app, api } = demoCentreApi(getDb, START);
  afterAll(async () => {
    await planJobRunnerFor(getDb()).close();
  });

  it('walks one patient from referral to discharge', async () => {
    const actor = (name: string) => ({ 'x-actor': name });
    // 1. Referral.
    const patient = (await request(app()).post(api('/patients')).send(patientBody(7001, { localRef: 'ICC-WALK', lat: 53.76, lon: -0.36 })).expect(201)).body;
    const referral = (await request(app()).post(api('/referrals')).set(actor('gp-liaison')).send({ patientId: patient.id, referrer: { kind: 'gp', name: 'Dr Patel' }, referredDate: '2026-11-16', urgent: true }).expect(201)).body;
    const transitions = api(`/referrals/${referral.id}/transitions`);

    // 2. Booking: the planner proposes a pre-visit and an ICC day; the coordinator confirms it.
    const plan = (await request(app()).post(api('/bookings/plan')).send({ from: START, days: 14, backend: 'highs' }).expect(200)).body;
    const mine = plan.proposals.find((p: { referralId: string }) => p.referralId === referral.id);
    expect(mine, JSON.stringify(plan.unbooked.find((u: { referralId: string }) => u.referralId === referral.id))).toBeDefined();
    expect(mine.preVisitRecorded).toBe(false);
    expect(daysBetween(mine.preVisitDate, mine.iccDate)).toBeGreaterThanOrEqual(2);
    expect(isoWeekday(mine.iccDate)).toBeLessThanOrEqual(5);
    const confirmed = (await request(app()).post(api('/bookings/confirm')).set(actor('coordinator')).send({ proposals: [{ referralId: referral.id, preVisitDate: mine.preVisitDate, iccDate: mine.iccDate }] }).expect(200)).body;
    expect(confirmed.confirmed[0]).toMatchObject({ status: 'pre-visit-booked', preVisitDate: mine.preVisitDate, iccDate: mine.iccDate });

    // No ICC day without the pre-visit.
    await request(app()).post(transitions).send({ to: 'day-booked' }).expect(409);

    // 3. The pre-visit is on a support worker's round that day.
    const rounds = (await request(app()).get(api(`/days/${mine.preVisitDate}/pre-visit-rounds`)).expect(200)).body;
    const stop = rounds.rounds.flatMap((r: { stops: Array<{ referralId: string }> }) => r.stops).find((s: { referralId: string }) => s.referralId === referral.id);
    expect(stop).toMatchObject({ patientRef: 'ICC-WALK', patientInitials: 'MH' });

    // 4. The support worker records the pre-visit: the referral is pre-visit done.
    const types = (await request(app()).get(api('/assessment-types')).expect(200)).body as Array<{ id: string; code: string }>;
    const typeId = (code: string) => types.find((t) => t.code === code)!.id;
    await request(app()).put(api(`/referrals/${referral.id}/pre-visit`)).set(actor('support-worker')).send({
      visitDate: mine.preVisitDate, requiredAssessmentTypeIds: [typeId('anp-initial'), typeId('physio-assessment'), typeId('geriatrician-review')],
      consentRecordAccess: true, consentSpeakToCarers: true, carerAttending: true, mobility: 'walking-aid', dietaryNeeds: ['diabetic'], transportNeeded: false,
    }).expect(200);
    expect((await request(app()).get(transitions).expect(200)).body.status).toBe('pre-visit-done');

    // 5. The ICC day is booked on the held date, and planned.
    const booked = (await request(app()).post(transitions).set(actor('coordinator')).send({ to: 'day-booked' }).expect(201)).body;
    expect(booked.booking.iccDate).toBe(mine.iccDate);
    const job = await request(app()).post(api('/plan-jobs')).send({ date: mine.iccDate, patientIds: [patient.id], timeLimitSec: 1 }).expect(202);
    const done = await waitForJob(app(), job.headers.location!);
    expect(done.status).toBe('succeeded');

    // 6. Attended, and the MDT agrees the care plan with follow-ups.
    await request(app()).post(transitions).send({ to: 'attended' }).expect(201);
    // The rehab team and the phone-review ANP are on the rota for the follow-up windows.
    const physio = (await request(app()).post(api('/staff')).send(staffBody({ name: 'Rehab Physio', discipline: 'physio', qualifications: ['physio-assessment'] })).expect(201)).body.id;
    const anp = (await request(app()).post(api('/staff')).send(staffBody({ name: 'Review ANP', discipline: 'anp', qualifications: ['anp-initial'] })).expect(201)).body.id;
    const followUpDays = Array.from({ length: 20 }, (_, i) => addDays(mine.iccDate, i + 1)).filter((d) => isoWeekday(d) <= 5);
    await request(app()).post(api('/shifts')).send(followUpDays.flatMap((date) => [shiftBody(physio, { date }), shiftBody(anp, { date })])).expect(201);
    const outcome = (await request(app()).post(api(`/referrals/${referral.id}/mdt-outcome`)).set(actor('mdt-chair')).send({
      carePlan: 'Falls prevention at home; medication review at two weeks', followUps: [{ type: 'rehab-home-visit' }, { type: 'icc-phone-review' }],
    }).expect(201)).body;
    expect(outcome.followUps).toHaveLength(2);

    // 7. Follow-ups booked inside their windows.
    const followUps = (await request(app()).post(api('/follow-ups/plan')).set(actor('coordinator')).send({ referralIds: [referral.id] }).expect(200)).body;
    expect(followUps.unbooked).toEqual([]);
    expect(followUps.booked).toHaveLength(2);
    for (const f of followUps.booked) {
      expect(f.bookedDate >= f.earliestDate && f.bookedDate <= f.latestDate).toBe(true);
    }
    const rehab = followUps.booked.find((f: { typeCode: string }) => f.typeCode === 'rehab-home-visit');
    expect(rehab.startMin).not.toBeNull();

    // 8. Discharged; the history tells the whole story, each step with who did it.
    const end = (await request(app()).post(transitions).set(actor('coordinator')).send({ to: 'discharged' }).expect(201)).body;
    expect(end.statusHistory.map((h: { status: string }) => h.status)).toEqual([
      'received', 'pre-visit-booked', 'pre-visit-done', 'day-booked', 'attended', 'mdt-outcome-recorded', 'follow-up-booked', 'discharged',
    ]);
    expect(end.statusHistory.map((h: { by: string }) => h.by)).toEqual(['gp-liaison', 'coordinator', 'support-worker', 'coordinator', 'api', 'mdt-chair', 'coordinator', 'coordinator']);
    expect(end.allowedNext).toEqual([]);
  });

  it('no ICC day is planned for a patient without a recorded pre-visit: 400 naming them', async () => {
    const patient = (await request(app()).post(api('/patients')).send(patientBody(7002, { localRef: 'ICC-NOVISIT' })).expect(201)).body;
    await request(app()).post(api('/referrals')).send({ patientId: patient.id, referrer: { kind: 'gp', name: 'Dr Patel' }, referredDate: '2026-11-16' }).expect(201);
    const res = await request(app()).post(api('/plan-jobs')).send({ date: '2026-12-01', patientIds: [patient.id], timeLimitSec: 1 }).expect(400);
    expect(res.body.error.message).toMatch(/ICC-NOVISIT/);
    expect(res.body.error.message).toMatch(/pre-visit/);
  });
});
