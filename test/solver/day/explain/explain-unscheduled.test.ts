import { describe, expect, it } from 'vitest';
import { explainUnscheduled } from '../../../../solver/day/explain/explain-unscheduled.ts';
import { scorePlan } from '../../../../solver/constraints/score-plan.ts';
import { act, dayProblem, validPlan } from '../../constraints/fixtures.ts';

/** The fixture day with P02 also needing physio, which the plan leaves out. */
function problemWithPhysioForP02() {
  const problem = dayProblem();
  problem.patients[1]!.required.push({ typeId: 'physio' });
  return problem;
}

describe('explainUnscheduled', () => {
  it('unknown-type: the assessment is not in the catalogue', () => {
    const problem = dayProblem();
    problem.patients[0]!.required.push({ typeId: 'yoga' });
    const result = explainUnscheduled(problem, validPlan(), 'P01', 'yoga');
    expect(result.reason).toBe('unknown-type');
    expect(result.message).toBe('P01 needs "yoga", which is not in the assessment catalogue; add it or correct the referral');
  });

  it('no-qualified-staff: nobody on shift holds the qualification', () => {
    const problem = dayProblem();
    problem.staff = problem.staff.filter((s) => s.discipline !== 'physio');
    const result = explainUnscheduled(problem, validPlan().filter((a) => a.typeId !== 'physio'), 'P01', 'physio');
    expect(result).toEqual({ reason: 'no-qualified-staff', message: 'No physiotherapist qualified for Physiotherapy assessment (physio) is on shift on 1 Dec' });
  });

  it('no-qualified-staff: the qualified staff are not on shift while the patient is here', () => {
    const problem = dayProblem();
    for (const s of problem.staff.filter((x) => x.discipline === 'physio')) s.shift = { startMin: 480, endMin: 520 };
    const result = explainUnscheduled(problem, [], 'P01', 'physio');
    expect(result.reason).toBe('no-qualified-staff');
    expect(result.message).toBe('No physiotherapist qualified for Physiotherapy assessment is on shift for 45 min while P01 is here (08:45–16:00)');
  });

  it('no-room: the centre has no room of the type', () => {
    const problem = dayProblem();
    problem.rooms = problem.rooms.filter((r) => r.type !== 'gym');
    const result = explainUnscheduled(problem, [], 'P01', 'physio');
    expect(result).toEqual({ reason: 'no-room', message: 'There is no gym room for Physiotherapy assessment at the centre on 1 Dec' });
  });

  it('window-too-tight: the patient is not here long enough', () => {
    const problem = dayProblem();
    problem.patients[1]!.latestDepartureMin = 580; // available 09:15–09:40 for a 30-min session
    const result = explainUnscheduled(problem, [], 'P02', 'social');
    expect(result.reason).toBe('window-too-tight');
    expect(result.message).toContain('09:15–09:40');
  });

  it("window-too-tight: the patient's other activities leave no gap", () => {
    // P02 must leave by 12:40 and the ANP (10:00–10:45) comes first; then social 11:00–11:30 and
    // lunch 12:00–12:30 with 5-min transfers leave no 45-min gap for physio.
    const problem = problemWithPhysioForP02();
    problem.patients[1]!.latestDepartureMin = 760;
    const plan = validPlan().filter((a) => a.id !== 'P02:geriatrician-review');
    const result = explainUnscheduled(problem, plan, 'P02', 'physio');
    expect(result.reason).toBe('window-too-tight');
    expect(result.message).toMatch(/^P02's day is full: between 10:45 and 12:40 there is no 45-min gap/);
  });

  it('after-mdt: the patient arrives too late to finish before the MDT', () => {
    const problem = dayProblem();
    Object.assign(problem.patients[1]!, { earliestArrivalMin: 920, latestDepartureMin: 1080 });
    const result = explainUnscheduled(problem, [], 'P02', 'social');
    expect(result).toEqual({ reason: 'after-mdt', message: 'P02 can only be seen from 15:35; Social care review (30 min) would end after the MDT starts at 16:00' });
  });

  it('after-mdt: a lag after a late diagnostic pushes the review past the MDT start', () => {
    // Bloods 14:30–14:45, so the review starts at 15:45 at the earliest and would end 16:30.
    const plan = validPlan().filter((a) => a.id !== 'P01:geriatrician-review').map((a) => (a.id === 'P01:bloods' ? { ...a, startMin: 870, endMin: 885 } : a));
    const problem = dayProblem();
    problem.patients[0]!.latestDepartureMin = 1080;
    const result = explainUnscheduled(problem, plan, 'P01', 'geriatrician-review');
    expect(result.reason).toBe('after-mdt');
    expect(result.message).toBe("P01's Geriatrician review can start at 15:45 at the earliest (after Bloods, which ends 14:45 + 60 min — bloods back before the review), so it would end after the MDT starts at 16:00");
  });

  it('precedence-infeasible: a lag runs past the time the patient must leave', () => {
    const plan = validPlan().filter((a) => a.id !== 'P01:geriatrician-review').map((a) => (a.id === 'P01:bloods' ? { ...a, startMin: 870, endMin: 885 } : a));
    const result = explainUnscheduled(dayProblem(), plan, 'P01', 'geriatrician-review');
    expect(result.reason).toBe('precedence-infeasible');
    expect(result.message).toContain('ending by 16:00, when P01 leaves or the MDT starts');
  });

  it('precedence-infeasible: the ANP must come first but another assessment starts as the patient arrives', () => {
    // P01 can start at 08:45; bloods at 09:00 leave 15 min for a 45-min ANP assessment that must precede them.
    const plan = validPlan().filter((a) => a.id !== 'P01:anp-initial').map((a) => (a.id === 'P01:bloods' ? { ...a, startMin: 540, endMin: 555 } : a));
    const result = explainUnscheduled(dayProblem(), plan, 'P01', 'anp-initial');
    expect(result.reason).toBe('precedence-infeasible');
    expect(result.message).toContain('before Bloods, which starts 09:00');
  });

  it('no-staff-free: the only physio is booked whenever the patient is free', () => {
    // P02 is free for 45 min of physio (with transfers) only for starts 12:35–13:40;
    // the one physio works 09:00–11:40 and is booked 10:30–11:15.
    const problem = problemWithPhysioForP02();
    problem.staff = problem.staff.filter((s) => s.id !== 'physio2');
    problem.staff.find((s) => s.id === 'physio1')!.shift = { startMin: 540, endMin: 700 };
    const result = explainUnscheduled(problem, validPlan(), 'P02', 'physio');
    expect(result).toEqual({ reason: 'no-staff-free', message: 'Every physiotherapist qualified for Physiotherapy assessment is fully booked whenever P02 is free (12:35–14:25)' });
  });

  it('no-room-free: a physio is free but the only gym is taken', () => {
    const problem = problemWithPhysioForP02();
    problem.rooms.find((r) => r.id === 'gym')!.capacity = 1;
    const plan = [...validPlan(), { ...act('P01', 'falls-group', 740, 'gym', 'physio1'), endMin: 870 }];
    const result = explainUnscheduled(problem, plan, 'P02', 'physio');
    expect(result.reason).toBe('no-room-free');
    expect(result.message).toBe('Every gym room is taken whenever a physiotherapist and P02 are both free (12:35–14:25)');
  });

  it('pin-conflict: the pinned time clashes with the patient\'s own activity', () => {
    const problem = problemWithPhysioForP02();
    problem.pins = [{ patientId: 'P02', typeId: 'physio', startMin: 600 }];
    const result = explainUnscheduled(problem, validPlan(), 'P02', 'physio');
    expect(result.reason).toBe('pin-conflict');
    expect(result.message).toMatch(/^P02's Physiotherapy assessment is pinned at 10:00–10:45 but cannot go there: P02 cannot be there then/);
    expect(result.message).toContain('Move or remove the pin');
  });

  it('names a free slot, verified against every hard rule, when the search missed one', () => {
    const problem = problemWithPhysioForP02();
    const result = explainUnscheduled(problem, validPlan(), 'P02', 'physio');
    expect(result.freeSlot).toBeDefined();
    const { startMin, staffId, roomId } = result.freeSlot!;
    const trial = [...validPlan(), { ...act('P02', 'physio', startMin, roomId, staffId) }];
    expect(scorePlan(problem, trial).hard).toBe(0);
    expect(result.message).toContain('replan to place it');
  });

  it('rejects an unknown patient with an error naming the field', () => {
    expect(() => explainUnscheduled(dayProblem(), [], 'P99', 'physio')).toThrow(/patientId "P99"/);
  });
});
