/**
 * The planner's last step for what the search left unplaced: explain it, and place it when
 * the explanation found a free slot that breaks no hard rule.
 */
import type { DayProblem } from '../../model/day-problem.ts';
import type { PlannedActivity, UnscheduledAssessment } from '../../model/day-plan.ts';
import type { ObjectiveWeights } from '../../model/options.ts';
import { scorePlan } from '../../constraints/score-plan.ts';
import { explainUnscheduled, joiningSession, type UnscheduledExplanation } from './explain-unscheduled.ts';

/**
 * For each activity the search left unplaced, ask explainUnscheduled why. When it finds a
 * slot after all (the search missed it), place it there if the plan stays free of hard
 * violations; otherwise list it with the explanation's reason and sentence.
 */
export function explainOrRepair(
  problem: DayProblem,
  weights: ObjectiveWeights,
  decoded: { activities: PlannedActivity[]; unscheduled: UnscheduledAssessment[]; unplaced: UnscheduledAssessment[] },
  /** False once the time limit is reached: then the search's own reasons are kept. */
  timeLeft: () => boolean,
): { activities: PlannedActivity[]; unscheduled: UnscheduledAssessment[] } {
  let activities = decoded.activities;
  const unscheduled = [...decoded.unscheduled];
  for (const item of decoded.unplaced) {
    let explanation: UnscheduledExplanation | undefined;
    if (!timeLeft()) {
      unscheduled.push(item);
      continue;
    }
    try {
      explanation = explainUnscheduled(problem, activities, item.patientId, item.typeId);
    } catch {
      explanation = undefined; // keep the search's own reason
    }
    const slot = explanation?.freeSlot;
    if (slot) {
      const type = problem.assessmentTypes.find((t) => t.id === item.typeId);
      if (type) {
        const candidate = joiningSession(activities, {
          id: `${item.patientId}:${item.typeId}`,
          patientId: item.patientId,
          typeId: item.typeId,
          kind: type.kind,
          startMin: slot.startMin,
          endMin: slot.startMin + type.durationMin,
          staffId: slot.staffId,
          roomId: slot.roomId,
        });
        const trial = [...activities, candidate].sort((x, y) => x.startMin - y.startMin || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
        const rest = [...unscheduled, ...decoded.unplaced.filter((u) => u !== item)];
        if (scorePlan(problem, trial, rest, weights).hard === 0) {
          activities = trial;
          continue;
        }
      }
    }
    unscheduled.push(explanation ? { patientId: item.patientId, typeId: item.typeId, reason: explanation.reason, message: explanation.message } : item);
  }
  return { activities, unscheduled };
}
