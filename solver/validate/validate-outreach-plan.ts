/**
 * Independent checker for an outreach day: re-verifies every hard rule of the care-home
 * outreach plan from the problem and the travel times the caller supplies, using only the
 * outreach types — no planner code. Written for obviousness (quadratic loops), not speed.
 */
import type { Violation } from '../model/violation.ts';
import type { OutreachPlan, OutreachVisit } from '../outreach/outreach-plan.ts';
import type { OutreachProblem, OutreachStaffMember } from '../outreach/outreach-problem.ts';
import { clockText } from './clock-text.ts';
import { hardViolation } from './hard-violation.ts';

export interface OutreachCheckOptions {
  /** Driving minutes between two location ids (the centre's or a home's), as the planner was given. */
  travelMin: (fromId: string, toId: string) => number;
}

export interface OutreachValidation {
  valid: boolean;
  violations: Violation[];
}

type Add = (constraint: string, message: string, justification: Record<string, string | number | boolean | undefined>) => void;

const overlap = (a: { startMin: number; endMin: number }, b: { startMin: number; endMin: number }): boolean => a.startMin < b.endMin && b.startMin < a.endMin;

/**
 * Checks: references and rooms; every required assessment placed once or listed unscheduled;
 * durations; qualified staff; visiting hours and availability; before the MDT; staff one
 * resident at a time (group sessions up to capacity), outside breaks, the drive from the
 * centre, between homes and back inside the shift (and back for the MDT when it is at the
 * centre); residents one thing at a time with the transfer between rooms; shared-room
 * capacity; precedence with lags (a diagnostic's lag counted from the lab at the centre);
 * the day's home limit; pins and the replan time; rounds and travel agreeing with the visits.
 *
 * @example
 * const { valid, violations } = validateOutreachPlan(problem, plan, { travelMin: outreachTravel(problem) });
 */
export function validateOutreachPlan(problem: OutreachProblem, plan: OutreachPlan, options: OutreachCheckOptions): OutreachValidation {
  const violations: Violation[] = [];
  const add: Add = (constraint, message, justification) => violations.push(hardViolation(constraint, message, justification));
  try {
    check(problem, plan, options, add);
  } catch (error) {
    add('checkFailed', `The outreach check could not run on this input: ${error instanceof Error ? error.message : String(error)}.`, {});
  }
  return { valid: violations.length === 0, violations };
}

