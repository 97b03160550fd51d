/**
 * Exact re-timing, the model: once a schedule has fixed who does each activity, where, and
 * in what order on every staff member, room and patient, the start times that minimise the
 * time-dependent soft terms (each patient's waiting and time on site, their preferred arrival
 * and departure, the makespan) form a linear programme over difference constraints:
 *
 * - each activity inside its own window (opening hours, the patient's arrival and departure,
 *   the MDT, the lunch window, the replanning time); a pin at its minute;
 * - a staff member's activities in their present order, none across a break or outside the
 *   shift; a group session's members start together;
 * - a room's activities in their present order (a shared room: every pair that does not
 *   overlap now still does not, so no moment holds more than some moment holds now);
 * - a patient's activities in their present order, the transfer between rooms kept, a rest
 *   that is long enough now kept long enough (runs never merge), precedence lags, the on-site
 *   limit; an assessment with the carer present keeps inside the carer's time.
 *
 * Every hard rule holds for any solution, and the soft terms that do not depend on the times
 * (workload, named clinicians, what is placed) are unchanged; the carer term can only improve.
 * The constraint matrix is a network matrix, so an optimal vertex is integral.
 */
import type { CompiledDay } from '../compile/compile-day-problem.ts';
import type { DecodedSchedule } from '../read-schedule.ts';

/** One difference constraint: x[to] − x[from] ≥ minGap (`from` −1: the constant 0). */
export interface DifferenceArc {
  from: number;
  to: number;
  minGap: number;
}

/**
 * The re-timing problem in difference form. Variables: one start per placed activity (index
 * = position in `activities`), then per patient `arrivalEarly` (≥ 0, minutes before the
 * preferred arrival) and `lateBy` (≥ 0, minutes after the preferred departure) where those
 * preferences exist, then the makespan. Minimise Σ cost[i] · x[i] + offset.
 */
export interface RetimeModel {
  /** The placed activities, in variable order. */
  activities: number[];
  /** Per variable: bounds and objective coefficient. */
  lb: number[];
  ub: number[];
  cost: number[];
  names: string[];
  arcs: DifferenceArc[];
  /** The constant part of the objective (time on site's check-in, minus each patient's busy minutes). */
  offset: number;
}

/**
 * The orders a schedule keeps: per staff member its sessions in start order (a group's
 * members together), per room its activities in start order, per patient theirs, and per
 * patient which gaps between consecutive activities are rests (long enough now).
 */
export interface RetimeOrders {
  /** Per staff member: its sessions in order, each a list of activities starting together. */
  staff: number[][][];
  /** Per room: its activities in start order. */
  room: number[][];
  /** Per patient: their placed activities in order. */
  patient: number[][];
  /** Per patient: rest[k] when the gap before patient[k] must be a rest (k ≥ 1). */
  rest: boolean[][];
}

export type RetimeSchedule = Pick<DecodedSchedule, 'start' | 'staffOf' | 'roomOf' | 'sessionOf'>;

/** The orders of a schedule as it stands. */
export function ordersOf(day: CompiledDay, schedule: RetimeSchedule): RetimeOrders {
  const { start, staffOf, roomOf, sessionOf } = schedule;
  const byStart = (x: number, y: number) => start[x]! - start[y]! || x - y;
  const staffLists: number[][] = day.problem.staff.map(() => []);
  const room: number[][] = day.problem.rooms.map(() => []);
  for (let a = 0; a < day.activityCount; a++) {
    if (start[a]! < 0) continue;
    if (staffOf[a]! >= 0) staffLists[staffOf[a]!]!.push(a);
    room[roomOf[a]!]!.push(a);
  }
  for (const list of room) list.sort(byStart);
  const staff = staffLists.map((list) => {
    list.sort(byStart);
    const sessions: number[][] = [];
    for (const a of list) {
      const last = sessions[sessions.length - 1];
      const head = last?.[0];
      if (last && head !== undefined && sessionOf[a]! >= 0 && sessionOf[a] === sessionOf[head] && start[a] === start[head]) last.push(a);
      else sessions.push([a]);
    }
    return sessions;
  });
  const patient: number[][] = [];
  const rest: boolean[][] = [];
  for (let p = 0; p < day.patientActivities.length; p++) {
    const own = day.patientActivities[p]!.filter((a) => start[a]! >= 0).sort(byStart);
    patient.push(own);
    const minRest = day.restMinMin[p]!;
    rest.push(own.map((a, k) => k > 0 && minRest > 0 && start[a]! - (start[own[k - 1]!]! + day.durationMin[own[k - 1]!]!) >= minRest));
  }
  return { staff, room, patient, rest };
}

