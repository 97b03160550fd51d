// The ICC side of "nobody is at a care home and in the centre at once": once a staff member is
// on a date's outreach team, a hand move or pin of that date's ICC day plan cannot give them an
// activity (409 naming the field), a plan giving them work is not published (409), and a replan
// leaves them out. The ICC plan here is made before the outreach day, so its problem still lists
// them. Both databases, real HTTP, a real plan job.
import request from 'supertest';
import { afterAll, expect, it } from 'vitest';
import { outreachDays, patients } from '../../../src/db/index.ts';
import { plans } from '../../../src/db/repositories/plans.ts';
import { writePlanVersion } from '../../../src/solving/plans/plan-versions.ts';
import { planJobRunnerFor } from '../../../src/solving/jobs/plan-job-runner.ts';
import type { DayPlan, DayProblem, PlannedActivity } from '../../../solver/model/index.ts';
import { formatMinutes } from '../../../solver/model/format-minutes.ts';
import { describeEachDatabase } from '../../helpers/describe-each-database.ts';
import { demoCentreApi, errorPaths } from '../../helpers/fixtures.ts';

const START = '2026-11-30';
const DAY = '2026-12-01';
/** A date whose outreach day exists before its ICC day is planned. */
const TEAM_OUT_DAY = '2026-12-03';

