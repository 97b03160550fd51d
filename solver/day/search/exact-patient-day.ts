/**
 * One patient's whole day put back, exactly, into a plan whose other days are held: the exact
 * single-patient dynamic programme of the bound (patient-schedule-dp.ts) is run with each
 * activity's start costs read from the schedule as it stands — a start is allowed only where
 * a qualified clinician and a room of its type are free then (or a session of its type with
 * room starts then) — and the cheapest day it finds (time on site, waiting, preferences, the
 * named clinician and the carer) is held in the schedule activity by activity.
 *
 * The programme relaxes a few rules (a room change is timed only between room types, only the
 * lags after one activity are timed, the on-site limit is not read); the decoder checks every
 * rule when it holds an activity, so what it cannot hold is left for the caller to decode.
 */
import type { CompiledDay } from '../compile/compile-day-problem.ts';
import type { DayDecoder } from '../schedule/day-decoder.ts';
import type { PatientScheduleModel, ScheduleItem } from '../bound/patient-schedule-model.ts';
import { longestLag, MAX_SCHEDULE_ITEMS } from '../bound/patient-schedule-model.ts';
import { MAX_DP_STATES, patientScheduleDay, scheduleDpSize, ScheduleDpScratch, type PatientScheduleDay } from '../bound/patient-schedule-dp.ts';
import { BalanceMarginal } from './balance-marginal.ts';

/** What a patient's exact day needs across calls: the time grid and the programme's scratch. */
export class ExactPatientDays {
  private readonly scratch = new ScheduleDpScratch();
  /**
   * Each activity's window narrowed through precedence by the lags alone: the compiled windows
   * count a transfer on every precedence, but a follow-on in the same room needs none, and the
   * programme times the transfers itself (between room types). With the compiled windows it
   * refused such a day (a pharmacist's review straight after the ANP in the same room), so a
   * day the plan held could be dearer put back than the plan had it.
   */
  private readonly earliestMin: Int32Array;
  private readonly latestEndMin: Int32Array;
  /** The workload-balance cost of a booking; undefined when the term cannot count. */
  private readonly balance: BalanceMarginal | undefined;

  /**
   * `compiledWindows`: read the compiled windows (a transfer on every precedence) as the
   * programme did before; the rebuild's search moves still do (rebuild-patients.ts says why).
   * `readsBalance`: a start's cost includes what booking the activity costs the workload balance
   * (balance-marginal.ts), and the clinician held is the cheapest by it (phases/balance-polish.ts).
   * `dropTries`: when a patient's whole day fits nowhere, how many of its activities place()
   * tries leaving out, one at a time (0: none, the whole day goes back to the caller).
   */
  constructor(private readonly day: CompiledDay, readonly gridMin: number, compiledWindows = false, readsBalance = false, private readonly dropTries = 0) {
    const earliest = Int32Array.from(compiledWindows ? day.earliestStartMin : day.ownEarliestStartMin);
    const latest = Int32Array.from(compiledWindows ? day.latestEndMin : day.ownLatestEndMin);
    for (let pass = 0, changed = !compiledWindows; changed && pass < 50; pass++) {
      changed = false;
      for (let a = 0; a < day.activityCount; a++) for (const arc of day.succs[a]!) {
        const release = earliest[a]! + day.durationMin[a]! + arc.lagMin;
        if (release > earliest[arc.other]!) { earliest[arc.other] = release; changed = true; }
        const deadline = latest[arc.other]! - day.durationMin[arc.other]! - arc.lagMin;
        if (deadline < latest[a]!) { latest[a] = deadline; changed = true; }
      }
    }
    this.earliestMin = earliest;
    this.latestEndMin = latest;
    const balance = new BalanceMarginal(day);
    this.balance = readsBalance && balance.active ? balance : undefined;
  }

