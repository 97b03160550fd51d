/**
 * Re-sequencing with exact re-timing, a final local search: the schedule's orders (on every
 * staff member, room and patient) and assignments are changed one small step at a time — two
 * neighbours on a patient's day, a clinician's list or a room's list swapped, one activity
 * given to another qualified clinician or another room of its type — and each neighbour is
 * timed exactly (retime-model.ts, retime-solve.ts: the cheapest start times for those orders
 * under every hard rule). A neighbour that costs less is kept; the pass repeats until none
 * does or the budget is spent.
 *
 * The decoder's schedules place each activity at its earliest start in list order, so a
 * patient who waits because one clinician runs late cannot be helped by any single
 * activity's move; here the whole chain of activities behind the change is re-timed at once.
 */
import type { CompiledDay } from '../compile/compile-day-problem.ts';
import { buildRetimeModel, ordersOf, type RetimeOrders, type RetimeSchedule } from './retime-model.ts';
import { solveRetime } from './retime-solve.ts';
import { scheduleCost } from './schedule-cost.ts';

export interface ResequenceOutcome {
  start: Int32Array;
  staffOf: Int32Array;
  roomOf: Int32Array;
  sessionOf: Int32Array;
  cost: number;
  /** Neighbours kept. */
  improvements: number;
  /** Neighbours timed (each one exact re-timing). */
  evaluations: number;
  /** Neighbours kept, by kind (the schedule's own orders re-timed are not counted here). */
  kept: Partial<Record<NeighbourKind, number>>;
}

export interface ResequenceOptions {
  /** Neighbours timed at most (a fixed budget keeps the result deterministic). */
  maxEvaluations: number;
  /** Checked between neighbours; false stops the search (a time limit). */
  timeLeft?: () => boolean;
}

export function resequence(day: CompiledDay, schedule: RetimeSchedule, options: ResequenceOptions): ResequenceOutcome {
  const start = Int32Array.from(schedule.start);
  const staffOf = Int32Array.from(schedule.staffOf);
  const roomOf = Int32Array.from(schedule.roomOf);
  const sessionOf = Int32Array.from(schedule.sessionOf);
  const staffLoad = new Int32Array(day.problem.staff.length);
  let evaluations = 0;
  let improvements = 0;
  const kept: Partial<Record<NeighbourKind, number>> = {};
  const current: RetimeSchedule = { start, staffOf, roomOf, sessionOf };
  let cost = costOf(start, staffOf);
  // First the schedule's own orders, timed exactly.
  tryOrders(ordersOf(day, current), staffOf, roomOf);

  const budgetLeft = () => evaluations < options.maxEvaluations && (!options.timeLeft || options.timeLeft());
  // Neighbours in a fixed cycle: after a kept one, the list is rebuilt for the new schedule and
  // the scan goes on from where it was; a whole cycle without a gain ends the search.
  let list = resequenceNeighbours(day, ordersOf(day, current), current);
  let sinceGain = 0;
  for (let i = 0; sinceGain < list.length && budgetLeft(); i++, sinceGain++) {
    const neighbour = list[i % list.length]!();
    if (!tryOrders(neighbour.orders, neighbour.staffOf ?? staffOf, neighbour.roomOf ?? roomOf)) continue;
    kept[neighbour.kind] = (kept[neighbour.kind] ?? 0) + 1;
    sinceGain = 0;
    list = resequenceNeighbours(day, ordersOf(day, current), current);
  }
  return { start, staffOf, roomOf, sessionOf, cost, improvements, evaluations, kept };

  /** Times `next` exactly; keeps it when it costs less. */
  function tryOrders(next: RetimeOrders, nextStaff: Int32Array, nextRoom: Int32Array): boolean {
    evaluations++;
    const trial: RetimeSchedule = { start, staffOf: nextStaff, roomOf: nextRoom, sessionOf };
    const model = buildRetimeModel(day, trial, next);
    const solution = solveRetime(model);
    if (!solution) return false;
    const trialStart = Int32Array.from(start);
    model.activities.forEach((a, i) => { trialStart[a] = solution.x[i]!; });
    const trialCost = costOf(trialStart, nextStaff);
    if (trialCost >= cost - 1e-9) return false;
    start.set(trialStart);
    if (nextStaff !== staffOf) staffOf.set(nextStaff);
    if (nextRoom !== roomOf) roomOf.set(nextRoom);
    cost = trialCost;
    improvements++;
    return true;
  }

  function costOf(at: Int32Array, staff: Int32Array): number {
    return retimedCost(day, { start: at, staffOf: staff, roomOf, sessionOf }, staffLoad);
  }
}

