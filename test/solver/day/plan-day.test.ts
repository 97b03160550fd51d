import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { iccRebuildShare, iccRunCount, iccTimedRebuildShare, planDay } from '../../../solver/day/plan-day.ts';
import type { DayPlan, PlannedActivity } from '../../../solver/model/day-plan.ts';
import type { DayProblem } from '../../../solver/model/day-problem.ts';
import type { ProgressEvent } from '../../../solver/model/options.ts';
import { validatePlan } from '../../../solver/validate/validate-plan.ts';
import { OPEN_SHOP_WEIGHTS, openShopToDayProblem, parseTaillardOpenShop } from '../../../bench/adapters/openshop-to-day-problem.ts';
import { demoDayProblem } from '../../../src/demo/demo-day-problem.ts';
import { assessmentType, HOUR, patient, smallDay, staffMember } from './small-day-fixture.ts';

function expectValid(problem: DayProblem, plan: DayPlan): void {
  const check = validatePlan(problem, plan);
  expect(check.violations.map((v) => v.message)).toEqual([]);
  expect(check.valid).toBe(true);
  expect(plan.score.hard).toBe(0);
}

const byType = (plan: DayPlan, patientId: string, typeId: string): PlannedActivity => {
  const found = plan.activities.find((a) => a.patientId === patientId && a.typeId === typeId);
  if (!found) throw new Error(`${patientId}:${typeId} not planned`);
  return found;
};

