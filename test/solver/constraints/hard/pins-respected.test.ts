import { describe, expect, it } from 'vitest';
import { pinsRespected } from '../../../../solver/constraints/hard/pins-respected.ts';
import { dayProblem, evaluate, moved, validPlan } from '../fixtures.ts';

function pinnedProblem() {
  const problem = dayProblem();
  problem.pins = [{ patientId: 'P01', typeId: 'anp-initial', startMin: 540, staffId: 'anp1', roomId: 'c1' }, { patientId: 'P02', typeId: 'meal', startMin: 720 }];
  return problem;
}

describe('pinsRespected', () => {
  it('accepts a plan keeping its pins', () => {
    expect(evaluate(pinsRespected, validPlan(), pinnedProblem())).toEqual([]);
  });

  it('flags a pinned activity that moved', () => {
    const [v, ...rest] = evaluate(pinsRespected, moved(validPlan(), 'P01:anp-initial', 545), pinnedProblem());
    expect(rest).toEqual([]);
    expect(v!.justification).toMatchObject({ patientId: 'P01', typeId: 'anp-initial', breach: 'moved', pinnedStartMin: 540, plannedStartMin: 545 });
    expect(v!.message).toBe("P01's ANP initial assessment is pinned at 09:00 but planned at 09:05");
  });

  it('flags a pinned activity missing, or with another staff member', () => {
    const plan = validPlan().filter((a) => a.id !== 'P02:meal').map((a) => (a.id === 'P01:anp-initial' ? { ...a, staffId: 'anp2' } : a));
    const breaches = evaluate(pinsRespected, plan, pinnedProblem()).map((v) => v.justification.breach).sort();
    expect(breaches).toEqual(['missing', 'other-staff']);
  });
});
