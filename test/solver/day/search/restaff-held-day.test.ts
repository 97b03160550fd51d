import { describe, expect, it } from 'vitest';
import { decodedPlan } from '../../../helpers/decoded-plan.ts';
import { compileDayProblem } from '../../../../solver/day/compile/compile-day-problem.ts';
import { DayDecoder } from '../../../../solver/day/schedule/day-decoder.ts';
import { ExactPatientDays } from '../../../../solver/day/search/exact-patient-day.ts';
import { restaffHeldDay } from '../../../../solver/day/search/restaff-held-day.ts';
import { rebuildPatients } from '../../../../solver/day/phases/rebuild-patients.ts';
import { scheduleCost } from '../../../../solver/day/search/schedule-cost.ts';
import { timeGridMin } from '../../../../solver/day/bound/time-grid.ts';
import { validatePlan } from '../../../../solver/validate/validate-plan.ts';
import { DEFAULT_WEIGHTS } from '../../../../solver/model/options.ts';
import { createRng } from '../../../../solver/model/rng.ts';
import { HOUR, assessmentType, patient, smallDay, staffMember } from '../small-day-fixture.ts';

/**
 * Two pharmacists (p1, p2; one discipline, so their workload spread counts) until 12:00. X sees
 * the intake clinician at 9:00 (on shift till 9:30 only), then a pharmacist; C's review is p1's
 * alone and must be 9:20-9:50; B and D come at 10:30. As held, X waits 20 min for p1 at 9:50
 * and each pharmacist has 60 min. X's cheapest day is the review at 9:30, where only p2 is free:
 * put back exactly, p2 has 90 min and p1 30 (+30 points of spread for 24 of waiting and time on
 * site), unless B
 * or D goes to p1 at the same time, which only re-staffing does. `meals` patients with only a
 * meal take the day beyond 100 activities, where the rebuild's re-staffing polish (which hands
 * the others' activities over) does not run.
 */
function heldDay(meals: number) {
  const pharmacist = { shift: { startMin: 9 * HOUR, endMin: 12 * HOUR } };
  const problem = smallDay({
    assessmentTypes: [assessmentType('intake', 30), assessmentType('review', 30), assessmentType('review-c', 30, { discipline: 'review' })],
    precedences: [{ id: 'intake-first', before: 'intake', after: 'review', minLagMin: 0 }],
    staff: [
      staffMember('i', ['intake'], { shift: { startMin: 9 * HOUR, endMin: 9.5 * HOUR } }),
      staffMember('p1', ['review', 'review-c'], pharmacist),
      staffMember('p2', ['review'], pharmacist),
    ],
    patients: [
      patient('x', ['intake', 'review']),
      patient('c', ['review-c'], { earliestArrivalMin: 9 * HOUR + 20, latestDepartureMin: 9 * HOUR + 50 }),
      patient('b', ['review'], { earliestArrivalMin: 10.5 * HOUR }),
      patient('d', ['review'], { earliestArrivalMin: 10.5 * HOUR }),
      ...Array.from({ length: meals }, (_, k) => patient(`meal-${k}`, [], { needsMeal: true })),
    ],
    rooms: [
      { id: 'consult-1', name: 'Consult 1', type: 'consult', capacity: 1 },
      { id: 'consult-2', name: 'Consult 2', type: 'consult', capacity: 1 },
      { id: 'dining', name: 'Dining room', type: 'dining', capacity: 200 },
    ],
  });
  const day = compileDayProblem(problem, DEFAULT_WEIGHTS);
  const decoder = new DayDecoder(day);
  const staff = (id: string) => problem.staff.findIndex((s) => s.id === id);
  const held: [string, number, string][] = [['x:intake', 9 * HOUR, 'i'], ['c:review-c', 9 * HOUR + 20, 'p1'], ['x:review', 9 * HOUR + 50, 'p1'], ['b:review', 10.5 * HOUR, 'p2'], ['d:review', 11 * HOUR, 'p2']];
  for (const [id, t, st] of held) decoder.fix(day.activityId.indexOf(id), t, staff(st), -1);
  decoder.decode(Int32Array.from(decoder.freeActivities()));
  decoder.clearFixed();
  const at = (id: string) => ({ start: decoder.start[day.activityId.indexOf(id)], staff: problem.staff[decoder.staffOf[day.activityId.indexOf(id)]!]?.id });
  return { problem, day, decoder, at };
}

describe('restaffHeldDay', () => {
  it('re-staffs an exact put-back at its times so the workload is even again', () => {
    const { problem, day, decoder, at } = heldDay(0);
    expect(at('x:review')).toEqual({ start: 9 * HOUR + 50, staff: 'p1' });
    const held = scheduleCost(day, decoder);
    // X's day out and put back exactly: the review at 9:30 with p2, the one free then.
    for (const a of day.patientActivities[0]!) decoder.unfix(a);
    decoder.clearFixed();
    for (let a = 0; a < day.activityCount; a++) if (day.activityPatient[a] !== 0 && decoder.start[a]! >= 0) decoder.fix(a, decoder.start[a]!, decoder.staffOf[a]!, decoder.roomOf[a]!);
    decoder.decodeHeld();
    expect(new ExactPatientDays(day, timeGridMin(problem)).place(decoder, 0)).toEqual([]);
    expect(at('x:review')).toEqual({ start: 9.5 * HOUR, staff: 'p2' });
    const putBack = scheduleCost(day, decoder);
    expect(putBack).toBe(held + 6); // 20 min less waiting and on site (-24), 60 min more spread (0.5 a minute: +30)
    const gain = restaffHeldDay(day, decoder, new DayDecoder(day), 1000);
    expect(gain).toBe(-30);
    expect(scheduleCost(day, decoder)).toBe(held - 24);
    // Same times; one of B's and D's reviews now p1's.
    expect(at('x:review')).toEqual({ start: 9.5 * HOUR, staff: 'p2' });
    expect([at('b:review').staff, at('d:review').staff].sort()).toEqual(['p1', 'p2']);
    expect(validatePlan(problem, decodedPlan(day, decoder)).valid).toBe(true);
  });

  it("lets the rebuild's one-day polish keep X's cheapest day (refused before: +6 as staffed)", () => {
    const { problem, day, decoder, at } = heldDay(96);
    expect(day.activityCount).toBe(101);
    const held = scheduleCost(day, decoder);
    const order = Int32Array.from(decoder.freeActivities());
    const outcome = rebuildPatients(day, decoder, decoder, order, { iterations: 400, rng: createRng(1), timeLeft: () => true, maxMealDelayMin: 0, searchTimeLeft: () => false });
    expect(outcome.cost).toBe(held - 24);
    expect(at('x:review').start).toBe(9.5 * HOUR);
    expect(validatePlan(problem, decodedPlan(day, decoder)).valid).toBe(true);
  });
});
