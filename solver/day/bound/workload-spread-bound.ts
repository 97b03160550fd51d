/**
 * Least workload spread (busiest minus least busy staff member's booked minutes, summed over
 * disciplines with two or more staff) in any plan that places every given assessment.
 *
 * For a discipline D:
 * - The busiest is at least what some holder must take: for a qualification q held only by
 *   staff of D, its n bookings (one per patient; ⌈n / capacity⌉ sessions for a group type)
 *   fall on |holders| people, so one of them books ⌈bookings / |holders|⌉ of them; and for a
 *   set H of such holders, the minutes only H can do, averaged over H.
 * - The least busy is at most what a group C of D's staff with the same qualifications could
 *   possibly get: the bookings any of them could take (one per patient) are shared among |C|
 *   people, so one gets at most ⌊bookings / |C|⌋ of them — at most that many of the longest —
 *   and at most the average of their possible minutes, and at most their working minutes.
 * The spread is at least the first minus the second.
 * - Whole steps: every booking any of D's staff can take lasts a multiple of g minutes (the gcd
 *   of their lengths), so each staff member's minutes are a multiple of g, and unless all |D|
 *   are equal the spread is at least g. All equal needs D's total to be a multiple of |D| × g;
 *   the totals D can book are what only D can do (a group type's sessions anywhere from
 *   ⌈n / capacity⌉ to n) plus any part of what others may do instead. When none is, the spread
 *   is at least g (icc-16: 11 physio assessments of 45 min and one or two falls groups of 30 on
 *   4 physios, 525 or 555 min, never 4 × 15 × k: 15 min, which the two bounds above miss).
 */
import type { DayProblem } from '../../model/day-problem.ts';
import { staffAssessmentIntervals, totalMinutes } from './availability.ts';

/** One assessment a plan must place. */
export interface WorkloadItem {
  qualification: string;
  durationMin: number;
  groupCapacity: number;
}

/** Minutes of spread (multiply by the weight). */
export function workloadSpreadBound(problem: DayProblem, items: readonly WorkloadItem[]): number {
  const byQualification = new Map<string, WorkloadItem[]>();
  for (const item of items) {
    const list = byQualification.get(item.qualification);
    if (list) list.push(item);
    else byQualification.set(item.qualification, [item]);
  }
  const holdersOf = new Map<string, Set<string>>();
  for (const q of byQualification.keys()) holdersOf.set(q, new Set(problem.staff.filter((s) => s.qualifications.includes(q)).map((s) => s.id)));
  const byDiscipline = new Map<string, DayProblem['staff']>();
  for (const s of problem.staff) byDiscipline.set(s.discipline, [...(byDiscipline.get(s.discipline) ?? []), s]);

  let total = 0;
  for (const staff of byDiscipline.values()) {
    if (staff.length < 2) continue;
    const inside = new Set(staff.map((s) => s.id));
    let busiest = 0;
    // Qualifications only this discipline holds.
    const own = [...byQualification].filter(([q]) => [...holdersOf.get(q)!].every((id) => inside.has(id)));
    for (const [q, list] of own) {
      const holders = holdersOf.get(q)!.size;
      for (const ofType of groupByDuration(list)) {
        const bookings = Math.ceil(ofType.length / ofType[0]!.groupCapacity);
        busiest = Math.max(busiest, Math.ceil(bookings / holders) * ofType[0]!.durationMin);
      }
    }
    for (const [q] of own) {
      const holders = holdersOf.get(q)!;
      let minutes = 0;
      for (const [q2, list] of own) {
        if (![...holdersOf.get(q2)!].every((id) => holders.has(id))) continue;
        for (const ofType of groupByDuration(list)) minutes += Math.ceil(ofType.length / ofType[0]!.groupCapacity) * ofType[0]!.durationMin;
      }
      busiest = Math.max(busiest, minutes / holders.size);
    }
    // Groups of the discipline's staff with the same qualifications.
    let leastBusy = Infinity;
    const groups = new Map<string, DayProblem['staff']>();
    for (const s of staff) {
      const key = [...s.qualifications].sort().join('\u0000');
      groups.set(key, [...(groups.get(key) ?? []), s]);
    }
    for (const group of groups.values()) {
      const durations: number[] = [];
      for (const q of new Set(group[0]!.qualifications)) for (const item of byQualification.get(q) ?? []) durations.push(item.durationMin);
      durations.sort((a, b) => b - a);
      const each = Math.floor(durations.length / group.length);
      const longest = durations.slice(0, each).reduce((s, d) => s + d, 0);
      const average = durations.reduce((s, d) => s + d, 0) / group.length;
      const working = Math.min(...group.map((s) => totalMinutes(staffAssessmentIntervals(problem, s))));
      leastBusy = Math.min(leastBusy, longest, average, working);
    }
    total += Math.max(0, busiest - leastBusy, unevenStep(staff, inside, byQualification, holdersOf));
  }
  return total;
}

/**
 * g when D's staff cannot all book the same minutes (see above), else 0. The totals are a
 * superset of those a plan can reach (group sessions of one length and capacity counted
 * together, shared work taken in any part), so a claim holds for every plan.
 */
function unevenStep(staff: DayProblem['staff'], inside: Set<string>, byQualification: Map<string, WorkloadItem[]>, holdersOf: Map<string, Set<string>>): number {
  const qualifications = new Set(staff.flatMap((s) => s.qualifications));
  const forced: WorkloadItem[] = [];
  const optional: WorkloadItem[] = [];
  for (const q of qualifications) {
    const items = byQualification.get(q) ?? [];
    const ownOnly = [...holdersOf.get(q) ?? []].every((id) => inside.has(id));
    (ownOnly ? forced : optional).push(...items);
  }
  const all = [...forced, ...optional];
  if (all.length === 0) return 0;
  const g = all.reduce((acc, item) => gcd(acc, Math.round(item.durationMin)), 0);
  if (g <= 0 || all.some((item) => item.durationMin !== Math.round(item.durationMin))) return 0;
  // Reachable totals in steps of g: a bitset over 0..Σ (at most a day's minutes per item).
  const most = all.reduce((sum, item) => sum + item.durationMin, 0) / g;
  let reach = new Uint8Array(most + 1);
  reach[0] = 1;
  const addChoice = (steps: readonly number[]): void => {
    const next = new Uint8Array(most + 1);
    for (let t = 0; t <= most; t++) if (reach[t]) for (const k of steps) if (t + k <= most) next[t + k] = 1;
    reach = next;
  };
  for (const ofType of groupByDuration(forced)) {
    const step = ofType[0]!.durationMin / g;
    const cap = Math.max(1, ofType[0]!.groupCapacity);
    if (cap === 1) { addChoice([ofType.length * step]); continue; }
    const sessions: number[] = [];
    for (let k = Math.ceil(ofType.length / cap); k <= ofType.length; k++) sessions.push(k * step);
    addChoice(sessions);
  }
  for (const item of optional) addChoice([0, item.durationMin / g]);
  for (let t = 0; t <= most; t += staff.length) if (reach[t]) return 0;
  return g;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return Math.abs(a);
}

function groupByDuration(items: readonly WorkloadItem[]): WorkloadItem[][] {
  const map = new Map<string, WorkloadItem[]>();
  for (const item of items) {
    const key = `${item.durationMin}|${item.groupCapacity}`;
    map.set(key, [...(map.get(key) ?? []), item]);
  }
  return [...map.values()];
}
