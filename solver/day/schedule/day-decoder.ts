/**
 * The serial schedule-generation scheme: decodes a priority list of activities into a
 * schedule, placing each activity at its earliest feasible start (with a staff member and
 * a room) given everything placed before it. Every hard constraint of SPEC §3C is enforced
 * at placement time, so every decoded schedule is feasible; what cannot be placed is left
 * unplaced with the constraint that blocked it last.
 *
 * One decoder is reused for the whole search: state lives in typed arrays that `decode`
 * resets, so the inner loop allocates almost nothing.
 */
import type { CompiledDay } from '../compile/compile-day-problem.ts';
import { CapacityTimeline } from './capacity-timeline.ts';
import { UnitTimeline } from './unit-timeline.ts';
import { WorkloadLookahead } from './workload-lookahead.ts';

/** What stopped an activity from being placed (the last thing that pushed it past its window). */
export const Block = {
  None: 0,
  Window: 1,
  Patient: 2,
  Staff: 3,
  Room: 4,
  Rest: 5,
  Precedence: 6,
  Pin: 7,
  OnSite: 8,
} as const;
export type Block = (typeof Block)[keyof typeof Block];

/** What a decode leaves behind: per activity its start, staff member, room and session, and why it failed. */
export interface DecodeResult {
  /** Start minute per activity, −1 if not placed. */
  readonly start: Int32Array;
  readonly staffOf: Int32Array;
  readonly roomOf: Int32Array;
  /** Group session index, −1 for one-to-one. */
  readonly sessionOf: Int32Array;
  readonly block: Uint8Array;
  /** Booked minutes per staff member (a group session counts once). */
  readonly staffLoad: Int32Array;
}

export class DayDecoder implements DecodeResult {
  /** Start minute per activity, −1 if not placed. */
  readonly start: Int32Array;
  readonly staffOf: Int32Array;
  readonly roomOf: Int32Array;
  /** Group session index, −1 for one-to-one. */
  readonly sessionOf: Int32Array;
  readonly block: Uint8Array;
  /** Booked minutes per staff member (a group session counts once). */
  readonly staffLoad: Int32Array;
  /**
   * Per patient: minutes after the lunch window opens before their meal is tried (part of
   * the search state; everyone eating at 12:00 keeps late-morning reviews from finishing).
   * Falls back to the earliest slot when the delayed one does not exist.
   */
  readonly mealDelayMin: Int32Array;
  /**
   * Per patient: no free activity of theirs starts before this minute (0: no limit). Set by
   * the end-of-search pass that shifts one patient's whole day (compact-patient-days.ts).
   */
  readonly patientNotBeforeMin: Int32Array;
  /** Minutes booked while the last decode could still end by its target (all of them if it never lost it). */
  targetKeptMin = 0;
  /**
   * A group session books its whole room (no one-to-one beside it), a restriction of the
   * checker's rule that the list search keeps (see day-search.ts); false: a place per patient.
   */
  groupTakesRoom = false;

  private readonly staffLines: UnitTimeline[];
  private readonly roomUnit: Array<UnitTimeline | null>;
  private readonly roomShared: Array<CapacityTimeline | null>;
  private readonly roomCapacity: Int32Array;
  /** Placed activities of each patient, sorted by start. */
  private readonly patientPlaced: number[][];
  private readonly waiting: number[][];
  private readonly predsLeft: Int32Array;
  private readonly processed: Uint8Array;
  private readonly pinnedList: number[];
  /** Placements held fixed by the caller (a neighbourhood search keeping most of a plan); −1: not fixed / any. */
  private readonly fixedStart: Int32Array;
  private readonly fixedStaff: Int32Array;
  private readonly fixedRoom: Int32Array;
  private readonly fixedList: number[] = [];
  // Group sessions: parallel arrays, cleared per decode.
  private sessionActivity: number[] = [];
  private sessionCount: number[] = [];
  private sessionLimit: number[] = [];
  private readonly typeKey: Int32Array;
  /** findSlot uses the activity's own window instead of the one narrowed through precedence (see placeLeftOutInOwnWindow). */
  private ownWindow = false;
  /** Activities whose window precedence narrows: the only ones the second try can help. */
  private readonly narrowedByPrecedence: number[] = [];
  // Result of the last findSlot.
  private slotStaff = -1;
  private slotRoom = -1;
  private slotBlock: Block = Block.None;
  // Result of the last choose.
  private chosenStart = -1;
  private chosenStaff = -1;
  private chosenRoom = -1;
  private chosenSession = -1;
  private chosenBlock: Block = Block.None;
  // Parallel scheme: cached choices per activity.
  private readonly cStart: Int32Array;
  private readonly cStaff: Int32Array;
  private readonly cRoom: Int32Array;
  private readonly cSession: Int32Array;
  private readonly cBlock: Uint8Array;
  private readonly cacheValid: Uint8Array;
  private readonly rank: Int32Array;
  private readonly readyList: number[] = [];
  /** Activities that could use each staff member / room (whose cached choice a booking there may change). */
  private readonly staffUsers: number[][];
  private readonly roomUsers: number[][];
  /**
   * Per staff member: the minutes of demand they could take, each activity's duration shared
   * among everyone qualified for it. Among staff free at a start, the least sought-after is
   * chosen (the phlebotomist takes bloods before an ANP does), then the best fit, then the
   * least loaded.
   */
  private readonly staffDemand: Float64Array;
  /** 1 when neither a rest rule nor the on-site limit can bind: only overlaps matter for this patient. */
  private readonly patientLooseDay: Uint8Array;
  /** Built on the first decode with a target end. */
  private lookahead: WorkloadLookahead | null = null;
  private readonly candidates: number[] = [];

