import { describe, expect, it } from 'vitest';
import { patientOnSiteWindow } from '../../../../solver/constraints/hard/patient-on-site-window.ts';
import { dayProblem, evaluate, moved, validPlan } from '../fixtures.ts';

describe('patientOnSiteWindow', () => {
  it('accepts patients inside their windows', () => {
    expect(evaluate(patientOnSiteWindow, validPlan())).toEqual([]);
  });

  it('flags a first activity that leaves too little check-in time after the earliest arrival', () => {
    // P01 can arrive from 08:30; an ANP at 08:35 needs arrival at 08:20 (15 min check-in).
    const [v, ...rest] = evaluate(patientOnSiteWindow, moved(validPlan(), 'P01:anp-initial', 515));
    expect(rest).toEqual([]);
    expect(v!.justification).toMatchObject({ patientId: 'P01', breach: 'arrives-too-early', arrivalMin: 500, earliestArrivalMin: 510, excessMin: 10 });
    expect(v!.message).toBe('P01 would have to arrive at 08:20 (first activity 08:35 less 15 min check-in) but can arrive from 08:30');
  });

  it('flags a departure after the latest departure', () => {
    const [v] = evaluate(patientOnSiteWindow, moved(validPlan(), 'P02:geriatrician-review', 930));
    expect(v!.justification).toMatchObject({ patientId: 'P02', breach: 'leaves-too-late', departureMin: 975, latestDepartureMin: 960, excessMin: 15 });
    expect(v!.message).toBe('P02 leaves at 16:15 but must leave by 16:00');
  });

  it('flags a stay longer than the maximum time on site', () => {
    const problem = dayProblem();
    problem.patients[0]!.maxOnSiteMin = 300;
    // P01 arrives 08:45 (09:00 − 15) and leaves 14:15: 330 min.
    const [v] = evaluate(patientOnSiteWindow, validPlan(), problem);
    expect(v!.justification).toMatchObject({ breach: 'on-site-too-long', arrivalMin: 525, departureMin: 855, maxOnSiteMin: 300, excessMin: 30 });
    expect(v!.message).toBe('P01 is on site 330 min (08:45–14:15), more than the 300 min allowed');
  });
});
