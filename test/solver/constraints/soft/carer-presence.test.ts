import { describe, expect, it } from 'vitest';
import { carerPresence } from '../../../../solver/constraints/soft/carer-presence.ts';
import { dayProblem, evaluate, moved, validPlan } from '../fixtures.ts';

describe('carerPresence', () => {
  it('is satisfied when the session is inside the carer\'s time on site', () => {
    expect(evaluate(carerPresence, validPlan())).toEqual([]);
  });

  it('charges a session after the carer has left', () => {
    // The carer is there 09:00–12:00; social care at 11:45–12:15 overruns it.
    const [v, ...rest] = evaluate(carerPresence, moved(validPlan(), 'P02:social', 705));
    expect(rest).toEqual([]);
    expect(v!.penalty).toBe(100);
    expect(v!.justification).toMatchObject({ patientId: 'P02', typeId: 'social', startMin: 705, endMin: 735, carerStartMin: 540, carerEndMin: 720 });
    expect(v!.message).toBe("P02's Social care review at 11:45–12:15 asks for their carer, but the carer is there 09:00–12:00");
  });

  it('charges a session when no carer comes', () => {
    const problem = dayProblem();
    delete problem.patients[1]!.carerPresent;
    const [v] = evaluate(carerPresence, validPlan(), problem);
    expect(v!.message).toContain('no carer is coming');
  });
});
