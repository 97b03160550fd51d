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
 * The caller's `holds` (every hard rule checked) must accept a neighbour before it is kept.
 */
import type { CompiledDay } from '../compile/compile-day-problem.ts';
import type { RetimeSchedule } from './retime-model.ts';
import { onDuty } from './exact-patient-day.ts';

export interface RestaffOptions {
  /** Neighbours costed at most (a fixed budget keeps the result deterministic). */
  maxEvaluations: number;
  /** Whether a schedule keeps every hard rule (checked only for a neighbour about to be kept). */
  holds: (schedule: RetimeSchedule) => boolean;
  /** Checked before each pass over the neighbours; false stops (a time limit). */
  timeLeft?: () => boolean;
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
    for (const { a, to } of best) {
      load[staffOf[a]!] = load[staffOf[a]!]! - dur[a]!;
      load[to] = load[to]! + dur[a]!;
      staffOf[a] = to;
    }
    gain += bestDelta;
    improvements++;
  }
  return { staffOf, gain, improvements, evaluations };

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
