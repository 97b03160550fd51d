import { describe, expect, it } from 'vitest';
import { oneActivityPerRequirement } from '../../../../solver/constraints/hard/one-activity-per-requirement.ts';
import { act, dayProblem, evaluate, validPlan } from '../fixtures.ts';

describe('oneActivityPerRequirement', () => {
  it('accepts one activity per required assessment', () => {
    expect(evaluate(oneActivityPerRequirement, validPlan())).toEqual([]);
  });

  it('flags the same assessment twice', () => {
    const plan = [...validPlan(), { ...act('P01', 'physio', 900, 'gym', 'physio2'), id: 'P01:physio#2' }];
    const [v, ...rest] = evaluate(oneActivityPerRequirement, plan);
    expect(rest).toEqual([]);
    expect(v!.justification).toMatchObject({ activityId: 'P01:physio#2', patientId: 'P01', typeId: 'physio', breach: 'duplicate', startMin: 900 });
    expect(v!.message).toBe('P01 has Physiotherapy assessment more than once (again at 15:00–15:45)');
  });

  it('flags an assessment the patient does not need, an unknown type, a reused id and an unwanted meal', () => {
    const problem = dayProblem();
    problem.patients[1]!.needsMeal = false;
    const plan = [
      ...validPlan(),
      act('P02', 'physio', 900, 'gym', 'physio2'),
      { ...act('P02', 'social', 930, 'c1', 'sw1'), id: 'P02:yoga', typeId: 'yoga' },
      { ...act('P01', 'bloods', 700, 't1', 'phleb1') },
    ];
    const breaches = evaluate(oneActivityPerRequirement, plan, problem).map((v) => `${v.justification.activityId}:${v.justification.breach}`).sort();
    expect(breaches).toEqual(['P01:bloods:duplicate', 'P01:bloods:duplicate-id', 'P02:meal:not-required', 'P02:physio:not-required', 'P02:yoga:unknown-type']);
  });
});
