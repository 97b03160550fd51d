import { describe, expect, it } from 'vitest';
import { compileDayProblem } from '../../../../solver/day/compile/compile-day-problem.ts';
import { DayDecoder } from '../../../../solver/day/schedule/day-decoder.ts';
import { tradePair } from '../../../../solver/day/phases/trade-pair.ts';
import { rebuildPatients } from '../../../../solver/day/phases/rebuild-patients.ts';
import { readSchedule } from '../../../../solver/day/read-schedule.ts';
import { assembleDayPlan } from '../../../../solver/day/assemble-day-plan.ts';
import { validatePlan } from '../../../../solver/validate/validate-plan.ts';
import { DEFAULT_WEIGHTS } from '../../../../solver/model/options.ts';
import { createRng } from '../../../../solver/model/rng.ts';
import { HOUR, assessmentType, patient, smallDay, staffMember } from '../small-day-fixture.ts';

/**
 * One intake clinician (first for everyone), one middle and one review clinician (the review
 * last), everything before the MDT at 13:00. The long day (intake, two hours, review: 9:00 to
 * 13:00 exactly) only fits when it has the 9:00 intake; the short day (intake, review) fits later.
 */
const problem = smallDay({
  centre: { ...smallDay({}).centre, mdt: { startMin: 13 * HOUR, durationMin: 30 } },
  assessmentTypes: [assessmentType('intake', 60), assessmentType('middle', 120), assessmentType('review', 60)],
  precedences: [
    { id: 'intake-first', before: 'intake', after: '*', minLagMin: 0 },
    { id: 'review-last', before: '*', after: 'review', minLagMin: 0 },
  ],
  staff: [staffMember('i', ['intake']), staffMember('m', ['middle']), staffMember('r', ['review'])],
  patients: [patient('short', ['intake', 'review'], { priority: 1 }), patient('long', ['intake', 'middle', 'review'], { priority: 1 })],
});

/** The short day booked first: it takes the 9:00 intake, and the long day cannot all end by 13:00. */
function shortFirst() {
  const day = compileDayProblem(problem, DEFAULT_WEIGHTS);
  const decoder = new DayDecoder(day);
  const order = Int32Array.from(decoder.freeActivities().sort((a, b) => day.activityPatient[a]! - day.activityPatient[b]! || day.preds[a]!.length - day.preds[b]!.length));
  decoder.decode(order);
  return { day, decoder, order };
}

describe('tradePair', () => {
  it('pairs the patient who lacks something or ends late with one who starts earlier and has less to do', () => {
    const { day, decoder } = shortFirst();
    const short = 0;
    const long = 1;
    // Something of the long day is left out (the decoder keeps its review and drops its intake).
    expect(day.patientActivities[long]!.some((a) => decoder.start[a]! < 0)).toBe(true);
    expect(decoder.start[day.activityId.indexOf('short:intake')]).toBe(9 * HOUR);
    const work = day.patientActivities.map((own) => own.reduce((sum, a) => sum + day.durationMin[a]!, 0));
    const pairs = Array.from({ length: 20 }, (_, k) => tradePair(day, decoder.start, work, createRng(k + 1)));
    // Only the long day starts after someone else's: every trade is the long day's, with the short one.
    for (const pair of pairs) if (pair) expect(pair).toEqual({ seed: long, partner: short });
    expect(pairs.filter(Boolean).length).toBeGreaterThan(5);
  });

  it('draws nothing when nobody starts before the seed', () => {
    const { day } = shortFirst();
    const start = new Int32Array(day.activityCount).fill(9 * HOUR);
    const work = day.patientActivities.map(() => 60);
    for (let k = 1; k <= 10; k++) expect(tradePair(day, start, work, createRng(k))).toBeUndefined();
  });

  it('in the patient rebuild, the long day takes the early intake and both days are placed', () => {
    const { day, decoder, order } = shortFirst();
    rebuildPatients(day, decoder, decoder, order, { iterations: 200, rng: createRng(1), timeLeft: () => true, maxMealDelayMin: 0 });
    expect(decoder.start[day.activityId.indexOf('long:intake')]).toBe(9 * HOUR);
    const { activities, unscheduled, unplaced } = readSchedule(day, decoder);
    expect([...unscheduled, ...unplaced]).toEqual([]);
    const plan = assembleDayPlan(problem, { activities, unscheduled: [], bound: { value: 0, method: 'test' }, stats: { iterations: 0, improvements: 0, timedOut: false, seed: 1 } });
    expect(validatePlan(problem, plan).violations).toEqual([]);
  });
});
