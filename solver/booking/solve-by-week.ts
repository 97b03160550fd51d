import type { MipSolver } from '../lp/lp-model.ts';
import type { DayCapacity, DisciplineMinutes } from './booking-problem.ts';
import { buildBookingModel } from './build-booking-model.ts';
import type { PlacementItem } from './build-booking-model.ts';

export interface ByWeekResult {
  /** Item index → ICC day. */
  chosen: Map<number, number>;
  weeks: number;
  /** Weeks whose MIP the backend could not answer (placed greedily instead), with why. */
  failures: string[];
  /** Every week's MIP proved optimal. */
  allOptimal: boolean;
}

const WEEK_DAYS = 7;

/**
 * A rolling-horizon decomposition for backends that cannot take the whole horizon at once
 * (javascript-lp-solver): week by week, a MIP decides who among those still waiting is seen
 * that week. Deferring a referral costs what their first candidate day after the week would
 * (or leaving them unbooked), so the MIP weighs this week's places against the wait.
 * Myopic by construction: it proves no bound; compare with the LP bound of the full model.
 */
export function solveByWeek(items: PlacementItem[], capacity: DayCapacity[], placesLeft: number[], minutesLeft: DisciplineMinutes[], solver: MipSolver, timeLeft: () => number | undefined): ByWeekResult {
  const chosen = new Map<number, number>();
  const failures: string[] = [];
  let allOptimal = true;
  const places = [...placesLeft];
  const minutes = minutesLeft.map((m) => ({ ...m }));
  const weeks = Math.ceil(capacity.length / WEEK_DAYS);
  for (let w = 0; w < weeks; w++) {
    const from = w * WEEK_DAYS;
    const to = from + WEEK_DAYS;
    const index: number[] = [];
    const weekItems: PlacementItem[] = [];
    items.forEach((item, i) => {
      if (chosen.has(i)) return;
      const ks = item.days.map((d, k) => (d >= from && d < to ? k : -1)).filter((k) => k >= 0);
      if (ks.length === 0) return;
      const later = item.days.findIndex((d) => d >= to);
      index.push(i);
      weekItems.push({
        referralId: item.referralId,
        days: ks.map((k) => item.days[k]!),
        costs: ks.map((k) => item.costs[k]!),
        unbookedCost: later >= 0 ? item.costs[later]! : item.unbookedCost,
        requiredMinutes: item.requiredMinutes,
      });
    });
    if (weekItems.length === 0) continue;
    const built = buildBookingModel(weekItems, capacity, places, minutes);
    const result = solver.solve(built.model, { timeLimitMs: timeLeft() });
    const picks = new Map<number, number>();
    if (result.status === 'optimal' || result.status === 'feasible') {
      if (result.status === 'feasible') allOptimal = false;
      result.values.forEach((value, v) => {
        const { item, day } = built.columns[v]!;
        if (value > 0.5 && day >= 0) picks.set(item, day);
      });
    } else {
      allOptimal = false;
      failures.push(`week ${w + 1}: ${result.status}${result.message ? ` — ${result.message.slice(0, 120)}` : ''}`);
      for (const [item, day] of greedyWeek(weekItems, places, minutes)) picks.set(item, day);
    }
    for (const [k, day] of picks) {
      chosen.set(index[k]!, day);
      places[day]!--;
      for (const [discipline, m] of Object.entries(weekItems[k]!.requiredMinutes)) minutes[day]![discipline] = (minutes[day]![discipline] ?? 0) - m;
    }
  }
  return { chosen, weeks, failures, allOptimal };
}

/** Fallback for one week: largest regret (defer cost − best cost) first, cheapest day that fits. */
function greedyWeek(items: PlacementItem[], placesLeft: number[], minutesLeft: DisciplineMinutes[]): Map<number, number> {
  const places = [...placesLeft];
  const minutes = minutesLeft.map((m) => ({ ...m }));
  const regret = (item: PlacementItem) => item.unbookedCost - Math.min(...item.costs);
  const order = items.map((_, i) => i).sort((a, b) => regret(items[b]!) - regret(items[a]!) || a - b);
  const picks = new Map<number, number>();
  for (const i of order) {
    const item = items[i]!;
    const ks = item.days.map((_, k) => k).sort((a, b) => item.costs[a]! - item.costs[b]!);
    const k = ks.find((k) => {
      const d = item.days[k]!;
      return item.costs[k]! < item.unbookedCost && places[d]! > 0 && Object.entries(item.requiredMinutes).every(([key, m]) => (minutes[d]![key] ?? 0) >= m);
    });
    if (k === undefined) continue;
    const d = item.days[k]!;
    places[d]!--;
    for (const [key, m] of Object.entries(item.requiredMinutes)) minutes[d]![key] = (minutes[d]![key] ?? 0) - m;
    picks.set(i, d);
  }
  return picks;
}
