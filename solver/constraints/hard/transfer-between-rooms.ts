import { formatMinutes } from '../../model/format-minutes.ts';
import type { Violation } from '../../model/violation.ts';
import { roomName, patientRef, type ConstraintContext } from '../context.ts';
import { hardViolation } from '../types.ts';

export type TransferBetweenRoomsJustification = {
  patientId: string;
  fromActivityId: string;
  toActivityId: string;
  fromRoomId: string;
  toRoomId: string;
  fromEndMin: number;
  toStartMin: number;
  gapMin: number;
  transferMin: number;
};

/** SPEC §3C.9: consecutive activities of a patient in different rooms are at least the transfer time apart. */
export function transferBetweenRooms(ctx: ConstraintContext): Violation[] {
  const violations: Violation[] = [];
  const transferMin = ctx.problem.centre.transferMin;
  if (transferMin <= 0) return violations;
  for (const [patientId, activities] of ctx.byPatient) {
    for (let i = 1; i < activities.length; i++) {
      const from = activities[i - 1]!;
      const to = activities[i]!;
      if (from.roomId === to.roomId) continue;
      const gapMin = to.startMin - from.endMin;
      if (gapMin < 0 || gapMin >= transferMin) continue; // overlaps are patientOneAtATime's
      violations.push(hardViolation<TransferBetweenRoomsJustification>('transferBetweenRooms',
        `${patientRef(ctx, patientId)} has ${gapMin} min to get from ${roomName(ctx, from.roomId)} (${formatMinutes(from.endMin)}) to ${roomName(ctx, to.roomId)} (${formatMinutes(to.startMin)}); the transfer takes ${transferMin} min`,
        { patientId, fromActivityId: from.id, toActivityId: to.id, fromRoomId: from.roomId, toRoomId: to.roomId,
          fromEndMin: from.endMin, toStartMin: to.startMin, gapMin, transferMin }));
    }
  }
  return violations;
}