  constructor(private readonly day: CompiledDay) {
    const { problem, activityCount: n } = day;
    this.start = new Int32Array(n).fill(-1);
    this.staffOf = new Int32Array(n).fill(-1);
    this.roomOf = new Int32Array(n).fill(-1);
    this.sessionOf = new Int32Array(n).fill(-1);
    this.block = new Uint8Array(n);
    this.predsLeft = new Int32Array(n);
    this.processed = new Uint8Array(n);
    this.staffLoad = new Int32Array(problem.staff.length);
    this.mealDelayMin = new Int32Array(problem.patients.length);
    this.patientNotBeforeMin = new Int32Array(problem.patients.length);
    this.cStart = new Int32Array(n);
    this.cStaff = new Int32Array(n);
    this.cRoom = new Int32Array(n);
    this.cSession = new Int32Array(n);
    this.cBlock = new Uint8Array(n);
    this.cacheValid = new Uint8Array(n);
    this.rank = new Int32Array(n);
    this.patientLooseDay = Uint8Array.from(problem.patients, (p) =>
      !p.rest && p.maxOnSiteMin >= p.latestDepartureMin - p.earliestArrivalMin ? 1 : 0,
    );
    for (let a = 0; a < n; a++) {
      if (day.ownLatestEndMin[a] !== day.latestEndMin[a] || day.ownEarliestStartMin[a] !== day.earliestStartMin[a]) this.narrowedByPrecedence.push(a);
    }
    this.staffUsers = problem.staff.map(() => []);
    this.roomUsers = problem.rooms.map(() => []);
    for (let a = 0; a < n; a++) {
      for (const st of day.staffOptions[a]!) this.staffUsers[st]!.push(a);
      for (const r of day.roomOptions[a]!) this.roomUsers[r]!.push(a);
    }
    this.staffDemand = new Float64Array(problem.staff.length);
    for (let a = 0; a < n; a++) for (const st of day.staffOptions[a]!) this.staffDemand[st] = this.staffDemand[st]! + day.durationMin[a]! / day.staffOptions[a]!.length;
    const far = day.horizonMin + 100_000;
    this.staffLines = problem.staff.map((s) => {
      const line = new UnitTimeline();
      // Off shift, breaks and (for MDT members) the meeting itself are blocked.
      line.add(-far, Math.max(s.shift.startMin, problem.centre.openMin));
      line.add(Math.min(s.shift.endMin, problem.centre.closeMin), far);
      for (const b of s.breaks) line.add(b.startMin, b.endMin);
      line.freezeBase();
      return line;
    });
    this.roomCapacity = Int32Array.from(problem.rooms, (r) => r.capacity);
    this.roomUnit = problem.rooms.map((r) => {
      if (r.capacity !== 1) return null;
      const line = new UnitTimeline();
      line.freezeBase();
      return line;
    });
    this.roomShared = problem.rooms.map((r) => {
      if (r.capacity === 1) return null;
      const line = new CapacityTimeline(r.capacity, day.horizonMin);
      line.freezeBase();
      return line;
    });
    this.patientPlaced = problem.patients.map(() => []);
    this.waiting = problem.patients.map(() => []);
    this.pinnedList = [];
    this.fixedStart = new Int32Array(n).fill(-1);
    this.fixedStaff = new Int32Array(n).fill(-1);
    this.fixedRoom = new Int32Array(n).fill(-1);
    for (let a = 0; a < n; a++) if (day.pin[a]) this.pinnedList.push(a);
    const typeIds = new Map<string, number>();
    this.typeKey = Int32Array.from(day.activityTypeId, (id) => {
      if (!typeIds.has(id)) typeIds.set(id, typeIds.size);
      return typeIds.get(id)!;
    });
  }

  /** Activities the search orders (everything not pinned). */
  freeActivities(): number[] {
    const out: number[] = [];
    for (let a = 0; a < this.day.activityCount; a++) if (!this.day.pin[a]) out.push(a);
    return out;
  }

  /**
   * Holds an activity at `startMin` (with `staff` / `room`, or any qualified one when −1) in
   * every decode until `clearFixed`: it is placed right after the pins, and the list skips it.
   */
  fix(a: number, startMin: number, staff = -1, room = -1): void {
    if (this.fixedStart[a]! < 0) this.fixedList.push(a);
    this.fixedStart[a] = startMin;
    this.fixedStaff[a] = staff;
    this.fixedRoom[a] = room;
  }

  /** Releases one fixed placement (the next decode treats the activity as free). */
  unfix(a: number): void {
    if (this.fixedStart[a]! < 0) return;
    this.fixedStart[a] = -1;
    this.fixedList.splice(this.fixedList.indexOf(a), 1);
  }

  /** Releases every fixed placement. */
  clearFixed(): void {
    for (const a of this.fixedList) this.fixedStart[a] = -1;
    this.fixedList.length = 0;
  }