  /**
   * Places patient `p`'s free activities (none of them placed yet in `decoder`, which holds
   * the rest of the plan) at the cheapest starts the programme finds, each held there
   * (decoder.holdAt). Returns the activities it could not hold, in start order — all of
   * them when the programme does not apply (too many activities, an off-grid duration or
   * pin, a pin the decoder could not place) or finds no day placing them all. A pinned
   * activity is an item of the day at its pinned start (the decoder places pins itself), so
   * a patient with a pin gets an exact day around it (before, the pinned-4 varied day's three
   * pinned patients of eight got none: only the list decoded them). `at`: starts (minutes)
   * some of them must take; `staffFor`: the clinician to hold one with, when free (a swap of
   * two patients' slots).
   */
  place(decoder: DayDecoder, p: number, at?: ReadonlyMap<number, number>, staffFor?: (a: number) => number): number[] {
    const { day } = this;
    const all = day.patientActivities[p]!;
    const model = this.model(decoder, p, false, [], undefined, at);
    if (!model) return all.slice();
    this.scratch.workLeft = Infinity;
    const whole = patientScheduleDay(model, day.weights, this.scratch);
    if (whole) return this.placeWithout(decoder, p, model, whole, undefined, at, staffFor);
    // No whole day: the day without one activity instead, the one with the fewest starts first
    // (the scarce slot, on ICC days the review), so a patient who must lose something still has
    // the rest of their day put back exactly (before, the whole day went back by the list: on the
    // 16-patient demo day JB-0013's day without the review, 6 points above its cheapest).
    const starts = (k: number) => model.items[k]!.startCost.reduce((count, c) => count + (Number.isFinite(c) ? 1 : 0), 0);
    const candidates = all.map((a, k) => ({ a, k })).filter(({ a }) => day.activityKind[a] !== 'meal' && !day.pin[a] && !at?.has(a)).sort((x, y) => starts(x.k) - starts(y.k) || x.k - y.k);
    for (const { a } of candidates.slice(0, this.dropTries)) {
      const without = new Set([a]);
      const reduced = this.model(decoder, p, false, [], undefined, at, without);
      if (!reduced) continue;
      this.scratch.workLeft = Infinity;
      const found = patientScheduleDay(reduced, day.weights, this.scratch);
      if (found) return this.placeWithout(decoder, p, reduced, found, without, at, staffFor);
    }
    return all.slice();
  }

  /** Holds the day `found` for `model` of patient p (without the activities `without`: returned with what could not be held). */
  private placeWithout(decoder: DayDecoder, p: number, model: PatientScheduleModel, found: PatientScheduleDay, without: ReadonlySet<number> | undefined, at?: ReadonlyMap<number, number>, staffFor?: (a: number) => number): number[] {
    const all = this.day.patientActivities[p]!;
    const own = without ? all.filter((a) => !without.has(a)) : all;
    const skipped = without ? [...without] : [];
    const left = this.holdFound(decoder, model, found, own, staffFor);
    if (left.length === 0 || model.roomTypes.length === model.items.length) return [...left, ...skipped];
    // The programme lets two activities of one room type follow without a transfer, which
    // needs the same room free for both. When that failed, again with a transfer between any
    // two (every room then does): the day without what was held of it, and a new model.
    for (const a of own) decoder.unfix(a);
    decoder.decodeHeld();
    const apart = this.model(decoder, p, true, [], undefined, at, without);
    return apart ? [...this.hold(decoder, apart, own, staffFor), ...skipped] : all.slice();
  }

  /**
   * Patient p's cheapest day as if the clinicians of `unbooked` (activities of theirs) had
   * nothing booked: each activity's start (minutes), or undefined. It shows whose bookings stand
   * between the patient and a whole day. `endBy`: latest ends (minutes) of some activities,
   * tighter than their own windows (a promotion's review a slot earlier: promote-patient.ts).
   */
  idealDay(decoder: DayDecoder, p: number, unbooked: readonly number[], endBy?: ReadonlyMap<number, number>): Map<number, number> | undefined {
    const { day } = this;
    const own = day.patientActivities[p]!;
    const model = this.model(decoder, p, false, unbooked, endBy);
    if (!model) return undefined;
    this.scratch.workLeft = Infinity;
    const found = patientScheduleDay(model, day.weights, this.scratch);
    if (!found) return undefined;
    return new Map(own.map((a, k) => [a, (model.startU + found.startU[k]!) * this.gridMin]));
  }

  /** Runs the programme on `model` and holds the day it finds; returns what could not be held. */
  private hold(decoder: DayDecoder, model: PatientScheduleModel, own: readonly number[], staffFor?: (a: number) => number): number[] {
    this.scratch.workLeft = Infinity;
    const found = patientScheduleDay(model, this.day.weights, this.scratch);
    return found ? this.holdFound(decoder, model, found, own, staffFor) : own.slice();
  }

  /** Holds the day `found` for `model` (own: its activities, in the model's order); returns what could not be held. */
  private holdFound(decoder: DayDecoder, model: PatientScheduleModel, found: PatientScheduleDay, own: readonly number[], staffFor?: (a: number) => number): number[] {
    const g = this.gridMin;
    return this.holdDay(decoder, own, own.map((a, k) => (model.startU + found.startU[k]!) * g), staffFor);
  }

