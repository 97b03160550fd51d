import type { Violation } from '../../model/violation.ts';
import { clockText } from '../clock-text.ts';
import { hardViolation } from '../hard-violation.ts';
import type { PlanFacts } from './plan-facts.ts';

/**
 * SPEC §3C.9: between a patient's consecutive activities (meal included) in different rooms
 * there are at least centre.transferMin minutes. Overlaps are left to checkPatientOneAtATime.
 */
export function checkTransferBetweenRooms(facts: PlanFacts): Violation[] {
  const violations: Violation[] = [];
  const transferMin = facts.problem.centre.transferMin;
  for (const patient of facts.problem.patients) {
    const mine = facts.activitiesOfPatient(patient.id);
    for (let i = 1; i < mine.length; i++) {
      const previous = mine[i - 1]!;
      const next = mine[i]!;
      const gapMin = next.startMin - previous.endMin;
      if (previous.roomId === next.roomId || gapMin < 0 || gapMin >= transferMin) continue;
      violations.push(
        hardViolation(
          'transferBetweenRooms',
          `${facts.patientRef(patient.id)} has ${gapMin} min to get from ${facts.roomName(previous.roomId)} (until ${clockText(previous.endMin)}) to ${facts.roomName(next.roomId)} (at ${clockText(next.startMin)}); the transfer takes ${transferMin}.`,
          {
            patientId: patient.id,
            fromActivityId: previous.id,
            toActivityId: next.id,
            fromRoomId: previous.roomId,
            toRoomId: next.roomId,
            gapMin,
            transferMin,
          },
        ),
      );
    }
  }
  return violations;
}
