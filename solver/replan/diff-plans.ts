import type { DayPlan, PlannedActivity } from '../model/day-plan.ts';
import { formatMinutes } from '../model/format-minutes.ts';
import type { ActivityMove } from './day-change.ts';

/** Exactly what changed between the published plan and the new one, activity by activity. */
export function diffPlans(published: DayPlan, next: DayPlan, removedPatients: ReadonlySet<string>): ActivityMove[] {
  const nextById = new Map(next.activities.map((a) => [a.id, a]));
  const publishedIds = new Set(published.activities.map((a) => a.id));
  const moves: ActivityMove[] = [];
  for (const before of published.activities) {
    const after = nextById.get(before.id);
    const base = { activityId: before.id, patientId: before.patientId, typeId: before.typeId, from: slot(before) };
    if (removedPatients.has(before.patientId)) {
      moves.push({ ...base, kind: 'removed', message: `${before.id} removed (patient cancelled).` });
    } else if (!after) {
      moves.push({ ...base, kind: 'unscheduled', message: `${before.id} at ${formatMinutes(before.startMin)} could not be re-placed.` });
    } else if (after.startMin !== before.startMin || after.staffId !== before.staffId || after.roomId !== before.roomId) {
      moves.push({ ...base, kind: 'moved', to: slot(after), message: `${before.id}: ${describe(before)} → ${describe(after)}.` });
    }
  }
  for (const after of next.activities) {
    if (publishedIds.has(after.id)) continue;
    moves.push({ activityId: after.id, patientId: after.patientId, typeId: after.typeId, kind: 'added', to: slot(after), message: `${after.id} newly placed at ${describe(after)}.` });
  }
  return moves;
}

function slot(a: PlannedActivity): { startMin: number; staffId?: string; roomId: string } {
  return a.staffId === undefined ? { startMin: a.startMin, roomId: a.roomId } : { startMin: a.startMin, staffId: a.staffId, roomId: a.roomId };
}

function describe(a: PlannedActivity): string {
  return `${formatMinutes(a.startMin)}${a.staffId ? ` with ${a.staffId}` : ''} in ${a.roomId}`;
}
