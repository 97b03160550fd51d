import { formatInterval } from '../../model/format-minutes.ts';
import type { PlannedActivity } from '../../model/day-plan.ts';
import type { Violation } from '../../model/violation.ts';
import { roomName, patientRef, type ConstraintContext } from '../context.ts';
import { hardViolation } from '../types.ts';

export type RoomCapacityJustification = {
  roomId: string;
  capacity: number;
  /** Most activities (patients) in the room at once during the breach. */
  occupancy: number;
  startMin: number;
  endMin: number;
  patientIds: string[];
};

/**
 * SPEC §3C.4 and 7: a room holds at most `capacity` patients' activities at once (a consult
 * room one, the dining room its seats, a gym its group size). One violation per maximal
 * stretch of over-occupancy, found by a sweep over start/end events: O(n log n).
 */
export function roomCapacity(ctx: ConstraintContext): Violation[] {
  const violations: Violation[] = [];
  for (const [roomId, activities] of ctx.byRoom) {
    const room = ctx.roomById.get(roomId);
    if (!room) continue; // roomOfRequiredType reports unknown rooms
    const events: Array<{ atMin: number; delta: number; activity: PlannedActivity }> = [];
    for (const a of activities) {
      if (a.endMin <= a.startMin) continue;
      events.push({ atMin: a.startMin, delta: 1, activity: a }, { atMin: a.endMin, delta: -1, activity: a });
    }
    // Ends before starts at the same minute: back-to-back use is not an overlap.
    events.sort((x, y) => x.atMin - y.atMin || x.delta - y.delta);
    const present = new Set<PlannedActivity>();
    let breach: { startMin: number; occupancy: number; patients: Set<string> } | undefined;
    for (const e of events) {
      if (e.delta > 0) present.add(e.activity);
      else present.delete(e.activity);
      if (present.size > room.capacity) {
        breach ??= { startMin: e.atMin, occupancy: 0, patients: new Set() };
        breach.occupancy = Math.max(breach.occupancy, present.size);
        for (const a of present) breach.patients.add(a.patientId);
      } else if (breach) {
        const patientIds = [...breach.patients].sort();
        violations.push(hardViolation<RoomCapacityJustification>('roomCapacity',
          `${roomName(ctx, roomId)} holds ${breach.occupancy} at ${formatInterval(breach.startMin, e.atMin)} but has room for ${room.capacity} (${patientIds.map((id) => patientRef(ctx, id)).join(', ')})`,
          { roomId, capacity: room.capacity, occupancy: breach.occupancy, startMin: breach.startMin, endMin: e.atMin, patientIds }));
        breach = undefined;
      }
    }
  }
  return violations;
}