/** The soft cost of a schedule given as starts and assignments (a group session counts once for its clinician's load). */
export function retimedCost(day: CompiledDay, schedule: RetimeSchedule, staffLoad = new Int32Array(day.problem.staff.length)): number {
  const { start, staffOf, roomOf, sessionOf } = schedule;
  staffLoad.fill(0);
  const seen = new Set<number>();
  for (let a = 0; a < day.activityCount; a++) {
    if (start[a]! < 0 || staffOf[a]! < 0) continue;
    // A group session counts once for its clinician.
    if (sessionOf[a]! >= 0) {
      if (seen.has(sessionOf[a]!)) continue;
      seen.add(sessionOf[a]!);
    }
    staffLoad[staffOf[a]!] = staffLoad[staffOf[a]!]! + day.durationMin[a]!;
  }
  return scheduleCost(day, { start, staffOf, roomOf, sessionOf, block: new Uint8Array(0), staffLoad });
}

export interface ResequenceNeighbour {
  kind: NeighbourKind;
  orders: RetimeOrders;
  staffOf?: Int32Array;
  roomOf?: Int32Array;
}

export type NeighbourKind = 'patient-order' | 'staff-swap' | 'room-swap' | 'other-staff' | 'other-room';

/** How far from where it stands an activity is tried in another clinician's list or its patient's day. */
const INSERT_REACH = 2;