function check(problem: OutreachProblem, plan: OutreachPlan, options: OutreachCheckOptions, add: Add): void {
  const centre = problem.centre;
  const typeById = new Map(problem.assessmentTypes.map((t) => [t.id, t]));
  const staffById = new Map(problem.staff.map((s) => [s.id, s]));
  const residentById = new Map(problem.residents.map((r) => [r.id, r]));
  const homeById = new Map(problem.homes.map((h) => [h.id, h]));
  const pinOf = (v: OutreachVisit) => (problem.pins ?? []).find((p) => p.residentId === v.residentId && p.typeId === v.typeId);
  const ref = (residentId: string): string => residentById.get(residentId)?.ref ?? residentId;
  const visits = plan.visits;

  // Coverage and identity.
  const ids = new Set<string>();
  for (const v of visits) {
    if (ids.has(v.id)) add('uniqueVisitIds', `Visit ${v.id} appears twice.`, { visitId: v.id });
    ids.add(v.id);
    if (v.id !== `${v.residentId}:${v.typeId}`) add('uniqueVisitIds', `Visit ${v.id} should be named ${v.residentId}:${v.typeId}.`, { visitId: v.id });
  }
  for (const r of problem.residents) {
    for (const typeId of new Set(r.required.map((q) => q.typeId))) {
      const made = visits.filter((v) => v.residentId === r.id && v.typeId === typeId).length;
      const listed = plan.unscheduled.filter((u) => u.residentId === r.id && u.typeId === typeId).length;
      if (made + listed !== 1) add('requiredCoverage', `${r.ref}'s ${typeId} is placed ${made} time(s) and listed unscheduled ${listed} time(s); it must be exactly one of the two.`, { residentId: r.id, typeId, made, listed });
    }
  }

  for (const v of visits) {
    const resident = residentById.get(v.residentId);
    const type = typeById.get(v.typeId);
    const staff = staffById.get(v.staffId);
    const home = homeById.get(v.homeId);
    if (!resident || !type || !staff || !home) {
      add('knownReferences', `Visit ${v.id} refers to an unknown resident, type, staff member or home.`, { visitId: v.id });
      continue;
    }
    if (!resident.required.some((q) => q.typeId === v.typeId)) add('requiredCoverage', `${resident.ref} is not due a ${type.name}, yet it is planned.`, { visitId: v.id });
    if (resident.homeId !== home.id) add('atResidentsHome', `${resident.ref}'s ${type.name} is at ${home.name}, not at the resident's home.`, { visitId: v.id, homeId: v.homeId });
    const shared = type.groupCapacity > 1 || type.roomAtHome === 'shared-room';
    const ownRoom = `own-room:${resident.id}`;
    if (shared ? !home.sharedRooms.some((r) => r.id === v.roomId) : v.roomId !== ownRoom) {
      add('roomAtHome', `${resident.ref}'s ${type.name} is in room '${v.roomId}'; it needs ${shared ? `a shared room at ${home.name}` : 'the resident\'s own room'}.`, { visitId: v.id, roomId: v.roomId });
    }
    const expected = pinOf(v)?.durationMin ?? type.durationMin;
    if (v.endMin - v.startMin !== expected) add('visitDuration', `${resident.ref}'s ${type.name} lasts ${v.endMin - v.startMin} min, not ${expected}.`, { visitId: v.id, expected });
    if (!staff.qualifications.includes(type.qualification)) add('qualifiedStaff', `${staff.name} does not hold '${type.qualification}' for ${resident.ref}'s ${type.name}.`, { visitId: v.id, staffId: staff.id });
    const window = resident.available ?? home.visitingHours;
    if (v.startMin < home.visitingHours.startMin || v.endMin > home.visitingHours.endMin || v.startMin < window.startMin || v.endMin > window.endMin) {
      add('visitingHours', `${resident.ref}'s ${type.name} at ${clockText(v.startMin)}–${clockText(v.endMin)} is outside the visiting hours of ${home.name} or the resident's availability.`, { visitId: v.id });
    }
    if (v.endMin > centre.mdt.startMin) add('beforeMdt', `${resident.ref}'s ${type.name} ends at ${clockText(v.endMin)}, after the MDT starts at ${clockText(centre.mdt.startMin)}.`, { visitId: v.id });
    if (staff.breaks.some((b) => overlap(v, b))) add('staffBreaks', `${staff.name} sees ${resident.ref} during a break (${clockText(v.startMin)}).`, { visitId: v.id, staffId: staff.id });
    if (staff.offSickFromMin !== undefined && v.endMin > staff.offSickFromMin) add('staffWithinShift', `${staff.name} is off sick from ${clockText(staff.offSickFromMin)} but sees ${resident.ref} until ${clockText(v.endMin)}.`, { visitId: v.id });
    const pin = pinOf(v);
    if (pin && (pin.startMin !== v.startMin || (pin.staffId && pin.staffId !== v.staffId) || (pin.roomId && pin.roomId !== v.roomId))) add('pinsRespected', `${resident.ref}'s ${type.name} is pinned at ${clockText(pin.startMin)} but planned at ${clockText(v.startMin)} with ${v.staffId} in ${v.roomId}.`, { visitId: v.id });
    if (!pin && problem.replanFromMin !== undefined && v.startMin < problem.replanFromMin) add('notBeforeReplanTime', `${resident.ref}'s ${type.name} starts at ${clockText(v.startMin)}, before the change at ${clockText(problem.replanFromMin)}.`, { visitId: v.id });
  }
  for (const pin of problem.pins ?? []) {
    if (!visits.some((v) => v.residentId === pin.residentId && v.typeId === pin.typeId) && !plan.unscheduled.some((u) => u.residentId === pin.residentId && u.typeId === pin.typeId)) {
      add('pinsRespected', `${ref(pin.residentId)}'s pinned ${pin.typeId} is missing from the plan.`, { residentId: pin.residentId, typeId: pin.typeId });
    }
  }

  // Staff: one session at a time, and the drives.
  for (const staff of problem.staff) checkStaff(problem, staff, visits.filter((v) => v.staffId === staff.id), options, add, ref);

  // Residents: one thing at a time, with a transfer between rooms.
  for (const r of problem.residents) {
    const mine = visits.filter((v) => v.residentId === r.id);
    for (let i = 0; i < mine.length; i++) for (let j = i + 1; j < mine.length; j++) {
      const a = mine[i]!;
      const b = mine[j]!;
      const gap = a.roomId === b.roomId ? 0 : centre.transferMin;
      if (a.startMin < b.endMin + gap && b.startMin < a.endMin + gap) add('residentOneAtATime', `${r.ref} has ${a.typeId} (${clockText(a.startMin)}–${clockText(a.endMin)}) and ${b.typeId} (${clockText(b.startMin)}–${clockText(b.endMin)}) without ${gap} min between rooms.`, { residentId: r.id, a: a.id, b: b.id });
    }
  }

  // Shared rooms: sessions at once ≤ capacity, checked at every start.
  for (const home of problem.homes) for (const room of home.sharedRooms) {
    const inRoom = visits.filter((v) => v.roomId === room.id);
    for (const v of inRoom) {
      const sessions = new Set(inRoom.filter((w) => w.startMin <= v.startMin && v.startMin < w.endMin).map((w) => w.groupId ?? w.id));
      if (sessions.size > room.capacity) add('sharedRoomCapacity', `${room.name} at ${home.name} holds ${sessions.size} sessions at ${clockText(v.startMin)}; it has room for ${room.capacity}.`, { roomId: room.id, atMin: v.startMin });
    }
  }

  // Precedence with lags.
  for (const rule of problem.precedences) {
    if (rule.before === '*' && rule.after === '*') continue;
    for (const r of problem.residents) {
      const mine = visits.filter((v) => v.residentId === r.id);
      for (const before of mine) for (const after of mine) {
        if (before.typeId === after.typeId) continue;
        if (rule.before !== '*' && before.typeId !== rule.before) continue;
        if (rule.after !== '*' && after.typeId !== rule.after) continue;
        const lab = typeById.get(before.typeId)?.kind === 'diagnostic' && rule.minLagMin > 0 ? options.travelMin(r.homeId, centre.id) : 0;
        const earliest = before.endMin + rule.minLagMin + lab;
        if (after.startMin < earliest) add('precedenceWithLag', `${r.ref}'s ${after.typeId} starts at ${clockText(after.startMin)}, but must wait until ${clockText(earliest)} (${rule.minLagMin} min${lab ? ` + ${lab} min to the lab` : ''} after ${before.typeId} ends)${rule.reason ? `: ${rule.reason}` : ''}.`, { residentId: r.id, before: before.id, after: after.id, earliest });
      }
    }
  }

  const homes = new Set(visits.map((v) => v.homeId));
  if (homes.size > centre.maxHomes) add('homesPerDay', `The team visits ${homes.size} homes; the most in a day is ${centre.maxHomes}.`, { homes: homes.size, maxHomes: centre.maxHomes });

  // Rounds agree with the visits.
  let travelTotal = 0;
  for (const round of plan.rounds) {
    const mine = visits.filter((v) => v.staffId === round.staffId).map((v) => v.id).sort();
    const listed = round.stops.flatMap((s) => s.visitIds).sort();
    if (mine.join() !== listed.join()) add('roundsAgree', `The round of ${round.staffId} lists other visits than the plan gives them.`, { staffId: round.staffId });
    let at = centre.id;
    for (const leg of round.legs) {
      if (leg.fromId !== at) add('roundsAgree', `A leg of ${round.staffId}'s round starts at ${leg.fromId}, not at ${at} where the last one ended.`, { staffId: round.staffId });
      const t = options.travelMin(leg.fromId, leg.toId);
      if (Math.abs(leg.travelMin - t) > 1e-6 || leg.arriveMin - leg.departMin < t - 1e-6) add('roundsAgree', `${round.staffId}'s drive ${leg.fromId} → ${leg.toId} takes ${t} min; the round says ${leg.travelMin}.`, { staffId: round.staffId });
      at = leg.toId;
      travelTotal += leg.travelMin;
    }
    if (at !== centre.id) add('roundsAgree', `${round.staffId}'s round does not end at the centre.`, { staffId: round.staffId });
  }
  for (const staffId of new Set(visits.map((v) => v.staffId))) if (!plan.rounds.some((r) => r.staffId === staffId)) add('roundsAgree', `${staffId} makes visits but has no round.`, { staffId });
  if (Math.abs(travelTotal - plan.score.travelMin) > 1e-6) add('roundsAgree', `The plan reports ${plan.score.travelMin} min of driving; its rounds add up to ${travelTotal}.`, { travelTotal });
}

