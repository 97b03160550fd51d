/**
 * Why an assessment is not in the plan, as a reason code and a sentence a coordinator can
 * act on. The answer narrows the possible start minutes step by step — the patient's window,
 * precedence rules, their other activities, qualified staff, rooms — and reports the step
 * that leaves nothing. Called once per unscheduled item, after the search; not on a hot path.
 */
import { MEAL_TYPE_ID, type DayAssessmentType, type DayPatient, type DayPin, type DayProblem } from '../../model/day-problem.ts';
import type { PlannedActivity, UnscheduledReasonCode } from '../../model/day-plan.ts';
import { formatInterval, formatMinutes } from '../../model/format-minutes.ts';
import { scorePlan } from '../../constraints/score-plan.ts';
import { patientAssessmentWindow, staffAssessmentIntervals } from '../bound/availability.ts';
import { staticUnplaceableReason } from '../bound/static-placeability.ts';
import { roleName } from './format-day.ts';
import { intersect, isEmpty, range, removeOpen, sampleStarts, union, type StartSet } from './start-sets.ts';

export interface UnscheduledExplanation {
  reason: UnscheduledReasonCode;
  message: string;
  /** When the rules leave a slot free after all (the search missed it): where it fits. */
  freeSlot?: { startMin: number; staffId: string; roomId: string };
}

/**
 * @example
 * explainUnscheduled(problem, plan.activities, 'P03', 'physio')
 * // { reason: 'no-staff-free', message: 'Every physiotherapist is fully booked while P03 is free (09:15–15:15)' }
 * @throws Error naming the field when the patient is not in the problem.
 */