  /**
   * Places the pins and the fixed placements only (nothing else, no second try for what is
   * left out): the rest of a plan, against which a neighbourhood search puts a patient's day
   * back with `canStartAt` and `holdAt`.
   */
  decodeHeld(): void {
    this.reset();
    for (const a of this.pinnedList) this.placePinned(a);
    for (const a of this.fixedList) this.placeFixed(a);
  }

  /**
   * Whether free activity `a` could start exactly at `startMin` given what is placed now: its
   * window (through precedence), the patient's placed activities, a qualified staff member
   * (`staff`, when ≥ 0) and a room (`room`, when ≥ 0) free, or a session of its type starting then with room.
   * `ownWindow`: the activity's own window instead (the caller times its precedences itself,
   * as the exact single-patient programme does: a same-room follow-on needs no transfer, which
   * the window narrowed through precedence assumes).
   */
  canStartAt(a: number, startMin: number, staff = -1, room = -1, ownWindow = false): boolean {
    this.ownWindow = ownWindow;
    const can = this.canStartAtWindow(a, startMin, staff, room);
    this.ownWindow = false;
    return can;
  }

  private canStartAtWindow(a: number, startMin: number, staff: number, room: number): boolean {
    const { day } = this;
    if (this.processed[a]) return false;
    if (day.groupCapacity[a]! > 1) {
      for (let k = 0; k < this.sessionActivity.length; k++) {
        const host = this.sessionActivity[k]!;
        if (this.typeKey[host] !== this.typeKey[a] || this.start[host] !== startMin || this.sessionCount[k]! >= this.sessionLimit[k]!) continue;
        if ((staff >= 0 && this.staffOf[host] !== staff) || (room >= 0 && this.roomOf[host] !== room)) continue;
        if (this.hasSeat(host) && this.fitsSession(a, host)) return true;
      }
    }
    // staff −2: any, booked or not (only the room and the patient's rules are asked).
    const staffList = staff >= 0 ? [staff] : staff === -2 ? [] : day.staffOptions[a]!;
    return this.findSlot(a, staffList, room >= 0 ? [room] : day.roomOptions[a]!, startMin) === startMin;
  }

  /**
   * Fixes free activity `a` at `startMin` (with `staff` and `room` when ≥ 0) and places it in the schedule
   * as it stands, as every later decode will; false (nothing placed, nothing fixed) when it
   * does not fit there.
   */
  holdAt(a: number, startMin: number, staff = -1, room = -1): boolean {
    if (this.processed[a]) return false;
    this.fix(a, startMin, staff, room);
    this.placeFixed(a);
    if (this.start[a]! >= 0) return true;
    // Not placed: forget it, as if never tried.
    this.processed[a] = 0;
    this.block[a] = Block.None;
    for (const arc of this.day.succs[a]!) this.predsLeft[arc.other]!++;
    this.unfix(a);
    return false;
  }

  /** Decodes a priority list (each free activity once). Pins, then fixed placements, come first. */
  decode(order: ArrayLike<number>): void {
    this.reset();
    const { day } = this;
    for (const a of this.pinnedList) this.placePinned(a);
    for (const a of this.fixedList) this.placeFixed(a);
    for (let i = 0; i < order.length; i++) {
      const a = order[i]!;
      if (this.processed[a]) continue;
      if (this.predsLeft[a]! > 0) this.waiting[day.activityPatient[a]!]!.push(a);
      else this.process(a);
    }
    // Whatever still waits sits on a precedence cycle.
    for (const list of this.waiting)
      for (const a of list)
        if (!this.processed[a]) {
          this.processed[a] = 1;
          this.block[a] = Block.Precedence;
        }
    this.placeLeftOutInOwnWindow();
  }

  /**
   * Precedence links only placed activities, but the static windows assume everything is
   * placed: the pharmacist's review must end in time for a geriatrician's review after it even
   * when that review was left out. A second try in the activity's own window (placed
   * neighbours still bind, through findSlot) places what the first pass lost that way — as the
   * final repair of planDay did, but now inside every evaluation, so the search sees it.
   */
  private placeLeftOutInOwnWindow(): void {
    const { day } = this;
    for (const a of this.narrowedByPrecedence) {
      if (this.start[a]! >= 0 || day.pin[a] || this.fixedStart[a]! >= 0) continue;
      const block = this.block[a]! as Block;
      this.ownWindow = true;
      this.placeFree(a);
      this.ownWindow = false;
      if (this.start[a]! < 0) this.block[a] = block;
    }
  }

  private reset(): void {
    const { day } = this;
    this.targetKeptMin = 0;
    this.start.fill(-1);
    this.staffOf.fill(-1);
    this.roomOf.fill(-1);
    this.sessionOf.fill(-1);
    this.block.fill(0);
    this.processed.fill(0);
    this.staffLoad.fill(0);
    for (const line of this.staffLines) line.reset();
    for (const line of this.roomUnit) line?.reset();
    for (const line of this.roomShared) line?.reset();
    for (const list of this.patientPlaced) list.length = 0;
    for (const list of this.waiting) list.length = 0;
    this.sessionActivity.length = 0;
    this.sessionCount.length = 0;
    this.sessionLimit.length = 0;
    for (let a = 0; a < day.activityCount; a++) this.predsLeft[a] = day.preds[a]!.length;
  }

