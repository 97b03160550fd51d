/**
 * Why an outreach assessment is not in the plan, per rule: every slot (each qualified staff
 * member, room, and start on a 5-minute grid inside its window) is tried against the final
 * schedule, and the rule that blocks the most of them is named in a sentence. If some slot
 * fits after all, the assessment is placed there instead (repair).
 */
import { clock, type CompiledActivity } from './compile-outreach.ts';
import type { OutreachSchedule } from './outreach-decoder.ts';
import type { OutreachReasonCode, OutreachUnscheduled } from './outreach-plan.ts';

const GRID_MIN = 5;

export function explainOrRepairOutreach(schedule: OutreachSchedule): OutreachUnscheduled[] {
  const day = schedule.day;
  const out: OutreachUnscheduled[] = [];
  for (const a of day.activities) {
    if (schedule.placed[a.index]) continue;
    const resident = day.problem.residents[a.residentIndex]!;
    if (a.staticReason) {
      out.push({ residentId: a.residentId, typeId: a.typeId, reason: a.staticReason, message: a.staticMessage! });
      continue;
    }
    const repaired = schedule.best(a);
    if (repaired) {
      schedule.place(a, repaired);
      continue;
    }
    const counts = new Map<OutreachReasonCode, number>();
    const staffList = a.pin?.staffId !== undefined ? a.qualifiedStaff.filter((k) => day.problem.staff[k]!.id === a.pin!.staffId) : a.qualifiedStaff;
    const starts: number[] = [];
    if (a.pin) starts.push(a.pin.startMin);
    else for (let t = a.windowStart; t + a.durationMin <= a.windowEnd; t += GRID_MIN) starts.push(t);
    for (const staff of staffList) for (const room of a.pin?.roomId ? [a.pin.roomId] : a.rooms) for (const start of starts) {
      const reason = schedule.check(a, { start, staff, room });
      if (reason) counts.set(reason, (counts.get(reason) ?? 0) + 1);
    }
    const ranked = [...counts.entries()].sort((x, y) => y[1] - x[1]);
    const top: OutreachReasonCode = ranked[0]?.[0] ?? 'staff-busy';
    const name = a.type?.name ?? a.typeId;
    const lead = a.pin ? `${resident.ref}'s ${name} is pinned at ${clock(a.pin.startMin)}, where ` : `${resident.ref}'s ${name} could not be placed: `;
    out.push({ residentId: a.residentId, typeId: a.typeId, reason: a.pin ? 'pin-conflict' : top, message: `${lead}${sentence(schedule, a, top)}.` });
  }
  return out;
}

function sentence(schedule: OutreachSchedule, a: CompiledActivity, reason: OutreachReasonCode): string {
  const day = schedule.day;
  const home = day.problem.homes[a.homeIndex]!;
  const staffNames = a.qualifiedStaff.map((k) => day.problem.staff[k]!.name).join(', ');
  const centre = day.problem.centre;
  switch (reason) {
    case 'staff-busy': return `every qualified clinician (${staffNames}) is with other residents whenever it would fit`;
    case 'travel': return `the qualified clinicians (${staffNames}) cannot drive to ${home.name} and on between their other visits`;
    case 'shift': return `it falls outside the qualified clinicians' shifts or breaks (${staffNames}), counting the drive from and back to the centre`;
    case 'mdt': return centre.mdtMode === 'return'
      ? `it would not end, with the drive back to the centre, before the MDT at ${clock(centre.mdt.startMin)}`
      : `it would not end before the MDT at ${clock(centre.mdt.startMin)}`;
    case 'home-limit': return `${home.name} is not on today's round and the team already visits ${centre.maxHomes} home(s), the most it visits in a day`;
    case 'resident-busy': return `the resident is with another clinician whenever it would fit`;
    case 'room-busy': return `the shared rooms at ${home.name} are in use whenever it would fit`;
    case 'precedence': {
      const reasons = [...new Set([...day.predecessors[a.index]!, ...day.successors[a.index]!].map((arc) => arc.reason).filter(Boolean))];
      return `its order with the resident's other assessments leaves no time${reasons.length ? ` (${reasons.join('; ')})` : ''}`;
    }
    case 'outside-visiting-hours': return `it does not fit inside the visiting hours at ${home.name} (${clock(home.visitingHours.startMin)}–${clock(home.visitingHours.endMin)}) and the resident's availability`;
    case 'replan-time': return `nothing can start before the time of the change (${clock(day.problem.replanFromMin ?? 0)})`;
    default: return `a rule is broken (${reason})`;
  }
}
