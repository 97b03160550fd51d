// What a decoder holds, as a DayPlan the checker and scorer read: the tests of the day search's
// parts (rebuild, polishes, exact days) check their schedules with validatePlan through this.
import { assembleDayPlan } from '../../solver/day/assemble-day-plan.ts';
import type { CompiledDay } from '../../solver/day/compile/compile-day-problem.ts';
import { readSchedule, type DecodedSchedule } from '../../solver/day/read-schedule.ts';
import type { DayPlan } from '../../solver/model/index.ts';

/** The schedule `decoded` holds on `day`, activities left unplaced listed as unscheduled (no bound: 0). */
export function decodedPlan(day: CompiledDay, decoded: DecodedSchedule): DayPlan {
  const { activities, unscheduled, unplaced } = readSchedule(day, decoded);
  return assembleDayPlan(day.problem, { activities, unscheduled: [...unscheduled, ...unplaced], bound: { value: 0, method: 'test' }, stats: { iterations: 0, improvements: 0, timedOut: false, seed: 0 } });
}
