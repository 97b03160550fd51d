import { describe, expect, it } from 'vitest';
import { compileDayProblem } from '../../../../solver/day/compile/compile-day-problem.ts';
import { DayDecoder } from '../../../../solver/day/schedule/day-decoder.ts';
import { ExactPatientDays } from '../../../../solver/day/search/exact-patient-day.ts';
import { RestaffedPatientDays } from '../../../../solver/day/search/restaffed-patient-day.ts';
import { timeGridMin } from '../../../../solver/day/bound/time-grid.ts';
import { holdSchedule } from '../../../../solver/day/schedule/hold-schedule.ts';
import { DEFAULT_WEIGHTS } from '../../../../solver/model/options.ts';
import { assessmentType, HOUR, patient, smallDay, staffMember } from '../small-day-fixture.ts';

/**
 * Three interchangeable clinicians for one 45-minute assessment: A holds P1's at 9:30, B holds
 * P2's at 9:00, C starts work at 9:30. Q must be gone by 10:00, so their assessment can only
 * start at 9:00-9:15 (a room is free), when A and B are both booked and C is not in yet: with everyone's clinician
 * held there is no day for Q; with P1's assessment handed to C (same start, same room), A is free.
 */
function day() {
  const problem = smallDay({
    assessmentTypes: [assessmentType('x', 45)],
    staff: [staffMember('a', ['x']), staffMember('b', ['x']), staffMember('c', ['x'], { shift: { startMin: 9.5 * HOUR, endMin: 17 * HOUR } })],
    patients: [patient('p1', ['x']), patient('p2', ['x']), patient('q', ['x'], { latestDepartureMin: 10 * HOUR })],
  });
  problem.rooms.push({ id: 'consult-3', name: 'Consult 3', type: 'consult', capacity: 1 });
  return compileDayProblem(problem, DEFAULT_WEIGHTS);
}

describe('restaffed patient days', () => {
  const compiled = day();
  const [p1x, p2x, qx] = [0, 1, 2].map((p) => compiled.patientActivities[p]![0]!);
  const holdRest = (decoder: DayDecoder) => {
    decoder.clearFixed();
    decoder.fix(p2x!, 9 * HOUR, 1, 1);
    decoder.fix(p1x!, 9.5 * HOUR, 0, 0);
    decoder.decodeHeld();
    expect(decoder.start[p1x!]).toBe(9.5 * HOUR);
    expect(decoder.start[p2x!]).toBe(9 * HOUR);
  };

  it('the exact put-back with everyone else\'s clinician held finds no day', () => {
    const decoder = new DayDecoder(compiled);
    holdRest(decoder);
    const exact = new ExactPatientDays(compiled, timeGridMin(compiled.problem));
    expect(exact.place(decoder, 2)).toEqual([qx]);
  });

  it('hands a held activity to a free clinician (same start, same room) and places the day', () => {
    const decoder = new DayDecoder(compiled);
    holdRest(decoder);
    const restaffed = new RestaffedPatientDays(compiled, new ExactPatientDays(compiled, timeGridMin(compiled.problem)));
    expect(restaffed.place(decoder, 2)).toEqual([]);
    expect(decoder.start[qx!]! + 45).toBeLessThanOrEqual(10 * HOUR);
    expect(decoder.staffOf[qx!]).toBe(0);
    // P1's assessment kept its time and room, now with C.
    expect(decoder.start[p1x!]).toBe(9.5 * HOUR);
    expect(decoder.roomOf[p1x!]).toBe(0);
    expect(decoder.staffOf[p1x!]).toBe(2);
    // Every rule still holds: the whole schedule held again from scratch.
    const schedule = { start: decoder.start.slice(), staffOf: decoder.staffOf.slice(), roomOf: decoder.roomOf.slice() };
    expect(holdSchedule(compiled, new DayDecoder(compiled), schedule)).toBe(true);
  });
});
