import { describe, expect, it } from 'vitest';
import { patientScheduleModel } from '../../../../solver/day/bound/patient-schedule-model.ts';
import { patientScheduleCost } from '../../../../solver/day/bound/patient-schedule-dp.ts';
import { patientDay, subsetBound } from '../../../../solver/day/bound/patient-day-bound.ts';
import { timeGridMin } from '../../../../solver/day/bound/time-grid.ts';
import { DEFAULT_WEIGHTS, type ObjectiveWeights } from '../../../../solver/model/options.ts';
import type { DayProblem } from '../../../../solver/model/day-problem.ts';
import { createRng } from '../../../../solver/model/rng.ts';
import { bruteForceOptimum, patient, tinyProblem, type } from './tiny-days.ts';

// One patient, so the workload spread (another term) stays out of the comparison.
const W: ObjectiveWeights = { ...DEFAULT_WEIGHTS, workloadImbalanceMin: 0 };

function exactDay(problem: DayProblem, weights: ObjectiveWeights = W): number {
  const p = problem.patients[0]!;
  const model = patientScheduleModel(problem, p, p.required, timeGridMin(problem), weights);
  if (!model) throw new Error('no model');
  return patientScheduleCost(model, weights);
}

function subsetFormula(problem: DayProblem): number {
  const p = problem.patients[0]!;
  const day = patientDay(problem, p, p.required);
  return subsetBound(problem, W, day, (1 << day.items.length) - 1).cost;
}

describe('patientScheduleCost', () => {
  it('counts the transfers the order forces, not just the room types', () => {
    // a first, c last, both in the consult room; b in the lab between them: two transfers of 5
    // (the room-type count sees one). Span 20 + 5 + 10 + 5 + 20 = 60: 0.2 × 60 + 10 idle = 22.
    const problem = tinyProblem({ assessmentTypes: [type('a', 20, 'consult'), type('b', 10, 'lab'), type('c', 20, 'consult')],
      patients: [patient('P', ['a', 'b', 'c'])],
      precedences: [{ id: 'first', before: 'a', after: '*', minLagMin: 0 }, { id: 'last', before: '*', after: 'c', minLagMin: 0 }] }, { transferMin: 5 });
    expect(exactDay(problem)).toBeCloseTo(22);
    expect(bruteForceOptimum(problem, W, 100)).toBeCloseTo(22);
    expect(subsetFormula(problem)).toBeLessThan(22);
  });

  it('sees idle time forced by the lunch window', () => {
    // One 30-min assessment that must end by the MDT at 60, and lunch only from 90: the
    // patient waits 30 min at best (30–60, meal 90–110). Span 80: 0.2 × 80 + 30 = 46.
    const problem = tinyProblem({ assessmentTypes: [type('a', 30, 'consult')], patients: [patient('P', ['a'], { needsMeal: true })] },
      { lunchWindow: { startMin: 90, endMin: 140 }, mealDurationMin: 20, mdt: { startMin: 60, durationMin: 10 } });
    expect(exactDay(problem)).toBeCloseTo(46);
    expect(bruteForceOptimum(problem, W, 140)).toBeCloseTo(46);
    expect(subsetFormula(problem)).toBeLessThan(46);
  });

  it('waits out a clinician\'s break when that is cheaper than the named-clinician penalty', () => {
    // The named OT is on a break until 40, another OT is free: waiting 40 min (48) beats 60.
    const problem = tinyProblem({ assessmentTypes: [type('ot', 20, 'gym')], patients: [patient('P', ['ot'], { earliestArrivalMin: 0 })] });
    problem.patients[0]!.required[0]!.preferredStaffId = 's-named';
    problem.staff.push({ ...problem.staff[0]!, id: 's-named', breaks: [{ startMin: 0, endMin: 40 }] });
    // Any start works (the patient arrives when they like): the named OT at 40, no waiting: 0.2 × 20 = 4.
    expect(exactDay(problem)).toBeCloseTo(4);
    // With the named OT off all day the penalty is certain.
    problem.staff[1]!.shift = { startMin: 0, endMin: 10 };
    expect(exactDay(problem)).toBeCloseTo(64);
    expect(bruteForceOptimum(problem, W, 60)).toBeCloseTo(64);
  });

  it('says Infinity when no day places everything', () => {
    // Two 40-min assessments, a window of 60.
    const problem = tinyProblem({ assessmentTypes: [type('a', 40, 'r'), type('b', 40, 'r')], patients: [patient('P', ['a', 'b'], { latestDepartureMin: 60 })] });
    expect(exactDay(problem)).toBe(Infinity);
  });

  it('equals the exhaustive optimum on random one-patient days', () => {
    // Random durations, rooms, transfers, rest rules, lags, a meal, carer windows, named
    // clinicians on breaks and preferences; 14 seeds checked here (40 while developing, all exact).
    let compared = 0;
    for (let seed = 1; seed <= 14; seed++) {
      const rng = createRng(seed * 7919);
      const pick = <T,>(xs: T[]): T => xs[rng.int(xs.length)]!;
      const types = [type('a', pick([10, 20, 30]), pick(['r1', 'r2'])), type('b', pick([10, 20]), pick(['r1', 'r2'])), type('c', pick([10, 20]), pick(['r1', 'r3']))];
      const k = 2 + rng.int(2);
      const required = ['a', 'b', 'c'].slice(0, k);
      const p = patient('P', required, { earliestArrivalMin: pick([0, 5]), latestDepartureMin: pick([80, 100]), maxOnSiteMin: 200, needsMeal: rng.next() < 0.4 && k === 2,
        rest: rng.next() < 0.5 ? { maxConsecutive: 1 + rng.int(2), minRestMin: pick([5, 10, 15]) } : undefined,
        preferredLatestDepartureMin: rng.next() < 0.3 ? 50 : undefined, preferredEarliestArrivalMin: rng.next() < 0.3 ? 15 : undefined,
        carerPresent: rng.next() < 0.3 ? { startMin: 20, endMin: 60 } : undefined });
      if (p.carerPresent || rng.next() < 0.2) p.required[rng.int(k)]!.carerRequired = true;
      const precedences = rng.next() < 0.6 ? [{ id: 'x', before: 'a', after: pick(['b', '*']), minLagMin: pick([0, 10, 20]) }] : [];
      const problem = tinyProblem({ assessmentTypes: types, patients: [p], precedences },
        { transferMin: pick([0, 5, 10]), checkInBufferMin: pick([0, 5]), lunchWindow: { startMin: 30, endMin: 80 }, mealDurationMin: 20, mdt: { startMin: pick([70, 100]), durationMin: 10 } });
      if (rng.next() < 0.4) problem.staff[rng.int(problem.staff.length)]!.breaks = [{ startMin: pick([20, 30]), endMin: pick([40, 45]) }];
      if (rng.next() < 0.3) {
        p.required[0]!.preferredStaffId = 's-a2';
        problem.staff.push({ ...problem.staff[0]!, id: 's-a2', breaks: [{ startMin: 0, endMin: 25 }] });
      }
      const exact = exactDay(problem);
      const optimum = bruteForceOptimum(problem, W, 100);
      // Dropping an assessment costs 1000: below that the optimum places everything.
      if (optimum < 1000) {
        expect(exact, `seed ${seed}`).toBeCloseTo(optimum);
        compared++;
      } else {
        expect(exact, `seed ${seed}`).toBe(Infinity);
      }
    }
    expect(compared).toBeGreaterThanOrEqual(8);
  }, 120_000);
});
