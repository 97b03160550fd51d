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

describe('validatePlan: an overrun recorded on a pin', () => {
  it('accepts the longer duration a pin states, and still flags a wrong duration elsewhere', () => {
    const plan = validSmallPlan();
    const overran = plan.activities.find((a) => a.id === 'P1:bloods')!;
    overran.endMin += 10; // 09:50–10:15 instead of 10:05 (only durations are checked here)
    const next = plan.activities.find((a) => a.id === 'P1:pharmacy-review')!;
    const problem = smallDayProblem();
    problem.pins = [...(problem.pins ?? []), { patientId: 'P1', typeId: 'bloods', startMin: overran.startMin, durationMin: 25 }];
    const durations = (p: typeof plan) => validatePlan(problem, p).violations.filter((v) => v.constraint === 'activityDuration');
    expect(durations(plan)).toEqual([]);
    next.endMin += 5;
    expect(durations(plan).map((v) => v.justification.activityId)).toEqual(['P1:pharmacy-review']);
  });
});
