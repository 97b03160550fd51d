/** Minute arithmetic over activity lists, shared by the soft constraints. */
import type { PlannedActivity } from '../model/day-plan.ts';

/** Minutes covered by at least one activity of a list sorted by start (overlaps and group sessions count once). */
export function coveredMinutes(sorted: readonly PlannedActivity[]): number {
  let total = 0;
  let runStart = -Infinity;
  let runEnd = -Infinity;
  for (const a of sorted) {
    if (a.startMin > runEnd) {
      if (runEnd > runStart) total += runEnd - runStart;
      runStart = a.startMin;
      runEnd = a.endMin;
    } else if (a.endMin > runEnd) {
      runEnd = a.endMin;
    }
  }
  if (runEnd > runStart) total += runEnd - runStart;
  return total;
}

/** Latest end in a list (−Infinity when empty). */
export function lastEndMin(activities: readonly PlannedActivity[]): number {
  let end = -Infinity;
  for (const a of activities) if (a.endMin > end) end = a.endMin;
  return end;
}