export function explainUnscheduled(
  problem: DayProblem, activities: readonly PlannedActivity[], patientId: string, typeId: string,
): UnscheduledExplanation {
  const patient = problem.patients.find((p) => p.id === patientId);
  if (!patient) throw new Error(`explainUnscheduled: patientId "${patientId}" is not a patient of this day problem`);
  const ref = patient.ref || patientId;
  if (typeId === MEAL_TYPE_ID) return { reason: 'window-too-tight', message: `${ref} has no room for the meal (${problem.centre.mealDurationMin} min) inside the lunch window ${formatInterval(problem.centre.lunchWindow.startMin, problem.centre.lunchWindow.endMin)}` };
  const fixed = staticUnplaceableReason(problem, patient, typeId);
  if (fixed) return fixed;
  const type = problem.assessmentTypes.find((t) => t.id === typeId)!;
  const others = activities.filter((a) => !(a.patientId === patientId && a.typeId === typeId));
  const mine = others.filter((a) => a.patientId === patientId).sort((a, b) => a.startMin - b.startMin);
  const pin = problem.pins?.find((p) => p.patientId === patientId && p.typeId === typeId);

  // 1. The patient's window, narrowed by precedence rules against their placed activities.
  const window = patientAssessmentWindow(problem, patient);
  const precedence = precedenceWindow(problem, patient, type, mine);
  const loStart = Math.max(window.startMin, precedence.earliestStartMin);
  const hiEnd = Math.min(window.endMin, precedence.latestEndMin);
  if (loStart + type.durationMin > hiEnd && !pin) {
    const uncappedEnd = Math.min(problem.centre.closeMin, patient.latestDepartureMin, precedence.latestEndMin);
    if (precedence.earliestStartMin > window.startMin && loStart + type.durationMin <= uncappedEnd) {
      return { reason: 'after-mdt', message: `${ref}'s ${type.name} can start at ${formatMinutes(loStart)} at the earliest (${precedence.earliestWhy}), so it would end after the MDT starts at ${formatMinutes(problem.centre.mdt.startMin)}` };
    }
    const latestWhy = precedence.latestWhy || `ending by ${formatMinutes(hiEnd)}, when ${ref} leaves or the MDT starts`;
    const why = [precedence.earliestWhy, latestWhy].filter(Boolean).join('; ');
    return { reason: 'precedence-infeasible', message: `${ref}'s ${type.name} (${type.durationMin} min) has no time left between its precedence rules: ${why}; consider dropping or moving the linked assessment` };
  }

  // 2. Time on site: the patient's other activities fix how early and late they may go on.
  const bufferMin = problem.centre.checkInBufferMin;
  let lo = loStart;
  let hi = hiEnd - type.durationMin;
  if (mine.length > 0) {
    const firstStart = mine[0]!.startMin;
    const lastEnd = Math.max(...mine.map((a) => a.endMin));
    lo = Math.max(lo, lastEnd - patient.maxOnSiteMin + bufferMin);
    hi = Math.min(hi, firstStart - bufferMin + patient.maxOnSiteMin - type.durationMin);
  }
  let starts = range(lo, hi);

  // 3. The patient's own activities, with transfer time when the room type differs.
  const roomTypeOf = (a: PlannedActivity): string | undefined => problem.rooms.find((r) => r.id === a.roomId)?.type;
  for (const a of mine) {
    const transferMin = roomTypeOf(a) === type.roomType ? 0 : problem.centre.transferMin;
    starts = removeOpen(starts, a.startMin - type.durationMin - transferMin, a.endMin + transferMin);
  }
  if (pin) return explainPin(problem, patient, type, pin, others, starts);
  if (isEmpty(starts)) {
    return { reason: 'window-too-tight', message: `${ref}'s day is full: between ${formatMinutes(Math.max(window.startMin, lo))} and ${formatMinutes(hiEnd)} there is no ${type.durationMin}-min gap for ${type.name} between their other activities, transfers and the ${patient.maxOnSiteMin}-min on-site limit` };
  }
  const patientFree = freeText(starts, type.durationMin);

  // 4. Qualified staff free at the same time.
  const qualified = problem.staff.filter((s) => s.qualifications.includes(type.qualification));
  const staffStarts = new Map(qualified.map((s) => [s.id, intersect(starts, staffFreeStarts(problem, s.id, type, others))]));
  if ([...staffStarts.values()].every(isEmpty)) {
    return { reason: 'no-staff-free', message: `Every ${roleName(type.discipline)} qualified for ${type.name} is fully booked whenever ${ref} is free (${patientFree})` };
  }

  // 5. A room of the type free at the same time.
  const rooms = problem.rooms.filter((r) => r.type === type.roomType);
  const candidates: Array<{ staffId: string; roomId: string; set: StartSet }> = [];
  for (const [staffId, set] of staffStarts) {
    for (const room of rooms) {
      const both = intersect(set, roomFreeStarts(room.id, room.capacity, type, staffId, others));
      if (!isEmpty(both)) candidates.push({ staffId, roomId: room.id, set: both });
    }
  }
  if (candidates.length === 0) {
    const staffFree = freeText(union([...staffStarts.values()]), type.durationMin);
    return { reason: 'no-room-free', message: `Every ${type.roomType} room is taken whenever a ${roleName(type.discipline)} and ${ref} are both free (${staffFree})` };
  }

  // 6. Try the slots against every hard rule (rests, groups, …); the first clean one is the answer.
  const before = scorePlan(problem, others, []).hard;
  let trialsLeft = MAX_TRIALS;
  for (const c of candidates) {
    for (const startMin of sampleStarts(c.set, 12)) {
      if (trialsLeft-- <= 0) break;
      const trial = joiningSession(others, { id: `${patientId}:${typeId}`, patientId, typeId, kind: type.kind, startMin, endMin: startMin + type.durationMin, staffId: c.staffId, roomId: c.roomId });
      if (scorePlan(problem, [...others, trial], []).hard <= before) {
        return { reason: 'no-staff-free', freeSlot: { startMin, staffId: c.staffId, roomId: c.roomId },
          message: `${type.name} for ${ref} fits at ${formatInterval(startMin, startMin + type.durationMin)} with ${staffNameOf(problem, c.staffId)} in ${roomNameOf(problem, c.roomId)}; the planner's staff choices left it out — replan to place it` };
      }
    }
  }
  return { reason: 'window-too-tight', message: `${type.name} for ${ref} only fits where it would break ${ref}'s rest rule or another hard rule (free ${patientFree})` };
}

