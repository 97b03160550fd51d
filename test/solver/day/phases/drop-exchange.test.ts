import { describe, expect, it } from 'vitest';
import { decodedPlan } from '../../../helpers/decoded-plan.ts';
import { compileDayProblem } from '../../../../solver/day/compile/compile-day-problem.ts';
import { DayDecoder } from '../../../../solver/day/schedule/day-decoder.ts';
import { bookedAgainst, dropExchanges, lackingPatients } from '../../../../solver/day/phases/drop-exchange.ts';
import { rebuildPatients } from '../../../../solver/day/phases/rebuild-patients.ts';
import { scheduleCost } from '../../../../solver/day/search/schedule-cost.ts';
import { validatePlan } from '../../../../solver/validate/validate-plan.ts';
import { DEFAULT_WEIGHTS } from '../../../../solver/model/options.ts';
import { createRng } from '../../../../solver/model/rng.ts';
import { demoDayProblem } from '../../../../src/demo/demo-day-problem.ts';
import { HOUR, assessmentType, patient, smallDay, staffMember } from '../small-day-fixture.ts';

/**
 * Two patients, each with an intake of their own clinician (9:00-10:00) and then a review; the
 * one reviewer works 9:00-11:00, so there is one review slot (10:00-11:00) for the two. The dear
 * patient (priority 5) should have it, not the cheap one (priority 1). No clinician is shared
 * but the reviewer, and no slot of one type is held by both, so neither the pair nor the swap
 * polish takes both days out together.
 */
const problem = smallDay({
  assessmentTypes: [assessmentType('intake-a', 60), assessmentType('intake-b', 60), assessmentType('review', 60)],
  precedences: [{ id: 'review-last', before: '*', after: 'review', minLagMin: 0 }],
  staff: [
    staffMember('ia', ['intake-a']),
    staffMember('ib', ['intake-b']),
    staffMember('r', ['review'], { shift: { startMin: 9 * HOUR, endMin: 11 * HOUR } }),
  ],
  patients: [patient('dear', ['intake-a', 'review'], { priority: 5 }), patient('cheap', ['intake-b', 'review'], { priority: 1 })],
});

/** The cheap patient's day decoded first: it takes the one review slot and the dear review is left out. */
function cheapFirst() {
  const day = compileDayProblem(problem, DEFAULT_WEIGHTS);
  const decoder = new DayDecoder(day);
  const cheap = day.patientActivities[1]!;
  const order = Int32Array.from(decoder.freeActivities().sort((a, b) => Number(!cheap.includes(a)) - Number(!cheap.includes(b)) || day.preds[a]!.length - day.preds[b]!.length));
  decoder.decode(order);
  return { day, decoder, order };
}

describe('dropExchanges', () => {
  it('pairs each patient who lacks something with every patient placed whole whose drop costs less, dearest taker and cheapest giver first', () => {
    const { day, decoder } = cheapFirst();
    const review = (p: string) => day.activityId.indexOf(`${p}:review`);
    expect(decoder.start[review('cheap')]).toBe(10 * HOUR);
    expect(decoder.start[review('dear')]).toBe(-1);
    expect(lackingPatients(day, decoder.start)).toEqual([0]);
    expect(dropExchanges(day, decoder.start)).toEqual([{ taker: 0, giver: 1 }]);
    // The cheap patient's review is the booking against the dear one's review at 10:00.
    expect(bookedAgainst(day, decoder.start, decoder.staffOf, new Map([[review('dear'), 10 * HOUR]]), new Set())).toEqual([1]);
    expect(bookedAgainst(day, decoder.start, decoder.staffOf, new Map([[review('dear'), 10 * HOUR]]), new Set([1]))).toEqual([]);
  });

  it('lists no exchange when the one left out is the cheaper', () => {
    const { day, decoder } = cheapFirst();
    const start = Int32Array.from(decoder.start);
    // The dear patient's review in the slot instead, the cheap one's left out.
    start[day.activityId.indexOf('dear:review')] = 10 * HOUR;
    start[day.activityId.indexOf('cheap:review')] = -1;
    expect(lackingPatients(day, start)).toEqual([1]);
    expect(dropExchanges(day, start)).toEqual([]);
  });

  it('in the patient rebuild, the dear patient takes the cheap one\'s review slot (the search, one-day, pair and swap polishes alone left it)', () => {
    const { day, decoder, order } = cheapFirst();
    const before = scheduleCost(day, decoder);
    // No first search (searchTimeLeft), and a budget the one-day polish uses up: only the polishes move.
    const outcome = rebuildPatients(day, decoder, decoder, order, { iterations: 50, rng: createRng(1), timeLeft: () => true, maxMealDelayMin: 0, searchTimeLeft: () => false });
    expect(outcome.exchangeMoves).toBeGreaterThan(0);
    expect(outcome.exchangeMoves).toBeLessThanOrEqual(Math.floor(0.05 * 50));
    expect(outcome.exchangeImprovements).toBe(1);
    expect(decoder.start[day.activityId.indexOf('dear:review')]).toBe(10 * HOUR);
    expect(decoder.start[day.activityId.indexOf('cheap:review')]).toBe(-1);
    expect(outcome.cost).toBeLessThan(before - 3 * DEFAULT_WEIGHTS.unscheduled);
    const plan = decodedPlan(day, decoder);
    expect(validatePlan(problem, plan).violations).toEqual([]);
    expect(plan.unscheduled.map((u) => `${u.patientId}:${u.typeId}`)).toEqual(['cheap:review']);
  });

  it('runs on days beyond the full pair polish\'s size too (the 64-patient day): within its cap, never dearer, a valid plan', () => {
    const problem = demoDayProblem({ seed: 1, date: '2026-12-01', patients: 64 });
    const day = compileDayProblem(problem, DEFAULT_WEIGHTS);
    expect(day.activityCount).toBeGreaterThan(300);
    const decoder = new DayDecoder(day);
    const order = Int32Array.from(decoder.freeActivities().reverse());
    decoder.decode(order);
    const before = scheduleCost(day, decoder);
    const iterations = 200;
    const outcome = rebuildPatients(day, decoder, decoder, order, { iterations, rng: createRng(3), timeLeft: () => true, maxMealDelayMin: 60 });
    // There the pair polish takes only pairs whose first patient lacks something, within its cap.
    expect(outcome.pairMoves).toBeLessThanOrEqual(Math.floor(0.1 * iterations));
    expect(outcome.exchangeMoves).toBeGreaterThan(0);
    expect(outcome.exchangeMoves).toBeLessThanOrEqual(Math.floor(0.05 * iterations));
    expect(outcome.cost).toBeLessThan(before);
    expect(outcome.cost).toBeCloseTo(scheduleCost(day, decoder), 6);
    const plan = decodedPlan(day, decoder);
    expect(validatePlan(problem, plan).violations).toEqual([]);
  });
});
