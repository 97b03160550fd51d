import { describe, expect, it } from 'vitest';
import { compileDayProblem } from '../../../../solver/day/compile/compile-day-problem.ts';
import { readSchedule } from '../../../../solver/day/read-schedule.ts';
import { DayDecoder } from '../../../../solver/day/schedule/day-decoder.ts';
import { holdSchedule } from '../../../../solver/day/schedule/hold-schedule.ts';
import type { RetimeSchedule } from '../../../../solver/day/search/retime-model.ts';
import { restaff } from '../../../../solver/day/search/restaff.ts';
import { scheduleCost } from '../../../../solver/day/search/schedule-cost.ts';
import { retimedCost } from '../../../../solver/day/search/resequence.ts';
import { scorePlan } from '../../../../solver/constraints/score-plan.ts';
import { DEFAULT_WEIGHTS } from '../../../../solver/model/options.ts';
import { assessmentType, HOUR, patient, smallDay, staffMember } from '../small-day-fixture.ts';
import { demoDayProblem } from '../../../../src/demo/demo-day-problem.ts';
import { assembleDayPlan } from '../../../../solver/day/assemble-day-plan.ts';
import { validatePlan } from '../../../../solver/validate/validate-plan.ts';
import { planDay } from '../../../../solver/day/plan-day.ts';

/** Every schedule a step keeps held in a fresh decoder (all hard rules), as the final repair does. */
function holder(day: ReturnType<typeof compileDayProblem>) {
  const checker = new DayDecoder(day);
  return (schedule: RetimeSchedule): boolean => holdSchedule(day, checker, schedule);
}

