import { describe, expect, it } from 'vitest';
import { workloadBalance } from '../../../../solver/constraints/soft/workload-balance.ts';
import { act, evaluate, validPlan } from '../fixtures.ts';

describe('workloadBalance', () => {
  it('is zero when staff of a discipline are equally booked', () => {
    const plan = [...validPlan(), act('P02', 'physio', 630, 'gym', 'physio2')];
    expect(evaluate(workloadBalance, plan)).toEqual([]);
  });

  it('charges the spread of booked minutes within a discipline', () => {
    // Physio: Pat 45 min, Sam 0 → 45 × 0.5. Disciplines with one staff member have no spread.
    const [v, ...rest] = evaluate(workloadBalance, validPlan());
    expect(rest).toEqual([]);
    expect(v!.justification).toMatchObject({ discipline: 'physio', maxStaffId: 'physio1', maxBookedMin: 45, minStaffId: 'physio2', minBookedMin: 0, imbalanceMin: 45, staffCount: 2 });
    expect(v!.penalty).toBeCloseTo(22.5);
    expect(v!.message).toBe('physio: Pat Physio is booked 45 min but Sam Physio only 0 min');
  });

  it('counts a group session once for its clinician', () => {
    const group = ['P01', 'P02'].map((p) => act(p, 'falls-group', 900, 'gym', 'physio2'));
    const plan = [...validPlan(), ...group];
    // Sam: one 60-min session; Pat: 45 min.
    expect(evaluate(workloadBalance, plan)[0]!.justification).toMatchObject({ maxStaffId: 'physio2', maxBookedMin: 60, imbalanceMin: 15 });
  });
});
