/**
 * Why the search left an activity unplaced, from the constraint that blocked it last —
 * a coordinator-readable reason code and sentence.
 */
import type { UnscheduledAssessment } from '../model/day-plan.ts';
import { Block } from './schedule/day-decoder.ts';
import type { CompiledDay } from './compile/compile-day-problem.ts';
import { clock } from './compile/compile-day-problem.ts';

export function describeUnplaced(day: CompiledDay, a: number, block: number): UnscheduledAssessment {
  const patient = day.problem.patients[day.activityPatient[a]!]!;
  const typeId = day.activityTypeId[a]!;
  const name = day.activityKind[a] === 'meal' ? 'the meal' : (day.problem.assessmentTypes.find((t) => t.id === typeId)?.name ?? typeId);
  const window = `${clock(day.earliestStartMin[a]!)}–${clock(day.latestEndMin[a]!)}`;
  const base = { patientId: patient.id, typeId };
  switch (block) {
    case Block.Staff:
      return { ...base, reason: 'no-staff-free', message: `No qualified staff member is free for ${name} (${day.durationMin[a]} min) while ${patient.initials} is available in ${window}.` };
    case Block.Room:
      return { ...base, reason: 'no-room-free', message: `No suitable room is free for ${name} while ${patient.initials} and the staff are available in ${window}.` };
    case Block.Precedence:
      return { ...base, reason: 'precedence-infeasible', message: `${name} cannot be ordered with ${patient.initials}'s other assessments: the precedence rules and their lags leave no time for it.` };
    case Block.Pin:
      return { ...base, reason: 'pin-conflict', message: `The pin for ${patient.initials}'s ${name} conflicts with another pin or with a hard rule (shift, room, window).` };
    default:
      return { ...base, reason: 'window-too-tight', message: `${name} does not fit into ${patient.initials}'s day: between ${window}, with their other activities, transfers, rests and the on-site limit there is no ${day.durationMin[a]}-minute slot.` };
  }
}
