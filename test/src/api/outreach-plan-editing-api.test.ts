// Editing an outreach plan by hand through the API, on both databases, the same way as an ICC
// day's plan: a visit moved (If-Match, a new pinned version whose rounds follow the visit), a
// move the checker refuses (422 with its sentences: a clinician in two places, the geriatrician
// before the ANP), bad input named (400), and a pin removed (then 404 for a second unpin).
import type { Express } from 'express';
import request from 'supertest';
import { beforeAll, expect, it } from 'vitest';
import { createApp } from '../../../src/app.ts';
import { loadDemoCentre } from '../../../src/demo/load-demo-centre.ts';
import { createLogger } from '../../../src/logger.ts';
import { outreachTravel, validateOutreachPlan, type OutreachPlan, type OutreachProblem } from '../../../solver/index.ts';
import { plans } from '../../../src/db/repositories/plans.ts';
import { describeEachDatabase } from '../../helpers/describe-each-database.ts';
import { seedOutreachDay } from '../../helpers/outreach-day.ts';
import { truncateAll } from '../../helpers/test-database.ts';

const START = '2026-11-30';
const DAY = '2026-12-02';

interface Visit { id: string; residentId: string; typeId: string; staffId: string; startMin: number; endMin: number; roomId: string; pinned?: boolean }

