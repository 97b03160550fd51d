import { describe, expect, it } from 'vitest';
import { compileDayProblem } from '../../../../solver/day/compile/compile-day-problem.ts';
import { DayDecoder } from '../../../../solver/day/schedule/day-decoder.ts';
import { ExactPatientDays } from '../../../../solver/day/search/exact-patient-day.ts';
import { timeGridMin } from '../../../../solver/day/bound/time-grid.ts';
import { promotion } from '../../../../solver/day/phases/promote-patient.ts';
import { planDay } from '../../../../solver/day/plan-day.ts';
import { validatePlan } from '../../../../solver/validate/validate-plan.ts';
import { DEFAULT_WEIGHTS } from '../../../../solver/model/options.ts';
import { createRng } from '../../../../solver/model/rng.ts';
import { demoDayProblem } from '../../../../src/demo/demo-day-problem.ts';
import { HOUR, assessmentType, patient, smallDay, staffMember } from '../small-day-fixture.ts';

/** One intake clinician (first for everyone) and one review clinician (the review last). */
const problem = smallDay({
  assessmentTypes: [assessmentType('intake', 60), assessmentType('review', 60)],
  precedences: [
    { id: 'intake-first', before: 'intake', after: '*', minLagMin: 0 },
    { id: 'review-last', before: '*', after: 'review', minLagMin: 0 },
  ],
  staff: [staffMember('i', ['intake']), staffMember('r', ['review'])],
  patients: [patient('a', ['intake', 'review']), patient('b', ['intake', 'review'])],
});

describe('promotion', () => {
  it("moves a patient's day so its review ends by the time it now starts, and names who is booked against that day", () => {
    const day = compileDayProblem(problem, DEFAULT_WEIGHTS);
    const decoder = new DayDecoder(day);
    const at = (id: string) => day.activityId.indexOf(id);
    // b: intake 9-10, review 10-11; a: intake 10-11, review 11-12.
    const n = day.activityCount;
    const current = { start: new Int32Array(n).fill(-1), staff: new Int32Array(n).fill(-1), room: new Int32Array(n).fill(-1) };
    const book = (id: string, t: number, staff: number, room: number) => {
      current.start[at(id)] = t;
      current.staff[at(id)] = staff;
      current.room[at(id)] = room;
    };
    book('b:intake', 9 * HOUR, 0, 0);
    book('b:review', 10 * HOUR, 1, 0);
    book('a:intake', 10 * HOUR, 0, 1);
    book('a:review', 11 * HOUR, 1, 1);
    const exact = new ExactPatientDays(day, timeGridMin(problem));
    const a = day.activityPatient[at('a:intake')]!;
    const b = day.activityPatient[at('b:intake')]!;
    const found = promotion(day, decoder, exact, current, a, createRng(1));
    expect(found).toBeDefined();
    expect(found!.placements.map(({ a: activity, t, staff }) => [day.activityId[activity], t, staff])).toEqual([
      ['a:intake', 9 * HOUR, 0],
      ['a:review', 10 * HOUR, 1],
    ]);
    expect(found!.ejected).toEqual([b]);
    // b's review is already at the first slot it can have: no promotion for b.
    expect(promotion(day, decoder, exact, current, b, createRng(1))).toBeUndefined();
  });

  it('in planDay, the 32-patient demo day at 19k iterations, seed 2, leaves two reviews out (three without promotions: 9605)', () => {
    const demo = demoDayProblem({ seed: 1, date: '2026-12-01', patients: 32 });
    const plan = planDay(demo, { seed: 2, maxIterations: 19_000 });
    expect(validatePlan(demo, plan).violations).toEqual([]);
    expect(plan.unscheduled.filter((u) => u.typeId !== 'meal')).toHaveLength(2);
    expect(plan.score.soft).toBeLessThan(7000);
  }, 180_000); // 19,000 iterations on 32 patients: 10-25 s on a loaded 2-core machine
});