describeEachDatabase('ICC day plan edits and the outreach team of the same date', (getDb) => {
  const { app, api, centreId } = demoCentreApi(getDb, START);
  const planUrl = (suffix = '') => api(`/days/${DAY}/plan${suffix}`);

  async function current() {
    const res = await request(app()).get(planUrl()).expect(200);
    const stored = await plans.findById(getDb(), centreId(), res.body.id);
    const { problem, plan } = stored!.document as { problem: DayProblem; plan: DayPlan };
    return { etag: res.headers.etag!, version: res.body.version as number, notes: res.body.notes as string[] | undefined, problem, plan };
  }

  afterAll(async () => {
    await planJobRunnerFor(getDb()).close();
  });

  it('refuses a move to, or a pin of, a staff member on the outreach team, and publishing while they have work (409 naming the field); a replan leaves them out', async () => {
    const attending = (await patients.list(getDb(), centreId())).filter((p) => !p.unavailableDates.includes(DAY) && !p.careHomeResident).slice(0, 2).map((p) => p.id);
    // Two patients: far fewer activities than the 19 clinicians, so some qualified one is idle
    // whatever the timed plan (with six, a plan that spreads the work used every one).
    await request(app()).post(api('/plan-jobs')).send({ date: DAY, patientIds: attending, timeLimitSec: 1, seed: 1 }).expect(202);
    await planJobRunnerFor(getDb()).idle();
    const before = await current();

    // An idle clinician of the ICC day (on shift, no activities) who could take some activity over.
    const held = new Set(before.plan.activities.map((a) => a.staffId));
    const typeOf = new Map(before.problem.assessmentTypes.map((t) => [t.id, t]));
    const canTake = (s: DayProblem['staff'][number], a: PlannedActivity) =>
      s.qualifications.includes(typeOf.get(a.typeId)?.qualification ?? '') && s.shift.startMin <= a.startMin && a.endMin <= s.shift.endMin
      && s.breaks.every((b) => b.endMin <= a.startMin || b.startMin >= a.endMin);
    const pairs = before.problem.staff.filter((s) => !held.has(s.id))
      .flatMap((s) => before.plan.activities.filter((a) => a.staffId !== undefined && canTake(s, a)).map((a) => ({ idle: s, activity: a })));
    expect(pairs.length, 'an idle clinician qualified for some planned activity').toBeGreaterThan(0);
    const { idle, activity } = pairs[0]!;

    // Sent out on an outreach day (allowed: they have no ICC activities).
    const day = (await request(app()).post(api('/outreach-days')).send({ date: DAY, staffIds: [idle.id], maxResidents: 4 }).expect(201)).body as { id: string };

    // A hand move giving them an ICC activity: 409 naming staffId; nothing saved.
    const move = await request(app()).post(planUrl('/moves')).set('If-Match', before.etag)
      .send({ activityId: activity.id, start: formatMinutes(activity.startMin), staffId: idle.id });
    expect(move.status, JSON.stringify(move.body).slice(0, 400)).toBe(409);
    expect(move.body.error.code).toBe('conflict');
    expect(errorPaths(move.body)).toEqual(['staffId']);
    expect(move.body.error.message).toContain(`${idle.name} is on the outreach team on ${DAY}`);
    expect(move.body.error.details[0].message).toContain(day.id);
    expect((await current()).version).toBe(before.version);

    // A team member who still holds ICC activities (an outreach day written before the check, or
    // past it in a race): their activity cannot be pinned on them, nor moved while staying theirs.
    const busy = before.plan.activities.find((a) => a.staffId !== undefined)!;
    const busyName = before.problem.staff.find((s) => s.id === busy.staffId)!.name;
    await outreachDays.update(getDb(), centreId(), day.id, { staffIds: [idle.id, busy.staffId!] });
    const pin = await request(app()).post(planUrl('/pins')).set('If-Match', before.etag).send({ activityId: busy.id }).expect(409);
    expect(errorPaths(pin.body)).toEqual(['activityId']);
    expect(pin.body.error.message).toContain(`${busyName} is on the outreach team`);
    const stay = await request(app()).post(planUrl('/moves')).set('If-Match', before.etag)
      .send({ activityId: busy.id, start: formatMinutes(busy.startMin) }).expect(409);
    expect(errorPaths(stay.body)).toEqual(['activityId']);
    expect((await current()).version).toBe(before.version);
    // Nor can the plan be published while it gives them work: 409 naming each such activity.
    const publish = await request(app()).post(planUrl('/publish')).set('If-Match', before.etag).expect(409);
    const theirs = before.plan.activities.flatMap((a, i) => (a.staffId === busy.staffId ? [`plan.activities.${i}.staffId`] : []));
    expect(errorPaths(publish.body)).toEqual(theirs);
    expect((await current()).version).toBe(before.version);

    // A change naming the idle member (no ICC activities to change): 409 naming it.
    const late = await request(app()).post(planUrl('/replan')).set('If-Match', before.etag)
      .send({ now: '08:00', changes: [{ kind: 'staff-late', staffId: idle.id, from: '10:00' }], timeLimitSec: 1 }).expect(409);
    expect(errorPaths(late.body)).toEqual(['changes[0].staffId']);

    // The busy member is taken off the ICC day: their work goes to colleagues at the centre, none
    // of it to the idle member out at care homes (who was qualified and free for some of it).
    const busyStart = before.problem.staff.find((s) => s.id === busy.staffId)!.shift.startMin;
    const replan = await request(app()).post(planUrl('/replan')).set('If-Match', before.etag)
      .send({ now: formatMinutes(busyStart), changes: [{ kind: 'staff-off-sick', staffId: busy.staffId, from: formatMinutes(busyStart) }], timeLimitSec: 1 });
    expect(replan.status, JSON.stringify(replan.body).slice(0, 400)).toBe(200);
    const after = await current();
    expect(after.plan.activities.filter((a) => a.staffId === idle.id || a.staffId === busy.staffId)).toEqual([]);
    expect(after.problem.staff.map((s) => s.id)).not.toContain(idle.id);
    expect(after.notes).toContain(`${idle.name} is on the outreach team that day: left out of the ICC day.`);
    // Without them it publishes.
    const published = await request(app()).post(planUrl('/publish')).set('If-Match', after.etag);
    expect(published.status, JSON.stringify(published.body).slice(0, 400)).toBe(200);
  }, 120_000);

  it("plans an ICC day made after the outreach day without the team: nobody on it gets an activity, their assessments are left unscheduled", async () => {
    // Both OTs on shift go out: at the centre nobody else can do an OT assessment.
    const staff = (await request(app()).get(api('/staff?limit=1000')).expect(200)).body as Array<{ id: string; discipline: string }>;
    const shifts = (await request(app()).get(api(`/shifts?date=${TEAM_OUT_DAY}&limit=1000`)).expect(200)).body as Array<{ staffId: string }>;
    const onShift = new Set(shifts.map((s) => s.staffId));
    const team = staff.filter((s) => s.discipline === 'ot' && onShift.has(s.id)).map((s) => s.id);
    expect(team.length, 'OTs on shift that day').toBeGreaterThan(0);
    await request(app()).post(api('/outreach-days')).send({ date: TEAM_OUT_DAY, staffIds: team, maxResidents: 4 }).expect(201);

    const attending = (await patients.list(getDb(), centreId())).filter((p) => !p.unavailableDates.includes(TEAM_OUT_DAY) && !p.careHomeResident).slice(0, 8).map((p) => p.id);
    const job = await request(app()).post(api('/plan-jobs')).send({ date: TEAM_OUT_DAY, patientIds: attending, timeLimitSec: 1, seed: 1 }).expect(202);
    await planJobRunnerFor(getDb()).idle();
    expect((await request(app()).get(job.headers.location!).expect(200)).body.status).toBe('succeeded');
    const res = await request(app()).get(api(`/days/${TEAM_OUT_DAY}/plan`)).expect(200);
    const { problem, plan } = (await plans.findById(getDb(), centreId(), res.body.id))!.document as { problem: DayProblem; plan: DayPlan };

    const ot = problem.assessmentTypes.find((t) => t.qualification === 'ot-assessment')!;
    const needOt = problem.patients.filter((p) => p.required.some((r) => r.typeId === ot.id)).map((p) => p.id);
    expect(needOt.length, 'attending patients who need an OT assessment').toBeGreaterThan(0);
    expect(problem.staff.map((s) => s.id).filter((id) => team.includes(id))).toEqual([]);
    expect(plan.activities.filter((a) => a.staffId !== undefined && team.includes(a.staffId))).toEqual([]);
    // With the team at the centre these would have been planned; without them nobody can do them.
    expect(plan.unscheduled.filter((u) => u.typeId === ot.id).map((u) => u.patientId).sort()).toEqual([...needOt].sort());
  }, 120_000);
  it('takes turns with an ICC plan version being saved: an outreach day asked for meanwhile waits for it, then sees its work (409)', async () => {
    const date = '2026-12-04';
    const staff = (await request(app()).get(api('/staff?limit=1000')).expect(200)).body as Array<{ id: string; discipline: string }>;
    const member = staff.find((s) => s.discipline === 'geriatrician')!;
    // A plan job's result being saved: the version is written, its transaction not yet committed.
    const trx = await getDb().transaction();
    let settled = false;
    let posted: Promise<request.Response> | undefined;
    try {
      await writePlanVersion(trx, { centreId: centreId(), doc: { date, kind: 'day', status: 'draft', document: { plan: { activities: [{ id: 'p:review', staffId: member.id, startMin: 600, endMin: 660 }] } }, pins: [] } });
      posted = request(app()).post(api('/outreach-days')).send({ date, staffIds: [member.id], maxResidents: 4 }).then((res) => {
        settled = true;
        return res;
      });
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(settled, 'the outreach day waited for the plan version').toBe(false);
      await trx.commit();
    } finally {
      if (!trx.isCompleted()) await trx.rollback();
    }
    const res = await posted!;
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(409);
    expect(errorPaths(res.body)).toEqual(['staffIds.0']);
    expect(await outreachDays.list(getDb(), centreId(), { date })).toEqual([]);
  });
});
