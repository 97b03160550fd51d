import { describe, expect, it } from 'vitest';
import { compileDayProblem } from '../../../../solver/day/compile/compile-day-problem.ts';
import { DayDecoder } from '../../../../solver/day/schedule/day-decoder.ts';
import { holdSchedule } from '../../../../solver/day/schedule/hold-schedule.ts';
import { ExactPatientDays } from '../../../../solver/day/search/exact-patient-day.ts';
import { scheduleCost } from '../../../../solver/day/search/schedule-cost.ts';
import { balancePolish } from '../../../../solver/day/phases/balance-polish.ts';
import { timeGridMin } from '../../../../solver/day/bound/time-grid.ts';
import { DEFAULT_WEIGHTS } from '../../../../solver/model/options.ts';
import { assessmentType, HOUR, patient, smallDay, staffMember } from '../small-day-fixture.ts';

/**
 * Two ANPs (A, B) who also take blood, and a phlebotomist C. A sees P1, P2, P4 (9:00-11:15),
 * B sees Q at 9:00 and P3 at 9:45; Q's blood test follows at 9:45, when only C is free. The ANPs'
 * booked minutes differ by 45 (135 against 90). Q's day moved to 10:30 costs Q the same (no
 * preferred times, no check-in), and B is free then for the blood test: 135 against 100.
 */
function day() {
  const problem = smallDay({
    assessmentTypes: [assessmentType('init', 45, { discipline: 'anp' }), assessmentType('bloods', 10, { discipline: 'phlebotomy', roomType: 'lab', qualification: 'phlebotomy' })],
    precedences: [{ id: 'first', before: 'init', after: 'bloods', minLagMin: 0, reason: 'the ANP first' }],
    staff: [
      staffMember('a', ['init', 'phlebotomy'], { discipline: 'anp' }),
      staffMember('b', ['init', 'phlebotomy'], { discipline: 'anp' }),
      staffMember('c', ['phlebotomy'], { discipline: 'phlebotomy' }),
    ],
    patients: [patient('p1', ['init']), patient('p2', ['init']), patient('p3', ['init']), patient('p4', ['init']), patient('q', ['init', 'bloods'])],
  });
  problem.rooms.push({ id: 'lab', name: 'Lab', type: 'lab', capacity: 1 });
  return compileDayProblem(problem, DEFAULT_WEIGHTS);
}

describe('balance polish', () => {
  const compiled = day();
  const [p1, p2, p3, p4] = [0, 1, 2, 3].map((p) => compiled.patientActivities[p]![0]!);
  const [qInit, qBloods] = compiled.patientActivities[4]!;
  const held = () => {
    const decoder = new DayDecoder(compiled);
    decoder.groupTakesRoom = false;
    const start = new Int32Array(compiled.activityCount).fill(-1);
    const staffOf = new Int32Array(compiled.activityCount).fill(-1);
    const roomOf = new Int32Array(compiled.activityCount).fill(-1);
    const put = (a: number, t: number, s: number, r: number) => { start[a] = t; staffOf[a] = s; roomOf[a] = r; };
    put(p1!, 9 * HOUR, 0, 0);
    put(p2!, 9.75 * HOUR, 0, 0);
    put(p4!, 10.5 * HOUR, 0, 0);
    put(qInit!, 9 * HOUR, 1, 1);
    put(p3!, 9.75 * HOUR, 1, 1);
    put(qBloods!, 9.75 * HOUR, 2, 3);
    expect(holdSchedule(compiled, decoder, { start, staffOf, roomOf })).toBe(true);
    return decoder;
  };

  it('Q\'s day put back exactly without the balance read stays where it is', () => {
    const decoder = held();
    const before = scheduleCost(compiled, decoder);
    decoder.clearFixed();
    for (const a of [p1, p2, p3, p4]) decoder.fix(a!, decoder.start[a!]!, decoder.staffOf[a!]!, decoder.roomOf[a!]!);
    decoder.decodeHeld();
    expect(new ExactPatientDays(compiled, timeGridMin(compiled.problem)).place(decoder, 4)).toEqual([]);
    expect(scheduleCost(compiled, decoder)).toBe(before);
  });

  it('moves Q\'s day to when the less booked ANP is free for the blood test', () => {
    const decoder = held();
    const before = scheduleCost(compiled, decoder);
    const { schedule, improvements } = balancePolish(compiled, decoder, decoder, () => true);
    expect(improvements).toBeGreaterThan(0);
    // The ANPs' spread 45 -> 35 minutes, at 0.5 a minute; Q's waiting and time on site unchanged.
    expect(scheduleCost(compiled, schedule)).toBe(before - 5);
    expect(schedule.staffOf[qBloods!]).toBe(1);
    expect(schedule.start[qBloods!]).toBeGreaterThanOrEqual(10.5 * HOUR);
    const copy = { start: schedule.start.slice(), staffOf: schedule.staffOf.slice(), roomOf: schedule.roomOf.slice() };
    expect(holdSchedule(compiled, new DayDecoder(compiled), copy)).toBe(true);
  });
});
