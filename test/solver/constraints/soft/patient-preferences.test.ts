import { describe, expect, it } from 'vitest';
import { patientPreferences } from '../../../../solver/constraints/soft/patient-preferences.ts';
import { dayProblem, evaluate, validPlan } from '../fixtures.ts';

describe('patientPreferences', () => {
  it('is satisfied inside the preferred times (or with none stated)', () => {
    const problem = dayProblem();
    problem.patients[0]!.preferredEarliestArrivalMin = 525;
    problem.patients[0]!.preferredLatestDepartureMin = 855;
    expect(evaluate(patientPreferences, validPlan(), problem)).toEqual([]);
    expect(evaluate(patientPreferences, validPlan())).toEqual([]);
  });

  it('charges minutes before the preferred arrival and after the preferred departure', () => {
    const problem = dayProblem();
    problem.patients[0]!.preferredEarliestArrivalMin = 540; // arrives 08:45
    problem.patients[0]!.preferredLatestDepartureMin = 840; // leaves 14:15
    const found = evaluate(patientPreferences, validPlan(), problem);
    expect(found.map((v) => v.justification)).toEqual([
      { patientId: 'P01', breach: 'arrives-earlier', arrivalMin: 525, departureMin: 855, preferredMin: 540, outsideMin: 15 },
      { patientId: 'P01', breach: 'leaves-later', arrivalMin: 525, departureMin: 855, preferredMin: 840, outsideMin: 15 },
    ]);
    expect(found.map((v) => v.penalty)).toEqual([30, 30]); // 15 min × 2
    expect(found[0]!.message).toBe('P01 arrives at 08:45, 15 min before their preferred 09:00');
    expect(found[1]!.message).toBe('P01 leaves at 14:15, 15 min after their preferred 14:00');
  });
});
