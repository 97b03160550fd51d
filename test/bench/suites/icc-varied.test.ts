import { describe, expect, it } from 'vitest';
import suite, { VARIED_DAYS, VARIED_ITERATIONS } from '../../../bench/suites/icc-varied.ts';
import { ICC_SEED } from '../../../bench/suites/icc.ts';
import { validateDayProblemInput } from '../../../solver/day/compile/validate-day-problem-input.ts';
import { computeLowerBound, planDay, validatePlan } from '../../../solver/index.ts';

describe('icc-varied suite', () => {
  const base = VARIED_DAYS['demo-8']!();

  it('varies the demo day the way its names say', () => {
    const gers = (p: typeof base) => p.staff.filter((s) => s.qualifications.includes('geriatrician-review')).length;
    expect(VARIED_DAYS['staff-off']!().staff).toHaveLength(base.staff.length - 2);
    expect(gers(base)).toBeGreaterThan(1);
    expect(gers(VARIED_DAYS['one-geriatrician']!())).toBe(1);
    const longer = VARIED_DAYS['longer-x1.3']!();
    expect(longer.assessmentTypes.reduce((s, t) => s + t.durationMin, 0)).toBeGreaterThan(base.assessmentTypes.reduce((s, t) => s + t.durationMin, 0) * 1.2);
    const carers = VARIED_DAYS['care-home-carers']!();
    expect(carers.patients.every((p) => p.carerPresent && p.required.some((r) => r.carerRequired))).toBe(true);
    const pinned = VARIED_DAYS['pinned-4']!();
    expect(pinned.pins).toHaveLength(4);
    expect(pinned.pins!.every((pin) => base.patients.some((p) => p.id === pin.patientId) && base.staff.some((s) => s.id === pin.staffId) && base.rooms.some((r) => r.id === pin.roomId))).toBe(true);
    expect(VARIED_DAYS['one-team-12']!().patients).toHaveLength(12);
  });

  it('gives the planner well-formed day problems', () => {
    for (const [name, make] of Object.entries(VARIED_DAYS)) expect(() => validateDayProblemInput(make()), name).not.toThrow();
  });

  it('plans pinned-4 at its budget no dearer than CP-SAT\'s 10-s plan (4658), every pin where it was pinned', () => {
    // 4741 while the exact patient days gave up on a pinned patient (three of its eight), 4663
    // before the final re-staffing of small groups (the ANPs and the phlebotomist) exactly.
    const problem = VARIED_DAYS['pinned-4']!();
    const plan = planDay(problem, { seed: ICC_SEED, maxIterations: VARIED_ITERATIONS });
    expect(validatePlan(problem, plan).valid).toBe(true);
    expect(plan.unscheduled.filter((u) => u.typeId !== 'meal')).toHaveLength(1);
    expect(plan.score.soft).toBeLessThanOrEqual(4658);
    for (const pin of problem.pins!) {
      expect(plan.activities.find((a) => a.patientId === pin.patientId && a.typeId === pin.typeId)).toMatchObject({ startMin: pin.startMin, staffId: pin.staffId, roomId: pin.roomId });
    }
  }, 120_000);

  it('plans staff-off leaving out one review, JB-0007\'s (the bound\'s least drop), not two cheaper ones', () => {
    // Without the least-drop trial: 8533, JB-0002's and JB-0005's reviews out (priority 3.86
    // each; JB-0007's 4.54). CP-SAT's 10-s plan in the last benchmark: 5360.5, one out.
    const problem = VARIED_DAYS['staff-off']!();
    const bound = computeLowerBound(problem);
    const ref = (id: string | undefined) => problem.patients.find((p) => p.id === id)?.ref;
    expect(bound.leastDrop?.typeId).toBe('geriatrician-review');
    expect(ref(bound.leastDrop?.patientId)).toBe('JB-0007');
    const plan = planDay(problem, { seed: ICC_SEED, maxIterations: VARIED_ITERATIONS });
    expect(validatePlan(problem, plan).valid).toBe(true);
    expect(plan.unscheduled.filter((u) => u.typeId !== 'meal').map((u) => `${ref(u.patientId)} ${u.typeId}`)).toEqual(['JB-0007 geriatrician-review']);
    expect(plan.score.soft).toBeLessThanOrEqual(5360.5);
  }, 120_000);

  it('plans staff-off leaving out JB-0007\'s review alone on seeds that left two out before the lacking-first polish', () => {
    // Before it (rebuild-patients.ts, orderPolish), at this budget: seed 2 8485, seed 8 8527
    // (JB-0002's and JB-0005's reviews out; on seed 2 the trial's plan left JB-0005's out too).
    const problem = VARIED_DAYS['staff-off']!();
    const ref = (id: string) => problem.patients.find((p) => p.id === id)?.ref;
    for (const seed of [2, 8]) {
      const plan = planDay(problem, { seed, maxIterations: VARIED_ITERATIONS });
      expect(validatePlan(problem, plan).valid).toBe(true);
      expect(plan.unscheduled.filter((u) => u.typeId !== 'meal').map((u) => `${ref(u.patientId)} ${u.typeId}`), `seed ${seed}`).toEqual(['JB-0007 geriatrician-review']);
      expect(plan.score.soft).toBeLessThanOrEqual(5360.5);
    }
  }, 240_000);

  it('plans a varied day into a checker-valid plan never below its bound', async () => {
    const rows = await suite.run({ timeLimitSec: 1, filter: /^staff-off$/, log: () => {} });
    expect(rows).toHaveLength(1);
    // A quarter of the budget more: the plan left out more than the bound's least drop, and a
    // plan without it was tried (least-drop-trial.ts).
    expect(rows[0]).toMatchObject({ instance: 'staff-off', valid: true, iterations: 20_000 });
    expect(rows[0]!.value!).toBeGreaterThanOrEqual(rows[0]!.known!);
  }, 120_000);
});