/** The model of a schedule's own orders. */
export function buildRetimeModel(day: CompiledDay, schedule: RetimeSchedule, orders: RetimeOrders = ordersOf(day, schedule)): RetimeModel {
  const { problem, durationMin: dur, weights: w } = day;
  const { start, staffOf, roomOf } = schedule;
  const activities: number[] = [];
  const varOf = new Int32Array(day.activityCount).fill(-1);
  for (let a = 0; a < day.activityCount; a++) if (start[a]! >= 0) { varOf[a] = activities.length; activities.push(a); }
  const lb: number[] = [];
  const ub: number[] = [];
  const cost: number[] = [];
  const names: string[] = [];
  const arcs: DifferenceArc[] = [];
  let offset = 0;
  const before = (from: number, to: number, gap: number) => arcs.push({ from: varOf[from]!, to: varOf[to]!, minGap: gap });

  for (const a of activities) {
    let lo = day.ownEarliestStartMin[a]!;
    let hi = day.ownLatestEndMin[a]! - dur[a]!;
    if (day.pin[a]) lo = hi = start[a]!;
    const carer = problem.patients[day.activityPatient[a]!]!.carerPresent;
    if (day.carerRequired[a] && carer && start[a]! >= carer.startMin && start[a]! + dur[a]! <= carer.endMin) {
      lo = Math.max(lo, carer.startMin);
      hi = Math.min(hi, carer.endMin - dur[a]!);
    }
    // A plan placed outside the window (a pin's overrun) is not moved out of it further.
    lb.push(Math.min(lo, start[a]!));
    ub.push(Math.max(hi, start[a]!));
    cost.push(0);
    names.push(day.activityId[a]!);
  }

  // Staff: each session (a group's members start together) in order, between the same breaks.
  orders.staff.forEach((sessions, s) => {
    const member = problem.staff[s]!;
    let prev = -1;
    for (const session of sessions) {
      const head = session[0]!;
      for (const a of session) {
        if (staffOf[a] !== s) throw new Error(`retime: ${day.activityId[a]} is not with staff member ${s}`);
        const i = varOf[a]!;
        if (a !== head) { before(head, a, 0); before(a, head, 0); }
        if (day.pin[a]) continue;
        lb[i] = Math.max(lb[i]!, member.shift.startMin);
        ub[i] = Math.min(ub[i]!, member.shift.endMin - dur[a]!);
        // Each break stays on the side it is on (one the activity overlaps, after it: a move to another clinician).
        for (const b of member.breaks) {
          if (b.startMin >= start[a]! + dur[a]!) ub[i] = Math.min(ub[i]!, b.startMin - dur[a]!);
          else lb[i] = Math.max(lb[i]!, b.endMin);
        }
      }
      if (prev >= 0) before(prev, head, dur[prev]!);
      prev = head;
    }
  });

  // Rooms: a one-seat room in order; a shared one keeps every pair that does not overlap now apart,
  // so no instant can hold more patients than it holds now (each member of a group counts, as
  // the checker counts them), and a room with no more activities than places needs nothing.
  orders.room.forEach((list, r) => {
    const capacity = problem.rooms[r]!.capacity;
    if (list.length <= capacity) return;
    if (capacity <= 1) {
      for (let k = 1; k < list.length; k++) before(list[k - 1]!, list[k]!, dur[list[k - 1]!]!);
      return;
    }
    for (let x = 0; x < list.length; x++) {
      const a = list[x]!;
      if (roomOf[a] !== r) throw new Error(`retime: ${day.activityId[a]} is not in room ${r}`);
      const end = start[a]! + dur[a]!;
      for (let y = x + 1; y < list.length; y++) {
        const b = list[y]!;
        if (start[b]! >= end) before(a, b, dur[a]!);
      }
    }
  });

  // Patients: order, transfers, rests, precedence, the on-site limit; the objective.
  const weightSpan = w.patientIdleMin + w.patientOnSiteMin;
  for (let p = 0; p < orders.patient.length; p++) {
    const own = orders.patient[p]!;
    if (own.length === 0) continue;
    const patient = problem.patients[p]!;
    const minRest = day.restMinMin[p]!;
    for (let k = 1; k < own.length; k++) {
      const x = own[k - 1]!;
      const y = own[k]!;
      let gap = roomOf[x] === roomOf[y] ? 0 : day.transferMin;
      if (orders.rest[p]![k]) gap = Math.max(gap, minRest);
      before(x, y, dur[x]! + gap);
    }
    for (const a of own)
      for (const arc of day.preds[a]!) if (start[arc.other]! >= 0) before(arc.other, a, dur[arc.other]! + arc.lagMin);
    const first = own[0]!;
    const last = own[own.length - 1]!;
    // (last end − first start) ≤ maxOnSite − check-in.
    arcs.push({ from: varOf[last]!, to: varOf[first]!, minGap: dur[last]! + day.checkInMin - day.maxOnSiteMin[p]! });
    let busy = 0;
    for (const a of own) busy += dur[a]!;
    // Waiting = last end − first start − busy; on site = last end − first start + check-in.
    cost[varOf[last]!] = cost[varOf[last]!]! + weightSpan;
    cost[varOf[first]!] = cost[varOf[first]!]! - weightSpan;
    offset += weightSpan * dur[last]! - w.patientIdleMin * busy + w.patientOnSiteMin * day.checkInMin;
    const early = patient.preferredEarliestArrivalMin;
    if (early !== undefined && w.preferenceMin > 0) {
      // e ≥ early − (first start − check-in), e ≥ 0; as a difference with v = −e: first − v ≥ early + check-in.
      const v = newVar(`${patient.id}:arrives-early`, -Infinity, 0, -w.preferenceMin);
      arcs.push({ from: v, to: varOf[first]!, minGap: early + day.checkInMin });
    }
    const late = patient.preferredLatestDepartureMin;
    if (late !== undefined && w.preferenceMin > 0) {
      const v = newVar(`${patient.id}:leaves-late`, 0, Infinity, w.preferenceMin);
      arcs.push({ from: varOf[last]!, to: v, minGap: dur[last]! - late });
    }
  }
  if (w.makespanMin > 0 && activities.length > 0) {
    const m = newVar('makespan', 0, Infinity, w.makespanMin);
    for (const a of activities) arcs.push({ from: varOf[a]!, to: m, minGap: dur[a]! });
  }
  return { activities, lb, ub, cost, names, arcs, offset };

  function newVar(name: string, lo: number, hi: number, c: number): number {
    lb.push(lo);
    ub.push(hi);
    cost.push(c);
    names.push(name);
    return lb.length - 1;
  }
}

/** The objective of a solution (one value per variable), offset included. */
export function retimeObjective(model: RetimeModel, x: ArrayLike<number>): number {
  let sum = model.offset;
  for (let i = 0; i < model.cost.length; i++) sum += model.cost[i]! * x[i]!;
  return sum;
}

/** Whether a solution keeps every bound and difference constraint (exactly: times are whole minutes). */
export function retimeFeasible(model: RetimeModel, x: ArrayLike<number>): boolean {
  for (let i = 0; i < model.lb.length; i++) if (x[i]! < model.lb[i]! || x[i]! > model.ub[i]!) return false;
  for (const arc of model.arcs) if (x[arc.to]! - (arc.from < 0 ? 0 : x[arc.from]!) < arc.minGap) return false;
  return true;
}