/** Full re-scores tried in step 6, to keep one explanation cheap (~1 ms per re-score at 64 patients). */
const MAX_TRIALS = 48;

interface PrecedenceWindow {
  earliestStartMin: number;
  latestEndMin: number;
  earliestWhy: string;
  latestWhy: string;
}

/** The start/end limits the precedence rules put on this assessment, given the patient's placed ones. */
function precedenceWindow(problem: DayProblem, patient: DayPatient, type: DayAssessmentType, mine: PlannedActivity[]): PrecedenceWindow {
  const required = new Set(patient.required.map((r) => r.typeId));
  const placed = mine.filter((a) => a.typeId !== MEAL_TYPE_ID && required.has(a.typeId));
  const nameOf = (id: string): string => problem.assessmentTypes.find((t) => t.id === id)?.name ?? id;
  const result: PrecedenceWindow = { earliestStartMin: -Infinity, latestEndMin: Infinity, earliestWhy: '', latestWhy: '' };
  for (const rule of problem.precedences) {
    if (rule.before === '*' && rule.after === '*') continue;
    const lag = rule.minLagMin > 0 ? ` + ${rule.minLagMin} min` : '';
    const reason = rule.reason ? ` — ${rule.reason}` : '';
    if (rule.after === type.id || (rule.after === '*' && rule.before !== type.id)) {
      for (const a of placed.filter((x) => (rule.before === '*' ? x.typeId !== type.id : x.typeId === rule.before))) {
        if (rule.after === '*' && a.typeId !== rule.before) continue;
        const t = a.endMin + rule.minLagMin;
        if (t > result.earliestStartMin) {
          result.earliestStartMin = t;
          result.earliestWhy = `after ${nameOf(a.typeId)}, which ends ${formatMinutes(a.endMin)}${lag}${reason}`;
        }
      }
    }
    if (rule.before === type.id || (rule.before === '*' && rule.after !== type.id)) {
      for (const a of placed.filter((x) => (rule.after === '*' ? x.typeId !== type.id : x.typeId === rule.after))) {
        if (rule.before === '*' && a.typeId !== rule.after) continue;
        const t = a.startMin - rule.minLagMin;
        if (t < result.latestEndMin) {
          result.latestEndMin = t;
          result.latestWhy = `before ${nameOf(a.typeId)}, which starts ${formatMinutes(a.startMin)}${lag ? ` (less ${rule.minLagMin} min)` : ''}${reason}`;
        }
      }
    }
  }
  return result;
}

/** Starts at which this staff member could deliver the type: inside shift, outside breaks and bookings (or joining a group session with a place). */
function staffFreeStarts(problem: DayProblem, staffId: string, type: DayAssessmentType, others: PlannedActivity[]): StartSet {
  const staff = problem.staff.find((s) => s.id === staffId)!;
  let set = union(staffAssessmentIntervals(problem, staff).map((i) => range(i.startMin, i.endMin - type.durationMin)).flat().map((r) => [r]));
  const booked = others.filter((a) => a.staffId === staffId);
  for (const b of booked) set = removeOpen(set, b.startMin - type.durationMin, b.endMin);
  if (type.groupCapacity > 1) {
    const sessions = new Map<number, number>();
    for (const b of booked) if (b.typeId === type.id) sessions.set(b.startMin, (sessions.get(b.startMin) ?? 0) + 1);
    const joinable = [...sessions].filter(([, n]) => n < type.groupCapacity).map(([startMin]) => range(startMin, startMin));
    set = union([set, ...joinable]);
  }
  return set;
}

