import { describe, expect, it } from 'vitest';
import { mdtAttendance } from '../../../../solver/constraints/hard/mdt-attendance.ts';
import { dayProblem, evaluate, validPlan } from '../fixtures.ts';

describe('mdtAttendance', () => {
  it('accepts clinicians on shift through the MDT, and ignores non-members and those who saw nobody', () => {
    const problem = dayProblem();
    problem.staff.find((s) => s.id === 'physio2')!.shift.endMin = 700; // saw nobody
    // phleb1's shift ends 13:00 but phlebotomists are not MDT members.
    expect(evaluate(mdtAttendance, validPlan(), problem)).toEqual([]);
  });

  it('flags a clinician who saw patients but whose shift ends before the MDT does', () => {
    const problem = dayProblem();
    problem.staff.find((s) => s.id === 'ger1')!.shift.endMin = 990;
    const [v, ...rest] = evaluate(mdtAttendance, validPlan(), problem);
    expect(rest).toEqual([]);
    expect(v!.justification).toMatchObject({ staffId: 'ger1', patientIds: ['P01', 'P02'], mdtStartMin: 960, mdtEndMin: 1020, shiftEndMin: 990 });
    expect(v!.message).toBe('Dr Shah saw P01, P02 so must attend the MDT 16:00–17:00, but their shift is 09:00–16:30');
  });

  it('flags a break during the MDT', () => {
    const problem = dayProblem();
    problem.staff.find((s) => s.id === 'sw1')!.breaks = [{ startMin: 1000, endMin: 1010 }];
    const [v] = evaluate(mdtAttendance, validPlan(), problem);
    expect(v!.justification).toMatchObject({ staffId: 'sw1', breakStartMin: 1000, breakEndMin: 1010 });
  });
});
