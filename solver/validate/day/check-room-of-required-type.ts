import type { Violation } from '../../model/violation.ts';
import { hardViolation } from '../hard-violation.ts';
import { isMeal, type PlanFacts } from './plan-facts.ts';

/** SPEC §3C.4: an assessment uses a room of its type's room type; a meal uses a dining room. */
export function checkRoomOfRequiredType(facts: PlanFacts): Violation[] {
  const violations: Violation[] = [];
  for (const activity of facts.activities) {
    const room = facts.roomById.get(activity.roomId);
    const requiredRoomType = isMeal(activity)
      ? facts.problem.centre.mealRoomType
      : facts.typeById.get(activity.typeId)?.roomType;
    if (!room || requiredRoomType === undefined || room.type === requiredRoomType) continue;
    violations.push(
      hardViolation(
        'roomOfRequiredType',
        `${facts.patientRef(activity.patientId)}'s ${facts.typeName(activity.typeId)} is in ${room.name} (a '${room.type}' room); it needs a '${requiredRoomType}' room.`,
        {
          activityId: activity.id,
          patientId: activity.patientId,
          typeId: activity.typeId,
          roomId: room.id,
          roomType: room.type,
          requiredRoomType,
        },
      ),
    );
  }
  return violations;
}
