/**
 * A makespan bound the planner checks beside computeLowerBound (solver/day/bound): for a
 * makespan objective, max(longest patient day from arrival, the load of a qualification
 * only one staff member holds from their shift start) — the open-shop trivial bound.
 */
import type { DayProblem } from '../model/day-problem.ts';
import type { PlanBound } from '../model/day-plan.ts';
import type { ObjectiveWeights } from '../model/options.ts';

export function dayLowerBound(problem: DayProblem, weights: ObjectiveWeights): PlanBound {
  let makespanMin = 0;
  const typeById = new Map(problem.assessmentTypes.map((t) => [t.id, t]));
  const perQualification = new Map<string, number>();
  for (const p of problem.patients) {
    let sum = 0;
    for (const r of p.required) {
      const t = typeById.get(r.typeId);
      if (!t) continue;
      sum += t.durationMin;
      perQualification.set(t.qualification, (perQualification.get(t.qualification) ?? 0) + t.durationMin / t.groupCapacity);
    }
    makespanMin = Math.max(makespanMin, p.earliestArrivalMin + problem.centre.checkInBufferMin + sum);
  }
  // A qualification held by exactly one staff member: that person's minutes are serial.
  for (const [q, minutes] of perQualification) {
    const holders = problem.staff.filter((s) => s.qualifications.includes(q));
    if (holders.length === 1) makespanMin = Math.max(makespanMin, holders[0]!.shift.startMin + Math.ceil(minutes));
  }
  return { value: weights.makespanMin * makespanMin, method: 'makespan: longest patient day / single-holder workload' };
}
