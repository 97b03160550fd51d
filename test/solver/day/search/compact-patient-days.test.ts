import { describe, expect, it } from 'vitest';
import { compileDayProblem } from '../../../../solver/day/compile/compile-day-problem.ts';
import { BackwardDecoder } from '../../../../solver/day/schedule/backward-decoder.ts';
import { DayDecoder } from '../../../../solver/day/schedule/day-decoder.ts';
import { compactPatientDays } from '../../../../solver/day/search/compact-patient-days.ts';
import { scheduleCost } from '../../../../solver/day/search/schedule-cost.ts';
import { planDay } from '../../../../solver/day/plan-day.ts';
import { validatePlan } from '../../../../solver/validate/validate-plan.ts';
import { DEFAULT_WEIGHTS } from '../../../../solver/model/options.ts';
import { assessmentType, HOUR, patient, smallDay, staffMember } from '../small-day-fixture.ts';

// The geriatrician only starts at 13:00; the ANP's assessment must come first.
const problem = smallDay({
  assessmentTypes: [assessmentType('anp', 30), assessmentType('ger', 30)],
  precedences: [{ id: 'ger-last', before: 'anp', after: 'ger', minLagMin: 0 }],
  staff: [staffMember('s-anp', ['anp']), staffMember('s-ger', ['ger'], { shift: { startMin: 13 * HOUR, endMin: 17 * HOUR } })],
  patients: [patient('p1', ['anp', 'ger'])],
});

describe('compactPatientDays', () => {
  it("moves a patient's earlier activities up to their review, so they arrive later instead of waiting", () => {
    const day = compileDayProblem(problem, DEFAULT_WEIGHTS);
    const forward = new DayDecoder(day);
    const backward = new BackwardDecoder(day, forward.mealDelayMin);
    forward.decode([0, 1]);
    expect([forward.start[0], forward.start[1]]).toEqual([9 * HOUR, 13 * HOUR]);
    const before = scheduleCost(day, forward);
    const outcome = compactPatientDays(day, forward, { forward, backward });
    expect(outcome.improvements).toBe(1);
    expect(outcome.cost).toBeLessThan(before);
    expect([outcome.best.start[0], outcome.best.start[1]]).toEqual([12 * HOUR + 30, 13 * HOUR]);
    expect(outcome.cost).toBe(scheduleCost(day, outcome.best));
  });

  it("shifts a patient's whole day later when their lunch came long after their last assessment", () => {
    // One 30-minute assessment and lunch (12:00–14:00): decoded forwards, the assessment is at
    // 9:00 and the patient waits until noon. Nothing follows it to pack it against; a later start does.
    const lunch = smallDay({
      assessmentTypes: [assessmentType('anp', 30)],
      staff: [staffMember('s-anp', ['anp'])],
      patients: [patient('p1', ['anp'], { needsMeal: true })],
    });
    const day = compileDayProblem(lunch, DEFAULT_WEIGHTS);
    const forward = new DayDecoder(day);
    const backward = new BackwardDecoder(day, forward.mealDelayMin);
    const anp = day.activityId.indexOf('p1:anp');
    const meal = day.activityKind.indexOf('meal');
    forward.decode([anp, meal]);
    expect([forward.start[anp], forward.start[meal]]).toEqual([9 * HOUR, 12 * HOUR]);
    const before = scheduleCost(day, forward);
    const outcome = compactPatientDays(day, forward, { forward, backward });
    expect(outcome.cost).toBeLessThan(before);
    expect([outcome.best.start[anp], outcome.best.start[meal]]).toEqual([11 * HOUR + 30, 12 * HOUR]);
    expect(outcome.cost).toBe(scheduleCost(day, outcome.best));
    // The limit is for that pass only.
    expect(Array.from(forward.patientNotBeforeMin)).toEqual([0]);
  });

  it('is part of planDay: the plan has no wait and validates', () => {
    const plan = planDay(problem, { seed: 1, maxIterations: 100 });
    expect(validatePlan(problem, plan).valid).toBe(true);
    const [anp, ger] = ['anp', 'ger'].map((t) => plan.activities.find((a) => a.typeId === t)!);
    expect(anp!.endMin).toBe(ger!.startMin);
    expect(ger!.startMin).toBeGreaterThanOrEqual(13 * HOUR);
  });
});
