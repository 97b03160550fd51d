/**
 * Replanning after a change on the day (SPEC §3 "pinning … replanning keeps the rest as
 * stable as possible (report what moved)").
 *
 * What happened before `nowMin` is fixed; coordinators' pins stay; the rest moves as
 * little as possible. Three candidate plans, from most to least stable:
 *   A. only the displaced activities are re-placed, everything else keeps its slot;
 *   B. the affected patients' future activities are re-placed too;
 *   C. the whole future is replanned.
 * The winner places the most (priority-weighted), then moves the fewest activities, then
 * has the best soft score. A stops the search early when it re-places everything.
 */
import type { DayPin, DayProblem } from '../model/day-problem.ts';
import type { DayPlan, PlannedActivity } from '../model/day-plan.ts';
import type { SolveOptions } from '../model/options.ts';
import { planDay } from '../day/plan-day.ts';
import { assembleDayPlan } from '../day/assemble-day-plan.ts';
import { applyDayChanges } from './apply-day-changes.ts';
import type { ActivityMove, DayChange } from './day-change.ts';
import { diffPlans } from './diff-plans.ts';

export interface ReplanResult {
  /**
   * The changed problem the new plan answers: the coordinator's pins and pins that freeze what
   * started before "now" (not the pins a candidate used to keep the rest still).
   */
  problem: DayProblem;
  plan: DayPlan;
  /** Every published activity that moved, was removed or could not be re-placed, and newly placed ones. */
  moves: ActivityMove[];
  /** Which candidate won: 'displaced-only', 'affected-patients' or 'whole-future'. */
  strategy: ReplanStrategy;
  notes: string[];
}

export type ReplanStrategy = 'displaced-only' | 'affected-patients' | 'whole-future';

/**
 * @example
 * const { plan, moves } = replanDay(problem, published, [{ kind: 'staff-off-sick', staffId: 'ot1', fromMin: 660 }], 630, { seed: 1 });
 * @throws ReplanInputError naming the change that does not fit the plan.
 */
export function replanDay(
  problem: DayProblem,
  published: DayPlan,
  changes: DayChange[],
  nowMin: number,
  options: SolveOptions = {},
): ReplanResult {
  const changed = applyDayChanges(problem, published, changes, nowMin);
  const live = published.activities.filter((a) => !changed.removedPatients.has(a.patientId) && !changed.removedActivities.has(a.id));
  const isFrozen = (a: PlannedActivity) => a.startMin < nowMin && !changed.displaced.has(a.id);
  const affectedPatients = new Set([...changed.affectedPatients, ...live.filter((a) => changed.displaced.has(a.id)).map((a) => a.patientId)]);

  const candidates: Array<{ strategy: ReplanStrategy; keep: (a: PlannedActivity) => boolean }> = [
    { strategy: 'displaced-only', keep: (a) => isFrozen(a) || !changed.displaced.has(a.id) },
    { strategy: 'affected-patients', keep: (a) => isFrozen(a) || (!changed.displaced.has(a.id) && !affectedPatients.has(a.patientId)) },
    { strategy: 'whole-future', keep: isFrozen },
  ];
  const budgetShare = [0.2, 0.3, 0.5];
  let best: (ReplanResult & { key: number[] }) | undefined;
  for (const [k, candidate] of candidates.entries()) {
    const candidateProblem = withPins(changed.problem, live.filter(candidate.keep), changed.overrunDurationMin, nowMin);
    const plan = planDay(candidateProblem, {
      ...options,
      timeLimitMs: options.timeLimitMs === undefined ? undefined : options.timeLimitMs * budgetShare[k]!,
    });
    const moves = diffPlans(problem, published, plan, changed.removedPatients, changed.removedActivities);
    const key = [plan.score.hard, unscheduledPenalty(candidateProblem, plan), moves.filter((m) => m.kind === 'moved').length, plan.score.soft];
    if (!best || lexLess(key, best.key)) best = { problem: candidateProblem, plan, moves, strategy: candidate.strategy, notes: changed.notes, key };
    // Nothing left unplaced with the most stable candidate: nothing else can beat it on stability.
    if (k === 0 && key[0] === 0 && plan.unscheduled.length <= countUnscheduledBefore(published, changed)) break;
  }
  const { key: _key, strategy, plan, moves } = best!;
  // The candidate pinned everything it kept only to keep it still; what is stored for the next
  // edit pins just the coordinator's pins and the past, or later replans could move nothing.
  const stored = withPins(changed.problem, live.filter(isFrozen), changed.overrunDurationMin, nowMin);
  return { problem: stored, plan: withPinnedFlags(stored, plan), moves, strategy, notes: changed.notes };
}

/** The plan's activities marked pinned exactly when the problem pins them (views and score follow). */
function withPinnedFlags(problem: DayProblem, plan: DayPlan): DayPlan {
  const pinned = new Set((problem.pins ?? []).map((p) => `${p.patientId}:${p.typeId}`));
  const activities = plan.activities.map((a) => {
    const { pinned: _was, ...rest } = a;
    return pinned.has(a.id) ? { ...rest, pinned: true } : rest;
  });
  return assembleDayPlan(problem, { activities, unscheduled: plan.unscheduled, bound: plan.bound, stats: plan.stats });
}

function withPins(problem: DayProblem, kept: PlannedActivity[], overrun: ReadonlyMap<string, number>, nowMin: number): DayProblem {
  const pinnedByCoordinator = new Map((problem.pins ?? []).map((p) => [`${p.patientId}:${p.typeId}`, p]));
  for (const a of kept) {
    const pin: DayPin = { patientId: a.patientId, typeId: a.typeId, startMin: a.startMin, roomId: a.roomId };
    if (a.staffId !== undefined) pin.staffId = a.staffId;
    const duration = overrun.get(a.id);
    if (duration !== undefined) pin.durationMin = duration;
    pinnedByCoordinator.set(a.id, pin);
  }
  return { ...problem, pins: [...pinnedByCoordinator.values()], replanFromMin: nowMin };
}

function unscheduledPenalty(problem: DayProblem, plan: DayPlan): number {
  const priority = new Map(problem.patients.map((p) => [p.id, p.priority]));
  return plan.unscheduled.reduce((sum, u) => sum + (priority.get(u.patientId) ?? 1), 0);
}

function countUnscheduledBefore(published: DayPlan, changed: { removedPatients: ReadonlySet<string>; removedActivities: ReadonlySet<string> }): number {
  return published.unscheduled.filter((u) => !changed.removedPatients.has(u.patientId) && !changed.removedActivities.has(`${u.patientId}:${u.typeId}`)).length;
}

function lexLess(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) {
    if (a[i]! !== b[i]!) return a[i]! < b[i]!;
  }
  return false;
}