  private process(a: number): void {
    this.placeFree(a);
    this.markProcessed(a);
  }

  private markProcessed(a: number): void {
    const { day } = this;
    this.processed[a] = 1;
    for (const arc of day.succs[a]!) this.predsLeft[arc.other]!--;
    const list = this.waiting[day.activityPatient[a]!]!;
    for (let i = 0; i < list.length; i++) {
      const w = list[i]!;
      if (!this.processed[w] && this.predsLeft[w] === 0) {
        list.splice(i, 1);
        this.process(w);
        i = -1; // the list may have changed under us; rescan from the front
      }
    }
  }

  /** While a pin is placed, the room it is pinned to (no transfer gap beside the patient's activities there); else −1. */
  private noTransferRoom = -1;

  private placePinned(a: number): void {
    const pin = this.day.pin[a]!;
    const staffIndex = pin.staffId === undefined ? -1 : this.day.problem.staff.findIndex((s) => s.id === pin.staffId);
    const roomIndex = pin.roomId === undefined ? -1 : this.day.problem.rooms.findIndex((r) => r.id === pin.roomId);
    const staffList = staffIndex >= 0 && this.day.staffOptions[a]!.includes(staffIndex) ? [staffIndex] : this.day.staffOptions[a]!;
    const roomList = roomIndex >= 0 && this.day.roomOptions[a]!.includes(roomIndex) ? [roomIndex] : this.day.roomOptions[a]!;
    const badChoice = (pin.staffId !== undefined && staffList.length !== 1) || (pin.roomId !== undefined && roomList.length !== 1);
    let ok = false;
    // A pin is a fact of an accepted plan: its own window binds, and precedence only with placed neighbours.
    this.ownWindow = true;
    if (!badChoice) {
      if (this.day.groupCapacity[a]! > 1 && this.tryJoinSession(a, pin.startMin, staffIndex, roomIndex)) ok = true;
      else {
        // A pin comes from a plan the checker accepted: back to back in the same room needs no transfer.
        this.noTransferRoom = roomList.length === 1 ? roomList[0]! : -1;
        if (this.findSlot(a, staffList, roomList, pin.startMin) === pin.startMin) {
          this.commit(a, pin.startMin, this.slotStaff, this.slotRoom);
          ok = true;
        }
        this.noTransferRoom = -1;
      }
    }
    this.ownWindow = false;
    if (!ok) this.block[a] = Block.Pin;
    this.markProcessed(a);
  }

  /** A fixed placement: exactly there, joining a session of its type that starts then if one has room. */
  private placeFixed(a: number): void {
    if (this.processed[a]) return; // a pin wins over a fixed placement
    const { day } = this;
    const t = this.fixedStart[a]!;
    const staff = this.fixedStaff[a]!;
    const room = this.fixedRoom[a]!;
    // Like a pin, a fixed placement comes from a plan: its own window binds.
    this.ownWindow = true;
    if (!(day.groupCapacity[a]! > 1 && this.tryJoinSession(a, t, staff, room))) {
      const staffList = staff >= 0 ? [staff] : day.staffOptions[a]!;
      const roomList = room >= 0 ? [room] : day.roomOptions[a]!;
      if (this.findSlot(a, staffList, roomList, t) === t) this.commit(a, t, this.slotStaff, this.slotRoom);
      else this.block[a] = Block.Pin;
    }
    this.ownWindow = false;
    this.markProcessed(a);
  }

  /** Places a free activity at its best start, or records why it could not be placed. */
  private placeFree(a: number): void {
    if (this.choose(a) < 0) this.block[a] = this.chosenBlock;
    else this.applyChoice(a);
  }

  /**
   * The best start for a free activity given what is placed: the earliest slot, or the named
   * clinician's slot when waiting for them costs less than missing them, or joining an
   * existing group session that starts no later. Sets chosen*; returns the start or −1.
   */
  private choose(a: number): number {
    const { day } = this;
    const staffAll = day.staffOptions[a]!;
    const rooms = day.roomOptions[a]!;
    let t = -1;
    const notBefore = this.patientNotBeforeMin[day.activityPatient[a]!]!;
    const delay = day.activityKind[a] === 'meal' ? this.mealDelayMin[day.activityPatient[a]!]! : 0;
    if (delay > 0) t = this.findSlot(a, staffAll, rooms, -1, Math.max(notBefore, day.earliestStartMin[a]! + delay));
    if (t < 0) t = this.findSlot(a, staffAll, rooms, -1, notBefore);
    this.chosenStaff = this.slotStaff;
    this.chosenRoom = this.slotRoom;
    this.chosenSession = -1;
    this.chosenBlock = this.slotBlock;
    const preferred = day.preferredStaff[a]!;
    if (preferred >= 0 && this.chosenStaff !== preferred && staffAll.includes(preferred)) {
      const tPreferred = this.findSlot(a, [preferred], rooms, -1, notBefore);
      const worthMin = day.weights.namedClinicianMissed / Math.max(1e-9, day.weights.patientIdleMin + day.weights.patientOnSiteMin);
      if (tPreferred >= 0 && (t < 0 || tPreferred - t <= worthMin)) {
        t = tPreferred;
        this.chosenStaff = this.slotStaff;
        this.chosenRoom = this.slotRoom;
      }
    }
    if (day.groupCapacity[a]! > 1) {
      const joined = this.bestSessionToJoin(a);
      if (joined >= 0 && this.start[this.sessionActivity[joined]!]! >= notBefore && (t < 0 || this.start[this.sessionActivity[joined]!]! <= t)) {
        const host = this.sessionActivity[joined]!;
        this.chosenSession = joined;
        this.chosenStaff = this.staffOf[host]!;
        this.chosenRoom = this.roomOf[host]!;
        t = this.start[host]!;
      }
    }
    this.chosenStart = t;
    return t;
  }

