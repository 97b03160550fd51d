/**
 * The outreach decoder: turns a priority list of activities into a schedule, placing each
 * (once its predecessors are placed or given up) at the staff member, room and start that
 * minimise start + added driving, among those where every hard rule holds. `check` names the
 * first rule a candidate breaks, which the explanations reuse.
 */
import type { CompiledActivity, CompiledOutreach } from './compile-outreach.ts';
import { travelBetween } from './compile-outreach.ts';
import type { OutreachReasonCode } from './outreach-plan.ts';

export interface Placement {
  activity: number;
  start: number;
  end: number;
  staff: number;
  room: string;
  /** Group sessions: the placement index of the session's first member. */
  group: number;
}

export interface Candidate {
  start: number;
  staff: number;
  room: string;
}

/** The schedule being built: what each staff member, resident and room is doing. */
export class OutreachSchedule {
  readonly placed: Array<Placement | undefined>;
  readonly failed: boolean[];
  private readonly byStaff: Placement[][];
  private readonly byResident: Placement[][];
  private readonly byRoom = new Map<string, Placement[]>();
  private readonly homeUse: number[];
  private homesUsed = 0;

  constructor(readonly day: CompiledOutreach) {
    this.placed = day.activities.map(() => undefined);
    this.failed = day.activities.map(() => false);
    this.byStaff = day.problem.staff.map(() => []);
    this.byResident = day.problem.residents.map(() => []);
    this.homeUse = day.problem.homes.map(() => 0);
  }

  staffPlacements(staff: number): readonly Placement[] {
    return this.byStaff[staff]!;
  }

  /** The first hard rule placing `activity` here breaks, or undefined when it fits. */
  check(a: CompiledActivity, c: Candidate): OutreachReasonCode | undefined {
    const day = this.day;
    const centre = day.problem.centre;
    const start = c.start;
    const end = start + a.durationMin;
    if (a.pin && (start !== a.pin.startMin || (a.pin.staffId !== undefined && day.problem.staff[c.staff]!.id !== a.pin.staffId) || (a.pin.roomId !== undefined && c.room !== a.pin.roomId))) return 'pin-conflict';
    if (!a.pin && day.problem.replanFromMin !== undefined && start < day.problem.replanFromMin) return 'replan-time';
    if (end > centre.mdt.startMin) return 'mdt';
    if (start < a.windowStart || end > a.windowEnd) return 'outside-visiting-hours';
    if (this.homeUse[a.homeIndex] === 0 && this.homesUsed >= centre.maxHomes) return 'home-limit';
    const member = day.problem.staff[c.staff]!;
    if (member.breaks.some((b) => start < b.endMin && b.startMin < end)) return 'shift';
    if (member.offSickFromMin !== undefined && end > member.offSickFromMin) return 'shift';
    // The staff member's sequence: who comes before and after, and the drives between.
    let prev: Placement | undefined;
    let next: Placement | undefined;
    for (const p of this.byStaff[c.staff]!) {
      if (p.start === start && p.room === c.room && this.day.activities[p.activity]!.typeId === a.typeId && a.groupCapacity > 1) {
        if (this.groupSize(p) >= a.groupCapacity) return 'staff-busy';
        continue; // joining this session
      }
      if (p.start < end && start < p.end) return 'staff-busy';
      if (p.end <= start && (!prev || p.end > prev.end)) prev = p;
      if (p.start >= end && (!next || p.start < next.start)) next = p;
    }
    const home = a.location;
    if (prev) {
      if (prev.end + travelBetween(day, day.activities[prev.activity]!.location, home) > start) return 'travel';
    } else if (member.shift.startMin + travelBetween(day, 0, home) > start) return 'shift';
    if (next) {
      if (end + travelBetween(day, home, day.activities[next.activity]!.location) > next.start) return 'travel';
    } else if (member.offSickFromMin === undefined) {
      const back = end + travelBetween(day, home, 0);
      if (back > member.shift.endMin) return 'shift';
      if (centre.mdtMode === 'return' && member.mdtMember && back > centre.mdt.startMin) return 'mdt';
    }
    // The resident: one thing at a time, and a transfer between rooms.
    for (const p of this.byResident[a.residentIndex]!) {
      const gap = p.room === c.room ? 0 : centre.transferMin;
      if (p.start < end + gap && start < p.end + gap) return 'resident-busy';
    }
    // Shared rooms: sessions at once ≤ capacity (a group session counts once).
    if (!c.room.startsWith('own-room:')) {
      const sessions = new Set<number>();
      for (const p of this.byRoom.get(c.room) ?? []) {
        if (p.start < end && start < p.end) {
          const joining = p.start === start && this.day.activities[p.activity]!.typeId === a.typeId && a.groupCapacity > 1 && day.problem.staff[p.staff] === member;
          if (!joining) sessions.add(p.group);
        }
      }
      if (sessions.size >= (day.roomCapacity.get(c.room) ?? 0)) return 'room-busy';
    }
    for (const arc of day.predecessors[a.index]!) {
      const p = this.placed[arc.before];
      if (p && start < p.end + arc.lagMin) return 'precedence';
    }
    for (const arc of day.successors[a.index]!) {
      const p = this.placed[arc.after];
      if (p && p.start < end + arc.lagMin) return 'precedence';
    }
    return undefined;
  }

  private groupSize(p: Placement): number {
    return this.byStaff[p.staff]!.filter((q) => q.group === p.group).length;
  }

