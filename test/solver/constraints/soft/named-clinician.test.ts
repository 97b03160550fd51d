import { describe, expect, it } from 'vitest';
import { namedClinician } from '../../../../solver/constraints/soft/named-clinician.ts';
import { dayProblem, evaluate, validPlan, withChange } from '../fixtures.ts';

describe('namedClinician', () => {
  it('is satisfied when the named clinician does the assessment', () => {
    expect(evaluate(namedClinician, validPlan())).toEqual([]);
  });

  it('charges an assessment done by someone else', () => {
    const problem = dayProblem();
    problem.staff.push({ ...problem.staff.find((s) => s.id === 'ger1')!, id: 'ger2', name: 'Dr Okafor' });
    const [v, ...rest] = evaluate(namedClinician, withChange(validPlan(), 'P01:geriatrician-review', { staffId: 'ger2' }), problem);
    expect(rest).toEqual([]);
    expect(v!.penalty).toBe(60);
    expect(v!.justification).toMatchObject({ patientId: 'P01', typeId: 'geriatrician-review', preferredStaffId: 'ger1', actualStaffId: 'ger2', startMin: 810 });
    expect(v!.message).toBe("P01's Geriatrician review at 13:30 is with Dr Okafor, not their named clinician Dr Shah");
  });
});
