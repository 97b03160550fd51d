import { describe, expect, it } from 'vitest';
import { compileDayProblem } from '../../../../solver/day/compile/compile-day-problem.ts';
import { readSchedule } from '../../../../solver/day/read-schedule.ts';
import { DayDecoder } from '../../../../solver/day/schedule/day-decoder.ts';
import { holdSchedule } from '../../../../solver/day/schedule/hold-schedule.ts';
import type { RetimeSchedule } from '../../../../solver/day/search/retime-model.ts';
import { reinsert } from '../../../../solver/day/search/reinsert.ts';
import { resequence } from '../../../../solver/day/search/resequence.ts';
import { scheduleCost } from '../../../../solver/day/search/schedule-cost.ts';
import { scorePlan } from '../../../../solver/constraints/score-plan.ts';
import { DEFAULT_WEIGHTS } from '../../../../solver/model/options.ts';
import { createRng } from '../../../../solver/model/rng.ts';
import { assessmentType, HOUR, patient, smallDay, staffMember } from '../small-day-fixture.ts';
import { demoDayProblem } from '../../../../src/demo/demo-day-problem.ts';
import { planDay } from '../../../../solver/day/plan-day.ts';
import { assembleDayPlan } from '../../../../solver/day/assemble-day-plan.ts';
import { validatePlan } from '../../../../solver/validate/validate-plan.ts';

/** Every schedule a step keeps held in a fresh decoder (all hard rules), as the final repair does. */
function holder(day: ReturnType<typeof compileDayProblem>) {
  const checker = new DayDecoder(day);
  return (schedule: RetimeSchedule): boolean => holdSchedule(day, checker, schedule);
}

describe('reinsert', () => {
  it('trades two activities between clinicians when each patient named the other one', () => {
    // Both patients can only be seen 9:00–9:45, so neither can move alone (resequence.ts finds nothing).
    const tight = { latestDepartureMin: 9 * HOUR + 45 };
    const problem = smallDay({
      assessmentTypes: [assessmentType('anp', 45)],
      staff: [staffMember('A', ['anp']), staffMember('B', ['anp'])],
      patients: [
        patient('p1', [], { ...tight, required: [{ typeId: 'anp', preferredStaffId: 'B' }] }),
        patient('p2', [], { ...tight, required: [{ typeId: 'anp', preferredStaffId: 'A' }] }),
      ],
    });
    const day = compileDayProblem(problem, DEFAULT_WEIGHTS);
    const decoder = new DayDecoder(day);
    decoder.fix(0, 9 * HOUR, 0, 0);
    decoder.fix(1, 9 * HOUR, 1, 1);
    decoder.decode(new Int32Array(0));
    const before = scheduleCost(day, decoder);
    expect(resequence(day, decoder, { maxEvaluations: 1000 }).improvements).toBe(0);
    const out = reinsert(day, decoder, { maxEvaluations: 1000, rng: createRng(1), holds: holder(day) });
    expect([out.staffOf[0], out.staffOf[1]]).toEqual([1, 0]);
    expect(out.cost).toBeCloseTo(before - 2 * DEFAULT_WEIGHTS.namedClinicianMissed, 9);
    const read = readSchedule(day, { ...out, block: decoder.block });
    const score = scorePlan(problem, read.activities, read.unscheduled);
    expect(score.hard).toBe(0);
    expect(score.soft).toBeCloseTo(out.cost, 9);
  });

  it('never costs more on a demo day, stops at its budget, and validatePlan accepts what it gives', { timeout: 60_000 }, () => {
    const demo = demoDayProblem({ seed: 1, date: '2026-12-01', patients: 8 });
    const day = compileDayProblem(demo, DEFAULT_WEIGHTS);
    const planned = planDay(demo, { seed: 2, maxIterations: 1000 });
    const decoded = new DayDecoder(day);
    for (const activity of planned.activities) {
      decoded.fix(day.activityId.indexOf(activity.id), activity.startMin, demo.staff.findIndex((s) => s.id === activity.staffId), demo.rooms.findIndex((r) => r.id === activity.roomId));
    }
    decoded.decode(new Int32Array(0));
    const before = scheduleCost(day, decoded);
    const out = reinsert(day, decoded, { maxEvaluations: 300, rng: createRng(1), holds: holder(day) });
    expect(out.evaluations).toBeLessThanOrEqual(300);
    expect(out.cost).toBeLessThanOrEqual(before + 1e-9);
    const read = readSchedule(day, { ...out, block: decoded.block });
    expect(scorePlan(demo, read.activities, read.unscheduled).soft).toBeCloseTo(out.cost, 6);
    const plan = assembleDayPlan(demo, { activities: read.activities, unscheduled: [...read.unscheduled, ...read.unplaced], bound: { value: 0, method: 'test' }, stats: { iterations: 0, improvements: 0, timedOut: false, seed: 1 } });
    expect(validatePlan(demo, plan).violations.map((v) => v.message)).toEqual([]);
  });
});