describe('planDay', () => {
  it('gives one ANP two patients one after the other, never overlapping', () => {
    const problem = smallDay({
      assessmentTypes: [assessmentType('anp', 45)],
      staff: [staffMember('anp-1', ['anp'])],
      patients: [patient('p1', ['anp']), patient('p2', ['anp'])],
    });
    const plan = planDay(problem, { seed: 1, maxIterations: 200 });
    expectValid(problem, plan);
    const [a, b] = [byType(plan, 'p1', 'anp'), byType(plan, 'p2', 'anp')].sort((x, y) => x.startMin - y.startMin);
    expect(a!.staffId).toBe('anp-1');
    expect(b!.staffId).toBe('anp-1');
    // One clinician, 45 minutes each: the second starts when the first ends, at the earliest.
    expect(b!.startMin).toBeGreaterThanOrEqual(a!.endMin);
    expect(plan.unscheduled).toEqual([]);
    expect(plan.staffTimetables.find((t) => t.ownerId === 'anp-1')!.activityIds).toEqual([a!.id, b!.id]);
  });

  it('respects a precedence lag: bloods at least 60 minutes before the geriatrician', () => {
    const problem = smallDay({
      assessmentTypes: [assessmentType('bloods', 10), assessmentType('geriatrician', 45)],
      precedences: [{ id: 'bloods-back', before: 'bloods', after: 'geriatrician', minLagMin: 60 }],
      staff: [staffMember('phleb', ['bloods']), staffMember('ger', ['geriatrician'])],
      patients: [patient('p1', ['geriatrician', 'bloods'])],
    });
    const plan = planDay(problem, { seed: 3, maxIterations: 300 });
    expectValid(problem, plan);
    const bloods = byType(plan, 'p1', 'bloods');
    const review = byType(plan, 'p1', 'geriatrician');
    expect(review.startMin).toBeGreaterThanOrEqual(bloods.endMin + 60);
    // Nothing else competes, so the lag should be exactly met, not exceeded (idle time costs).
    expect(review.startMin).toBe(bloods.endMin + 60);
  });

  it("keeps '*' rules: the ANP first and the geriatrician last", () => {
    const problem = smallDay({
      assessmentTypes: [assessmentType('anp', 30), assessmentType('ot', 30), assessmentType('physio', 30), assessmentType('ger', 30)],
      precedences: [
        { id: 'anp-first', before: 'anp', after: '*', minLagMin: 0 },
        { id: 'ger-last', before: '*', after: 'ger', minLagMin: 0 },
      ],
      staff: [staffMember('s-anp', ['anp']), staffMember('s-ot', ['ot']), staffMember('s-physio', ['physio']), staffMember('s-ger', ['ger'])],
      patients: [patient('p1', ['ger', 'physio', 'ot', 'anp']), patient('p2', ['physio', 'anp', 'ger', 'ot'])],
    });
    const plan = planDay(problem, { seed: 1, maxIterations: 500 });
    expectValid(problem, plan);
    for (const id of ['p1', 'p2']) {
      const mine = plan.activities.filter((a) => a.patientId === id).sort((x, y) => x.startMin - y.startMin);
      expect(mine[0]!.typeId).toBe('anp');
      expect(mine[mine.length - 1]!.typeId).toBe('ger');
    }
  });

  it('gives a frail patient a rest after the allowed run of activities', () => {
    const problem = smallDay({
      assessmentTypes: [assessmentType('anp', 30), assessmentType('ot', 30), assessmentType('physio', 30)],
      staff: [staffMember('s-anp', ['anp']), staffMember('s-ot', ['ot']), staffMember('s-physio', ['physio'])],
      patients: [patient('p1', ['anp', 'ot', 'physio'], { rest: { maxConsecutive: 2, minRestMin: 20 } })],
    });
    const plan = planDay(problem, { seed: 1, maxIterations: 300 });
    expectValid(problem, plan);
    const mine = plan.activities.sort((x, y) => x.startMin - y.startMin);
    expect(mine).toHaveLength(3);
    // Three in a row need one gap of at least 20, and one is enough.
    const gaps = [mine[1]!.startMin - mine[0]!.endMin, mine[2]!.startMin - mine[1]!.endMin];
    expect(Math.max(...gaps)).toBe(20);
    expect(Math.min(...gaps)).toBe(0);
  });

  it('keeps the patient in their room when the next clinician can come to them, and leaves the transfer time to another room', () => {
    const problem = smallDay({
      centre: { ...smallDay({}).centre, transferMin: 5 },
      assessmentTypes: [assessmentType('anp', 30), assessmentType('pharm', 30), assessmentType('physio', 30, { roomType: 'gym' })],
      precedences: [{ id: 'anp-first', before: 'anp', after: '*', minLagMin: 0 }, { id: 'physio-last', before: 'pharm', after: 'physio', minLagMin: 0 }],
      staff: [staffMember('s-anp', ['anp']), staffMember('s-pharm', ['pharm']), staffMember('s-physio', ['physio'])],
      rooms: [...smallDay({}).rooms, { id: 'gym', name: 'Gym', type: 'gym', capacity: 1 }],
      patients: [patient('p1', ['anp', 'pharm', 'physio'])],
    });
    const plan = planDay(problem, { seed: 1, maxIterations: 300 });
    expectValid(problem, plan);
    const [anp, pharm, physio] = plan.activities.sort((x, y) => x.startMin - y.startMin);
    expect([anp!.typeId, pharm!.typeId, physio!.typeId]).toEqual(['anp', 'pharm', 'physio']);
    // The pharmacist comes to the consult room the ANP used: no transfer, no wait.
    expect(pharm!.roomId).toBe(anp!.roomId);
    expect(pharm!.startMin).toBe(anp!.endMin);
    // The gym is another room: the 5-minute transfer is kept.
    expect(physio!.startMin - pharm!.endMin).toBe(5);
  });

  it('keeps a pinned activity exactly where the coordinator put it', () => {
    const problem = smallDay({
      assessmentTypes: [assessmentType('anp', 45)],
      staff: [staffMember('anp-1', ['anp']), staffMember('anp-2', ['anp'])],
      patients: [patient('p1', ['anp']), patient('p2', ['anp'])],
      pins: [{ patientId: 'p2', typeId: 'anp', startMin: 11 * HOUR, staffId: 'anp-2', roomId: 'consult-2' }],
    });
    const plan = planDay(problem, { seed: 1, maxIterations: 200 });
    expectValid(problem, plan);
    const pinned = byType(plan, 'p2', 'anp');
    expect(pinned).toMatchObject({ startMin: 11 * HOUR, staffId: 'anp-2', roomId: 'consult-2', pinned: true });
  });

  it('reports an assessment nobody can deliver as unscheduled with a reason, and plans the rest', () => {
    const problem = smallDay({
      assessmentTypes: [assessmentType('anp', 45), assessmentType('x-ray', 20, { qualification: 'radiography', roomType: 'x-ray' })],
      staff: [staffMember('anp-1', ['anp'])],
      patients: [patient('p1', ['anp', 'x-ray'])],
    });
    const plan = planDay(problem, { seed: 1, maxIterations: 100 });
    expectValid(problem, plan);
    expect(plan.activities.map((a) => a.typeId)).toEqual(['anp']);
    expect(plan.unscheduled).toHaveLength(1);
    expect(plan.unscheduled[0]).toMatchObject({ patientId: 'p1', typeId: 'x-ray', reason: 'no-qualified-staff' });
    expect(plan.unscheduled[0]!.message).toMatch(/radiography/);
  });

  it('leaves the assessment that cannot fit before the MDT unscheduled, with a reason, when the clinician is already booked', () => {
    // One geriatrician, free only 15:00–16:00 (MDT at 16:00), two 45-minute reviews: only one fits.
    const problem = smallDay({
      assessmentTypes: [assessmentType('ger', 45)],
      staff: [staffMember('ger-1', ['ger'], { shift: { startMin: 15 * HOUR, endMin: 17 * HOUR }, mdtMember: true })],
      patients: [patient('p1', ['ger'], { priority: 1 }), patient('p2', ['ger'], { priority: 5 })],
    });
    const plan = planDay(problem, { seed: 1, maxIterations: 300 });
    expectValid(problem, plan);
    expect(plan.activities).toHaveLength(1);
    // The higher-priority patient is the one seen: the unscheduled penalty is priority-weighted.
    expect(plan.activities[0]!.patientId).toBe('p2');
    expect(plan.unscheduled).toEqual([expect.objectContaining({ patientId: 'p1', typeId: 'ger', reason: 'no-staff-free' })]);
    expect(plan.mdt.attendeeStaffIds).toEqual(['ger-1']);
  });

  it('serves every meal in the lunch window within the dining capacity', () => {
    const problem = smallDay({
      assessmentTypes: [assessmentType('anp', 30)],
      staff: [staffMember('anp-1', ['anp'])],
      rooms: [
        { id: 'consult-1', name: 'Consult 1', type: 'consult', capacity: 1 },
        { id: 'dining', name: 'Dining room', type: 'dining', capacity: 2 },
      ],
      patients: ['p1', 'p2', 'p3'].map((id) => patient(id, ['anp'], { needsMeal: true })),
    });
    const plan = planDay(problem, { seed: 2, maxIterations: 300 });
    expectValid(problem, plan);
    const meals = plan.activities.filter((a) => a.typeId === 'meal');
    expect(meals).toHaveLength(3);
    for (const meal of meals) {
      expect(meal.startMin).toBeGreaterThanOrEqual(12 * HOUR);
      expect(meal.endMin).toBeLessThanOrEqual(14 * HOUR);
    }
  });

  it('puts patients in one group session up to its capacity', () => {
    const problem = smallDay({
      assessmentTypes: [assessmentType('falls-group', 30, { roomType: 'gym', groupCapacity: 3 })],
      staff: [staffMember('physio', ['falls-group'])],
      rooms: [{ id: 'gym', name: 'Gym', type: 'gym', capacity: 3 }],
      patients: ['p1', 'p2', 'p3', 'p4'].map((id) => patient(id, ['falls-group'])),
    });
    const plan = planDay(problem, { seed: 1, maxIterations: 200 });
    expectValid(problem, plan);
    const groups = new Map<string, number>();
    for (const a of plan.activities) groups.set(a.groupId!, (groups.get(a.groupId!) ?? 0) + 1);
    // Four patients, three places: one full session and one with the fourth patient.
    expect([...groups.values()].sort()).toEqual([1, 3]);
  });

  it('is deterministic for a seed and an iteration budget', () => {
    const problem = smallDay({
      assessmentTypes: [assessmentType('anp', 45), assessmentType('ot', 30), assessmentType('physio', 40)],
      staff: [staffMember('anp-1', ['anp']), staffMember('ot-1', ['ot']), staffMember('physio-1', ['physio'])],
      patients: ['p1', 'p2', 'p3', 'p4'].map((id) => patient(id, ['anp', 'ot', 'physio'])),
    });
    const once = planDay(problem, { seed: 42, maxIterations: 400 });
    const twice = planDay(problem, { seed: 42, maxIterations: 400 });
    expect(twice.activities).toEqual(once.activities);
    expect(twice.score.soft).toBe(once.score.soft);
    expect(once.stats).toMatchObject({ seed: 42, timedOut: false });
    // The budget is spent unless the search reached the lower bound first (then it stops).
    expect(once.stats.iterations).toBeLessThanOrEqual(400);
    if (once.stats.iterations < 400) expect(once.score.soft).toBeLessThanOrEqual(once.bound.value + 0.01);
  });

  it('is anytime: stops at the time limit on the injected clock with the best plan so far, reporting progress', () => {
    const problem = smallDay({
      assessmentTypes: [assessmentType('anp', 45), assessmentType('ot', 30)],
      staff: [staffMember('anp-1', ['anp']), staffMember('ot-1', ['ot'])],
      patients: ['p1', 'p2', 'p3'].map((id) => patient(id, ['anp', 'ot'])),
    });
    let clockMs = 0;
    const events: ProgressEvent[] = [];
    const plan = planDay(problem, {
      seed: 1,
      timeLimitMs: 1000,
      now: () => (clockMs += 1), // every reading advances the fake clock by 1 ms
      onProgress: (e) => events.push(e),
    });
    expectValid(problem, plan);
    expect(plan.stats.timedOut).toBe(true);
    expect(plan.stats.iterations).toBeGreaterThan(0);
    expect(events[0]!.phase).toBe('construct');
    expect(events[events.length - 1]!.phase).toBe('done');
  });

  it('gives small ICC days 8 independent runs, middle-sized ones 4, large ones 1', () => {
    expect([1, 150, 151, 300, 301, 600].map(iccRunCount)).toEqual([8, 8, 4, 4, 1, 1]);
  });

  it('leaves large ICC days (one run) half the budget for rebuilding patients, the others 0.3', () => {
    expect([1, 150, 151, 300, 301, 600].map(iccRebuildShare)).toEqual([0.3, 0.3, 0.3, 0.3, 0.5, 0.5]);
  });

  it('with a time limit leaves the rebuild 0.7 of the search time on small and middle-sized ICC days, half on large ones', () => {
    expect([1, 150, 151, 300, 301, 600].map(iccTimedRebuildShare)).toEqual([0.7, 0.7, 0.7, 0.7, 0.5, 0.5]);
  });

  it('with a time limit the independent runs of a small ICC day end within their 0.3 of the search time', () => {
    // On this clock the day's fixed-budget schedule does not fit in the limit (its fixed work
    // alone would take more than half of it: timed-budget.ts), so the solve keeps the time shares.
    // The 8-patient day: 8 runs, each starting with a construction reported as it starts; the
    // last starts at 7/8 of the runs' time (0.85 × 0.3 × 3 s ≈ 0.77 s; with 0.7 of it, 1.56 s).
    // The clock advances 1 ms each time it is read, so the test sees the same times under any
    // load (with the wall clock, at load 7-12 only 1-7 of the 8 runs started in time).
    const problem = demoDayProblem({ seed: 1, date: '2026-12-01', patients: 8 });
    const events: ProgressEvent[] = [];
    let clockMs = 0;
    const plan = planDay(problem, { seed: 1, timeLimitMs: 3000, now: () => ++clockMs, onProgress: (e) => events.push(e) });
    expectValid(problem, plan);
    const constructs = events.filter((e) => e.phase === 'construct');
    expect(constructs).toHaveLength(iccRunCount(47 + 8));
    expect(constructs.at(-1)!.elapsedMs!).toBeLessThan(0.85 * 0.3 * 3000);
    expect(constructs.at(-1)!.elapsedMs!).toBeGreaterThan(0.5 * 0.85 * 0.3 * 3000);
  }, 60_000);

  it('on a large ICC day the list search stops at half the budget, the rebuild spends the rest', () => {
    // 48 patients: over 300 activities, one run. The list search reports progress every 1024
    // iterations: with 1600 it stops at 800, before that report (at 0.3 it ran to 1120).
    const problem = demoDayProblem({ seed: 1, date: '2026-12-01', patients: 48 });
    const events: ProgressEvent[] = [];
    const plan = planDay(problem, { seed: 1, maxIterations: 1600, onProgress: (e) => events.push(e) });
    expectValid(problem, plan);
    expect(iccRunCount(problem.patients.reduce((sum, p) => sum + p.required.length + (p.needsMeal ? 1 : 0), 0))).toBe(1);
    const searched = events.filter((e) => e.phase === 'improve').map((e) => e.iteration);
    expect(searched.length).toBeGreaterThan(0);
    expect(Math.max(...searched)).toBeLessThanOrEqual(800);
    expect(plan.stats.iterations).toBe(1600);
  }, 240_000); // 98 s at load 16 on this 2-core machine (the bound and constructions of 48 patients)

  it('on an ICC day shares the budget among independent runs: all iterations spent, progress rising to 1, the same plan for the same seed', () => {
    // The 8-patient demo day: the plan stays above the bound, so every run searches.
    const problem = demoDayProblem({ seed: 1, date: '2026-12-01', patients: 8 });
    const events: ProgressEvent[] = [];
    const plan = planDay(problem, { seed: 3, maxIterations: 2000, onProgress: (e) => events.push(e) });
    expectValid(problem, plan);
    expect(plan.stats.iterations).toBe(2000);
    // One construction per run, each reported as the run starts.
    // 47 assessments and 8 meals: the smallest tier's 8 runs.
    const runs = iccRunCount(47 + 8);
    expect(runs).toBe(8);
    expect(events.filter((e) => e.phase === 'construct').map((e) => e.fraction)).toEqual(Array.from({ length: runs }, (_, run) => run / runs));
    const fractions = events.map((e) => e.fraction);
    for (let i = 1; i < fractions.length; i++) expect(fractions[i]!).toBeGreaterThanOrEqual(fractions[i - 1]! - 1e-12);
    expect(fractions.at(-1)).toBe(1);
    // The best so far never gets worse across runs.
    const best = events.filter((e) => e.phase !== 'done').map((e) => e.bestSoft);
    for (let i = 1; i < best.length; i++) expect(best[i]!).toBeLessThanOrEqual(best[i - 1]!);
    expect(planDay(problem, { seed: 3, maxIterations: 2000 }).activities).toEqual(plan.activities);
  });

  it('starts from a given plan (startFrom): a few iterations end no worse than that plan, where a cold start ends worse', () => {
    const problem = demoDayProblem({ seed: 1, date: '2026-12-01', patients: 32 });
    const earlier = planDay(problem, { seed: 1, maxIterations: 4000 });
    const cold = planDay(problem, { seed: 2, maxIterations: 8 });
    const warm = planDay(problem, { seed: 2, maxIterations: 8, startFrom: earlier.activities });
    expectValid(problem, warm);
    expect(cold.score.soft).toBeGreaterThan(earlier.score.soft);
    expect(warm.score.soft).toBeLessThanOrEqual(earlier.score.soft);
    // Only a hint: activities it does not know are ignored.
    const odd = planDay(problem, { seed: 2, maxIterations: 8, startFrom: [{ id: 'nobody:nothing', startMin: 600 }, ...earlier.activities.slice(0, 5)] });
    expectValid(problem, odd);
  }, 90_000); // 4,000 iterations on 32 patients: over the default 30 s on a loaded 2-core machine

  it('rejects malformed input with an error naming the field', () => {
    const problem = smallDay({
      assessmentTypes: [assessmentType('anp', 0)],
      staff: [staffMember('anp-1', ['anp'])],
      patients: [patient('p1', ['anp'])],
    });
    expect(() => planDay(problem, { maxIterations: 10 })).toThrow(/assessmentTypes\[0\]\.durationMin/);
  });

  it('solves a hand-made 2x2 open shop to its optimum, which equals the job/machine bound', () => {
    // Job 1: 3 on m1, 2 on m2; job 2: 2 on m1, 3 on m2. Bound max(5, 5, 5, 5) = 5, reached
    // by running job 1 on m1 while job 2 is on m2, then swapping — so the optimum is 5.
    const instance = parseTaillardOpenShop('tiny', '2 2\n3 2\n2 3\n');
    const problem = openShopToDayProblem(instance);
    const plan = planDay(problem, { seed: 1, maxIterations: 200, weights: OPEN_SHOP_WEIGHTS });
    expectValid(problem, plan);
    expect(Math.max(...plan.activities.map((a) => a.endMin))).toBe(5);
  });

  it('solves Taillard tai4x4_1 to its published optimum 193', () => {
    const file = fileURLToPath(new URL('../../../bench/instances/openshop/taillard/ta4x4_1os.txt', import.meta.url));
    const instance = parseTaillardOpenShop('tai4x4_1', readFileSync(file, 'utf8'));
    const problem = openShopToDayProblem(instance);
    const plan = planDay(problem, { seed: 1, maxIterations: 40_000, weights: OPEN_SHOP_WEIGHTS, targetSoft: 193 });
    expectValid(problem, plan);
    expect(Math.max(...plan.activities.map((a) => a.endMin))).toBe(193);
  });

  it('reaches the Taillard tai10x10_4 optimum, its bound 577, by decoding towards the bound', () => {
    const file = fileURLToPath(new URL('../../../bench/instances/openshop/taillard/ta10x10_4os.txt', import.meta.url));
    const instance = parseTaillardOpenShop('tai10x10_4', readFileSync(file, 'utf8'));
    const problem = openShopToDayProblem(instance);
    const plan = planDay(problem, { seed: 1, maxIterations: 3000, weights: OPEN_SHOP_WEIGHTS });
    expectValid(problem, plan);
    expect(Math.max(...plan.activities.map((a) => a.endMin))).toBe(577);
    // It stopped at the bound, well inside the budget.
    expect(plan.stats.iterations).toBeLessThan(3000);
  });

  it('reaches tai4x4_3\'s optimum 271, above its bound 262, by aiming just below the best plan in the second half of the run', () => {
    const file = fileURLToPath(new URL('../../../bench/instances/openshop/taillard/ta4x4_3os.txt', import.meta.url));
    const instance = parseTaillardOpenShop('tai4x4_3', readFileSync(file, 'utf8'));
    const problem = openShopToDayProblem(instance);
    // Aiming at the bound alone this seed stays at 272 for 100,000 iterations.
    const plan = planDay(problem, { seed: 1, maxIterations: 10_000, weights: OPEN_SHOP_WEIGHTS, targetSoft: 271 });
    expectValid(problem, plan);
    expect(Math.max(...plan.activities.map((a) => a.endMin))).toBe(271);
    expect(plan.stats.iterations).toBeGreaterThan(5000);
  });

  it('plans the 16-patient demo day in 20k iterations: 96 of 97 assessments (the geriatricians cannot see everyone in time), valid', () => {
    // With six ANPs starting the days and four geriatricians ending them by the MDT, the long
    // days cannot all be ready in time: the lower bound proves one review must go. (An earlier
    // note here said two; that model charged a transfer between every two activities, and a
    // patient who stays in their consult room needs none.)
    // (At this budget seeds 1–6 place 96.)
    const problem = demoDayProblem({ seed: 1, date: '2026-12-01', patients: 16 });
    const plan = planDay(problem, { seed: 1, maxIterations: 20_000 });
    expectValid(problem, plan);
    const missing = plan.unscheduled.filter((u) => u.typeId !== 'meal');
    expect(plan.activities.filter((a) => a.kind !== 'meal')).toHaveLength(97 - missing.length);
    expect(missing.length).toBe(1);
    expect(missing.every((u) => u.typeId === 'geriatrician-review')).toBe(true);
    expect(plan.bound.method).toContain('not everyone can have their whole day');
    expect(plan.unscheduled.some((u) => u.typeId === 'meal')).toBe(false);
  });
});