  /**
   * Holds the activities `own` (one patient's) at the starts `startMin` (in their order), each
   * with `staffFor(a)` when that is given and free, else the named clinician or the least booked
   * free one; returns what could not be held.
   */
  holdDay(decoder: DayDecoder, own: readonly number[], startMin: readonly number[], staffFor?: (a: number) => number): number[] {
    const { day } = this;
    const order = own.map((a, k) => ({ a, t: startMin[k]! })).sort((x, y) => x.t - y.t || x.a - y.a);
    const left: number[] = [];
    const roomType = (a: number) => day.problem.rooms[day.roomOptions[a]![0]!]?.type;
    // Activities back to back (less than a transfer apart) in one room type stay in one room:
    // for each such run, a room free for all of it, chosen before any is held.
    const roomOf = new Int32Array(order.length).fill(-1);
    for (let i = 0; i < order.length;) {
      let j = i;
      const type = roomType(order[i]!.a);
      while (j + 1 < order.length && roomType(order[j + 1]!.a) === type
        && order[j + 1]!.t - (order[j]!.t + day.durationMin[order[j]!.a]!) < day.transferMin) j++;
      if (j > i) {
        // A pin in the run (placed already) gives it its room.
        let pinned = -1;
        for (let k = i; k <= j; k++) if (day.pin[order[k]!.a]) pinned = k;
        for (const r of pinned >= 0 ? [decoder.roomOf[order[pinned]!.a]!] : day.roomOptions[order[i]!.a]!) {
          let free = r >= 0;
          for (let k = i; k <= j && free; k++) free = !!day.pin[order[k]!.a] || decoder.canStartAt(order[k]!.a, order[k]!.t, -1, r, true);
          if (free) {
            for (let k = i; k <= j; k++) roomOf[k] = r;
            break;
          }
        }
      }
      i = j + 1;
    }
    order.forEach(({ a, t }, i) => {
      if (day.pin[a]) return; // placed by the decoder
      const room = roomOf[i]!;
      const preferred = day.preferredStaff[a]!;
      const given = staffFor?.(a) ?? -1;
      let staff = given >= 0 && decoder.canStartAt(a, t, given, room, true) ? given : preferred >= 0 && decoder.canStartAt(a, t, preferred, room, true) ? preferred : -1;
      // Otherwise the one free then whose booking costs the workload balance least (as the
      // programme timed it), the least booked of those. Least booked alone, against the decoder's
      // own choice (least sought-after, best fit), seed 1: icc-8 160k 858.5 -> 836.5, icc-16 64k
      // 5225 -> 5128, icc-32 19k 10250 -> 10184.5; it compared loads across disciplines too (a
      // blood test went to the phlebotomist, booked least, not to the least booked ANP).
      if (staff < 0) {
        let staffCost = Infinity;
        for (const s of day.staffOptions[a]!) {
          const cost = this.bookingCost(decoder.staffLoad, a, s);
          if ((cost < staffCost - 1e-9 || (cost < staffCost + 1e-9 && decoder.staffLoad[s]! < decoder.staffLoad[staff]!)) && decoder.canStartAt(a, t, s, room, true)) {
            staff = s;
            staffCost = cost;
          }
        }
      }
      if (!decoder.holdAt(a, t, staff, room)) left.push(a);
    });
    return left;
  }

  /** The workload-balance cost of booking activity a to clinician s (0 when not read: a group session, a pin). */
  private bookingCost(load: ArrayLike<number>, a: number, s: number): number {
    if (!this.balance || this.day.groupCapacity[a]! > 1 || this.day.pin[a]) return 0;
    return this.balance.of(load, s, this.day.durationMin[a]!);
  }

  /** Activity a's clinicians, cheapest booking first; undefined when the balance is not read for it or all cost the same. */
  private byBalance(decoder: DayDecoder, a: number): number[] | undefined {
    const options = this.day.staffOptions[a]!;
    if (!this.balance || options.length < 2 || this.day.groupCapacity[a]! > 1 || this.day.pin[a]) return undefined;
    const cost = new Map(options.map((s) => [s, this.bookingCost(decoder.staffLoad, a, s)]));
    const sorted = [...options].sort((x, y) => cost.get(x)! - cost.get(y)!);
    return cost.get(sorted[0]!) === cost.get(sorted[sorted.length - 1]!) ? undefined : sorted;
  }