/** The neighbours of a schedule's orders, in a fixed order, each built when called. */
export function resequenceNeighbours(day: CompiledDay, orders: RetimeOrders, at: RetimeSchedule): Array<() => ResequenceNeighbour> {
  const { start, staffOf, roomOf, sessionOf } = at;
  const out: Array<() => ResequenceNeighbour> = [];
  const precedes = (x: number, y: number) => day.succs[x]!.some((arc) => arc.other === y);
  const movable = (a: number) => !day.pin[a] && sessionOf[a]! < 0;
  // One activity to another qualified clinician, in their list where it stands or up to
  // INSERT_REACH places either side.
  for (let a = 0; a < day.activityCount; a++) {
    if (start[a]! < 0 || staffOf[a]! < 0 || !movable(a)) continue;
    for (const s of day.staffOptions[a]!) {
      if (s === staffOf[a]) continue;
      const sessions = orders.staff[s]!;
      let at0 = 0;
      while (at0 < sessions.length && start[sessions[at0]![0]!]! < start[a]!) at0++;
      for (let k = Math.max(0, at0 - INSERT_REACH); k <= Math.min(sessions.length, at0 + INSERT_REACH); k++) {
        out.push(() => {
          const staff = orders.staff.slice();
          staff[staffOf[a]!] = staff[staffOf[a]!]!.filter((session) => session[0] !== a);
          const list = sessions.slice();
          list.splice(k, 0, [a]);
          staff[s] = list;
          const nextStaff = Int32Array.from(staffOf);
          nextStaff[a] = s;
          return { kind: 'other-staff', orders: { ...orders, staff }, staffOf: nextStaff };
        });
      }
    }
  }
  // One activity moved along its patient's day, to 1..INSERT_REACH places earlier or later
  // (two neighbours swapped in the same room's list when both are there).
  for (let p = 0; p < orders.patient.length; p++) {
    const own = orders.patient[p]!;
    for (let k = 0; k < own.length; k++) {
      const x = own[k]!;
      if (day.pin[x]) continue;
      for (let j = Math.max(0, k - INSERT_REACH); j <= Math.min(own.length - 1, k + INSERT_REACH); j++) {
        if (j === k || (j < k && j + 1 === k)) continue; // an earlier neighbour's swap is the later one's move
        const moved = own.slice();
        moved.splice(k, 1);
        moved.splice(j, 0, x);
        // Precedence holds inside the patient's order, or the timing cannot.
        if (moved.some((y, i) => moved.slice(i + 1).some((z) => precedes(z, y)))) continue;
        if (moved.some((y) => day.pin[y] && moved.indexOf(y) !== own.indexOf(y))) continue;
        out.push(() => {
          let room = orders.room;
          if (Math.abs(j - k) === 1 && roomOf[x] === roomOf[own[j]!]) room = swapIn(orders.room, roomOf[x]!, x, own[j]!);
          return { kind: 'patient-order', orders: { ...orders, patient: replace(orders.patient, p, moved), room } };
        });
      }
    }
  }
  // Two neighbouring one-to-one sessions on a clinician's list.
  for (let s = 0; s < orders.staff.length; s++) {
    const sessions = orders.staff[s]!;
    for (let k = 0; k + 1 < sessions.length; k++) {
      const x = sessions[k]!;
      const y = sessions[k + 1]!;
      if (x.length > 1 || y.length > 1 || day.pin[x[0]!] || day.pin[y[0]!]) continue;
      out.push(() => {
        const list = sessions.slice();
        list[k] = y;
        list[k + 1] = x;
        const room = roomOf[x[0]!] === roomOf[y[0]!] ? swapIn(orders.room, roomOf[x[0]!]!, x[0]!, y[0]!) : orders.room;
        return { kind: 'staff-swap', orders: { ...orders, staff: replace(orders.staff, s, list), room } };
      });
    }
  }
  // Two neighbours in a one-seat room.
  for (let r = 0; r < orders.room.length; r++) {
    if (day.problem.rooms[r]!.capacity > 1) continue;
    const list = orders.room[r]!;
    for (let k = 0; k + 1 < list.length; k++) {
      const x = list[k]!;
      const y = list[k + 1]!;
      if (day.pin[x] || day.pin[y] || staffOf[x] === staffOf[y] || day.activityPatient[x] === day.activityPatient[y]) continue;
      out.push(() => {
        const next = list.slice();
        next[k] = y;
        next[k + 1] = x;
        return { kind: 'room-swap', orders: { ...orders, room: replace(orders.room, r, next) } };
      });
    }
  }
  // One activity to another one-seat room of its type.
  for (let a = 0; a < day.activityCount; a++) {
    if (start[a]! < 0 || !movable(a) || day.problem.rooms[roomOf[a]!]!.capacity > 1) continue;
    for (const r of day.roomOptions[a]!) {
      if (r === roomOf[a] || day.problem.rooms[r]!.capacity > 1) continue;
      out.push(() => {
        const room = orders.room.slice();
        room[roomOf[a]!] = room[roomOf[a]!]!.filter((b) => b !== a);
        const list = room[r]!.slice();
        let k = 0;
        while (k < list.length && start[list[k]!]! < start[a]!) k++;
        list.splice(k, 0, a);
        room[r] = list;
        const nextRoom = Int32Array.from(roomOf);
        nextRoom[a] = r;
        return { kind: 'other-room', orders: { ...orders, room }, roomOf: nextRoom };
      });
    }
  }
  return out;
}

function replace<T>(lists: readonly T[], i: number, value: T): T[] {
  const out = lists.slice();
  out[i] = value;
  return out;
}

function swapIn(lists: readonly number[][], r: number, x: number, y: number): number[][] {
  const list = lists[r]!.slice();
  const i = list.indexOf(x);
  const j = list.indexOf(y);
  list[i] = y;
  list[j] = x;
  return replace(lists, r, list);
}
