import { describe, expect, it } from 'vitest';
import { notBeforeReplanTime } from '../../../../solver/constraints/hard/not-before-replan-time.ts';
import { dayProblem, evaluate, validPlan } from '../fixtures.ts';

describe('notBeforeReplanTime', () => {
  it('does nothing when the problem is not a replan', () => {
    expect(evaluate(notBeforeReplanTime, validPlan())).toEqual([]);
  });

  it('accepts activities before the replanning time when they are pinned', () => {
    const problem = { ...dayProblem(), replanFromMin: 700 };
    problem.pins = validPlan()
      .filter((a) => a.startMin < 700)
      .map((a) => ({ patientId: a.patientId, typeId: a.typeId, startMin: a.startMin }));
    expect(evaluate(notBeforeReplanTime, validPlan(), problem)).toEqual([]);
  });

  it('flags an unpinned activity placed before the replanning time', () => {
    const problem = { ...dayProblem(), replanFromMin: 700 };
    problem.pins = validPlan()
      .filter((a) => a.startMin < 700 && a.id !== 'P02:social')
      .map((a) => ({ patientId: a.patientId, typeId: a.typeId, startMin: a.startMin }));
    const [v, ...rest] = evaluate(notBeforeReplanTime, validPlan(), problem);
    expect(rest).toEqual([]);
    expect(v!.justification).toMatchObject({ activityId: 'P02:social', startMin: 660, replanFromMin: 700 });
    expect(v!.message).toContain('before the replanning time 11:40');
  });
});