  private applyChoice(a: number): void {
    if (this.chosenSession >= 0) this.join(a, this.chosenSession);
    else this.commit(a, this.chosenStart, this.chosenStaff, this.chosenRoom);
  }

  /**
   * The parallel scheme (Giffler–Thompson style): repeatedly take, among the activities
   * whose predecessors are done, those that could start before the earliest possible
   * completion (`delta` = 1: active schedules) or at the earliest start (`delta` = 0:
   * non-delay schedules), and place the one highest in the priority list. Denser than the
   * serial scheme on makespan-like objectives, at more evaluations per decode; earliest
   * starts are cached and recomputed only for activities sharing the patient, a staff
   * member or a room with the one just placed.
   *
   * With a finite `targetEndMin` the pick also looks one step ahead (WorkloadLookahead):
   * the highest-priority candidate whose booking still lets every patient and clinician it
   * affects finish their remaining work by then; once no candidate can, the day cannot end
   * by the target any more and the decode goes on by priority alone.
   */
  decodeParallel(order: ArrayLike<number>, delta: number, targetEndMin = Infinity): void {
    this.reset();
    const { day } = this;
    for (const a of this.pinnedList) this.placePinned(a);
    for (const a of this.fixedList) this.placeFixed(a);
    const n = day.activityCount;
    let lookahead: WorkloadLookahead | null = null;
    if (targetEndMin < Infinity) {
      lookahead = this.lookahead ??= new WorkloadLookahead(day);
      // Until an activity's choice is computed, its static window start is what is known.
      this.cStart.set(day.earliestStartMin);
    }
    const rank = this.rank;
    rank.fill(0x7fffffff);
    for (let i = 0; i < order.length; i++) rank[order[i]!] = i;
    const valid = this.cacheValid;
    valid.fill(0);
    const ready = this.readyList;
    ready.length = 0;
    for (let a = 0; a < n; a++) if (!this.processed[a] && this.predsLeft[a] === 0) ready.push(a);
    const onReady = (a: number) => {
      for (const arc of day.succs[a]!) if (!this.processed[arc.other] && this.predsLeft[arc.other] === 0 && !ready.includes(arc.other)) ready.push(arc.other);
    };
    while (ready.length > 0) {
      let bestStart = Infinity;
      let bestEnd = Infinity;
      for (let i = 0; i < ready.length; i++) {
        const a = ready[i]!;
        if (!valid[a]) {
          const t = this.choose(a);
          this.cStart[a] = t;
          this.cStaff[a] = this.chosenStaff;
          this.cRoom[a] = this.chosenRoom;
          this.cSession[a] = this.chosenSession;
          this.cBlock[a] = this.chosenBlock;
          valid[a] = day.groupCapacity[a]! > 1 ? 0 : 1;
          if (t < 0) {
            // Resources only fill up and windows only narrow: it will never fit. Settle it now.
            this.block[a] = this.chosenBlock;
            ready[i] = ready[ready.length - 1]!;
            ready.pop();
            i--;
            this.processed[a] = 1;
            for (const arc of day.succs[a]!) this.predsLeft[arc.other]!--;
            onReady(a);
            continue;
          }
        }
        const t = this.cStart[a]!;
        if (t < bestStart) bestStart = t;
        const e = t + day.durationMin[a]!;
        if (e < bestEnd) bestEnd = e;
      }
      if (ready.length === 0) break;
      const limit = delta >= 1 ? bestEnd - 1 : bestStart + Math.floor(delta * Math.max(0, bestEnd - 1 - bestStart));
      let pick = -1;
      let pickIndex = -1;
      for (let i = 0; i < ready.length; i++) {
        const a = ready[i]!;
        if (this.cStart[a]! <= limit && (pick < 0 || rank[a]! < rank[pick]!)) {
          pick = a;
          pickIndex = i;
        }
      }
      if (lookahead && !lookahead.fits(pick, this.cStart[pick]!, targetEndMin, this.cStart, this.processed)) {
        const other = this.pickWithinTarget(lookahead, limit, targetEndMin);
        if (other >= 0) {
          pickIndex = other;
          pick = ready[other]!;
        } else lookahead = null; // the day can no longer end by the target: priority alone from here
      }
      ready[pickIndex] = ready[ready.length - 1]!;
      ready.pop();
      if (lookahead) this.targetKeptMin += day.durationMin[pick]!;
      this.chosenStart = this.cStart[pick]!;
      this.chosenStaff = this.cStaff[pick]!;
      this.chosenRoom = this.cRoom[pick]!;
      this.chosenSession = this.cSession[pick]!;
      this.applyChoice(pick);
      this.processed[pick] = 1;
      for (const arc of day.succs[pick]!) this.predsLeft[arc.other]!--;
      onReady(pick);
      // A cached choice elsewhere stays the earliest unless the new booking takes its very
      // staff member or room during its slot (bookings only ever remove free time).
      const from = this.chosenStart;
      const to = from + day.durationMin[pick]!;
      const staff = this.chosenStaff;
      const room = this.chosenRoom;
      const p = day.activityPatient[pick]!;
      const gap = day.transferMin;
      const looseDay = this.patientLooseDay[p] === 1;
      for (const b of day.patientActivities[p]!)
        if (valid[b] && (!looseDay || (this.cStart[b]! < to + gap && from < this.cStart[b]! + day.durationMin[b]! + gap))) valid[b] = 0;
      if (staff >= 0)
        for (const b of this.staffUsers[staff]!)
          if (valid[b] && this.cStaff[b] === staff && this.cStart[b]! < to && from < this.cStart[b]! + day.durationMin[b]!) valid[b] = 0;
      for (const b of this.roomUsers[room]!)
        if (valid[b] && this.cRoom[b] === room && this.cStart[b]! < to && from < this.cStart[b]! + day.durationMin[b]!) valid[b] = 0;
      // Successors' windows depend on the start just fixed.
      for (const arc of day.succs[pick]!) valid[arc.other] = 0;
      for (const arc of day.preds[pick]!) valid[arc.other] = 0;
    }
    for (let a = 0; a < n; a++)
      if (!this.processed[a]) {
        this.processed[a] = 1;
        this.block[a] = Block.Precedence;
      }
  }

