import { describe, expect, it } from 'vitest';
import { compileDayProblem } from '../../../../solver/day/compile/compile-day-problem.ts';
import { DayDecoder } from '../../../../solver/day/schedule/day-decoder.ts';
import { DEFAULT_WEIGHTS } from '../../../../solver/model/options.ts';
import { assessmentType, HOUR, patient, smallDay, staffMember } from '../small-day-fixture.ts';

describe('DayDecoder', () => {
  it('gives bloods to the phlebotomist rather than an ANP, whom the initial assessments need', () => {
    const problem = smallDay({
      assessmentTypes: [assessmentType('anp', 45), assessmentType('bloods', 10)],
      // The ANP is listed first and both are equally (un)loaded: only demand tells them apart.
      staff: [staffMember('s-anp', ['anp', 'bloods']), staffMember('s-phleb', ['bloods'])],
      patients: [patient('p1', ['bloods']), patient('p2', ['anp'])],
    });
    const day = compileDayProblem(problem, DEFAULT_WEIGHTS);
    const decoder = new DayDecoder(day);
    decoder.decode([0, 1]);
    expect(decoder.staffOf[0]).toBe(1);
    // So the ANP is free for p2 at opening.
    expect(decoder.start[1]).toBe(9 * HOUR);
  });

  it('holds fixed placements in every decode until released, and the list skips them', () => {
    const problem = smallDay({
      assessmentTypes: [assessmentType('anp', 45)],
      staff: [staffMember('s-anp', ['anp'])],
      patients: [patient('p1', ['anp']), patient('p2', ['anp'])],
    });
    const day = compileDayProblem(problem, DEFAULT_WEIGHTS);
    const decoder = new DayDecoder(day);
    decoder.fix(1, 10 * HOUR, 0, 0);
    decoder.decode([0, 1]);
    expect(decoder.start[1]).toBe(10 * HOUR);
    expect(decoder.roomOf[1]).toBe(0);
    expect(decoder.start[0]).toBe(9 * HOUR);
    // A fixed placement that clashes with another fixed one is left unplaced, not double-booked.
    decoder.fix(0, 10 * HOUR + 30, 0);
    decoder.decode([]);
    expect(decoder.start[0]).toBe(-1);
    decoder.clearFixed();
    decoder.decode([1, 0]);
    expect([decoder.start[1], decoder.start[0]]).toEqual([9 * HOUR, 9 * HOUR + 45]);
  });
});
