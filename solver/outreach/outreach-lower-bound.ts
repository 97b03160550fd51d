/**
 * A lower bound on the outreach day's objective:
 * - every assessment that can never be placed (unknown type, nobody qualified, no shared room,
 *   longer than its window) costs its penalty in every plan;
 * - driving: for a qualification, the staff who hold it must between them reach every home
 *   where it is needed, or leave those residents' assessments of it unplaced. Their routes
 *   from the centre and back, joined, are one closed walk, so they drive at least the shortest
 *   tour (Held–Karp over the metric closure of the travel times) through the homes they visit;
 *   the bound takes the cheapest choice of homes (tour + penalties of the homes skipped).
 *   Qualifications held by disjoint groups of staff add up (their driving is disjoint); the
 *   best such set is chosen exhaustively.
 * - residents' waiting: a lag between two of a resident's assessments (bloods an hour before
 *   the review) that their other assessments, which may fall between, cannot fill is idle
 *   time — unless one side is left unplaced, which costs more. Staff waiting counts 0.
 */
import type { CompiledOutreach } from './compile-outreach.ts';
import type { OutreachWeights } from './outreach-plan.ts';

/** Held–Karp is exact and cheap up to this many homes per qualification; beyond, driving counts 0. */
const MAX_TOUR_HOMES = 12;

export function outreachLowerBound(day: CompiledOutreach, weights: OutreachWeights): { value: number; method: string } {
  let fixed = 0;
  for (const a of day.activities) if (a.staticReason) fixed += weights.unscheduled * a.priority;
  const dist = metricClosure(day);
  // Per qualification: its staff group, and the drop cost per home (penalty of its activities there).
  const groups = new Map<string, { staff: number[]; dropByHome: Map<number, number> }>();
  for (const a of day.activities) {
    if (a.staticReason || a.pin) continue;
    const q = a.type!.qualification;
    const g = groups.get(q) ?? { staff: a.qualifiedStaff, dropByHome: new Map<number, number>() };
    g.dropByHome.set(a.location, (g.dropByHome.get(a.location) ?? 0) + weights.unscheduled * a.priority);
    groups.set(q, g);
  }
  const entries = [...groups.entries()].map(([q, g]) => ({ q, staff: new Set(g.staff), value: tourOrDrop(dist, day.size, g.dropByHome, weights.travelMin) }));
  // The best set of qualifications whose staff groups are pairwise disjoint (few qualifications: exhaustive).
  let bestTravel = 0;
  let bestSet: string[] = [];
  const n = entries.length;
  if (n <= 16) {
    for (let mask = 1; mask < 1 << n; mask++) {
      const used = new Set<number>();
      let total = 0;
      let ok = true;
      for (let i = 0; i < n && ok; i++) {
        if (!(mask & (1 << i))) continue;
        for (const k of entries[i]!.staff) {
          if (used.has(k)) ok = false;
          used.add(k);
        }
        total += entries[i]!.value;
      }
      if (ok && total > bestTravel) {
        bestTravel = total;
        bestSet = entries.filter((_, i) => mask & (1 << i)).map((e) => e.q);
      }
    }
  }
  const waiting = residentWaitBound(day, weights);
  const parts = ['unplaceable assessments'];
  if (waiting > 0) parts.push('residents waiting out precedence lags');
  if (bestSet.length > 0) parts.push(`shortest tours of the homes needing ${bestSet.join(', ')}`);
  return { value: fixed + bestTravel + waiting, method: parts.join(' + ') };
}

function metricClosure(day: CompiledOutreach): Float64Array {
  const n = day.size;
  const d = Float64Array.from(day.travel);
  for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
    const via = d[i * n + k]! + d[k * n + j]!;
    if (via < d[i * n + j]!) d[i * n + j] = via;
  }
  return d;
}

/** min over subsets S of the homes: weight × tour(centre ∪ S) + Σ drops of the homes not in S. */
function tourOrDrop(dist: Float64Array, size: number, dropByHome: Map<number, number>, travelWeight: number): number {
  const homes = [...dropByHome.keys()];
  const m = homes.length;
  if (m === 0 || m > MAX_TOUR_HOMES || travelWeight <= 0) return 0;
  const full = 1 << m;
  // dp[S][j]: shortest path from the centre through the homes in S, ending at home j ∈ S.
  const dp = new Float64Array(full * m).fill(Infinity);
  for (let j = 0; j < m; j++) dp[(1 << j) * m + j] = dist[homes[j]!]!;
  for (let s = 1; s < full; s++) {
    for (let j = 0; j < m; j++) {
      const here = dp[s * m + j]!;
      if (!(s & (1 << j)) || here === Infinity) continue;
      for (let k = 0; k < m; k++) {
        if (s & (1 << k)) continue;
        const t = s | (1 << k);
        const v = here + dist[homes[j]! * size + homes[k]!]!;
        if (v < dp[t * m + k]!) dp[t * m + k] = v;
      }
    }
  }
  let best = Infinity;
  for (let s = 0; s < full; s++) {
    let tour = 0;
    if (s !== 0) {
      tour = Infinity;
      for (let j = 0; j < m; j++) if (s & (1 << j)) tour = Math.min(tour, dp[s * m + j]! + dist[homes[j]! * size]!);
    }
    let drops = 0;
    for (let j = 0; j < m; j++) if (!(s & (1 << j))) drops += dropByHome.get(homes[j]!)!;
    best = Math.min(best, travelWeight * tour + drops);
  }
  return best;
}

/** Σ over residents of the largest unfillable lag, weighted (or the cheaper drop of one side). */
function residentWaitBound(day: CompiledOutreach, weights: OutreachWeights): number {
  let total = 0;
  const byResident = new Map<number, number[]>();
  for (const a of day.activities) if (!a.staticReason && !a.pin) byResident.set(a.residentIndex, [...(byResident.get(a.residentIndex) ?? []), a.index]);
  for (const list of byResident.values()) {
    let best = 0;
    for (const b of list) for (const arc of day.successors[b]!) {
      const c = arc.after;
      if (!list.includes(c) || arc.lagMin <= 0) continue;
      // Activities that may sit between b and c: not forced before b, not forced after c.
      const forcedBefore = new Set(day.predecessors[b]!.map((x) => x.before));
      const forcedAfter = new Set(day.successors[c]!.map((x) => x.after));
      let filler = 0;
      for (const m of list) if (m !== b && m !== c && !forcedBefore.has(m) && !forcedAfter.has(m)) filler += day.activities[m]!.durationMin;
      const idle = Math.max(0, arc.lagMin - filler);
      const drop = weights.unscheduled * day.activities[b]!.priority;
      best = Math.max(best, Math.min(weights.residentWaitMin * idle, drop));
    }
    total += best;
  }
  return total;
}
