import { describe, expect, it } from 'vitest';
import { compileDayProblem } from '../../../../solver/day/compile/compile-day-problem.ts';
import { DayDecoder } from '../../../../solver/day/schedule/day-decoder.ts';
import { scheduleCost } from '../../../../solver/day/search/schedule-cost.ts';
import { readSchedule } from '../../../../solver/day/read-schedule.ts';
import { assembleDayPlan } from '../../../../solver/day/assemble-day-plan.ts';
import { DEFAULT_WEIGHTS } from '../../../../solver/model/options.ts';
import { createRng } from '../../../../solver/model/rng.ts';
import { demoDayProblem } from '../../../../src/demo/demo-day-problem.ts';

describe('scheduleCost', () => {
  it('is the soft score scorePlan gives the same schedule (waiting counted from the first activity, not from arrival)', () => {
    for (const patients of [8, 16]) {
      const problem = demoDayProblem({ seed: 1, date: '2026-12-01', patients });
      const day = compileDayProblem(problem, DEFAULT_WEIGHTS);
      const decoder = new DayDecoder(day);
      const rng = createRng(patients);
      // Meals first (a random list leaves some out), the rest in a random order.
      const meals = decoder.freeActivities().filter((a) => day.activityKind[a] === 'meal');
      const rest = decoder.freeActivities().filter((a) => day.activityKind[a] !== 'meal');
      let compared = 0;
      for (let trial = 0; trial < 20; trial++) {
        for (let i = rest.length - 1; i > 0; i--) {
          const j = rng.int(i + 1);
          [rest[i], rest[j]] = [rest[j]!, rest[i]!];
        }
        decoder.decode([...meals, ...rest]);
        const { activities, unscheduled, unplaced } = readSchedule(day, decoder);
        // A missing meal is a hard violation the search prices apart (MISSING_MEAL_FACTOR).
        if (unplaced.some((u) => u.typeId === 'meal')) continue;
        const plan = assembleDayPlan(problem, { activities, unscheduled: [...unscheduled, ...unplaced], bound: { value: 0, method: 'test' }, stats: { iterations: 0, improvements: 0, timedOut: false, seed: 1 } });
        expect(scheduleCost(day, decoder), `${patients} patients, trial ${trial}`).toBeCloseTo(plan.score.soft, 6);
        compared++;
      }
      expect(compared).toBeGreaterThan(10);
    }
  });
});
