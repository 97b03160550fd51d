import { describe, expect, it } from 'vitest';
import { patientTimeOnSite } from '../../../../solver/constraints/soft/patient-time-on-site.ts';
import { evaluate, validPlan } from '../fixtures.ts';

describe('patientTimeOnSite', () => {
  it('charges nothing for a patient with no activities', () => {
    expect(evaluate(patientTimeOnSite, [])).toEqual([]);
  });

  it('charges the minutes from arrival (check-in included) to departure', () => {
    // P01 arrives 08:45 (first activity 09:00 − 15 min) and leaves 14:15: 330 min × 0.2.
    const p01 = evaluate(patientTimeOnSite, validPlan()).find((v) => v.justification.patientId === 'P01')!;
    expect(p01.justification).toMatchObject({ onSiteMin: 330, arrivalMin: 525, departureMin: 855 });
    expect(p01.penalty).toBeCloseTo(66);
    expect(p01.message).toBe('P01 is on site 330 min (08:45–14:15)');
  });
});
