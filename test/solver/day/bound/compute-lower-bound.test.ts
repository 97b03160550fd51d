import { describe, expect, it } from 'vitest';
import { computeLowerBound } from '../../../../solver/day/bound/compute-lower-bound.ts';
import { DEFAULT_WEIGHTS } from '../../../../solver/model/options.ts';
import { scorePlan } from '../../../../solver/constraints/score-plan.ts';
import { bruteForceOptimum, patient, tinyProblem, type } from './tiny-days.ts';
import { demoDayProblem } from '../../../../src/demo/demo-day-problem.ts';
import { planDay } from '../../../../solver/day/plan-day.ts';

const onlyMakespan = { unscheduled: 1000, patientIdleMin: 0, patientOnSiteMin: 0, workloadImbalanceMin: 0, namedClinicianMissed: 0, preferenceMin: 0, carerAbsent: 0, makespanMin: 1 };

describe('computeLowerBound', () => {
  it('is exact for one patient with two assessments in different rooms', () => {
    // Best day: check-in 15, ANP 45, transfer 5, review 45 → 110 min on site (× 0.2 = 22)
    // and 5 idle minutes (× 1): 27.
    const problem = tinyProblem({ assessmentTypes: [type('anp', 45, 'consult'), type('ger', 45, 'clinic')], patients: [patient('P1', ['anp', 'ger'])] },
      { transferMin: 5, checkInBufferMin: 15 });
    const bound = computeLowerBound(problem, DEFAULT_WEIGHTS);
    expect(bound.value).toBeCloseTo(27);
    expect(bruteForceOptimum(problem, DEFAULT_WEIGHTS, 120)).toBeCloseTo(27);
    expect(bound.method).toContain('combinatorial');
  });

  it('counts a precedence lag as idle time', () => {
    // Bloods 15, then at least 60 min before the review 45: span 120, idle 60.
    const problem = tinyProblem({ assessmentTypes: [type('bloods', 15, 'treatment'), type('ger', 45, 'consult')], patients: [patient('P1', ['bloods', 'ger'])],
      precedences: [{ id: 'lag', before: 'bloods', after: 'ger', minLagMin: 60 }] });
    const expected = 0.2 * 120 + 60;
    expect(computeLowerBound(problem).value).toBeCloseTo(expected);
    expect(bruteForceOptimum(problem, DEFAULT_WEIGHTS, 130)).toBeCloseTo(expected);
  });

  it('reaches the open-shop optimum max(machine load, job length) on a 2×2 instance', () => {
    // Loads: staff a 30+20, staff b 20+30; jobs 50 each: optimum makespan 50.
    const problem = tinyProblem({
      assessmentTypes: [type('a', 30, 'ra'), type('b', 20, 'rb'), type('a2', 20, 'ra', { qualification: 'a' }), type('b2', 30, 'rb', { qualification: 'b' })],
      patients: [patient('J1', ['a', 'b']), patient('J2', ['a2', 'b2'])],
    });
    problem.staff = problem.staff.filter((s) => s.id === 's-a' || s.id === 's-b');
    expect(computeLowerBound(problem, onlyMakespan).value).toBe(50);
    expect(bruteForceOptimum(problem, onlyMakespan, 60)).toBe(50);
  });

  it('charges assessments nobody can deliver, and says so in the method', () => {
    const problem = tinyProblem({ assessmentTypes: [type('anp', 30, 'consult'), type('ot', 30, 'consult')], patients: [patient('P1', ['anp', 'ot'], { priority: 3 })] });
    problem.staff = problem.staff.filter((s) => s.id !== 's-ot');
    const bound = computeLowerBound(problem);
    expect(bound.value).toBeGreaterThanOrEqual(3000);
    expect(bound.method).toContain('1 unplaceable');
    expect(bound.value).toBeLessThanOrEqual(bruteForceOptimum(problem, DEFAULT_WEIGHTS, 60) + 1e-9);
  });

  it('knows some assessments must be dropped when a clinician is overbooked', () => {
    // Three patients each need 60 min of physio; the physio works 0–120: one is left out.
    const problem = tinyProblem({ assessmentTypes: [type('physio', 60, 'gym')], patients: ['P1', 'P2', 'P3'].map((id, i) => patient(id, ['physio'], { priority: i + 1 })) });
    problem.staff[0]!.shift = { startMin: 0, endMin: 120 };
    const bound = computeLowerBound(problem).value;
    const optimum = bruteForceOptimum(problem, DEFAULT_WEIGHTS, 120);
    // The optimum drops P1 (priority 1): 1000 plus the others' 60-min days (12 each).
    expect(optimum).toBeCloseTo(1000 + 2 * 12);
    expect(bound).toBeLessThanOrEqual(optimum + 1e-9);
    expect(bound).toBeGreaterThan(900);
  });

  it('is exact on a day with a meal, a rest rule, transfers and a preference', () => {
    // ANP 30 + OT 20 + meal 30 = 80 busy; three room types → 2 transfers of 5; three activities
    // with at most 2 back to back → one 10-min rest (it can be one of the transfer gaps): 15 min of gaps.
    // Span 95, on site 105 (× 0.2 = 21), idle 15, and leaving by 100 is impossible: 5 min × 2 = 10. Total 46.
    const problem = tinyProblem({ assessmentTypes: [type('anp', 30, 'consult'), type('ot', 20, 'gym')],
      patients: [patient('P1', ['anp', 'ot'], { needsMeal: true, rest: { maxConsecutive: 2, minRestMin: 10 }, preferredLatestDepartureMin: 100 })] },
    { transferMin: 5, checkInBufferMin: 10, lunchWindow: { startMin: 40, endMin: 110 } });
    expect(computeLowerBound(problem).value).toBeCloseTo(46);
    expect(bruteForceOptimum(problem, DEFAULT_WEIGHTS, 120)).toBeCloseTo(46);
  });

  it('is exact when one clinician must carry a discipline\'s load', () => {
    // Both types belong to discipline "anp" but only s-anp does ANP: s-anp books 60 min, s-ger 30:
    // spread 30 × 0.5 = 15; P1's 60-min day costs 12, P2's 30-min day 6. Total 33.
    const problem = tinyProblem({ assessmentTypes: [type('anp', 30, 'consult'), type('ger', 30, 'consult', { discipline: 'anp' })],
      patients: [patient('P1', ['anp', 'ger']), patient('P2', ['anp'], { earliestArrivalMin: 20, preferredEarliestArrivalMin: 40 })],
      precedences: [{ id: 'anp-first', before: 'anp', after: '*', minLagMin: 0 }] }, { transferMin: 5 });
    expect(computeLowerBound(problem).value).toBeCloseTo(33);
    expect(bruteForceOptimum(problem, DEFAULT_WEIGHTS, 120)).toBeCloseTo(33);
  });


  it('sees a reviewer overloaded inside the window the precedence rules leave', () => {
    // Three patients: assessment a (30 min, three assessors) then the review (30 min, one reviewer),
    // all before the MDT at 90. Reviews cannot start before 30, so 90 min of reviews must fit in
    // 60 reviewer minutes: one is dropped (1000). A whole-day count (90 min of reviewer time
    // for 90 min of reviews) would see no shortage.
    const problem = tinyProblem({
      assessmentTypes: [type('a', 30, 'ra'), type('rev', 30, 'rr')],
      patients: ['P1', 'P2', 'P3'].map((id) => patient(id, ['a', 'rev'])),
      precedences: [{ id: 'a-first', before: 'a', after: 'rev', minLagMin: 0 }],
    }, { mdt: { startMin: 90, durationMin: 30 } });
    problem.staff.push({ ...problem.staff[0]!, id: 's-a2' }, { ...problem.staff[0]!, id: 's-a3' });
    problem.rooms.push({ id: 'r-ra2', name: 'ra2', type: 'ra', capacity: 2 });
    const bound = computeLowerBound(problem).value;
    expect(bound).toBeGreaterThanOrEqual(1000);
    // A feasible plan: all three a's at 0–30; P1, P2 reviewed 30–60, 60–90; P3's review dropped.
    const plan = [
      ...['P1', 'P2', 'P3'].map((p, i) => ({ id: `${p}:a`, patientId: p, typeId: 'a', kind: 'assessment' as const, startMin: 0, endMin: 30, staffId: ['s-a', 's-a2', 's-a3'][i]!, roomId: i === 0 ? 'r-ra' : 'r-ra2' })),
      { id: 'P1:rev', patientId: 'P1', typeId: 'rev', kind: 'assessment' as const, startMin: 30, endMin: 60, staffId: 's-rev', roomId: 'r-rr' },
      { id: 'P2:rev', patientId: 'P2', typeId: 'rev', kind: 'assessment' as const, startMin: 60, endMin: 90, staffId: 's-rev', roomId: 'r-rr' },
    ];
    const score = scorePlan(problem, plan, [{ patientId: 'P3', typeId: 'rev', reason: 'no-staff-free', message: 'full' }]);
    expect(score.hard).toBe(0);
    expect(bound).toBeLessThanOrEqual(score.soft + 1e-9);
  });
});