  /**
   * Index in the ready list of the highest-priority candidate (start ≤ limit) the lookahead
   * accepts, after the first choice was refused; −1 if none.
   */
  private pickWithinTarget(lookahead: WorkloadLookahead, limit: number, targetEndMin: number): number {
    const ready = this.readyList;
    const candidates = this.candidates;
    candidates.length = 0;
    for (let i = 0; i < ready.length; i++) if (this.cStart[ready[i]!]! <= limit) candidates.push(i);
    const rank = this.rank;
    candidates.sort((x, y) => rank[ready[x]!]! - rank[ready[y]!]!);
    // The first was refused already.
    for (let k = 1; k < candidates.length; k++) {
      const a = ready[candidates[k]!]!;
      if (lookahead.fits(a, this.cStart[a]!, targetEndMin, this.cStart, this.processed)) return candidates[k]!;
    }
    return -1;
  }

  /**
   * Earliest start ≥ the activity's lower bound (or exactly `exactStart`) where the patient,
   * one of `staffList` (none for the meal) and one of `roomList` are free and every
   * patient-side rule holds. Sets slotStaff/slotRoom; −1 (with slotBlock) if none.
   */
  private findSlot(a: number, staffList: readonly number[], roomList: readonly number[], exactStart: number, notBeforeMin = 0): number {
    const { day } = this;
    const p = day.activityPatient[a]!;
    const d = day.durationMin[a]!;
    let lo = Math.max((this.ownWindow ? day.ownEarliestStartMin : day.earliestStartMin)[a]!, notBeforeMin);
    let hi = (this.ownWindow ? day.ownLatestEndMin : day.latestEndMin)[a]!;
    for (const arc of day.preds[a]!) {
      const s = this.start[arc.other]!;
      if (s >= 0) lo = Math.max(lo, s + day.durationMin[arc.other]! + arc.lagMin);
    }
    for (const arc of day.succs[a]!) {
      const s = this.start[arc.other]!;
      if (s >= 0) hi = Math.min(hi, s - arc.lagMin);
    }
    if (lo + d > hi) {
      this.slotBlock = Block.Precedence;
      return -1;
    }
    const placed = this.patientPlaced[p]!;
    if (placed.length > 0) {
      const first = this.start[placed[0]!]!;
      let last = 0;
      for (const b of placed) last = Math.max(last, this.start[b]! + day.durationMin[b]!);
      const maxOnSite = day.maxOnSiteMin[p]!;
      lo = Math.max(lo, last + day.checkInMin - maxOnSite);
      hi = Math.min(hi, first - day.checkInMin + maxOnSite);
      if (lo + d > hi) {
        this.slotBlock = Block.OnSite;
        return -1;
      }
    }
    if (exactStart >= 0) {
      if (exactStart < lo || exactStart + d > hi) {
        this.slotBlock = Block.Window;
        return -1;
      }
      lo = exactStart;
      hi = exactStart + d;
    }
    const t = this.earliestSlot(a, staffList, roomList, lo, hi);
    // Staying in the room of the activity before (or after) needs no transfer: the next
    // clinician comes to the patient. Only a candidate earlier than the slot found counts.
    if (t !== lo && day.transferMin > 0 && this.noTransferRoom < 0 && placed.length > 0 && roomList.length > 0) {
      const stay = this.sameRoomSlot(a, staffList, roomList, lo, t < 0 ? hi : Math.min(hi, t - 1 + d));
      if (stay >= 0) return stay;
    }
    return t;
  }

