import { describe, expect, it } from 'vitest';
import { compileDayProblem } from '../../../../solver/day/compile/compile-day-problem.ts';
import { BackwardDecoder } from '../../../../solver/day/schedule/backward-decoder.ts';
import { DayDecoder } from '../../../../solver/day/schedule/day-decoder.ts';
import { mirrorDay } from '../../../../solver/day/schedule/mirror-day.ts';
import { DEFAULT_WEIGHTS } from '../../../../solver/model/options.ts';
import { assessmentType, HOUR, patient, smallDay, staffMember } from '../small-day-fixture.ts';

// One patient: ANP first, bloods 60 minutes before the geriatrician, the geriatrician last
// (it must end by the 16:00 MDT); a 5-minute transfer between rooms; the geriatrician on a break 15:00–15:15.
const problem = smallDay({
  centre: { ...smallDay({}).centre, transferMin: 5 },
  assessmentTypes: [assessmentType('anp', 45), assessmentType('bloods', 10), assessmentType('ger', 45)],
  precedences: [
    { id: 'anp-first', before: 'anp', after: '*', minLagMin: 0 },
    { id: 'bloods-back', before: 'bloods', after: 'ger', minLagMin: 60 },
    { id: 'ger-last', before: '*', after: 'ger', minLagMin: 0 },
  ],
  staff: [staffMember('s-anp', ['anp', 'bloods']), staffMember('s-ger', ['ger'], { breaks: [{ startMin: 15 * HOUR, endMin: 15 * HOUR + 15 }] })],
  patients: [patient('p1', ['anp', 'bloods', 'ger'])],
});
const day = compileDayProblem(problem, DEFAULT_WEIGHTS);
const [anp, bloods, ger] = [0, 1, 2];

describe('mirrorDay', () => {
  it('mirrors every window and reverses every precedence arc; mirroring twice gives the day back', () => {
    const mirrored = mirrorDay(day);
    expect(mirrored.earliestStartMin[ger]).toBe(day.horizonMin - day.latestEndMin[ger]!);
    expect(mirrored.latestEndMin[anp]).toBe(day.horizonMin - day.earliestStartMin[anp]!);
    expect(mirrored.preds[anp]).toBe(day.succs[anp]);
    expect(mirrored.problem.staff[1]!.breaks).toEqual([{ startMin: day.horizonMin - (15 * HOUR + 15), endMin: day.horizonMin - 15 * HOUR }]);
    const twice = mirrorDay(mirrored);
    expect(Array.from(twice.earliestStartMin)).toEqual(Array.from(day.earliestStartMin));
    expect(twice.problem.staff[1]!.shift).toEqual(problem.staff[1]!.shift);
  });
});

describe('BackwardDecoder', () => {
  it('books the last activity at its latest slot before the MDT and packs the rest just before it', () => {
    const decoder = new BackwardDecoder(day, new Int32Array(1));
    decoder.decode([ger, bloods, anp]);
    // Latest start that ends by 16:00 and misses the 15:00–15:15 break: 15:15.
    expect(decoder.start[ger]).toBe(15 * HOUR + 15);
    // Bloods at least 60 minutes before the review (lag), as late as that allows.
    expect(decoder.start[bloods]).toBe(15 * HOUR + 15 - 60 - 10);
    // The ANP ends a transfer before bloods.
    expect(decoder.start[anp]).toBe(decoder.start[bloods]! - 5 - 45);
    expect(decoder.staffOf[ger]).toBe(1);
  });

  it('places the same activities a forward decode places, only later', () => {
    const forward = new DayDecoder(day);
    forward.decode([anp, bloods, ger]);
    const backward = new BackwardDecoder(day, new Int32Array(1));
    backward.decode([ger, bloods, anp]);
    for (const a of [anp, bloods, ger]) {
      expect(forward.start[a]).toBeGreaterThanOrEqual(0);
      expect(backward.start[a]).toBeGreaterThanOrEqual(forward.start[a]!);
    }
  });

  it('keeps a fixed placement in real time', () => {
    const decoder = new BackwardDecoder(day, new Int32Array(1));
    decoder.fix(ger, 13 * HOUR, 1);
    decoder.decode([bloods, anp]);
    expect(decoder.start[ger]).toBe(13 * HOUR);
    expect(decoder.start[bloods]).toBe(13 * HOUR - 60 - 10);
    decoder.clearFixed();
    decoder.decode([ger, bloods, anp]);
    expect(decoder.start[ger]).toBe(15 * HOUR + 15);
  });
});
