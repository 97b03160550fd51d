/**
 * Re-staffing at fixed times: every activity keeps its start, room and patient's order, and
 * only who does it changes — one activity given to another qualified clinician free then, or
 * two at once (of one type, or the second from the clinician the first goes to). Only the
 * workload balance and the named clinician change, so each neighbour is costed in O(staff)
 * without re-timing; the best neighbour that costs less is kept, until none does.
 *
 * Why two at once: the decoder gives bloods to a phlebotomist before an ANP (the least
 * sought-after clinician), so the ANP with the lightest day stays light; one blood test moved
 * to that ANP costs the phlebotomists' balance what it gains the ANPs' on a day with two
 * phlebotomists (icc-16), and only one from each phlebotomist gains. In the plan CP-SAT reached
 * on icc-8 in 300 s the ANPs' days differ by 5 minutes, in ours by 25.
 *
 * Then a walk (anneal()): the spread is max − min, so where three OTs book 90 min and three 30,
 * one or two moves leave a 90 or a 30 and the descent stops. Seeded annealing over single moves and
 * swaps at the same times from there, fixed budgets, seed 1: icc-16 64k 5103 -> 5093, 16k 5121 ->
 * 5093 (seed 2 5084 -> 5076.5, seed 3 5180 unchanged); icc-8 40k 824.5, icc-32 19k 10090 unchanged.
 * Timed (icc-16, 5 s of process CPU as the clock, seeds 1-6): without the walk 5155 / 5184.5 /
 * 5149 / 5132.5 / 5124 / 5204, with it 5134 / 5159.5 / 5149 / 5120 / 5124 / 5108.5 (noisy: the
 * runs reached 21-35k iterations).
 *
 * With `exactGroups` (the final re-staffing after the repair's passes: finish-plan.ts), before
 * the walk each small group of clinicians linked by what they could take over is re-staffed
 * exactly (exactGroups(): a depth-first search over every assignment at the same times, cut by
 * a bound on the spread). On the pinned-4 varied day the ANPs were 130 / 135 / 145
 * min with bloods on them and the phlebotomist idle; 135 / 135 / 130 needs five activities moved
 * at once (one blood test to the phlebotomist), which no move, pair or swap walk reached: CP-SAT
 * from planDay's plan changed only that (4663 -> 4658).
 *
 * The caller's `holds` (every hard rule checked) must accept a neighbour before it is kept.
 */
import type { CompiledDay } from '../compile/compile-day-problem.ts';
import type { RetimeSchedule } from './retime-model.ts';
import { onDuty } from './exact-patient-day.ts';
import { createRng } from '../../model/rng.ts';

/**
 * The walk after the descent (anneal()): steps at most (also within the caller's evaluations),
 * its temperatures from first to last (cost units: half a point per minute of spread), its seed.
 */
const ANNEAL_STEPS = 200_000;
const ANNEAL_T0 = 5;
const ANNEAL_T1 = 0.05;
const ANNEAL_SEED = 0x5eed;
/** The exact re-staffing of a group of clinicians (exactGroups()): movable activities at most, nodes at most. */
const EXACT_GROUP_ACTIVITIES = 24;
const EXACT_GROUP_NODES = 100_000;

export interface RestaffOptions {
  /** Neighbours costed at most (a fixed budget keeps the result deterministic). */
  maxEvaluations: number;
  /** Whether a schedule keeps every hard rule (checked only for a neighbour about to be kept). */
  holds: (schedule: RetimeSchedule) => boolean;
  /** Checked before each pass over the neighbours; false stops (a time limit). */
  timeLeft?: () => boolean;
  /** Small groups of clinicians re-staffed exactly before the walk (exactGroups()). */
  exactGroups?: boolean;
}

export interface RestaffOutcome {
  /** The new assignment (the schedule's own when nothing changed). */
  staffOf: Int32Array;
  /** Cost change (≤ 0). */
  gain: number;
  improvements: number;
  evaluations: number;
}

interface Reassignment {
  a: number;
  to: number;
}

