import { describe, expect, it } from 'vitest';
import { decodedPlan } from '../../../helpers/decoded-plan.ts';
import { compileDayProblem } from '../../../../solver/day/compile/compile-day-problem.ts';
import { DayDecoder } from '../../../../solver/day/schedule/day-decoder.ts';
import { patientsDoneBeforeMeal, rebuildPatients } from '../../../../solver/day/phases/rebuild-patients.ts';
import { scheduleCost } from '../../../../solver/day/search/schedule-cost.ts';
import { readSchedule } from '../../../../solver/day/read-schedule.ts';
import { validatePlan } from '../../../../solver/validate/validate-plan.ts';
import { DEFAULT_WEIGHTS } from '../../../../solver/model/options.ts';
import { createRng } from '../../../../solver/model/rng.ts';
import { demoDayProblem } from '../../../../src/demo/demo-day-problem.ts';
import { planDay } from '../../../../solver/day/plan-day.ts';
import type { DayProblem } from '../../../../solver/model/index.ts';

describe('rebuildPatients', () => {
  it('rebuilds patients\' days against the rest: never worse than where it started, a plan the checker accepts, and here better', () => {
    const problem = demoDayProblem({ seed: 1, date: '2026-12-01', patients: 8 });
    const day = compileDayProblem(problem, DEFAULT_WEIGHTS);
    const decoder = new DayDecoder(day);
    // A poor start: patients in reverse, each day in its own order.
    const order = Int32Array.from(decoder.freeActivities().reverse());
    decoder.decode(order);
    const before = scheduleCost(day, decoder);
    const outcome = rebuildPatients(day, decoder, decoder, order, { iterations: 300, rng: createRng(3), timeLeft: () => true, maxMealDelayMin: 60 });
    expect(outcome.iterations).toBe(300);
    expect(outcome.cost).toBeLessThan(before);
    expect(outcome.cost).toBeCloseTo(scheduleCost(day, decoder), 6);
    const plan = decodedPlan(day, decoder);
    expect(validatePlan(problem, plan).violations).toEqual([]);
  });

  it('is deterministic for a seed, with its exact re-insertions and polish: the same schedule twice, never dearer than the start, valid', () => {
    const problem = demoDayProblem({ seed: 1, date: '2026-12-01', patients: 16 });
    const day = compileDayProblem(problem, DEFAULT_WEIGHTS);
    const runs = [1, 2].map(() => {
      const decoder = new DayDecoder(day);
      const order = Int32Array.from(decoder.freeActivities().reverse());
      decoder.decode(order);
      const before = scheduleCost(day, decoder);
      const outcome = rebuildPatients(day, decoder, decoder, order, { iterations: 600, rng: createRng(7), timeLeft: () => true, maxMealDelayMin: 60 });
      expect(outcome.cost).toBeLessThan(before);
      expect(outcome.iterations).toBe(600);
      const plan = decodedPlan(day, decoder);
      expect(validatePlan(problem, plan).violations).toEqual([]);
      return { cost: outcome.cost, start: Array.from(decoder.start), staff: Array.from(decoder.staffOf) };
    });
    expect(runs[1]).toEqual(runs[0]);
  });

  it('keeps every pin on a day with pins (a replan pins the past), and planDay runs it there too', () => {
    const problem = demoDayProblem({ seed: 1, date: '2026-12-01', patients: 8 });
    const first = planDay(problem, { seed: 1, maxIterations: 300 });
    // Everything that starts before 11:00 pinned where it is, as a replan at 11:00 pins the past.
    const pinned: DayProblem = {
      ...problem,
      pins: first.activities.filter((a) => a.startMin < 11 * 60).map((a) => ({ patientId: a.patientId, typeId: a.typeId, startMin: a.startMin, roomId: a.roomId, ...(a.staffId ? { staffId: a.staffId } : {}) })),
      replanFromMin: 11 * 60,
    };
    expect(pinned.pins!.length).toBeGreaterThan(10);
    const day = compileDayProblem(pinned, DEFAULT_WEIGHTS);
    const decoder = new DayDecoder(day);
    const order = Int32Array.from(decoder.freeActivities().reverse());
    decoder.decode(order);
    const outcome = rebuildPatients(day, decoder, decoder, order, { iterations: 300, rng: createRng(5), timeLeft: () => true, maxMealDelayMin: 60 });
    expect(outcome.iterations).toBe(300);
    for (const pin of pinned.pins!) {
      const a = day.activityId.indexOf(`${pin.patientId}:${pin.typeId}`);
      expect(decoder.start[a], `${pin.patientId}:${pin.typeId}`).toBe(pin.startMin);
    }
    const rebuilt = decodedPlan(day, decoder);
    expect(validatePlan(pinned, rebuilt).violations).toEqual([]);

    // planDay spends its whole budget: the runs their share, the rebuild the rest (it was skipped on pinned days once).
    const plan = planDay(pinned, { seed: 1, maxIterations: 1000 });
    expect(plan.stats.iterations).toBe(1000);
    expect(validatePlan(pinned, plan).violations).toEqual([]);
  });

  it('polishes pairs of patients who share a clinician: within its cap of moves, it finds what the one-day polish left, and keeps a valid plan', () => {
    const problem = demoDayProblem({ seed: 1, date: '2026-12-01', patients: 16 });
    const day = compileDayProblem(problem, DEFAULT_WEIGHTS);
    const decoder = new DayDecoder(day);
    const order = Int32Array.from(decoder.freeActivities().reverse());
    decoder.decode(order);
    const before = scheduleCost(day, decoder);
    const iterations = 1500;
    const outcome = rebuildPatients(day, decoder, decoder, order, { iterations, rng: createRng(7), timeLeft: () => true, maxMealDelayMin: 60 });
    expect(outcome.iterations).toBe(iterations);
    // The pair moves are not counted in the budget, but capped by it (a tenth of it).
    expect(outcome.pairMoves).toBeGreaterThan(0);
    expect(outcome.pairMoves).toBeLessThanOrEqual(Math.floor(0.1 * iterations));
    // After the one-day polish, some pair of days put back one around the other still cost less.
    expect(outcome.pairImprovements).toBeGreaterThan(0);
    expect(outcome.cost).toBeLessThan(before);
    expect(outcome.cost).toBeCloseTo(scheduleCost(day, decoder), 6);
    const plan = decodedPlan(day, decoder);
    expect(validatePlan(problem, plan).violations).toEqual([]);
  });

  it('on the 8-patient day, swaps two patients\' slots of one type and refits both days: within its cap, better than where it started, a valid plan', () => {
    const problem = demoDayProblem({ seed: 1, date: '2026-12-01', patients: 8 });
    const day = compileDayProblem(problem, DEFAULT_WEIGHTS);
    const decoder = new DayDecoder(day);
    const order = Int32Array.from(decoder.freeActivities().reverse());
    decoder.decode(order);
    const before = scheduleCost(day, decoder);
    const iterations = 1500;
    const outcome = rebuildPatients(day, decoder, decoder, order, { iterations, rng: createRng(7), timeLeft: () => true, maxMealDelayMin: 60 });
    expect(outcome.iterations).toBe(iterations);
    // The 8-patient day gets the pair polish too, and then the swap polish, each capped at a tenth of the budget.
    expect(outcome.pairMoves).toBeGreaterThan(0);
    expect(outcome.swapMoves).toBeGreaterThan(0);
    expect(outcome.swapMoves).toBeLessThanOrEqual(Math.floor(0.1 * iterations));
    expect(outcome.swapImprovements).toBeGreaterThan(0);
    expect(outcome.cost).toBeLessThan(before);
    expect(outcome.cost).toBeCloseTo(scheduleCost(day, decoder), 6);
    const plan = decodedPlan(day, decoder);
    expect(validatePlan(problem, plan).violations).toEqual([]);
  });

  it('with a clock, the first search hands over to the polishes when searchTimeLeft says so (before, it searched to the deadline and they never ran)', () => {
    const problem = demoDayProblem({ seed: 1, date: '2026-12-01', patients: 8 });
    const day = compileDayProblem(problem, DEFAULT_WEIGHTS);
    const rebuild = (handOver: boolean) => {
      const decoder = new DayDecoder(day);
      const order = Int32Array.from(decoder.freeActivities().reverse());
      decoder.decode(order);
      // A clock that ticks once per question: the deadline after 2000, the hand-over after 1000.
      let ticks = 0;
      const outcome = rebuildPatients(day, decoder, decoder, order, {
        iterations: Number.MAX_SAFE_INTEGER, rng: createRng(7), timeLeft: () => ticks++ < 2000, maxMealDelayMin: 60,
        ...(handOver ? { searchTimeLeft: () => ticks < 1000 } : {}),
      });
      return { outcome, ticks };
    };
    const searchedOnly = rebuild(false);
    expect(searchedOnly.outcome.pairMoves + searchedOnly.outcome.swapMoves).toBe(0);
    const handedOver = rebuild(true);
    expect(handedOver.ticks).toBeGreaterThanOrEqual(2000);
    expect(handedOver.outcome.pairMoves).toBeGreaterThan(0);
    expect(handedOver.outcome.swapMoves).toBeGreaterThan(0);
    // The search went on after the polishes, to the deadline.
    expect(handedOver.outcome.iterations).toBeGreaterThan(0);
  });

  it('on days beyond the trade size, pairs only with a first patient lacking something (within the cap) and no swaps', () => {
    const problem = demoDayProblem({ seed: 1, date: '2026-12-01', patients: 64 });
    const day = compileDayProblem(problem, DEFAULT_WEIGHTS);
    expect(day.activityCount).toBeGreaterThan(300);
    const decoder = new DayDecoder(day);
    const order = Int32Array.from(decoder.freeActivities());
    decoder.decode(order);
    expect(day.patientActivities.some((own) => own.some((a) => decoder.start[a]! < 0))).toBe(true);
    const outcome = rebuildPatients(day, decoder, decoder, order, { iterations: 40, rng: createRng(1), timeLeft: () => true, maxMealDelayMin: 60 });
    // 0.1 pair moves per iteration of the budget: 4.
    expect(outcome.pairMoves).toBe(4);
    expect(outcome.swapMoves).toBe(0);
  });

  it('on the 64-patient day, fills the afternoon review slot a move freed by reviewing one more patient before lunch: more placed, a valid plan', { timeout: 120_000 }, () => {
    const problem = demoDayProblem({ seed: 1, date: '2026-12-01', patients: 64 });
    const day = compileDayProblem(problem, DEFAULT_WEIGHTS);
    const decoder = new DayDecoder(day);
    const order = Int32Array.from(decoder.freeActivities());
    decoder.decode(order);
    const before = scheduleCost(day, decoder);
    const outcome = rebuildPatients(day, decoder, decoder, order, { iterations: 600, rng: createRng(1), timeLeft: () => true, maxMealDelayMin: 60 });
    // Each placement is a move the walk would otherwise have dropped (dearer than it accepts).
    expect(outcome.fillPlacements).toBeGreaterThan(0);
    expect(outcome.fillMoves).toBeLessThanOrEqual(600);
    expect(outcome.cost).toBeLessThan(before);
    expect(validatePlan(problem, decodedPlan(day, decoder)).violations).toEqual([]);
  });

  it('counts the patients whose whole day ends by their meal (reviewed before lunch), as the plan\'s activities show them; one left out is not counted', () => {
    const problem = demoDayProblem({ seed: 1, date: '2026-12-01', patients: 16 });
    const day = compileDayProblem(problem, DEFAULT_WEIGHTS);
    const decoder = new DayDecoder(day);
    const order = Int32Array.from(decoder.freeActivities());
    decoder.decode(order);
    const start = Int32Array.from(decoder.start);
    const { activities, unscheduled, unplaced } = readSchedule(day, decoder);
    const out = new Set([...unscheduled, ...unplaced].map((u) => u.patientId));
    const early = problem.patients.filter((p) => {
      const own = activities.filter((a) => a.patientId === p.id);
      const meal = own.find((a) => a.typeId === 'meal');
      return !out.has(p.id) && meal !== undefined && own.every((a) => a === meal || a.endMin <= meal.startMin);
    });
    expect(early.length).toBeGreaterThan(0);
    expect(early.length).toBeLessThan(problem.patients.length);
    expect(patientsDoneBeforeMeal(day, start)).toBe(early.length);
    // One of those patients' activities unplaced: they no longer count.
    const p = problem.patients.indexOf(early[0]!);
    const a = day.patientActivities[p]!.find((x) => day.activityKind[x] !== 'meal')!;
    start[a] = -1;
    expect(patientsDoneBeforeMeal(day, start)).toBe(early.length - 1);
  });
});