describe('restaff', () => {
  // Two ANPs (also qualified for bloods) and two phlebotomists. ANP A sees one patient, B two;
  // each phlebotomist takes one blood test while A is free.
  const problem = smallDay({
    assessmentTypes: [assessmentType('anp', 45), assessmentType('bloods', 10)],
    staff: [staffMember('A', ['anp', 'bloods']), staffMember('B', ['anp', 'bloods']), staffMember('P1', ['bloods']), staffMember('P2', ['bloods'])],
    rooms: [
      { id: 'consult-1', name: 'Consult 1', type: 'consult', capacity: 1 },
      { id: 'consult-2', name: 'Consult 2', type: 'consult', capacity: 1 },
      { id: 'consult-3', name: 'Consult 3', type: 'consult', capacity: 1 },
      { id: 'dining', name: 'Dining room', type: 'dining', capacity: 10 },
    ],
    patients: [patient('p1', ['anp', 'bloods']), patient('p2', ['anp', 'bloods']), patient('p3', ['anp'])],
  });
  const day = compileDayProblem(problem, DEFAULT_WEIGHTS);
  const at = (id: string) => day.activityId.indexOf(id);
  const staff = (id: string) => problem.staff.findIndex((s) => s.id === id);
  const decoder = new DayDecoder(day);
  const fix = (id: string, startMin: number, who: string, room: string) => decoder.fix(at(id), startMin, staff(who), problem.rooms.findIndex((r) => r.id === room));
  fix('p1:anp', 9 * HOUR, 'A', 'consult-1');
  fix('p2:anp', 9 * HOUR, 'B', 'consult-2');
  fix('p3:anp', 9 * HOUR + 45, 'B', 'consult-2');
  fix('p1:bloods', 10 * HOUR, 'P1', 'consult-1');
  fix('p2:bloods', 10 * HOUR + 15, 'P2', 'consult-3');
  decoder.decode(new Int32Array(0));

  it('gives two blood tests to the ANP with the lighter day at once, where one alone gains nothing', () => {
    const before = scheduleCost(day, decoder);
    // One blood test to A: the ANPs' spread 45 -> 35, the phlebotomists' 0 -> 10: no gain.
    const one = Int32Array.from(decoder.staffOf);
    one[at('p1:bloods')] = staff('A');
    expect(retimedCost(day, { ...decoder, staffOf: one })).toBeCloseTo(before, 9);
    const out = restaff(day, decoder, { maxEvaluations: 10_000, holds: holder(day) });
    expect(out.staffOf[at('p1:bloods')]).toBe(staff('A'));
    expect(out.staffOf[at('p2:bloods')]).toBe(staff('A'));
    // ANPs 65 / 90 (spread 25, was 45), phlebotomists 0 / 0: 0.5 × 20 less.
    expect(out.gain).toBeCloseTo(-10, 9);
    const after = retimedCost(day, { ...decoder, staffOf: out.staffOf });
    expect(after).toBeCloseTo(before - 10, 9);
    const read = readSchedule(day, { ...decoder, staffOf: out.staffOf });
    const score = scorePlan(problem, read.activities, read.unscheduled);
    expect(score.hard).toBe(0);
    expect(score.soft).toBeCloseTo(after, 9);
  });

  it('changes nothing without a budget', () => {
    const out = restaff(day, decoder, { maxEvaluations: 0, holds: holder(day) });
    expect(out.improvements).toBe(0);
    expect([...out.staffOf]).toEqual([...decoder.staffOf]);
  });

  it('never costs more on a demo day, and validatePlan accepts what it gives', { timeout: 30_000 }, () => {
    const demo = demoDayProblem({ seed: 1, date: '2026-12-01', patients: 16 });
    const demoDay = compileDayProblem(demo, DEFAULT_WEIGHTS);
    // A planner's plan (a short search) held in a decoder at its times and rooms, each activity
    // with the clinician the decoder picks (a phlebotomist before an ANP).
    const planned = planDay(demo, { seed: 1, maxIterations: 2000 });
    const decoded = new DayDecoder(demoDay);
    for (const activity of planned.activities) {
      decoded.fix(demoDay.activityId.indexOf(activity.id), activity.startMin, -1, demo.rooms.findIndex((r) => r.id === activity.roomId));
    }
    decoded.decode(new Int32Array(0));
    const before = scheduleCost(demoDay, decoded);
    const out = restaff(demoDay, decoded, { maxEvaluations: 200_000, holds: holder(demoDay) });
    expect(out.improvements).toBeGreaterThan(0);
    const after = retimedCost(demoDay, { ...decoded, staffOf: out.staffOf });
    expect(after).toBeCloseTo(before + out.gain, 6);
    expect(after).toBeLessThan(before);
    const violations = (staffOf: Int32Array) => {
      const read = readSchedule(demoDay, { ...decoded, staffOf });
      const plan = assembleDayPlan(demo, { activities: read.activities, unscheduled: [...read.unscheduled, ...read.unplaced], bound: { value: 0, method: 'test' }, stats: { iterations: 0, improvements: 0, timedOut: false, seed: 1 } });
      return validatePlan(demo, plan).violations.map((v) => v.message);
    };
    expect(violations(decoded.staffOf)).toEqual([]);
    expect(violations(out.staffOf)).toEqual([]);
  });
  it('rotates three clinicians\' activities at once where no move, pair or swap is free (the exact re-staffing of a group, exactGroups)', () => {
    // Three nurses, each with one activity at 09:00 that only they and one other may take (A's
    // 60 min to B, B's 30 to C, C's 30 to A), and A 60 min more that only A may take: 120 / 30 /
    // 30. Each of them is busy at 09:00 and no swap is qualified, so neither the descent nor the
    // walk moves anything; the rotation gives 90 / 60 / 30 (pinned-4's ANPs and phlebotomist:
    // CP-SAT's plan at planDay's times, 5 points cheaper).
    const nurse = { discipline: 'nurse' };
    const rota = smallDay({
      assessmentTypes: [assessmentType('ab', 60), assessmentType('bc', 30), assessmentType('ca', 30), assessmentType('a', 60)],
      staff: [staffMember('A', ['ab', 'ca', 'a'], nurse), staffMember('B', ['ab', 'bc'], nurse), staffMember('C', ['bc', 'ca'], nurse)],
      rooms: ['r1', 'r2', 'r3'].map((id) => ({ id, name: id, type: 'consult', capacity: 1 })),
      patients: [patient('p1', ['ab']), patient('p2', ['bc']), patient('p3', ['ca']), patient('p4', ['a'])],
    });
    const rotaDay = compileDayProblem(rota, DEFAULT_WEIGHTS);
    const held = new DayDecoder(rotaDay);
    const id = (x: string) => rotaDay.activityId.indexOf(x);
    held.fix(id('p1:ab'), 9 * HOUR, 0, 0);
    held.fix(id('p2:bc'), 9 * HOUR, 1, 1);
    held.fix(id('p3:ca'), 9 * HOUR, 2, 2);
    held.fix(id('p4:a'), 11 * HOUR, 0, 0);
    held.decode(new Int32Array(0));
    const before = scheduleCost(rotaDay, held);
    // The descent and the walk alone move nothing.
    expect(restaff(rotaDay, held, { maxEvaluations: 100_000, holds: holder(rotaDay) }).gain).toBe(0);
    const out = restaff(rotaDay, held, { maxEvaluations: 100_000, holds: holder(rotaDay), exactGroups: true });
    expect([out.staffOf[id('p1:ab')], out.staffOf[id('p2:bc')], out.staffOf[id('p3:ca')], out.staffOf[id('p4:a')]]).toEqual([1, 2, 0, 0]);
    // 0.5 × 30 min of spread gone.
    expect(out.gain).toBeCloseTo(-15, 9);
    expect(retimedCost(rotaDay, { ...held, staffOf: out.staffOf })).toBeCloseTo(before - 15, 9);
  });

  it('evens out a discipline where no single move or pair lowers the spread (the walk after the descent)', () => {
    // Six OTs, twelve 30-min assessments one after another in one room: three OTs have three
    // each, three have one (spread 60). Any one or two moves leave a 90 or a 30: only three at
    // once lower the spread, so the descent stops; the walk reaches 60 each.
    const ots = ['O1', 'O2', 'O3', 'O4', 'O5', 'O6'];
    const even = smallDay({
      assessmentTypes: [assessmentType('ot', 30)],
      staff: ots.map((id) => staffMember(id, ['ot'])),
      patients: Array.from({ length: 12 }, (_, i) => patient(`q${i}`, ['ot'])),
    });
    const evenDay = compileDayProblem(even, DEFAULT_WEIGHTS);
    const held = new DayDecoder(evenDay);
    const owner = [0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 4, 5];
    owner.forEach((o, i) => held.fix(evenDay.activityId.indexOf(`q${i}:ot`), 9 * HOUR + 30 * i, o, 0));
    held.decode(new Int32Array(0));
    const before = scheduleCost(evenDay, held);
    const out = restaff(evenDay, held, { maxEvaluations: 100_000, holds: holder(evenDay) });
    // 0.5 × 60 min of spread gone.
    expect(out.gain).toBeCloseTo(-30, 9);
    expect(retimedCost(evenDay, { ...held, staffOf: out.staffOf })).toBeCloseTo(before - 30, 9);
    const loads = ots.map((_, s) => [...out.staffOf].filter((x) => x === s).length * 30);
    expect(loads).toEqual([60, 60, 60, 60, 60, 60]);
  });
});