  /** The earliest start in [lo, hi − d] with every rule, a transfer gap beside each neighbour in another room. */
  private earliestSlot(a: number, staffList: readonly number[], roomList: readonly number[], lo: number, hi: number): number {
    const { day } = this;
    const p = day.activityPatient[a]!;
    const d = day.durationMin[a]!;
    const group = day.groupCapacity[a]! > 1;
    let t = lo;
    this.slotBlock = Block.Window;
    for (let guard = 0; guard < 100_000 && t + d <= hi; guard++) {
      const tp = this.patientNextFree(p, t, d);
      if (tp !== t) {
        t = tp;
        this.slotBlock = Block.Patient;
        continue;
      }
      let staff = -1;
      if (staffList.length > 0) {
        let next = Infinity;
        for (const s of staffList) {
          const f = this.staffLines[s]!.nextFree(t, d);
          if (f === t) {
            if (staff < 0 || this.preferStaff(s, staff, t)) staff = s;
          } else if (f < next) next = f;
        }
        if (staff < 0) {
          t = next;
          this.slotBlock = Block.Staff;
          continue;
        }
      }
      // An empty room list means "joining a session": its room is already booked.
      let room = -1;
      let nextRoom = Infinity;
      if (roomList.length === 0) nextRoom = t;
      for (const r of roomList) {
        const f = this.roomNextFree(r, t, d, group);
        if (f === t) {
          room = r;
          break;
        }
        if (f < nextRoom) nextRoom = f;
      }
      if (room < 0 && nextRoom !== t) {
        t = nextRoom;
        this.slotBlock = Block.Room;
        continue;
      }
      if (!this.restHolds(p, t, d)) {
        t = this.restNextTry(p, t);
        this.slotBlock = Block.Rest;
        continue;
      }
      this.slotStaff = staff;
      this.slotRoom = room;
      return t;
    }
    return -1;
  }

  /**
   * The earliest start in [lo, hi − d] right after or right before one of the patient's
   * activities, in that activity's room, with no transfer gap beside it; −1 if none. Leaves
   * slotStaff/slotRoom/slotBlock alone when it finds nothing.
   */
  private sameRoomSlot(a: number, staffList: readonly number[], roomList: readonly number[], lo: number, hi: number): number {
    const { day } = this;
    const p = day.activityPatient[a]!;
    const d = day.durationMin[a]!;
    const group = day.groupCapacity[a]! > 1;
    let best = -1;
    let bestStaff = -1;
    let bestRoom = -1;
    for (const b of this.patientPlaced[p]!) {
      const room = this.roomOf[b]!;
      if (!roomList.includes(room)) continue;
      for (let side = 0; side < 2; side++) {
        const t = side === 0 ? this.start[b]! + day.durationMin[b]! : this.start[b]! - d;
        if (t < lo || t + d > hi || (best >= 0 && t >= best)) continue;
        if (this.patientNextFree(p, t, d, room) !== t || this.roomNextFree(room, t, d, group) !== t) continue;
        let staff = -1;
        for (const s of staffList) if (this.staffLines[s]!.nextFree(t, d) === t && (staff < 0 || this.preferStaff(s, staff, t))) staff = s;
        if (staffList.length > 0 && staff < 0) continue;
        if (!this.restHolds(p, t, d)) continue;
        best = t;
        bestStaff = staff;
        bestRoom = room;
      }
    }
    if (best >= 0) {
      this.slotStaff = bestStaff;
      this.slotRoom = bestRoom;
    }
    return best;
  }

  /** Whether staff member s is a better pick than `than` for a slot both are free for. */
  private preferStaff(s: number, than: number, t: number): boolean {
    const ds = this.staffDemand[s]!;
    const dt = this.staffDemand[than]!;
    if (Math.abs(ds - dt) > 1e-6) return ds < dt;
    // Best fit: the one whose last booking (or break, or shift start) ends nearest t, so the
    // others keep their longer free stretches for activities that need them.
    const gs = t - this.staffLines[s]!.lastEndBefore(t);
    const gt = t - this.staffLines[than]!.lastEndBefore(t);
    if (gs !== gt) return gs < gt;
    return this.staffLoad[s]! < this.staffLoad[than]!;
  }

  /**
   * Earliest t' ≥ t where room r has a place for d minutes. A place is one patient's activity,
   * as the checker counts it: a group of two in a gym for six leaves four places, for more
   * members or for a one-to-one beside it.
   */
  private roomNextFree(r: number, t: number, d: number, group: boolean): number {
    const unit = this.roomUnit[r];
    return unit ? unit.nextFree(t, d) : this.roomShared[r]!.nextFree(t, d, group && this.groupTakesRoom ? this.roomCapacity[r]! : 1);
  }

  /** Whether the host's room has a place for one more member throughout its session. */
  private hasSeat(host: number): boolean {
    if (this.groupTakesRoom) return true; // the session has the room: its size limit is all
    const shared = this.roomShared[this.roomOf[host]!];
    const s = this.start[host]!;
    return shared !== null && shared !== undefined && shared.nextFree(s, this.day.durationMin[host]!) === s;
  }

  /** Earliest t' ≥ t where the patient is free for d minutes, keeping the transfer gap either side (none beside their activities in `sameRoom`). */
  private patientNextFree(p: number, t: number, d: number, sameRoom = this.noTransferRoom): number {
    const { day } = this;
    for (const b of this.patientPlaced[p]!) {
      const s = this.start[b]!;
      const e = s + day.durationMin[b]!;
      const gap = this.roomOf[b] === sameRoom ? 0 : day.transferMin;
      if (t < e + gap && s < t + d + gap) t = e + gap;
    }
    return t;
  }