  /** Candidate starts for this activity with this staff member and room, in ascending order. */
  private candidateStarts(a: CompiledActivity, staff: number, room: string): number[] {
    if (a.pin) return [a.pin.startMin];
    const day = this.day;
    const member = day.problem.staff[staff]!;
    let lower = Math.max(a.windowStart, member.shift.startMin + travelBetween(day, 0, a.location));
    for (const arc of day.predecessors[a.index]!) {
      const p = this.placed[arc.before];
      if (p) lower = Math.max(lower, p.end + arc.lagMin);
    }
    const latest = a.windowEnd - a.durationMin;
    const starts = new Set<number>([lower]);
    const add = (t: number): void => {
      if (t > lower && t <= latest) starts.add(t);
    };
    for (const p of this.byStaff[staff]!) {
      add(p.end + travelBetween(day, day.activities[p.activity]!.location, a.location));
      add(p.start);
    }
    for (const p of this.byResident[a.residentIndex]!) {
      add(p.end);
      add(p.end + day.problem.centre.transferMin);
    }
    for (const p of this.byRoom.get(room) ?? []) add(p.end);
    for (const b of member.breaks) add(b.endMin);
    return [...starts].filter((t) => t <= latest).sort((x, y) => x - y);
  }

  /** Added driving if the staff member makes this visit at `start`. */
  private addedTravel(staff: number, location: number, start: number): number {
    let prevLoc = 0;
    let prevEnd = -Infinity;
    let nextLoc = 0;
    let nextStart = Infinity;
    for (const p of this.byStaff[staff]!) {
      const loc = this.day.activities[p.activity]!.location;
      if (p.end <= start && p.end > prevEnd) {
        prevEnd = p.end;
        prevLoc = loc;
      }
      if (p.start >= start && p.start < nextStart) {
        nextStart = p.start;
        nextLoc = loc;
      }
    }
    const t = (x: number, y: number): number => travelBetween(this.day, x, y);
    return t(prevLoc, location) + t(location, nextLoc) - t(prevLoc, nextLoc);
  }

  /** The best feasible placement, or undefined. A group activity joins an existing session when it can (that is what group sessions are for). */
  best(a: CompiledActivity): Candidate | undefined {
    if (a.groupCapacity > 1 && !a.pin) {
      const sessions = a.qualifiedStaff.flatMap((staff) => this.byStaff[staff]!.filter((p) => a.rooms.includes(p.room) && this.day.activities[p.activity]!.typeId === a.typeId).map((p) => ({ start: p.start, staff, room: p.room })));
      const joinable = sessions.filter((c) => this.check(a, c) === undefined).sort((x, y) => x.start - y.start);
      if (joinable.length > 0) return joinable[0];
    }
    let best: Candidate | undefined;
    let bestKey = Infinity;
    const staffList = a.pin?.staffId !== undefined ? a.qualifiedStaff.filter((k) => this.day.problem.staff[k]!.id === a.pin!.staffId) : a.qualifiedStaff;
    for (const staff of staffList) {
      for (const room of a.rooms) {
        for (const start of this.candidateStarts(a, staff, room)) {
          if (start >= bestKey) break;
          const candidate = { start, staff, room };
          if (this.check(a, candidate) !== undefined) continue;
          const key = start + this.addedTravel(staff, a.location, start);
          if (key < bestKey) {
            bestKey = key;
            best = candidate;
          }
          break;
        }
      }
    }
    return best;
  }

  place(a: CompiledActivity, c: Candidate): Placement {
    let group = -1;
    if (a.groupCapacity > 1) {
      const session = this.byStaff[c.staff]!.find((p) => p.start === c.start && p.room === c.room && this.day.activities[p.activity]!.typeId === a.typeId);
      if (session) group = session.group;
    }
    const placement: Placement = { activity: a.index, start: c.start, end: c.start + a.durationMin, staff: c.staff, room: c.room, group: group >= 0 ? group : a.index };
    this.placed[a.index] = placement;
    this.byStaff[c.staff]!.push(placement);
    this.byResident[a.residentIndex]!.push(placement);
    if (!c.room.startsWith('own-room:')) this.byRoom.set(c.room, [...(this.byRoom.get(c.room) ?? []), placement]);
    if (this.homeUse[a.homeIndex]!++ === 0) this.homesUsed++;
    return placement;
  }

  /**
   * Decodes a priority list: pins first, then each activity once its predecessors are settled.
   * `hints` (an earlier plan's placements by activity index) are taken where they still fit.
   */
  decode(order: readonly number[], hints?: ReadonlyMap<number, Candidate>): this {
    const acts = this.day.activities;
    for (const a of acts) if (a.pin && !a.staticReason) this.tryPlace(a);
    const pending = order.filter((i) => !acts[i]!.pin || acts[i]!.staticReason);
    while (pending.length > 0) {
      let pick = pending.findIndex((i) => this.day.predecessors[i]!.every((arc) => this.placed[arc.before] !== undefined || this.failed[arc.before] || !pending.includes(arc.before)));
      if (pick < 0) pick = 0; // a cycle in the rules: take the list's first
      const index = pending.splice(pick, 1)[0]!;
      const a = acts[index]!;
      if (a.staticReason) this.failed[index] = true;
      else this.tryPlace(a, hints?.get(index));
    }
    return this;
  }

  private tryPlace(a: CompiledActivity, hint?: Candidate): void {
    const c = hint !== undefined && this.check(a, hint) === undefined ? hint : this.best(a);
    if (c) this.place(a, c);
    else this.failed[a.index] = true;
  }
}
