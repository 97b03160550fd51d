/**
 * Re-insertion with exact re-timing, a final descent after resequence.ts: one activity taken
 * out of its clinician's list, its patient's day and its room's list, and put back with any
 * qualified clinician (another discipline's too: an ANP takes bloods) at any place in that
 * clinician's list, its patient's day and room list placed where that time falls (and one place
 * either side in the patient's day); or two activities of one type traded between two
 * clinicians. Each neighbour is timed exactly (retime-model.ts, retime-solve.ts).
 *
 * resequence.ts moves an activity to another clinician only within two places of where it
 * stands and keeps the patient's order, so an activity that must change both (a blood test
 * given to the ANP with the lightest day, an hour earlier in the patient's morning) is out of
 * its reach; on icc-8 the plan CP-SAT reached in 300 s balances the ANPs exactly that way.
 *
 * The re-timing keeps rests and shared rooms as the schedule has them, which a moved activity
 * may not; so a neighbour is kept only when `holds` (the caller's full check: the decoder
 * holding every activity where the re-timing put it) accepts it.
 */
import type { CompiledDay } from '../compile/compile-day-problem.ts';
import { buildRetimeModel, ordersOf, type RetimeOrders, type RetimeSchedule } from './retime-model.ts';
import { solveRetime } from './retime-solve.ts';
import type { Rng } from '../../model/rng.ts';
import { resequenceNeighbours, retimedCost, type ResequenceOutcome } from './resequence.ts';

/** What re-insertion returns: re-sequencing's outcome, without the count by kind. */
export type ReinsertOutcome = Omit<ResequenceOutcome, 'kept'>;

export interface ReinsertOptions {
  /** Neighbours timed at most (a fixed budget keeps the result deterministic). */
  maxEvaluations: number;
  /** Checked between neighbours; false stops the search (a time limit). */
  timeLeft?: () => boolean;
  /** Whether a schedule keeps every hard rule (checked only for a neighbour about to be kept). */
  holds: (schedule: RetimeSchedule) => boolean;
  /** Draws the walk's neighbours (after the descent). */
  rng: Rng;
}

/** The walk's late-acceptance history (neighbours kept ago whose cost a new one may match). */
const WALK_HISTORY = 30;

/**
 * A descent (first improvement, in a fixed cycle) to the first schedule no single neighbour
 * improves; then, with what is left of the budget, a late-acceptance walk over random
 * neighbours (this file's and resequence.ts's): a neighbour is kept when it costs no more than
 * the current schedule or than the current schedule WALK_HISTORY kept neighbours ago. Returns
 * the best schedule seen.
 */
export function reinsert(day: CompiledDay, schedule: RetimeSchedule, options: ReinsertOptions): ReinsertOutcome {
  const start = Int32Array.from(schedule.start);
  const staffOf = Int32Array.from(schedule.staffOf);
  const roomOf = Int32Array.from(schedule.roomOf);
  const sessionOf = Int32Array.from(schedule.sessionOf);
  const current: RetimeSchedule = { start, staffOf, roomOf, sessionOf };
  let cost = retimedCost(day, current);
  const best = { start: start.slice(), staffOf: staffOf.slice(), roomOf: roomOf.slice(), cost };
  let evaluations = 0;
  let improvements = 0;
  const budgetLeft = () => evaluations < options.maxEvaluations && (!options.timeLeft || options.timeLeft());

  let list = neighbours(day, ordersOf(day, current), current);
  let sinceGain = 0;
  for (let i = 0; sinceGain < list.length && budgetLeft(); i++, sinceGain++) {
    const neighbour = list[i % list.length]!();
    if (!neighbour || !tryNeighbour(neighbour, cost)) continue;
    sinceGain = 0;
    list = neighbours(day, ordersOf(day, current), current);
  }

  const history = new Float64Array(WALK_HISTORY).fill(cost);
  let kept = 0;
  let walk = [...list, ...resequenceNeighbours(day, ordersOf(day, current), current)];
  let draws = 0;
  while (budgetLeft() && walk.length > 0 && draws++ < 4 * options.maxEvaluations) {
    const neighbour = walk[options.rng.int(walk.length)]!();
    if (!neighbour) continue;
    const limit = Math.max(cost, history[kept % WALK_HISTORY]!) + 1e-6;
    if (!tryNeighbour(neighbour, limit)) continue;
    history[kept++ % WALK_HISTORY] = cost;
    walk = [...neighbours(day, ordersOf(day, current), current), ...resequenceNeighbours(day, ordersOf(day, current), current)];
  }
  start.set(best.start);
  staffOf.set(best.staffOf);
  roomOf.set(best.roomOf);
  return { start, staffOf, roomOf, sessionOf, cost: best.cost, improvements, evaluations };

  /** Times a neighbour exactly; makes it the current schedule when it costs less than `limit` (and holds). */
  function tryNeighbour(next: Neighbour, limit: number): boolean {
    evaluations++;
    const nextStaff = next.staffOf ?? staffOf;
    const nextRoom = next.roomOf ?? roomOf;
    const trial: RetimeSchedule = { start, staffOf: nextStaff, roomOf: nextRoom, sessionOf };
    const model = buildRetimeModel(day, trial, next.orders);
    const solution = solveRetime(model);
    if (!solution) return false;
    const trialStart = Int32Array.from(start);
    model.activities.forEach((a, k) => { trialStart[a] = solution.x[k]!; });
    const candidate: RetimeSchedule = { start: trialStart, staffOf: nextStaff, roomOf: nextRoom, sessionOf };
    const trialCost = retimedCost(day, candidate);
    if (trialCost >= limit - 1e-9 || !options.holds(candidate)) return false;
    start.set(trialStart);
    if (nextStaff !== staffOf) staffOf.set(nextStaff);
    if (nextRoom !== roomOf) roomOf.set(nextRoom);
    cost = trialCost;
    if (cost < best.cost - 1e-9) {
      best.start.set(start);
      best.staffOf.set(staffOf);
      best.roomOf.set(roomOf);
      best.cost = cost;
      improvements++;
    }
    return true;
  }
}

