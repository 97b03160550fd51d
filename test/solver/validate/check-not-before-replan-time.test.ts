import { describe, expect, it } from 'vitest';
import { validatePlan } from '../../../solver/validate/validate-plan.ts';
import { at, smallDayProblem, validSmallPlan } from './small-day.ts';

describe('validatePlan: notBeforeReplanTime', () => {
  it('accepts a replan where everything before the replanning time is pinned', () => {
    const plan = validSmallPlan();
    const problem = smallDayProblem();
    problem.replanFromMin = at(11, 0);
    problem.pins = plan.activities
      .filter((a) => a.startMin < at(11, 0) || a.id === 'P1:geriatrician-review')
      .map((a) => ({ patientId: a.patientId, typeId: a.typeId, startMin: a.startMin, staffId: a.staffId, roomId: a.roomId }));
    expect(validatePlan(problem, plan).violations).toEqual([]);
  });

  it('catches an unpinned activity placed in the past', () => {
    const plan = validSmallPlan();
    const problem = smallDayProblem();
    problem.replanFromMin = at(11, 0);
    const violations = validatePlan(problem, plan).violations.filter((v) => v.constraint === 'notBeforeReplanTime');
    const ids = violations.map((v) => v.justification.activityId).sort();
    expect(ids).toEqual(['P1:anp-initial', 'P1:bloods', 'P1:pharmacy-review', 'P2:anp-initial', 'P2:bloods']);
  });
});