  /**
   * The programme's model of patient p's day against the schedule the decoder holds; undefined
   * when it does not apply. `apart`: each activity its own room type (a transfer between any two).
   * `at`: starts (minutes) some activities must take (a swap of two patients' slots).
   * `without`: activities of p's left out of the day.
   */
  model(decoder: DayDecoder, p: number, apart = false, unbooked: readonly number[] = [], endBy?: ReadonlyMap<number, number>, at?: ReadonlyMap<number, number>, without?: ReadonlySet<number>): PatientScheduleModel | undefined {
    const { day } = this;
    const g = this.gridMin;
    const own = without ? day.patientActivities[p]!.filter((a) => !without.has(a)) : day.patientActivities[p]!;
    if (own.length === 0 || own.length > MAX_SCHEDULE_ITEMS) return undefined;
    let loMin = Infinity;
    let hiMin = -Infinity;
    for (const a of own) {
      if (day.durationMin[a]! % g !== 0 || day.durationMin[a]! <= 0) return undefined;
      // A pin is an item at its own start (the decoder has placed it), when that start is on the grid.
      const pin = day.pin[a];
      if (pin && (pin.startMin % g !== 0 || decoder.start[a] !== pin.startMin)) return undefined;
      loMin = Math.min(loMin, this.earliestMin[a]!, pin ? pin.startMin : Infinity);
      hiMin = Math.max(hiMin, this.latestEndMin[a]!, pin ? pin.startMin + day.durationMin[a]! : -Infinity);
    }
    const startU = Math.ceil(loMin / g);
    const spanU = Math.floor(hiMin / g) - startU;
    if (spanU <= 0) return undefined;
    const { problem, weights } = day;
    const patient = problem.patients[p]!;
    const roomTypes: string[] = [];
    const items: ScheduleItem[] = own.map((a) => {
      const type = apart ? String(a) : problem.rooms[day.roomOptions[a]![0]!]!.type;
      let roomType = roomTypes.indexOf(type);
      if (roomType < 0) roomType = roomTypes.push(type) - 1;
      const d = day.durationMin[a]!;
      const startCost = new Float64Array(spanU + 1).fill(Infinity);
      const preferred = day.preferredStaff[a]!;
      // The clinicians by what their booking costs the balance, cheapest first (none: it is not read).
      const byBalance = this.byBalance(decoder, a);
      const carer = patient.carerPresent;
      const pin = day.pin[a];
      for (let u = 0; u <= spanU; u++) {
        const t = (startU + u) * g;
        if (pin) {
          if (t === pin.startMin) startCost[u] = day.carerRequired[a] && !(carer && t >= carer.startMin && t + d <= carer.endMin) ? weights.carerAbsent : 0;
          continue;
        }
        if (t < this.earliestMin[a]! || t + d > Math.min(this.latestEndMin[a]!, endBy?.get(a) ?? Infinity)) continue;
        if (at?.has(a) && at.get(a) !== t) continue;
        let cost = 0;
        if (unbooked.includes(a)) {
          // Some qualified clinician on shift and off break then, whatever they have booked.
          if (!day.staffOptions[a]!.some((st) => onDuty(day, st, t, t + d)) || !decoder.canStartAt(a, t, -2, -1, true)) continue;
        } else if (preferred >= 0 && decoder.canStartAt(a, t, preferred, -1, true)) {
          if (byBalance) cost += this.bookingCost(decoder.staffLoad, a, preferred);
        } else {
          if (byBalance) {
            const s = byBalance.find((st) => decoder.canStartAt(a, t, st, -1, true));
            if (s === undefined) continue;
            cost += this.bookingCost(decoder.staffLoad, a, s);
          } else if (!decoder.canStartAt(a, t, -1, -1, true)) continue;
          if (preferred >= 0) cost += weights.namedClinicianMissed;
        }
        if (day.carerRequired[a] && !(carer && t >= carer.startMin && t + d <= carer.endMin)) cost += weights.carerAbsent;
        startCost[u] = cost;
      }
      return {
        typeId: day.activityTypeId[a]!,
        isMeal: day.activityKind[a] === 'meal',
        durationU: d / g,
        roomType,
        qualification: undefined,
        groupCapacity: day.groupCapacity[a]!,
        startCost,
      };
    });
    const index = new Map(own.map((a, k) => [a, k]));
    const predMask = new Int32Array(own.length);
    const lagU = own.map(() => new Int32Array(own.length));
    own.forEach((a, k) => {
      for (const arc of day.preds[a]!) {
        const b = index.get(arc.other);
        if (b === undefined) continue;
        predMask[k]! |= 1 << b;
        lagU[b]![k] = Math.max(lagU[b]![k]!, Math.ceil(arc.lagMin / g));
      }
    });
    const lag = longestLag(lagU);
    const maxConsecutive = day.restMaxConsecutive[p]!;
    const restMin = day.restMinMin[p]!;
    const model: PatientScheduleModel = {
      patient,
      gridMin: g,
      startU,
      spanU,
      items,
      roomTypes,
      predMask,
      lag,
      transferU: Math.ceil(day.transferMin / g),
      maxConsecutive: maxConsecutive > 0 && restMin > 0 ? maxConsecutive : 0,
      restU: Math.ceil(restMin / g),
      checkInMin: day.checkInMin,
    };
    if (scheduleDpSize(model) > MAX_DP_STATES) return undefined;
    return model;
  }
}

/** Staff member st is on shift and off break for all of [startMin, endMin). */
export function onDuty(day: CompiledDay, st: number, startMin: number, endMin: number): boolean {
  const staff = day.problem.staff[st]!;
  if (startMin < staff.shift.startMin || endMin > staff.shift.endMin) return false;
  return staff.breaks.every((b) => b.endMin <= startMin || b.startMin >= endMin);
}
