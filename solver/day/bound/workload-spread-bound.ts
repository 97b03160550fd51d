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
    total += Math.max(0, busiest - leastBusy);
  }
  return total;
}

function groupByDuration(items: readonly WorkloadItem[]): WorkloadItem[][] {
  const map = new Map<string, WorkloadItem[]>();
  for (const item of items) {
    const key = `${item.durationMin}|${item.groupCapacity}`;
    map.set(key, [...(map.get(key) ?? []), item]);
  }
  return [...map.values()];
}
