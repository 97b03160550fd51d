import { describe, expect, it } from 'vitest';
import { unscheduledAssessments } from '../../../../solver/constraints/soft/unscheduled-assessments.ts';
import { evaluate, validPlan } from '../fixtures.ts';

describe('unscheduledAssessments', () => {
  it('costs nothing when every required assessment is placed', () => {
    expect(evaluate(unscheduledAssessments, validPlan())).toEqual([]);
  });

  it("charges weight × priority and carries the plan's reason", () => {
    const plan = validPlan().filter((a) => a.id !== 'P01:physio');
    const unscheduled = [{ patientId: 'P01', typeId: 'physio', reason: 'no-staff-free' as const, message: 'Every physiotherapist is fully booked between 09:00 and 16:00' }];
    const [v, ...rest] = evaluate(unscheduledAssessments, plan, undefined, { unscheduled });
    expect(rest).toEqual([]);
    expect(v!.level).toBe('soft');
    expect(v!.penalty).toBe(1000 * 2); // default weight 1000, P01's priority 2
    expect(v!.justification).toMatchObject({ patientId: 'P01', typeId: 'physio', priority: 2, reason: 'no-staff-free' });
    expect(v!.message).toBe("P01's Physiotherapy assessment is not scheduled: Every physiotherapist is fully booked between 09:00 and 16:00");
  });

  it('still charges an assessment the plan dropped without listing it', () => {
    const [v] = evaluate(unscheduledAssessments, validPlan().filter((a) => a.id !== 'P02:social'), undefined, { weights: { unscheduled: 500 } });
    expect(v!.penalty).toBe(500);
    expect(v!.justification.reason).toBe('not-listed');
    expect(v!.message).toContain('the plan gives no reason');
  });
});
