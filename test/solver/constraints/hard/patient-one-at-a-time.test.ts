import { describe, expect, it } from 'vitest';
import { patientOneAtATime } from '../../../../solver/constraints/hard/patient-one-at-a-time.ts';
import { dayProblem, evaluate, moved, validPlan } from '../fixtures.ts';

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

  it("names the patient by their local reference in the sentence, by id in the justification", () => {
    const problem = dayProblem();
    problem.patients[0]!.ref = 'JB-0007';
    const [v] = evaluate(patientOneAtATime, moved(validPlan(), 'P01:physio', 590), problem);
    expect(v!.message).toBe('JB-0007 is booked for Physiotherapy assessment and Bloods at 10:00–10:15');
    expect(v!.justification.patientId).toBe('P01');
  });

  it('treats back-to-back activities as not overlapping', () => {
    expect(evaluate(patientOneAtATime, moved(validPlan(), 'P01:physio', 615))).toEqual([]);
  });
});