/** Starts at which the room has a place for the whole duration (or the staff member's group session there has one). */
function roomFreeStarts(roomId: string, capacity: number, type: DayAssessmentType, staffId: string, others: PlannedActivity[]): StartSet {
  const inRoom = others.filter((a) => a.roomId === roomId);
  // Minutes at full capacity block any start whose activity would cover them.
  const points = [...new Set(inRoom.flatMap((a) => [a.startMin, a.endMin]))].sort((x, y) => x - y);
  let set = range(-1e6, 1e6);
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    const occupancy = inRoom.filter((a) => a.startMin <= from && a.endMin >= to).length;
    if (occupancy >= capacity) set = removeOpen(set, from - type.durationMin, to);
  }
  if (type.groupCapacity > 1) {
    const joinable = inRoom.filter((a) => a.typeId === type.id && a.staffId === staffId).map((a) => range(a.startMin, a.startMin));
    set = union([set, ...joinable]);
  }
  return set;
}

/** Explains a pinned assessment that is not in the plan: what stands in the pin's way. */
function explainPin(problem: DayProblem, patient: DayPatient, type: DayAssessmentType, pin: DayPin, others: PlannedActivity[], patientStarts: StartSet): UnscheduledExplanation {
  const at = formatInterval(pin.startMin, pin.startMin + type.durationMin);
  const what = `${patient.ref || patient.id}'s ${type.name} is pinned at ${at}`;
  const blockers: string[] = [];
  if (isEmpty(intersect(patientStarts, range(pin.startMin, pin.startMin)))) blockers.push(`${patient.ref || patient.id} cannot be there then (window, other activities, transfers or precedence)`);
  const staffIds = pin.staffId ? [pin.staffId] : problem.staff.filter((s) => s.qualifications.includes(type.qualification)).map((s) => s.id);
  const staffOk = staffIds.some((id) => problem.staff.some((s) => s.id === id && s.qualifications.includes(type.qualification))
    && !isEmpty(intersect(staffFreeStarts(problem, id, type, others), range(pin.startMin, pin.startMin))));
  if (!staffOk) blockers.push(pin.staffId ? `${staffNameOf(problem, pin.staffId)} is not qualified, off shift or booked then` : `no qualified ${roleName(type.discipline)} is free then`);
  const rooms = pin.roomId ? problem.rooms.filter((r) => r.id === pin.roomId) : problem.rooms.filter((r) => r.type === type.roomType);
  const roomOk = rooms.some((r) => r.type === type.roomType && staffIds.some((id) => !isEmpty(intersect(roomFreeStarts(r.id, r.capacity, type, id, others), range(pin.startMin, pin.startMin)))));
  if (!roomOk) blockers.push(pin.roomId ? `${roomNameOf(problem, pin.roomId)} is the wrong type or taken then` : `no ${type.roomType} room is free then`);
  const detail = blockers.length > 0 ? blockers.join('; ') : 'it clashes with another pin or a hard rule (rest, group session)';
  return { reason: 'pin-conflict', message: `${what} but cannot go there: ${detail}. Move or remove the pin` };
}

function freeText(set: StartSet, durationMin: number): string {
  if (set.length === 0) return 'never';
  return formatInterval(set[0]!.lo, set[set.length - 1]!.hi + durationMin);
}

function staffNameOf(problem: DayProblem, staffId: string): string {
  return problem.staff.find((s) => s.id === staffId)?.name ?? staffId;
}

function roomNameOf(problem: DayProblem, roomId: string): string {
  return problem.rooms.find((r) => r.id === roomId)?.name ?? roomId;
}

/**
 * The activity as one more member of the group session already held at its type, start, staff
 * member and room (that session's group id), or as it is when there is none. The checker and
 * the scorer count a session by its group id, so a member without it would be a second session.
 */
export function joiningSession(activities: readonly PlannedActivity[], activity: PlannedActivity): PlannedActivity {
  const session = activities.find((a) => a.groupId !== undefined && a.typeId === activity.typeId && a.startMin === activity.startMin
    && a.staffId === activity.staffId && a.roomId === activity.roomId);
  return session ? { ...activity, groupId: session.groupId } : activity;
}
