import { formatMinutes } from '../../model/format-minutes.ts';
import type { Violation } from '../../model/violation.ts';
import { typeName, patientRef, type ConstraintContext } from '../context.ts';
import { hardViolation } from '../types.ts';

export type PinsRespectedJustification = {
  patientId: string;
  typeId: string;
  /** 'missing', 'moved', 'other-staff' or 'other-room'. */
  breach: string;
  pinnedStartMin: number;
  plannedStartMin: number | undefined;
  pinnedStaffId: string | undefined;
  plannedStaffId: string | undefined;
  pinnedRoomId: string | undefined;
  plannedRoomId: string | undefined;
};

/** SPEC "pinning": a pinned activity is in the plan at its pinned start, with its pinned staff member and room. */
export function pinsRespected(ctx: ConstraintContext): Violation[] {
  const violations: Violation[] = [];
  for (const pin of ctx.problem.pins ?? []) {
    const planned = (ctx.byPatient.get(pin.patientId) ?? []).find((a) => a.typeId === pin.typeId);
    const what = `${patientRef(ctx, pin.patientId)}'s ${typeName(ctx, pin.typeId)}`;
    const base = {
      patientId: pin.patientId, typeId: pin.typeId, pinnedStartMin: pin.startMin, plannedStartMin: planned?.startMin,
      pinnedStaffId: pin.staffId, plannedStaffId: planned?.staffId, pinnedRoomId: pin.roomId, plannedRoomId: planned?.roomId,
    };
    if (!planned) {
      violations.push(hardViolation<PinsRespectedJustification>('pinsRespected',
        `${what} is pinned at ${formatMinutes(pin.startMin)} but is not in the plan`, { ...base, breach: 'missing' }));
      continue;
    }
    if (planned.startMin !== pin.startMin) {
      violations.push(hardViolation<PinsRespectedJustification>('pinsRespected',
        `${what} is pinned at ${formatMinutes(pin.startMin)} but planned at ${formatMinutes(planned.startMin)}`, { ...base, breach: 'moved' }));
    }
    if (pin.staffId !== undefined && planned.staffId !== pin.staffId) {
      violations.push(hardViolation<PinsRespectedJustification>('pinsRespected',
        `${what} is pinned to ${pin.staffId} but planned with ${planned.staffId ?? 'nobody'}`, { ...base, breach: 'other-staff' }));
    }
    if (pin.roomId !== undefined && planned.roomId !== pin.roomId) {
      violations.push(hardViolation<PinsRespectedJustification>('pinsRespected',
        `${what} is pinned to room ${pin.roomId} but planned in ${planned.roomId}`, { ...base, breach: 'other-room' }));
    }
  }
  return violations;
}
