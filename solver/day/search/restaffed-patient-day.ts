/**
 * One patient's whole day put back exactly (the programme of exact-patient-day.ts) into a plan
 * whose other days are held at their times and rooms but not with their clinicians: a start is
 * allowed where a qualified clinician is free, or can be freed by handing each of their
 * activities then to another clinician qualified for it and free for its whole time (same
 * start, same room: one hand-over deep). Interchangeable clinicians (the ANPs, pharmacists,
 * physios of a centre) then stop fixing which slots a day can take: the exact put-back with
 * everyone else's staff held (ExactPatientDays.place) sees only the clinician each slot was
 * given, so a day whose cheapest slot is held by one ANP while another ANP is idle then is
 * refused. CP-SAT's 807.5 plan on icc-8 moves three patients' days and re-assigns most other
 * patients' clinicians around them.
 *
 * The hand-overs are made in the decoder's held plan (each fixed again with its new clinician)
 * before the day is held, and the decoder checks every rule again; when a held activity does
 * not stay where it was, everything is put back as it was and the plain exact put-back is used.
 * Group sessions, pins and activities with one qualified clinician are never handed over.
 */
import type { CompiledDay } from '../compile/compile-day-problem.ts';
import type { DayDecoder } from '../schedule/day-decoder.ts';
import { patientScheduleDay, ScheduleDpScratch } from '../bound/patient-schedule-dp.ts';
import { onDuty, type ExactPatientDays } from './exact-patient-day.ts';

interface HandOver {
  a: number;
  to: number;
}

export class RestaffedPatientDays {
  private readonly scratch = new ScheduleDpScratch();

  constructor(private readonly day: CompiledDay, private readonly exact: ExactPatientDays) {}

  /**
   * Places patient `p`'s free activities (none placed yet in `decoder`, which holds the rest
   * with every placement fixed) at the cheapest day the programme finds with hand-overs
   * allowed, making the hand-overs it needs; returns what could not be held (as
   * ExactPatientDays.place, which it falls back on when the programme finds nothing).
   */
  place(decoder: DayDecoder, p: number): number[] {
    const { day, exact } = this;
    const own = day.patientActivities[p]!;
    // Every activity's staff left out of the model (only its room and the patient's rules), then
    // the starts no clinician can be freed for struck out.
    const model = exact.model(decoder, p, false, own.filter((a) => day.staffOptions[a]!.length > 0));
    if (!model) return exact.place(decoder, p);
    const staffOf = Int32Array.from(decoder.staffOf);
    const start = decoder.start;
    const g = model.gridMin;
    model.items.forEach((item, k) => {
      const a = own[k]!;
      if (day.staffOptions[a]!.length === 0) return;
      const preferred = day.preferredStaff[a]!;
      for (let u = 0; u < item.startCost.length; u++) {
        if (!Number.isFinite(item.startCost[u]!)) continue;
        const t = (model.startU + u) * g;
        if (decoder.canStartAt(a, t, -1, -1, true)) {
          if (preferred >= 0 && !decoder.canStartAt(a, t, preferred, -1, true) && !this.freeing(a, t, preferred, staffOf, start)) item.startCost[u]! += day.weights.namedClinicianMissed;
          continue;
        }
        if (day.groupCapacity[a]! > 1) { item.startCost[u] = Infinity; continue; }
        let freed = false;
        for (const s of day.staffOptions[a]!) if (this.freeing(a, t, s, staffOf, start)) { freed = true; break; }
        if (!freed) item.startCost[u] = Infinity;
        else if (preferred >= 0 && !this.freeing(a, t, preferred, staffOf, start)) item.startCost[u]! += day.weights.namedClinicianMissed;
      }
    });
    this.scratch.workLeft = Infinity;
    const found = patientScheduleDay(model, day.weights, this.scratch);
    if (!found) return exact.place(decoder, p);
    const startMin = own.map((_, k) => (model.startU + found.startU[k]!) * g);
    // The hand-overs, activity by activity in order of start, each against those made before.
    const order = own.map((a, k) => ({ a, t: startMin[k]! })).sort((x, y) => x.t - y.t || x.a - y.a);
    const given = new Map<number, { staff: number; t: number }>();
    const handOvers: HandOver[] = [];
    const load = Int32Array.from(decoder.staffLoad);
    for (const { a, t } of order) {
      if (day.staffOptions[a]!.length === 0) continue;
      const e = t + day.durationMin[a]!;
      let bestStaff = -1;
      let bestMoves: HandOver[] | undefined;
      let bestCost = Infinity;
      const preferred = day.preferredStaff[a]!;
      for (const s of day.staffOptions[a]!) {
        if (!onDuty(day, s, t, e)) continue;
        const moves = this.handOvers(a, t, s, staffOf, start, load, given);
        if (!moves) continue;
        // The workload balance of the disciplines touched after the hand-overs (the programme
        // does not see it), the named clinician, then the fewest hand-overs.
        const cost = this.balanceAfter(a, s, moves, staffOf, load) + (preferred >= 0 && s !== preferred ? day.weights.namedClinicianMissed : 0) + 1e-3 * moves.length;
        if (cost < bestCost - 1e-9) { bestCost = cost; bestStaff = s; bestMoves = moves; }
      }
      // No clinician left for it (one given to an earlier activity of the day was needed):
      // nothing handed over yet, the plain put-back instead.
      if (!bestMoves) return exact.place(decoder, p);
      for (const move of bestMoves) {
        load[staffOf[move.a]!] = load[staffOf[move.a]!]! - day.durationMin[move.a]!;
        load[move.to] = load[move.to]! + day.durationMin[move.a]!;
        staffOf[move.a] = move.to;
        handOvers.push(move);
      }
      given.set(a, { staff: bestStaff, t });
      load[bestStaff] = load[bestStaff]! + day.durationMin[a]!;
    }
    if (handOvers.length > 0) {
      const was = handOvers.map(({ a }) => decoder.staffOf[a]!);
      const roomOf = handOvers.map(({ a }) => decoder.roomOf[a]!);
      const placedAt = handOvers.map(({ a }) => start[a]!);
      handOvers.forEach(({ a, to }, i) => decoder.fix(a, placedAt[i]!, to, roomOf[i]!));
      decoder.decodeHeld();
      if (handOvers.some(({ a }, i) => decoder.start[a] !== placedAt[i] || decoder.staffOf[a] !== staffOf[a])) {
        handOvers.forEach(({ a }, i) => decoder.fix(a, placedAt[i]!, was[i]!, roomOf[i]!));
        decoder.decodeHeld();
        return exact.place(decoder, p);
      }
    }
    return exact.holdDay(decoder, own, startMin, (a) => given.get(a)?.staff ?? -1);
  }

