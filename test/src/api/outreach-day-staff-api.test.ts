// A clinician cannot be at a care home and in the centre at once: an outreach day whose team
// has activities in that date's ICC plan is refused (409, naming each such member) until the
// ICC day is replanned without them. Both databases, real HTTP, a real plan job.
import request from 'supertest';
import { expect, it } from 'vitest';
import { patients } from '../../../src/db/index.ts';
import { planJobRunnerFor } from '../../../src/solving/jobs/plan-job-runner.ts';
import { describeEachDatabase } from '../../helpers/describe-each-database.ts';
import { demoCentreApi, errorPaths } from '../../helpers/fixtures.ts';

const START = '2026-11-30';
const DAY = '2026-12-02';

describeEachDatabase('outreach day and the ICC day of the same date', (getDb) => {
  const { app, api, centreId } = demoCentreApi(getDb, START);

  it('refuses to send out a team member booked at the centre, and accepts them once the ICC day is replanned without them', async () => {
    const attending = (await patients.list(getDb(), centreId())).filter((p) => !p.unavailableDates.includes(DAY) && !p.careHomeResident).slice(0, 6).map((p) => p.id);
    await request(app()).post(api('/plan-jobs')).send({ date: DAY, patientIds: attending, timeLimitSec: 1, seed: 1 }).expect(202);
    await planJobRunnerFor(getDb()).idle();
    const plan = (await request(app()).get(api(`/days/${DAY}/plan`)).expect(200)).body as { version: number; plan: { activities: Array<{ staffId?: string }> } };
    const staff = (await request(app()).get(api('/staff?limit=1000')).expect(200)).body as Array<{ id: string; name: string; discipline: string }>;
    const booked = new Set(plan.plan.activities.map((a) => a.staffId).filter((id) => id !== undefined));
    const anp = staff.find((s) => s.discipline === 'anp' && booked.has(s.id))!;
    expect(anp, 'an ANP with activities in the ICC plan').toBeDefined();

    const refused = await request(app()).post(api('/outreach-days')).send({ date: DAY, staffIds: [anp.id], maxResidents: 4 }).expect(409);
    expect(errorPaths(refused.body)).toEqual(['staffIds.0']);
    expect(refused.body.error.details[0].message).toContain(`${anp.name} has `);
    expect(refused.body.error.details[0].message).toContain(`(version ${plan.version})`);
    expect((await request(app()).get(api(`/outreach-days?date=${DAY}`)).expect(200)).body).toEqual([]);

    // The coordinator takes the ANP off the ICC day (a replan from the start of the day), then sends them out.
    const replanned = await request(app()).post(api(`/days/${DAY}/plan/replan`)).set('If-Match', `"${plan.version}"`)
      .send({ now: '08:00', changes: [{ kind: 'staff-off-sick', staffId: anp.id, from: '08:00' }], timeLimitSec: 2 });
    expect(replanned.status, JSON.stringify(replanned.body).slice(0, 400)).toBe(200);
    expect((replanned.body.plan.activities as Array<{ staffId?: string }>).some((a) => a.staffId === anp.id)).toBe(false);
    const accepted = await request(app()).post(api('/outreach-days')).send({ date: DAY, staffIds: [anp.id], maxResidents: 4 }).expect(201);
    expect(accepted.body.staffIds).toEqual([anp.id]);
  }, 120_000);
});
