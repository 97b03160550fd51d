import { describe, expect, it } from 'vitest';
import { staffOvertime } from '../../../../solver/constraints/soft/staff-overtime.ts';
import { dayProblem, evaluate, moved, validPlan } from '../fixtures.ts';

describe('staffOvertime', () => {
  it('is zero when everyone works inside their shift and the MDT fits it', () => {
    expect(evaluate(staffOvertime, validPlan())).toEqual([]);
  });

  it('charges MDT minutes past the end of a clinician\'s shift', () => {
    const problem = dayProblem();
    problem.staff.find((s) => s.id === 'ger1')!.shift.endMin = 990;
    const [v, ...rest] = evaluate(staffOvertime, validPlan(), problem);
    expect(rest).toEqual([]);
    expect(v!.justification).toMatchObject({ staffId: 'ger1', overtimeMin: 30, mdtOvertimeMin: 30, activityOvertimeMin: 0 });
    expect(v!.penalty).toBe(300); // 30 min × 10
    expect(v!.message).toBe('Dr Shah works 30 min overtime (30 min of MDT outside their shift 09:00–16:30)');
  });

  it('charges patient minutes outside the shift', () => {
    // Bloods 12:55–13:10 against a shift ending 13:00: 10 min.
    const [v] = evaluate(staffOvertime, moved(validPlan(), 'P01:bloods', 775));
    expect(v!.justification).toMatchObject({ staffId: 'phleb1', activityOvertimeMin: 10, mdtOvertimeMin: 0 });
  });
});