interface Neighbour {
  orders: RetimeOrders;
  staffOf?: Int32Array;
  roomOf?: Int32Array;
}

/** The neighbours of a schedule, in a fixed order, each built when called (undefined: not a valid order). */
function neighbours(day: CompiledDay, orders: RetimeOrders, at: RetimeSchedule): Array<() => Neighbour | undefined> {
  const { start, staffOf, roomOf, sessionOf } = at;
  const dur = day.durationMin;
  const out: Array<() => Neighbour | undefined> = [];
  const movable = (a: number) => start[a]! >= 0 && staffOf[a]! >= 0 && !day.pin[a] && sessionOf[a]! < 0;
  const oneSeat = (r: number) => day.problem.rooms[r]!.capacity <= 1;

  for (let a = 0; a < day.activityCount; a++) {
    if (!movable(a)) continue;
    const p = day.activityPatient[a]!;
    const own = orders.patient[p]!;
    const at0 = own.indexOf(a);
    for (const s of day.staffOptions[a]!) {
      const sessions = orders.staff[s]!.filter((session) => session[0] !== a);
      const ownIndex = s === staffOf[a] ? indexOnStaff(orders, s, a) : -1;
      for (let k = 0; k <= sessions.length; k++) {
        // Where this place in the clinician's list falls: right after the one before it (or
        // right before the one after it, at the head of the list).
        const before = k > 0 ? sessions[k - 1]![0]! : -1;
        const after = k < sessions.length ? sessions[k]![0]! : -1;
        const estimate = before >= 0 ? start[before]! + dur[before]! : after >= 0 ? start[after]! - dur[a]! : start[a]!;
        // Its own place on its own clinician's list is resequence.ts's neighbourhood.
        if (s === staffOf[a] && k === ownIndex) continue;
        for (const shift of [0, -1, 1]) {
          out.push(() => {
            const patient = own.filter((b) => b !== a);
            let j = 0;
            while (j < patient.length && start[patient[j]!]! < estimate) j++;
            j += shift;
            if (j < 0 || j > patient.length) return undefined;
            if (shift !== 0 && j === placeByTime(patient, start, estimate)) return undefined;
            patient.splice(j, 0, a);
            if (!precedenceHolds(day, patient)) return undefined;
            const rest = orders.rest[p]!.slice();
            // The gaps around the moved activity keep the rest they replace (never fewer rests).
            rest.splice(at0, 1);
            if (at0 < rest.length) rest[at0] = rest[at0]! || orders.rest[p]![at0]!;
            rest.splice(j, 0, rest[j] ?? false);
            if (j === 0 && rest.length > 1) rest[0] = false;
            const staff = orders.staff.slice();
            staff[staffOf[a]!] = orders.staff[staffOf[a]!]!.filter((session) => session[0] !== a);
            const list = (s === staffOf[a] ? staff[s]! : orders.staff[s]!).slice();
            list.splice(k, 0, [a]);
            staff[s] = list;
            let room = orders.room;
            const r = roomOf[a]!;
            if (oneSeat(r)) {
              const roomList = orders.room[r]!.filter((b) => b !== a);
              roomList.splice(placeByTime(roomList, start, estimate), 0, a);
              room = orders.room.slice();
              room[r] = roomList;
            }
            const patients = orders.patient.slice();
            patients[p] = patient;
            const rests = orders.rest.slice();
            rests[p] = rest;
            const nextStaff = Int32Array.from(staffOf);
            nextStaff[a] = s;
            return { orders: { staff, room, patient: patients, rest: rests }, staffOf: nextStaff };
          });
        }
      }
    }
  }

  // Two activities of one type traded between their clinicians, each in the other's place.
  for (let a = 0; a < day.activityCount; a++) {
    if (!movable(a)) continue;
    for (let b = a + 1; b < day.activityCount; b++) {
      if (!movable(b) || day.activityTypeId[b] !== day.activityTypeId[a] || staffOf[b] === staffOf[a]) continue;
      if (!day.staffOptions[a]!.includes(staffOf[b]!) || !day.staffOptions[b]!.includes(staffOf[a]!)) continue;
      out.push(() => {
        const staff = orders.staff.slice();
        staff[staffOf[a]!] = orders.staff[staffOf[a]!]!.map((session) => (session[0] === a ? [b] : session));
        staff[staffOf[b]!] = orders.staff[staffOf[b]!]!.map((session) => (session[0] === b ? [a] : session));
        const nextStaff = Int32Array.from(staffOf);
        nextStaff[a] = staffOf[b]!;
        nextStaff[b] = staffOf[a]!;
        return { orders: { ...orders, staff }, staffOf: nextStaff };
      });
    }
  }
  return out;
}

/** How many of `list` start before `t` (the list is in start order). */
function placeByTime(list: readonly number[], start: Int32Array, t: number): number {
  let j = 0;
  while (j < list.length && start[list[j]!]! < t) j++;
  return j;
}

function indexOnStaff(orders: RetimeOrders, s: number, a: number): number {
  return orders.staff[s]!.findIndex((session) => session[0] === a);
}

/** Whether no activity in `list` comes after one that must follow it. */
function precedenceHolds(day: CompiledDay, list: readonly number[]): boolean {
  for (let i = 0; i < list.length; i++) for (const arc of day.preds[list[i]!]!) if (list.indexOf(arc.other) > i) return false;
  return true;
}