describe('computeLowerBound on a fine time grid', () => {
  it('stays within its work budget on a 1-min grid, falling back to the weaker parts, and stays below a plan', () => {
    // A 16-patient demo day with a 16-min check-in: the grid becomes 1 min and every exact
    // day ~25× larger; only some patients get theirs within the budget.
    const problem = demoDayProblem({ seed: 1, date: '2026-12-01', patients: 16 });
    problem.centre.checkInBufferMin = 16;
    const bound = computeLowerBound(problem);
    const exactDays = Number(/exact single-patient days on a 1-min grid for (\d+) patient/.exec(bound.method)?.[1] ?? 0);
    expect(exactDays).toBeGreaterThan(0);
    expect(exactDays).toBeLessThan(16);
    const plan = planDay(problem, { seed: 1, maxIterations: 300 });
    expect(bound.value).toBeLessThanOrEqual(plan.score.soft + 1e-9);
  }, 60_000);
});

describe('computeLowerBound under a time limit', () => {
  it('stops its exact parts once the caller says the time is up, staying a valid bound', () => {
    const problem = demoDayProblem({ seed: 1, date: '2026-12-01', patients: 8 });
    const full = computeLowerBound(problem, DEFAULT_WEIGHTS);
    let asked = 0;
    const rushed = computeLowerBound(problem, DEFAULT_WEIGHTS, { timeLeft: () => { asked++; return false; } });
    expect(asked).toBeGreaterThan(0);
    expect(full.method).toMatch(/exact single-patient days on a 5-min grid for 8 patient/);
    expect(rushed.method).not.toMatch(/exact single-patient days/);
    expect(rushed.value).toBeGreaterThan(0);
    expect(rushed.value).toBeLessThanOrEqual(full.value + 1e-9);
    // No clock asked: the same bound as before, deterministic.
    expect(computeLowerBound(problem, DEFAULT_WEIGHTS, {}).value).toBe(full.value);
  });

  it('gets only a share of planDay\'s time limit: once a tenth of the limit is gone, the exact days stop', () => {
    const problem = demoDayProblem({ seed: 1, date: '2026-12-01', patients: 8 });
    // Each reading of the clock moves it on by 20 ms: the bound's share (10% of 1 s) is gone after a few readings.
    let t = 0;
    const plan = planDay(problem, { seed: 1, timeLimitMs: 1000, now: () => (t += 20) });
    const exactDays = Number(/exact single-patient days on a 5-min grid for (\d+) patient/.exec(plan.bound.method)?.[1] ?? 0);
    expect(exactDays).toBeLessThan(8);
    expect(plan.bound.value).toBeLessThanOrEqual(computeLowerBound(problem, DEFAULT_WEIGHTS).value + 1e-9);
    // With an iteration budget and no clock, the bound is the full one.
    expect(planDay(problem, { seed: 1, maxIterations: 50 }).bound.method).toMatch(/exact single-patient days/);
  });
});
