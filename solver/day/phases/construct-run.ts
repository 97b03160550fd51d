/**
 * Construction, the first phase of each run: the best of a few priority rules under each
 * decoding scheme (the search then keeps the scheme that won); on ICC days also the day built
 * in time order by the parallel scheme, lunch first at the window's opening; and, on the
 * first run, the plan to start from if the caller gave one. Leaves the state's scheme and
 * meal delays as the winner's.
 */
import { createRng } from '../../model/rng.ts';
import type { DaySearch } from '../search/day-search.ts';
import { initialOrders } from '../search/initial-orders.ts';
import { nonDelayOrders } from '../search/non-delay-orders.ts';

export interface ConstructedRun {
  order: Int32Array;
  cost: number;
}

export function constructRun(search: DaySearch, runSeed: number): ConstructedRun {
  const { day, decoder, state } = search;
  let winner: { order: Int32Array; cost: number; scheme: number; mealDelay: Int32Array } | undefined;
  /** Decodes a candidate under the current scheme and meal delays; keeps it if it wins. */
  const consider = (order: Int32Array): void => {
    state.order = order;
    const cost = search.evaluate(state);
    search.noteIfBest(order, cost);
    if (!winner || cost < winner.cost) winner = { order, cost, scheme: state.scheme, mealDelay: decoder.mealDelayMin.slice() };
  };
  decoder.mealDelayMin.set(search.staggeredMeals);
  for (let k = 0; k < state.schemeCount; k++) {
    state.scheme = k;
    for (const { order } of initialOrders(day, decoder.freeActivities())) consider(order);
  }
  state.scheme = 0;
  const given = runSeed === search.seed ? startOrder(search) : undefined;
  if (given) {
    decoder.mealDelayMin.set(given.mealDelay);
    consider(given.order);
  }
  if (search.iccDay) {
    decoder.mealDelayMin.fill(0);
    // Its own generator, so the search's draws stay as they were.
    for (const { order } of nonDelayOrders(day, decoder, { count: 24, rng: createRng(runSeed + 7919) })) consider(order);
  }
  decoder.mealDelayMin.set(winner!.mealDelay);
  state.scheme = winner!.scheme;
  return { order: winner!.order, cost: winner!.cost };
}

/** options.startFrom as a list in its start order (what it lacks last) with its meal times as delays. */
function startOrder(search: DaySearch): { order: Int32Array; mealDelay: Int32Array } | undefined {
  const { day, decoder, state } = search;
  const given = search.options.startFrom;
  if (!given || given.length === 0) return undefined;
  const startOf = new Map(given.map((a) => [a.id, a.startMin]));
  const free = decoder.freeActivities();
  const at = (a: number) => startOf.get(day.activityId[a]!) ?? Infinity;
  const order = Int32Array.from([...free].sort((x, y) => at(x) - at(y) || x - y));
  const mealDelay = search.staggeredMeals.slice();
  for (let a = 0; a < day.activityCount; a++) {
    const t = startOf.get(day.activityId[a]!);
    if (day.activityKind[a] === 'meal' && t !== undefined) mealDelay[day.activityPatient[a]!] = Math.max(0, Math.min(state.maxMealDelayMin, t - day.earliestStartMin[a]!));
  }
  return { order, mealDelay };
}
