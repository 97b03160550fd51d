import type { Violation } from '../../model/violation.ts';
import { clockText } from '../clock-text.ts';
import { hardViolation } from '../hard-violation.ts';
import type { PlanFacts } from './plan-facts.ts';

/**
 * Pins: the pinned (patient, type) activity starts at the pinned minute, with the pinned
 * staff member and room when given. A pin is a coordinator's decision: leaving it out is a
 * violation even when the plan lists it as unscheduled (the input was contradictory).
 */
export function checkPinsRespected(facts: PlanFacts): Violation[] {
  const violations: Violation[] = [];
  for (const pin of facts.problem.pins ?? []) {
    const what = `${facts.patientRef(pin.patientId)}'s ${facts.typeName(pin.typeId)}`;
    const base = { patientId: pin.patientId, typeId: pin.typeId, pinnedStartMin: pin.startMin };
    const placed = facts.activities.filter((a) => a.patientId === pin.patientId && a.typeId === pin.typeId);
    if (placed.length === 0) {
      const listed = (facts.plan.unscheduled ?? []).find((u) => u.patientId === pin.patientId && u.typeId === pin.typeId);
      violations.push(
        hardViolation(
          'pinsRespected',
          `${what} is pinned at ${clockText(pin.startMin)} but is not in the plan${listed ? ` (listed as unscheduled: ${listed.reason})` : ''}.`,
          { ...base, rule: 'placed', unscheduledReason: listed?.reason },
        ),
      );
      continue;
    }
    for (const activity of placed) {
      const problems: string[] = [];
      if (activity.startMin !== pin.startMin) problems.push(`starts at ${clockText(activity.startMin)}`);
      if (pin.staffId !== undefined && activity.staffId !== pin.staffId) problems.push(`is with ${facts.staffName(activity.staffId)}, not ${facts.staffName(pin.staffId)}`);
      if (pin.roomId !== undefined && activity.roomId !== pin.roomId) problems.push(`is in ${facts.roomName(activity.roomId)}, not ${facts.roomName(pin.roomId)}`);
      if (problems.length === 0) continue;
      violations.push(
        hardViolation('pinsRespected', `${what} is pinned at ${clockText(pin.startMin)} but ${problems.join(' and ')}.`, {
          ...base,
          rule: 'moved',
          activityId: activity.id,
          startMin: activity.startMin,
          staffId: activity.staffId,
          pinnedStaffId: pin.staffId,
          roomId: activity.roomId,
          pinnedRoomId: pin.roomId,
        }),
      );
    }
  }
  return violations;
}
