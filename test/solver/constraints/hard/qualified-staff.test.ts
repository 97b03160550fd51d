import { describe, expect, it } from 'vitest';
import { qualifiedStaff } from '../../../../solver/constraints/hard/qualified-staff.ts';
import { evaluate, validPlan, withChange } from '../fixtures.ts';

describe('qualifiedStaff', () => {
  it('accepts assessments by qualified staff (and meals with no staff)', () => {
    expect(evaluate(qualifiedStaff, validPlan())).toEqual([]);
  });

  it('flags an assessment by a staff member without the qualification', () => {
    const [v, ...rest] = evaluate(qualifiedStaff, withChange(validPlan(), 'P01:physio', { staffId: 'anp1' }));
    expect(rest).toEqual([]);
    expect(v!.level).toBe('hard');
    expect(v!.penalty).toBe(1);
    expect(v!.justification).toMatchObject({ activityId: 'P01:physio', staffId: 'anp1', requiredQualification: 'physio', startMin: 630, endMin: 675 });
    expect(v!.message).toBe('Nurse Ada is not qualified (physio) for Physiotherapy assessment with P01 at 10:30–11:15');
  });

  it('flags an assessment with no staff member', () => {
    const plan = validPlan().map((a) => (a.id === 'P02:social' ? { ...a, staffId: undefined } : a));
    const [v] = evaluate(qualifiedStaff, plan);
    expect(v!.justification.staffId).toBeUndefined();
    expect(v!.message).toContain('has no staff member');
  });
});
