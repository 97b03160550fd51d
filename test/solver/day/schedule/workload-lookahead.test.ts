import { describe, expect, it } from 'vitest';
import { OPEN_SHOP_WEIGHTS, openShopToDayProblem, openShopTrivialBound } from '../../../../bench/adapters/openshop-to-day-problem.ts';
import { compileDayProblem, type CompiledDay } from '../../../../solver/day/compile/compile-day-problem.ts';
import { DayDecoder } from '../../../../solver/day/schedule/day-decoder.ts';
import { WorkloadLookahead } from '../../../../solver/day/schedule/workload-lookahead.ts';
import { DEFAULT_WEIGHTS } from '../../../../solver/model/options.ts';
import { assessmentType, patient, smallDay, staffMember } from '../small-day-fixture.ts';

// Three patients (jobs) × three clinicians (machines); patient j1 needs 8 + 4 + 9 = 21 minutes
// and clinician m3 has 9 + 4 + 8 = 21: the bound is 21, and it is reachable.
const SHOP = { name: 'shop3x3', processingMin: [[8, 4, 9], [5, 4, 4], [5, 3, 8]] };

function compiledShop(): CompiledDay {
  return compileDayProblem(openShopToDayProblem(SHOP), { ...DEFAULT_WEIGHTS, ...OPEN_SHOP_WEIGHTS });
}

const activity = (day: CompiledDay, id: string): number => day.activityId.indexOf(id);

describe('WorkloadLookahead', () => {
  it("refuses a booking after which the patient's remaining minutes cannot end by the target", () => {
    const day = compiledShop();
    const lookahead = new WorkloadLookahead(day);
    const settled = new Uint8Array(day.activityCount);
    const earliest = new Int32Array(day.activityCount); // everyone could start at 0
    const j1m1 = activity(day, 'j1:j1-m1');
    // j1 needs 21 minutes; starting its first one at 0 keeps 21 possible, at 1 it cannot.
    expect(lookahead.fits(j1m1, 0, 21, earliest, settled)).toBe(true);
    expect(lookahead.fits(j1m1, 1, 21, earliest, settled)).toBe(false);
    expect(lookahead.fits(j1m1, 1, 22, earliest, settled)).toBe(true);
  });

  it("refuses a booking that pushes the last free activity of a clinician's queue back past the target", () => {
    const day = compiledShop();
    const lookahead = new WorkloadLookahead(day);
    const settled = new Uint8Array(day.activityCount);
    const earliest = new Int32Array(day.activityCount);
    // m3's other two patients cannot start before 5 (busy elsewhere); j1-m3 could start at 0.
    earliest[activity(day, 'j2:j2-m3')] = 5;
    earliest[activity(day, 'j3:j3-m3')] = 5;
    // Booking j1 on m1 for [0, 8) pushes j1-m3 to 8, so m3 (21 minutes) idles until 5 at least.
    expect(lookahead.fits(activity(day, 'j1:j1-m1'), 0, 21, earliest, settled)).toBe(false);
    // Booking j1 on m3 itself keeps m3 busy from 0.
    expect(lookahead.fits(activity(day, 'j1:j1-m3'), 0, 21, earliest, settled)).toBe(true);
  });

  it('bounds a queue by its late starters too (Jackson): 12 minutes that cannot start before 10 end at 22', () => {
    const day = compiledShop();
    const lookahead = new WorkloadLookahead(day);
    const settled = new Uint8Array(day.activityCount);
    const earliest = new Int32Array(day.activityCount);
    earliest[activity(day, 'j2:j2-m3')] = 10;
    earliest[activity(day, 'j3:j3-m3')] = 10;
    const j1m3 = activity(day, 'j1:j1-m3');
    // m3 from 0 with all 21 minutes would end at 21, but j2's 4 and j3's 8 only from 10.
    expect(lookahead.endAfter(j1m3, 0, earliest, settled)).toBe(22);
    expect(lookahead.fits(j1m3, 0, 21, earliest, settled)).toBe(false);
    expect(lookahead.fits(j1m3, 0, 22, earliest, settled)).toBe(true);
  });

  it('counts only the activities not yet settled', () => {
    const day = compiledShop();
    const lookahead = new WorkloadLookahead(day);
    const settled = new Uint8Array(day.activityCount);
    const earliest = new Int32Array(day.activityCount);
    for (const id of ['j1:j1-m1', 'j1:j1-m2', 'j1:j1-m3']) earliest[activity(day, id)] = 13;
    const j1m1 = activity(day, 'j1:j1-m1');
    // All 21 of j1's minutes still wait, none can start before 13.
    expect(lookahead.fits(j1m1, 13, 21, earliest, settled)).toBe(false);
    for (const id of ['j1:j1-m2', 'j1:j1-m3']) settled[activity(day, id)] = 1;
    // Only its 8 minutes on m1 are left: 13 + 8 = 21.
    expect(lookahead.fits(j1m1, 13, 21, earliest, settled)).toBe(true);
  });

  it('leaves activities that several clinicians could do out of any clinician\'s queue', () => {
    // Two patients, one 60-minute ANP review each, two ANPs: no clinician owns either review.
    const problem = smallDay({
      assessmentTypes: [assessmentType('anp', 60)],
      staff: [staffMember('anp-1', ['anp']), staffMember('anp-2', ['anp'])],
      patients: [patient('p1', ['anp']), patient('p2', ['anp'])],
    });
    const day = compileDayProblem(problem, DEFAULT_WEIGHTS);
    const lookahead = new WorkloadLookahead(day);
    const settled = new Uint8Array(day.activityCount);
    const earliest = Int32Array.from(day.earliestStartMin);
    const start = day.earliestStartMin[0]!;
    // If one ANP owned both reviews, booking p1's would leave p2's ending at start + 120.
    expect(lookahead.fits(0, start, start + 60, earliest, settled)).toBe(true);
    expect(lookahead.fits(0, start + 1, start + 60, earliest, settled)).toBe(false);
  });
});

describe('DayDecoder.decodeParallel with a target end', () => {
  it('keeps the bottleneck patient and clinician busy and reaches the bound where priority alone does not', () => {
    const day = compiledShop();
    const decoder = new DayDecoder(day);
    const order = Int32Array.from(decoder.freeActivities()); // patient by patient
    const makespan = () => Math.max(...Array.from(decoder.start, (s, a) => s + day.durationMin[a]!));
    decoder.decodeParallel(order, 0);
    expect(makespan()).toBe(25);
    decoder.decodeParallel(order, 0, openShopTrivialBound(SHOP));
    expect(makespan()).toBe(21);
    expect(Array.from(decoder.start).every((s) => s >= 0)).toBe(true);
    // An unreachable target makes the lookahead give up, not the decode.
    decoder.decodeParallel(order, 0, 10);
    expect(Array.from(decoder.start).every((s) => s >= 0)).toBe(true);
  });
});
