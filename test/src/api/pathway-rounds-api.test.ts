import request from 'supertest';
import { beforeEach, expect, it } from 'vitest';
import { createApp } from '../../../src/app.ts';
import { timeToMin } from '../../../src/domain/primitives.ts';
import { describeEachDatabase } from '../../helpers/describe-each-database.ts';
import { centreBody, patientBody, shiftBody, staffBody } from '../../helpers/fixtures.ts';
import { truncateAll } from '../../helpers/test-database.ts';

const DATE = '2026-03-03';
// Four homes around Hull, a few km from the centre.
const homes = [[53.76, -0.36], [53.745, -0.33], [53.77, -0.38], [53.735, -0.37]] as const;

describeEachDatabase('pre-visit rounds API', (getDb) => {
  const app = () => createApp({ db: getDb() });
  let centreId: string;
  const api = (path: string) => `/api/centres/${centreId}${path}`;
  const referralIds: string[] = [];

  beforeEach(async () => {
    await truncateAll(getDb());
    referralIds.length = 0;
    centreId = (await request(app()).post('/api/centres').send({ ...centreBody(), lat: 53.7676, lon: -0.3274 }).expect(201)).body.id;
    for (const name of ['Sam Support', 'Kim Support']) {
      const id = (await request(app()).post(api('/staff')).send(staffBody({ name, discipline: 'support-worker', qualifications: ['pre-visit'] })).expect(201)).body.id;
      await request(app()).post(api('/shifts')).send(shiftBody(id, { date: DATE, start: '09:00', end: '13:00', breaks: [] })).expect(201);
    }
    for (const [i, [lat, lon]] of homes.entries()) {
      const patientId = (await request(app()).post(api('/patients')).send(patientBody(i + 1, { lat, lon })).expect(201)).body.id;
      const id = (await request(app()).post(api('/referrals')).send({ patientId, referrer: { kind: 'gp', name: 'Dr P' }, referredDate: '2026-02-16' }).expect(201)).body.id;
      await request(app()).post(api(`/referrals/${id}/transitions`)).send({ to: 'pre-visit-booked', date: DATE }).expect(201);
      referralIds.push(id);
    }
  });

  it('routes every booked pre-visit of the date inside the workers\' shifts, no overlaps', async () => {
    const res = await request(app()).get(api(`/days/${DATE}/pre-visit-rounds`)).expect(200);
    const stops = res.body.rounds.flatMap((r: { stops: Array<{ referralId: string }> }) => r.stops);
    expect(res.body.unplanned).toEqual([]);
    expect(stops.map((s: { referralId: string }) => s.referralId).sort()).toEqual([...referralIds].sort());
    for (const round of res.body.rounds as Array<{ leave: string; return: string; stops: Array<{ start: string; end: string; patientRef: string }> }>) {
      expect(timeToMin(round.leave)).toBeGreaterThanOrEqual(timeToMin('09:00'));
      expect(timeToMin(round.return)).toBeLessThanOrEqual(timeToMin('13:00'));
      for (let k = 1; k < round.stops.length; k++) expect(timeToMin(round.stops[k]!.start)).toBeGreaterThanOrEqual(timeToMin(round.stops[k - 1]!.end));
      for (const stop of round.stops) expect(timeToMin(stop.end) - timeToMin(stop.start)).toBe(60);
      for (const stop of round.stops) expect(stop.patientRef).toMatch(/^ICC-/);
    }
    expect(res.body.totalTravelMin).toBeGreaterThan(0);
  });

  it('more visits than the shifts hold: the rest are unplanned with a reason', async () => {
    const res = await request(app()).get(api(`/days/${DATE}/pre-visit-rounds?visitDurationMin=150`)).expect(200);
    // One 150-minute visit plus travel fits in a 4-hour shift; two do not.
    const planned = res.body.rounds.reduce((n: number, r: { stops: unknown[] }) => n + r.stops.length, 0);
    expect(planned).toBe(2);
    expect(res.body.unplanned).toHaveLength(2);
    for (const u of res.body.unplanned) expect(u.message.length).toBeGreaterThan(10);
  });

  it('a cancelled referral drops out; a bad date → 400 naming date', async () => {
    await request(app()).post(api(`/referrals/${referralIds[0]}/transitions`)).send({ to: 'cancelled' }).expect(201);
    const res = await request(app()).get(api(`/days/${DATE}/pre-visit-rounds`)).expect(200);
    const ids = res.body.rounds.flatMap((r: { stops: Array<{ referralId: string }> }) => r.stops.map((s) => s.referralId));
    expect(ids).not.toContain(referralIds[0]);
    const bad = await request(app()).get(api('/days/2026-13-01/pre-visit-rounds')).expect(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path)).toEqual(['date']);
  });
});