  /** The change in workload-balance cost of the disciplines touched, with a given to s and the hand-overs made. */
  private balanceAfter(a: number, s: number, moves: readonly HandOver[], staffOf: Int32Array, load: Int32Array): number {
    const { day } = this;
    const after = Int32Array.from(load);
    const touched = new Set<number>([day.staffDiscipline[s]!]);
    after[s] = after[s]! + day.durationMin[a]!;
    for (const { a: b, to } of moves) {
      after[staffOf[b]!] = after[staffOf[b]!]! - day.durationMin[b]!;
      after[to] = after[to]! + day.durationMin[b]!;
      touched.add(day.staffDiscipline[to]!);
    }
    // The change in those disciplines' spread (the untouched ones keep theirs).
    let cost = 0;
    for (const k of touched) cost += day.weights.workloadImbalanceMin * (spread(after, k) - spread(load, k));
    return cost;

    function spread(loads: Int32Array, k: number): number {
      let lo = Infinity;
      let hi = -Infinity;
      for (let st = 0; st < loads.length; st++) if (day.staffDiscipline[st] === k) {
        lo = Math.min(lo, loads[st]!);
        hi = Math.max(hi, loads[st]!);
      }
      return hi - lo;
    }
  }

  /** Whether staff member s can be freed for activity a at t (hand-overs one deep, nothing applied). */
  private freeing(a: number, t: number, s: number, staffOf: Int32Array, start: Int32Array): boolean {
    const e = t + this.day.durationMin[a]!;
    return onDuty(this.day, s, t, e) && this.handOvers(a, t, s, staffOf, start, undefined, undefined) !== undefined;
  }

  /**
   * The hand-overs that free staff member s for activity a at [t, t + its duration): each of
   * s's activities then to another qualified clinician on duty and free for its whole time
   * (the least booked, by `load` when given); undefined when one cannot be handed over.
   * `given`: the patient's own activities already given a clinician (they stay).
   */
  private handOvers(a: number, t: number, s: number, staffOf: Int32Array, start: Int32Array, load: Int32Array | undefined, given: ReadonlyMap<number, { staff: number; t: number }> | undefined): HandOver[] | undefined {
    const { day } = this;
    const e = t + day.durationMin[a]!;
    const moves: HandOver[] = [];
    for (let b = 0; b < day.activityCount; b++) {
      if (b === a || staffOf[b] !== s || start[b]! < 0 || start[b]! >= e || t >= start[b]! + day.durationMin[b]!) continue;
      if (day.pin[b] || day.groupCapacity[b]! > 1 || given?.has(b) || day.preferredStaff[b] === s) return undefined;
      const tb = start[b]!;
      const eb = tb + day.durationMin[b]!;
      let to = -1;
      for (const s2 of day.staffOptions[b]!) {
        if (s2 === s || !onDuty(day, s2, tb, eb) || !this.staffFree(s2, tb, eb, b, staffOf, start, given)) continue;
        if (to < 0 || (load && load[s2]! < load[to]!)) to = s2;
        if (!load) break;
      }
      if (to < 0) return undefined;
      moves.push({ a: b, to });
    }
    return moves;
  }

  /** Whether staff member s has nothing booked in [t, e) (activity `except` aside; the patient's own given ones count). */
  private staffFree(s: number, t: number, e: number, except: number, staffOf: Int32Array, start: Int32Array, given: ReadonlyMap<number, { staff: number; t: number }> | undefined): boolean {
    const { day } = this;
    for (let b = 0; b < day.activityCount; b++) {
      if (b === except || staffOf[b] !== s || start[b]! < 0) continue;
      if (start[b]! < e && t < start[b]! + day.durationMin[b]!) return false;
    }
    // The patient's own activities given a clinician already (not in the decoder yet).
    if (given) for (const [b, at] of given) if (at.staff === s && at.t < e && t < at.t + day.durationMin[b]!) return false;
    return true;
  }
}