const clock = (min: number) => `${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;

describeEachDatabase('outreach plan editing API', (getDb) => {
  let app: Express;
  let centreId: string;
  const api = (path: string) => `/api/centres/${centreId}${path}`;
  const planUrl = (suffix = '') => api(`/days/${DAY}/outreach-plan${suffix}`);

  async function newest(): Promise<{ etag: string; version: number; visits: Visit[]; pins: Array<{ patientId: string; typeId: string; startMin: number }> }> {
    const res = await request(app).get(planUrl()).expect(200);
    return { etag: res.headers.etag!, version: res.body.version, visits: res.body.plan.visits, pins: res.body.pins };
  }

  beforeAll(async () => {
    await truncateAll(getDb());
    app = createApp({ db: getDb(), logger: createLogger('silent') });
    centreId = (await loadDemoCentre(getDb(), { seed: 1, startDate: START })).centreId!;
    const { residentIds } = await seedOutreachDay(app, centreId, DAY, ['CH-EDIT-1', 'CH-EDIT-2'], (i) => 7301 + i);
    const planned = (await request(app).post(planUrl()).send({ patientIds: residentIds, maxIterations: 300 }).expect(201)).body;
    expect(planned.plan.unscheduled).toEqual([]);
  }, 180_000); // demo centre, residents and a planned outreach day: slow on a loaded machine

  it('moves a visit by hand: a new pinned version whose round and score follow it, accepted by the checker', async () => {
    const before = await newest();
    await request(app).post(planUrl('/moves')).send({ visitId: before.visits[0]!.id, start: '10:00' }).expect(428);
    await request(app).post(planUrl('/moves')).set('If-Match', '"99"').send({ visitId: before.visits[0]!.id, start: '10:00' }).expect(412);
    // The day's last visit, five minutes later.
    const last = [...before.visits].sort((a, b) => b.endMin - a.endMin)[0]!;
    const res = await request(app).post(planUrl('/moves')).set('If-Match', before.etag).send({ visitId: last.id, start: clock(last.startMin + 5) });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.headers.etag).toBe(`"${before.version + 1}"`);
    const plan = res.body.plan as OutreachPlan;
    const moved = plan.visits.find((v) => v.id === last.id)!;
    expect([moved.startMin, moved.endMin, moved.pinned]).toEqual([last.startMin + 5, last.endMin + 5, true]);
    expect(res.body.pins).toContainEqual(expect.objectContaining({ patientId: last.residentId, typeId: last.typeId, startMin: last.startMin + 5 }));
    const round = plan.rounds.find((r) => r.staffId === last.staffId)!;
    expect(round.stops.at(-1)!.leaveMin).toBe(last.endMin + 5);
    expect(round.legs.at(-1)!.departMin).toBe(last.endMin + 5);
    // The stored version passes the independent checker with its stored problem (the move's pin in it).
    const stored = (await plans.latest(getDb(), centreId, DAY, 'outreach'))!.document as unknown as { problem: OutreachProblem; plan: OutreachPlan };
    expect(stored.problem.pins).toContainEqual(expect.objectContaining({ residentId: last.residentId, typeId: last.typeId, startMin: last.startMin + 5 }));
    expect(validateOutreachPlan(stored.problem, stored.plan, { travelMin: outreachTravel(stored.problem) }).violations).toEqual([]);
  });

  it("refuses a move that breaks a hard rule, with the checker's sentences, and saves nothing", async () => {
    const before = await newest();
    const geri = before.visits.filter((v) => v.typeId === 'geriatrician-review').sort((a, b) => a.startMin - b.startMin);
    expect(geri).toHaveLength(2);
    // The second review onto the first: the geriatrician in two rooms at once.
    const clash = await request(app).post(planUrl('/moves')).set('If-Match', before.etag).send({ visitId: geri[1]!.id, start: clock(geri[0]!.startMin) }).expect(422);
    expect(clash.body.error.code).toBe('plan_rejected');
    const constraints = clash.body.error.details.violations.map((v: { constraint: string }) => v.constraint);
    expect(constraints).toContain('staffOneAtATime');
    expect(clash.body.error.message).toContain(clash.body.error.details.violations[0].message);
    // The geriatrician before the resident's ANP assessment.
    const anp = before.visits.find((v) => v.residentId === geri[0]!.residentId && v.typeId === 'anp-initial')!;
    const early = await request(app).post(planUrl('/moves')).set('If-Match', before.etag).send({ visitId: geri[0]!.id, start: clock(anp.startMin - 60) }).expect(422);
    expect(early.body.error.details.violations.map((v: { constraint: string }) => v.constraint)).toContain('precedenceWithLag');
    expect((await newest()).version).toBe(before.version);
  });

  it('names bad input: an unknown visit, a clinician not on the team, a room elsewhere, a time that is not one', async () => {
    const { etag, visits } = await newest();
    const v = visits[0]!;
    const cases: Array<[object, string]> = [
      [{ visitId: 'nobody:nothing', start: '10:00' }, 'visitId'],
      [{ visitId: v.id, start: '10:00', staffId: '00000000-0000-4000-8000-000000000000' }, 'staffId'],
      [{ visitId: v.id, start: '10:00', roomId: 'elsewhere:lounge' }, 'roomId'],
      [{ visitId: v.id, start: '25:00' }, 'start'],
      [{ visitId: v.id, start: '10:00', colour: 'red' }, ''],
    ];
    for (const [body, path] of cases) {
      const res = await request(app).post(planUrl('/moves')).set('If-Match', etag).send(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(res.body.error.details), JSON.stringify(body)).toContain(path === '' ? 'colour' : `"path":"${path}"`);
    }
  });

  it('unpins a visit (If-Match), and answers 404 for a visit that is not pinned', async () => {
    const before = await newest();
    const pinned = before.visits.find((v) => v.pinned)!;
    expect(pinned).toBeDefined();
    await request(app).delete(planUrl(`/pins/${encodeURIComponent(pinned.id)}`)).expect(428);
    const res = await request(app).delete(planUrl(`/pins/${encodeURIComponent(pinned.id)}`)).set('If-Match', before.etag).expect(200);
    expect(res.body.version).toBe(before.version + 1);
    expect(res.body.pins.some((p: { patientId: string; typeId: string }) => `${p.patientId}:${p.typeId}` === pinned.id)).toBe(false);
    expect(res.body.plan.visits.find((v: Visit) => v.id === pinned.id).pinned).toBeUndefined();
    const stored = (await plans.latest(getDb(), centreId, DAY, 'outreach'))!.document as unknown as { problem: OutreachProblem };
    expect((stored.problem.pins ?? []).some((p) => `${p.residentId}:${p.typeId}` === pinned.id)).toBe(false);
    await request(app).delete(planUrl(`/pins/${encodeURIComponent(pinned.id)}`)).set('If-Match', res.headers.etag!).expect(404);
  });

  it('plans under a wall-clock limit when asked (the best plan by then), and names a limit out of range', async () => {
    for (const timeLimitSec of [0, 61, 'soon']) {
      const bad = await request(app).post(planUrl()).send({ timeLimitSec, maxIterations: 20000 }).expect(400);
      expect(bad.body.error.details[0].path).toBe('timeLimitSec');
    }
    const patientIds = [...new Set((await newest()).visits.map((v) => v.residentId))];
    // 1 ms is far less than 20,000 iterations take, so the limit (not the budget) ends the search
    // unless the first plan already meets its bound; on a quiet machine 0.5 s was enough for all
    // 20,000 and the search stopped with neither.
    const res = await request(app).post(planUrl()).send({ patientIds, timeLimitSec: 0.001, maxIterations: 20000 }).expect(201);
    expect(res.body.source).toEqual({ kind: 'plan', maxIterations: 20000, seed: 1, timeLimitSec: 0.001 });
    expect(res.body.plan.stats.elapsedMs).toBeLessThan(5000);
    const { timedOut, iterations } = res.body.plan.stats;
    expect((timedOut && iterations < 20000) || res.body.plan.gapPct === 0, JSON.stringify(res.body.plan.stats)).toBe(true);
  });
});
