import { describe, expect, it } from 'vitest';
import { staffWithinShift } from '../../../../solver/constraints/hard/staff-within-shift.ts';
import { evaluate, moved, validPlan } from '../fixtures.ts';

describe('staffWithinShift', () => {
  it('accepts activities inside shifts and outside breaks', () => {
    expect(evaluate(staffWithinShift, validPlan())).toEqual([]);
  });

  it('flags an activity running past the end of the shift', () => {
    // The phlebotomist's shift ends 13:00; bloods at 12:50 run to 13:05.
    const [v, ...rest] = evaluate(staffWithinShift, moved(validPlan(), 'P01:bloods', 770));
    expect(rest).toEqual([]);
    expect(v!.justification).toMatchObject({ staffId: 'phleb1', breach: 'outside-shift', startMin: 770, endMin: 785, shiftEndMin: 780 });
    expect(v!.message).toBe('Phil Phlebotomist sees P01 at 12:50–13:05, outside their shift 08:00–13:00');
  });

  it('flags an activity overlapping a break by one minute', () => {
    // Nurse Ada's break is 13:00–13:30; an ANP assessment 12:16–13:01 touches it.
    const [v] = evaluate(staffWithinShift, moved(validPlan(), 'P02:anp-initial', 736));
    expect(v!.justification).toMatchObject({ staffId: 'anp1', breach: 'in-break', breakStartMin: 780, breakEndMin: 810 });
    expect(v!.message).toBe('Nurse Ada sees P02 at 12:16–13:01, during their break 13:00–13:30');
  });
});
