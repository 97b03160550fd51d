import type { MipResult, MipSolver } from '../lp/lp-model.ts';
import type { DayCapacity, DisciplineMinutes } from './booking-problem.ts';
import { buildBookingModel, reducedCost } from './build-booking-model.ts';
import type { BookingModel, PlacementItem } from './build-booking-model.ts';

export interface BookingLp {
  result: MipResult;
  /** The model the LP values belong to (all columns, or those column generation kept). */
  built: BookingModel;
  /** Column-generation rounds (0 without duals: the full LP was solved once). */
  pricingRounds: number;
}

const INITIAL_DAYS_PER_REFERRAL = 8;
const COLUMNS_ADDED_PER_REFERRAL = 6;
const MAX_PRICING_ROUNDS = 40;

/**
 * The LP relaxation of the booking model. On request, with a backend that gives duals
 * (HiGHS), it is solved by column generation: each referral starts with its 8 earliest candidate days,
 * and days with a negative reduced cost are added until none is left — at which point the
 * restricted LP's optimum is the full LP's, so the bound is exact. Without duals (or if
 * the backend's duals fail a consistency check) the full LP is solved directly.
 * Off by default: on the demo lists at load 0.95 it needed 8 rounds and 93% of the columns,
 * and was slower than one full solve (measured on booking-500).
 */
export function solveBookingLp(items: PlacementItem[], capacity: DayCapacity[], placesLeft: number[], minutesLeft: DisciplineMinutes[], solver: MipSolver, timeLeft: () => number | undefined, columnGeneration = false): BookingLp {
  const full = () => {
    const built = buildBookingModel(items, capacity, placesLeft, minutesLeft);
    return { result: solver.solve(built.model, { relax: true, timeLimitMs: timeLeft() }), built, pricingRounds: 0 };
  };
  const restricted = items.some((item) => item.days.length > INITIAL_DAYS_PER_REFERRAL);
  if (!columnGeneration || !solver.providesDuals || !restricted) return full();
  const included = items.map((item) => new Set(item.days.slice(0, INITIAL_DAYS_PER_REFERRAL).map((_, k) => k)));
  for (let round = 1; round <= MAX_PRICING_ROUNDS; round++) {
    const built = buildBookingModel(items, capacity, placesLeft, minutesLeft, (i, k) => included[i]!.has(k));
    const result = solver.solve(built.model, { relax: true, timeLimitMs: timeLeft() });
    if (result.status !== 'optimal' || !result.rowDuals) return result.status === 'optimal' ? full() : { result, built, pricingRounds: round };
    if (!dualsConsistent(built, items, result)) return full();
    let added = 0;
    items.forEach((item, i) => {
      const candidates: Array<{ k: number; rc: number }> = [];
      item.days.forEach((_, k) => {
        if (included[i]!.has(k)) return;
        const rc = reducedCost(built, items, i, k, result.rowDuals!);
        if (rc < -1e-7 * Math.max(1, Math.abs(item.costs[k]!))) candidates.push({ k, rc });
      });
      candidates.sort((a, b) => a.rc - b.rc || a.k - b.k);
      for (const { k } of candidates.slice(0, COLUMNS_ADDED_PER_REFERRAL)) { included[i]!.add(k); added++; }
    });
    if (added === 0) return { result, built, pricingRounds: round };
  }
  return full();
}

/** Our reduced costs (from the row duals) must match the backend's own for the columns it saw. */
function dualsConsistent(built: BookingModel, items: PlacementItem[], result: MipResult): boolean {
  if (!result.reducedCosts || !result.rowDuals) return false;
  const kOf = new Map<string, number>();
  for (let v = 0; v < built.columns.length; v++) {
    const { item, day } = built.columns[v]!;
    if (day < 0) continue;
    let k = kOf.get(`${item}`) ?? -1;
    k = items[item]!.days.indexOf(day, k + 1);
    kOf.set(`${item}`, k);
    const ours = reducedCost(built, items, item, k, result.rowDuals);
    const theirs = result.reducedCosts[v]!;
    if (Math.abs(ours - theirs) > 1e-5 * Math.max(1, Math.abs(theirs))) return false;
  }
  return true;
}
