import { describe, expect, it } from 'vitest';
import { patientOneAtATime } from '../../../../solver/constraints/hard/patient-one-at-a-time.ts';
import { evaluate, moved, validPlan } from '../fixtures.ts';

describe('patientOneAtATime', () => {
  it('accepts a patient doing one thing at a time', () => {
    expect(evaluate(patientOneAtATime, validPlan())).toEqual([]);
  });

  it('flags two overlapping activities of one patient', () => {
    // Physio moved to 09:50–10:35 overlaps bloods 10:00–10:15.
    const [v, ...rest] = evaluate(patientOneAtATime, moved(validPlan(), 'P01:physio', 590));
    expect(rest).toEqual([]);
    expect(v!.justification).toMatchObject({ patientId: 'P01', firstActivityId: 'P01:physio', secondActivityId: 'P01:bloods', overlapStartMin: 600, overlapEndMin: 615 });
    expect(v!.message).toBe('P01 is booked for Physiotherapy assessment and Bloods at 10:00–10:15');
  });

  it('treats back-to-back activities as not overlapping', () => {
    expect(evaluate(patientOneAtATime, moved(validPlan(), 'P01:physio', 615))).toEqual([]);
  });
});