export function restaff(day: CompiledDay, schedule: RetimeSchedule, options: RestaffOptions): RestaffOutcome {
  const { start, sessionOf } = schedule;
  const staffOf = Int32Array.from(schedule.staffOf);
  const dur = day.durationMin;
  const w = day.weights;
  const staffCount = day.problem.staff.length;
  const load = new Int32Array(staffCount);
  for (let a = 0; a < day.activityCount; a++) if (start[a]! >= 0 && staffOf[a]! >= 0 && sessionOf[a]! < 0) load[staffOf[a]!] = load[staffOf[a]!]! + dur[a]!;
  // Group sessions count once for their clinician; they are not moved here, so count them as they stand.
  const seen = new Set<number>();
  for (let a = 0; a < day.activityCount; a++) {
    if (start[a]! < 0 || staffOf[a]! < 0 || sessionOf[a]! < 0 || seen.has(sessionOf[a]!)) continue;
    seen.add(sessionOf[a]!);
    load[staffOf[a]!] = load[staffOf[a]!]! + dur[a]!;
  }
  const movable = (a: number) => start[a]! >= 0 && staffOf[a]! >= 0 && !day.pin[a] && sessionOf[a]! < 0;
  let evaluations = 0;
  let improvements = 0;
  let gain = 0;
  const refused = new Set<string>();

  while (!options.timeLeft || options.timeLeft()) {
    const singles = feasibleSingles();
    let best: Reassignment[] | undefined;
    let bestDelta = -1e-9;
    for (const move of singles) {
      if (evaluations >= options.maxEvaluations) break;
      evaluations++;
      const delta = costDelta([move]);
      if (delta < bestDelta && !refused.has(key([move]))) { bestDelta = delta; best = [move]; }
    }
    for (let i = 0; i < singles.length && evaluations < options.maxEvaluations; i++) {
      const first = singles[i]!;
      for (let j = i + 1; j < singles.length && evaluations < options.maxEvaluations; j++) {
        const second = singles[j]!;
        if (second.a === first.a) continue;
        const sameType = day.activityTypeId[second.a] === day.activityTypeId[first.a];
        const chain = staffOf[second.a] === first.to || staffOf[first.a] === second.to;
        if (!sameType && !chain) continue;
        const pair = [first, second];
        if (!compatible(first, second)) continue;
        evaluations++;
        const delta = costDelta(pair);
        if (delta < bestDelta && !refused.has(key(pair))) { bestDelta = delta; best = pair; }
      }
      // A swap: the second may only fit once the first has left its clinician.
      for (const second of swapsWith(first)) {
        if (evaluations >= options.maxEvaluations) break;
        evaluations++;
        const pair = [first, second];
        const delta = costDelta(pair);
        if (delta < bestDelta && !refused.has(key(pair))) { bestDelta = delta; best = pair; }
      }
    }
    if (!best) break;
    const trial = Int32Array.from(staffOf);
    for (const { a, to } of best) trial[a] = to;
    if (!options.holds({ start, staffOf: trial, roomOf: schedule.roomOf, sessionOf })) {
      refused.add(key(best));
      continue;
    }
    for (const move of best) apply(move);
    gain += bestDelta;
    improvements++;
  }
  // The descent stops where every single move and pair costs more; small groups are re-staffed
  // exactly when asked (exactGroups()), then a walk of single moves and swaps (some uphill)
  // looks past that (anneal()).
  if (options.exactGroups && w.workloadImbalanceMin > 0 && (!options.timeLeft || options.timeLeft())) exactGroups();
  if (w.workloadImbalanceMin > 0 && (!options.timeLeft || options.timeLeft())) anneal();
  return { staffOf, gain, improvements, evaluations };

  /**
   * Each group of clinicians linked by what they could take over (the ANPs and the phlebotomist
   * through bloods), when it has at most EXACT_GROUP_ACTIVITIES movable activities: every
   * assignment of them at their times, depth first in start order (each one's own clinician
   * first), cut where the spread cannot come below the best found (the busiest's minutes so far
   * against the least the others could reach); EXACT_GROUP_NODES nodes at most and half the
   * evaluations left (the walk keeps the rest), each node an evaluation. The best assignment
   * found is kept when it costs less and `holds` accepts it. On the demo days of 16 patients
   * and more the ANPs' group is larger than EXACT_GROUP_ACTIVITIES (plans unchanged there).
   */
  function exactGroups(): void {
    const movables: number[] = [];
    for (let a = 0; a < day.activityCount; a++) if (movable(a) && day.staffOptions[a]!.length > 1) movables.push(a);
    // Groups of clinicians (union-find over each movable activity's options).
    const parent = Int32Array.from({ length: staffCount }, (_, s) => s);
    const find = (s: number): number => (parent[s] === s ? s : (parent[s] = find(parent[s]!)));
    for (const a of movables) for (const s of day.staffOptions[a]!) parent[find(s)] = find(day.staffOptions[a]![0]!);
    const groups = new Map<number, number[]>();
    for (const a of movables) {
      const g = find(day.staffOptions[a]![0]!);
      if (!groups.has(g)) groups.set(g, []);
      groups.get(g)!.push(a);
    }
    for (const acts of groups.values()) {
      if (acts.length > EXACT_GROUP_ACTIVITIES || evaluations >= options.maxEvaluations) continue;
      exactGroup(acts.sort((x, y) => start[x]! - start[y]! || x - y));
    }
  }

  function exactGroup(acts: number[]): void {
    const m = acts.length;
    const members = [...new Set(acts.flatMap((a) => day.staffOptions[a]!))];
    const disciplines = [...new Set(members.map((s) => day.staffDiscipline[s]!))];
    const ofDiscipline = disciplines.map((k) => {
      const out: number[] = [];
      for (let s = 0; s < staffCount; s++) if (day.staffDiscipline[s] === k) out.push(s);
      return out;
    });
    const named = (a: number, s: number) => (day.preferredStaff[a]! >= 0 && s !== day.preferredStaff[a] ? w.namedClinicianMissed : 0);
    const cost = () => {
      let c = 0;
      for (const k of disciplines) c += w.workloadImbalanceMin * spread(k);
      for (const a of acts) c += named(a, staffOf[a]!);
      return c;
    };
    const before = cost();
    const given = acts.map((a) => staffOf[a]!);
    // Each activity's options: on duty and free of everything outside the group then, its own clinician first.
    const inGroup = new Set(acts);
    const options_ = acts.map((a) => {
      const t = start[a]!;
      const e = t + dur[a]!;
      const fits = day.staffOptions[a]!.filter((s) => {
        if (!onDuty(day, s, t, e)) return false;
        for (let b = 0; b < day.activityCount; b++) {
          if (inGroup.has(b) || staffOf[b] !== s || start[b]! < 0) continue;
          if (start[b]! < e && t < start[b]! + dur[b]!) return false;
        }
        return true;
      });
      return fits.sort((x, y) => (x === staffOf[a] ? -1 : y === staffOf[a] ? 1 : x - y));
    });
    // Minutes each clinician could still take from activity i on (the bound's reach).
    const reach = Array.from({ length: m + 1 }, () => new Int32Array(staffCount));
    for (let i = m - 1; i >= 0; i--) {
      reach[i]!.set(reach[i + 1]!);
      for (const s of options_[i]!) reach[i]![s] = reach[i]![s]! + dur[acts[i]!]!;
    }
    for (const a of acts) load[staffOf[a]!] = load[staffOf[a]!]! - dur[a]!;
    const busyUntil = new Int32Array(staffCount).fill(-1);
    const chosen = new Int32Array(m);
    const best = Int32Array.from(given);
    let bestCost = before;
    let nodes = 0;
    const limit = Math.min(EXACT_GROUP_NODES, Math.floor((options.maxEvaluations - evaluations) / 2));
    const lowerBound = (i: number, namedSoFar: number) => {
      let c = namedSoFar;
      for (let j = 0; j < disciplines.length; j++) {
        let hi = -Infinity;
        let lo = Infinity;
        for (const s of ofDiscipline[j]!) {
          hi = Math.max(hi, load[s]!);
          lo = Math.min(lo, load[s]! + reach[i]![s]!);
        }
        c += w.workloadImbalanceMin * Math.max(0, hi - lo);
      }
      return c;
    };
    const dfs = (i: number, namedSoFar: number): void => {
      if (nodes >= limit) return;
      nodes++;
      if (lowerBound(i, namedSoFar) >= bestCost - 1e-9) return;
      if (i === m) {
        bestCost = lowerBound(m, namedSoFar);
        best.set(chosen);
        return;
      }
      const a = acts[i]!;
      for (const s of options_[i]!) {
        if (busyUntil[s]! > start[a]!) continue;
        const was = busyUntil[s]!;
        busyUntil[s] = start[a]! + dur[a]!;
        load[s] = load[s]! + dur[a]!;
        chosen[i] = s;
        dfs(i + 1, namedSoFar + named(a, s));
        load[s] = load[s]! - dur[a]!;
        busyUntil[s] = was;
      }
    };
    dfs(0, 0);
    evaluations += nodes;
    for (const a of acts) load[staffOf[a]!] = load[staffOf[a]!]! + dur[a]!;
    if (bestCost >= before - 1e-9) return;
    acts.forEach((a, i) => apply({ a, to: best[i]! }));
    if (!options.holds({ start, staffOf, roomOf: schedule.roomOf, sessionOf })) {
      acts.forEach((a, i) => apply({ a, to: given[i]! }));
      return;
    }
    gain += bestCost - before;
    improvements++;
  }

  /**
   * Simulated annealing over single reassignments and swaps with the one activity in the way,
   * from the descent's assignment; the best it meets, when it costs less and `holds` accepts
   * it, is kept. Deterministic (its own seeded generator), ANNEAL_STEPS steps at most.
   */
  function anneal(): void {
    const steps = Math.min(ANNEAL_STEPS, Math.max(0, options.maxEvaluations - evaluations));
    const movables: number[] = [];
    for (let a = 0; a < day.activityCount; a++) if (movable(a) && day.staffOptions[a]!.length > 1) movables.push(a);
    if (steps === 0 || movables.length === 0) return;
    const rng = createRng(ANNEAL_SEED);
    const descended = Int32Array.from(staffOf);
    const descendedLoad = Int32Array.from(load);
    const bestStaff = Int32Array.from(staffOf);
    const bestLoad = Int32Array.from(load);
    let current = 0;
    let best = 0;
    for (let step = 0; step < steps; step++) {
      if (options.timeLeft && (step & 1023) === 1023 && !options.timeLeft()) break;
      evaluations++;
      const temperature = ANNEAL_T0 * Math.pow(ANNEAL_T1 / ANNEAL_T0, step / steps);
      const a = movables[rng.int(movables.length)]!;
      const qualified = day.staffOptions[a]!;
      const to = qualified[rng.int(qualified.length)]!;
      const from = staffOf[a]!;
      if (to === from) continue;
      let moves: Reassignment[];
      if (freeFor(to, a, -1)) moves = [{ a, to }];
      else {
        const b = onlyBlocker(to, a);
        if (b < 0 || !movable(b) || !day.staffOptions[b]!.includes(from) || !freeFor(from, b, a) || !freeFor(to, a, b)) continue;
        moves = [{ a, to }, { a: b, to: from }];
      }
      const delta = costDelta(moves);
      if (delta > 1e-9 && rng.next() >= Math.exp(-delta / temperature)) continue;
      for (const move of moves) apply(move);
      current += delta;
      if (current < best - 1e-9) {
        best = current;
        bestStaff.set(staffOf);
        bestLoad.set(load);
      }
    }
    staffOf.set(bestStaff);
    load.set(bestLoad);
    if (best >= -1e-9) return;
    if (!options.holds({ start, staffOf, roomOf: schedule.roomOf, sessionOf })) {
      staffOf.set(descended);
      load.set(descendedLoad);
      return;
    }
    gain += best;
    improvements++;
  }

  /** Activity a to clinician `to`, their booked minutes moved with it. */
  function apply({ a, to }: Reassignment): void {
    load[staffOf[a]!] = load[staffOf[a]!]! - dur[a]!;
    load[to] = load[to]! + dur[a]!;
    staffOf[a] = to;
  }

  /** The one activity of staff member s overlapping activity a's time (−1: none or several). */
  function onlyBlocker(s: number, a: number): number {
    const t = start[a]!;
    const e = t + dur[a]!;
    let found = -1;
    for (let b = 0; b < day.activityCount; b++) {
      if (b === a || staffOf[b] !== s || start[b]! < 0 || start[b]! >= e || t >= start[b]! + dur[b]!) continue;
      if (found >= 0) return -1;
      found = b;
    }
    return found;
  }

  function key(moves: readonly Reassignment[]): string {
    return moves.map(({ a, to }) => `${a}>${to}`).join(',');
  }

  /** Every single reassignment whose clinician is on duty and free then (everyone else as they stand). */
  function feasibleSingles(): Reassignment[] {
    const out: Reassignment[] = [];
    for (let a = 0; a < day.activityCount; a++) {
      if (!movable(a)) continue;
      for (const s of day.staffOptions[a]!) if (s !== staffOf[a] && freeFor(s, a, -1)) out.push({ a, to: s });
    }
    return out;
  }

  /** Reassignments of an activity of `first.to`'s to `first`'s clinician, which fit once `first` has left. */
  function swapsWith(first: Reassignment): Reassignment[] {
    const out: Reassignment[] = [];
    const from = staffOf[first.a]!;
    for (let b = 0; b < day.activityCount; b++) {
      if (staffOf[b] !== first.to || !movable(b) || !day.staffOptions[b]!.includes(from)) continue;
      if (freeFor(from, b, -1)) continue; // then it is a single already paired above
      if (freeFor(from, b, first.a) && freeFor(first.to, first.a, b)) out.push({ a: b, to: from });
    }
    return out;
  }

  /** Whether two reassignments fit together (neither takes a clinician the other fills at the same time). */
  function compatible(x: Reassignment, y: Reassignment): boolean {
    if (x.to !== y.to) return true;
    return start[x.a]! + dur[x.a]! <= start[y.a]! || start[y.a]! + dur[y.a]! <= start[x.a]!;
  }

  /** Staff member s on duty and free for activity a's time, `except` (an activity leaving s) aside. */
  function freeFor(s: number, a: number, except: number): boolean {
    const t = start[a]!;
    const e = t + dur[a]!;
    if (!onDuty(day, s, t, e)) return false;
    for (let b = 0; b < day.activityCount; b++) {
      if (b === a || b === except || staffOf[b] !== s || start[b]! < 0) continue;
      if (start[b]! < e && t < start[b]! + dur[b]!) return false;
    }
    return true;
  }

  /** The change in cost (workload balance, named clinician) of these reassignments together. */
  function costDelta(moves: readonly Reassignment[]): number {
    let delta = 0;
    const touched = new Set<number>();
    for (const { a, to } of moves) {
      touched.add(day.staffDiscipline[staffOf[a]!]!);
      touched.add(day.staffDiscipline[to]!);
      const preferred = day.preferredStaff[a]!;
      if (preferred >= 0) delta += w.namedClinicianMissed * ((to === preferred ? 0 : 1) - (staffOf[a] === preferred ? 0 : 1));
    }
    for (const { a, to } of moves) {
      load[staffOf[a]!] = load[staffOf[a]!]! - dur[a]!;
      load[to] = load[to]! + dur[a]!;
    }
    let after = 0;
    for (const k of touched) after += spread(k);
    for (const { a, to } of moves) {
      load[staffOf[a]!] = load[staffOf[a]!]! + dur[a]!;
      load[to] = load[to]! - dur[a]!;
    }
    let before = 0;
    for (const k of touched) before += spread(k);
    return delta + w.workloadImbalanceMin * (after - before);
  }

  function spread(k: number): number {
    let lo = Infinity;
    let hi = -Infinity;
    for (let s = 0; s < staffCount; s++) {
      if (day.staffDiscipline[s] !== k) continue;
      lo = Math.min(lo, load[s]!);
      hi = Math.max(hi, load[s]!);
    }
    return hi - lo;
  }
}