function checkStaff(problem: OutreachProblem, staff: OutreachStaffMember, mine: OutreachVisit[], options: OutreachCheckOptions, add: Add, ref: (id: string) => string): void {
  const centre = problem.centre;
  const typeById = new Map(problem.assessmentTypes.map((t) => [t.id, t]));
  // Sessions: visits sharing start, end, room and type under one group id are one session.
  for (let i = 0; i < mine.length; i++) for (let j = i + 1; j < mine.length; j++) {
    const a = mine[i]!;
    const b = mine[j]!;
    if (!overlap(a, b)) continue;
    const sameSession = a.groupId !== undefined && a.groupId === b.groupId && a.startMin === b.startMin && a.endMin === b.endMin && a.roomId === b.roomId && a.typeId === b.typeId;
    if (!sameSession) add('staffOneAtATime', `${staff.name} sees ${ref(a.residentId)} and ${ref(b.residentId)} at once (${clockText(Math.max(a.startMin, b.startMin))}).`, { staffId: staff.id, a: a.id, b: b.id });
  }
  const sessions = new Map<string, OutreachVisit[]>();
  for (const v of mine) sessions.set(v.groupId ?? v.id, [...(sessions.get(v.groupId ?? v.id) ?? []), v]);
  for (const [id, members] of sessions) {
    const capacity = typeById.get(members[0]!.typeId)?.groupCapacity ?? 1;
    if (members.length > capacity) add('staffOneAtATime', `${staff.name}'s session ${id} has ${members.length} residents; it takes ${capacity}.`, { staffId: staff.id, session: id });
  }
  const ordered = [...sessions.values()].map((m) => m[0]!).sort((a, b) => a.startMin - b.startMin);
  if (ordered.length === 0) return;
  const first = ordered[0]!;
  const out = options.travelMin(centre.id, first.homeId);
  if (first.startMin < staff.shift.startMin + out) add('staffTravel', `${staff.name} cannot leave the centre at ${clockText(staff.shift.startMin)} and start at ${first.homeId} by ${clockText(first.startMin)} (${out} min drive).`, { staffId: staff.id, visitId: first.id });
  for (let i = 1; i < ordered.length; i++) {
    const prev = ordered[i - 1]!;
    const next = ordered[i]!;
    const t = prev.homeId === next.homeId ? 0 : options.travelMin(prev.homeId, next.homeId);
    if (next.startMin < prev.endMin + t) add('staffTravel', `${staff.name} leaves ${prev.homeId} at ${clockText(prev.endMin)} and cannot reach ${next.homeId} by ${clockText(next.startMin)} (${t} min drive).`, { staffId: staff.id, from: prev.id, to: next.id });
  }
  const last = ordered.reduce((x, y) => (y.endMin > x.endMin ? y : x));
  if (staff.offSickFromMin !== undefined) return;
  const back = last.endMin + options.travelMin(last.homeId, centre.id);
  if (back > staff.shift.endMin) add('staffWithinShift', `${staff.name} is back at the centre at ${clockText(back)}, after their shift ends at ${clockText(staff.shift.endMin)}.`, { staffId: staff.id, back });
  if (centre.mdtMode === 'return' && staff.mdtMember && back > centre.mdt.startMin) add('mdtReturn', `${staff.name} is back at the centre at ${clockText(back)}, after the MDT starts at ${clockText(centre.mdt.startMin)}.`, { staffId: staff.id, back });
}
