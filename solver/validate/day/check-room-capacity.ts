import type { Violation } from '../../model/violation.ts';
import { clockText } from '../clock-text.ts';
import { hardViolation } from '../hard-violation.ts';
import type { PlanFacts } from './plan-facts.ts';

/**
 * SPEC §3C.4 and 7: at no minute does a room hold more patients' activities than its capacity
 * (a consult room: 1; a gym: the group size; the dining room: its seats). Occupancy only rises
 * at an activity's start, so checking every start instant is enough.
 */
export function checkRoomCapacity(facts: PlanFacts): Violation[] {
  const violations: Violation[] = [];
  for (const room of facts.problem.rooms) {
    const inRoom = facts.activitiesOfRoom(room.id);
    const starts = [...new Set(inRoom.map((a) => a.startMin))];
    for (const instant of starts) {
      const present = inRoom.filter((a) => a.startMin <= instant && instant < a.endMin);
      if (present.length <= room.capacity) continue;
      violations.push(
        hardViolation(
          'roomCapacity',
          `${room.name} holds ${present.length} activities at ${clockText(instant)} (${present.map((a) => a.id).join(', ')}); its capacity is ${room.capacity}.`,
          {
            roomId: room.id,
            atMin: instant,
            occupancy: present.length,
            capacity: room.capacity,
            activityIds: present.map((a) => a.id),
          },
        ),
      );
    }
  }
  return violations;
}
