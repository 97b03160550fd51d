import { MEAL_TYPE_ID } from '../../model/day-problem.ts';
import { formatInterval } from '../../model/format-minutes.ts';
import type { Violation } from '../../model/violation.ts';
import { roomName, typeName, patientRef, type ConstraintContext } from '../context.ts';
import { hardViolation } from '../types.ts';

export type RoomOfRequiredTypeJustification = {
  activityId: string;
  patientId: string;
  typeId: string;
  roomId: string;
  /** Undefined when the room does not exist. */
  roomType: string | undefined;
  requiredRoomType: string;
  startMin: number;
};

/** SPEC §3C.4: an activity takes place in an existing room of its type's room type (meals: the dining room type). */
export function roomOfRequiredType(ctx: ConstraintContext): Violation[] {
  const violations: Violation[] = [];
  for (const a of ctx.activities) {
    const required = a.typeId === MEAL_TYPE_ID ? ctx.problem.centre.mealRoomType : ctx.typeById.get(a.typeId)?.roomType;
    if (required === undefined) continue; // unknown type: oneActivityPerRequirement
    const room = ctx.roomById.get(a.roomId);
    if (room?.type === required) continue;
    const what = `${typeName(ctx, a.typeId)} for ${patientRef(ctx, a.patientId)} at ${formatInterval(a.startMin, a.endMin)}`;
    const message = room
      ? `${what} is in ${roomName(ctx, room.id)} (a ${room.type} room); it needs a ${required} room`
      : `${what} is in unknown room ${a.roomId}; it needs a ${required} room`;
    violations.push(hardViolation<RoomOfRequiredTypeJustification>('roomOfRequiredType', message, {
      activityId: a.id, patientId: a.patientId, typeId: a.typeId, roomId: a.roomId,
      roomType: room?.type, requiredRoomType: required, startMin: a.startMin,
    }));
  }
  return violations;
}