  /** The rest rule: no more than maxConsecutive activities with less than minRestMin between them. */
  private restHolds(p: number, t: number, d: number): boolean {
    const { day } = this;
    const maxRun = day.restMaxConsecutive[p]!;
    if (maxRun <= 0) return true;
    const minRest = day.restMinMin[p]!;
    // Walk the patient's activities (the meal included, as the checker counts it) in time
    // order with the candidate merged in.
    const placed = this.patientPlaced[p]!;
    let run = 0;
    let prevEnd = -1e9;
    let inserted = false;
    for (let i = 0; i <= placed.length; i++) {
      let s: number;
      let e: number;
      if (!inserted && (i === placed.length || t < this.start[placed[i]!]!)) {
        inserted = true;
        s = t;
        e = t + d;
        i--;
      } else if (i < placed.length) {
        const b = placed[i]!;
        s = this.start[b]!;
        e = s + day.durationMin[b]!;
      } else break;
      run = s - prevEnd < minRest ? run + 1 : 1;
      if (run > maxRun) return false;
      prevEnd = e;
    }
    return true;
  }

  /** Where to try next after the rest rule failed at t: a full rest after the activity before t, else a minute later. */
  private restNextTry(p: number, t: number): number {
    const { day } = this;
    let prevEnd = -Infinity;
    for (const b of this.patientPlaced[p]!) {
      const e = this.start[b]! + day.durationMin[b]!;
      if (e <= t) prevEnd = Math.max(prevEnd, e);
    }
    const rested = prevEnd + day.restMinMin[p]!;
    return rested > t ? rested : t + 1;
  }

  private commit(a: number, t: number, staff: number, room: number): void {
    const { day } = this;
    const d = day.durationMin[a]!;
    this.start[a] = t;
    this.staffOf[a] = staff;
    this.roomOf[a] = room;
    if (staff >= 0) {
      this.staffLines[staff]!.add(t, t + d);
      this.staffLoad[staff] = this.staffLoad[staff]! + d;
    }
    const unit = this.roomUnit[room];
    const group = day.groupCapacity[a]! > 1;
    if (unit) unit.add(t, t + d);
    else this.roomShared[room]!.add(t, t + d, group && this.groupTakesRoom ? this.roomCapacity[room]! : 1);
    if (group) {
      this.sessionOf[a] = this.sessionActivity.length;
      this.sessionActivity.push(a);
      this.sessionCount.push(1);
      this.sessionLimit.push(Math.min(day.groupCapacity[a]!, this.roomCapacity[room]!));
    }
    this.insertPlaced(a);
  }

  private insertPlaced(a: number): void {
    const list = this.patientPlaced[this.day.activityPatient[a]!]!;
    let i = list.length;
    list.push(a);
    while (i > 0 && this.start[list[i - 1]!]! > this.start[a]!) {
      list[i] = list[i - 1]!;
      i--;
    }
    list[i] = a;
  }

  /** The session of the same type this activity can join earliest, or −1. */
  private bestSessionToJoin(a: number): number {
    let best = -1;
    for (let k = 0; k < this.sessionActivity.length; k++) {
      const host = this.sessionActivity[k]!;
      if (this.typeKey[host] !== this.typeKey[a] || this.sessionCount[k]! >= this.sessionLimit[k]!) continue;
      const s = this.start[host]!;
      if (best >= 0 && this.start[this.sessionActivity[best]!]! <= s) continue;
      if (this.hasSeat(host) && this.fitsSession(a, host)) best = k;
    }
    return best;
  }

  /** Whether the patient can join the host's session: free then, with no transfer beside their own activities in its room. */
  private fitsSession(a: number, host: number): boolean {
    const s = this.start[host]!;
    this.noTransferRoom = this.roomOf[host]!;
    const fits = this.findSlot(a, [], [], s) === s;
    this.noTransferRoom = -1;
    return fits;
  }

  private tryJoinSession(a: number, startMin: number, staff: number, room: number): boolean {
    for (let k = 0; k < this.sessionActivity.length; k++) {
      const host = this.sessionActivity[k]!;
      if (this.typeKey[host] !== this.typeKey[a] || this.start[host] !== startMin || this.sessionCount[k]! >= this.sessionLimit[k]!) continue;
      if ((staff >= 0 && this.staffOf[host] !== staff) || (room >= 0 && this.roomOf[host] !== room)) continue;
      if (!this.hasSeat(host) || !this.fitsSession(a, host)) continue;
      this.join(a, k);
      return true;
    }
    return false;
  }

  private join(a: number, session: number): void {
    const host = this.sessionActivity[session]!;
    this.start[a] = this.start[host]!;
    this.staffOf[a] = this.staffOf[host]!;
    this.roomOf[a] = this.roomOf[host]!;
    this.sessionOf[a] = session;
    this.sessionCount[session] = this.sessionCount[session]! + 1;
    // Each member takes a place in the room (a one-seat room never holds a session of two).
    if (!this.groupTakesRoom) this.roomShared[this.roomOf[host]!]?.add(this.start[host]!, this.start[host]! + this.day.durationMin[host]!);
    this.insertPlaced(a);
  }
}
