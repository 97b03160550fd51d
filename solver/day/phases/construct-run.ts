/**
 * Construction, the first phase of each run: the best of a few priority rules under each
 * decoding scheme (the search then keeps the scheme that won); on ICC days also the day built
 * in time order by the parallel scheme, lunch first at the window's opening; and, on the
 * first run, the plan to start from if the caller gave one. Leaves the state's scheme and
 * meal delays as the winner's (on small ICC days, runs after the first start elsewhere).
 */
import { createRng } from '../../model/rng.ts';
import type { DaySearch } from '../search/day-search.ts';
import { initialOrders } from '../search/initial-orders.ts';
import { nonDelayOrders } from '../search/non-delay-orders.ts';

export interface ConstructedRun {
  order: Int32Array;
  cost: number;
}

interface Candidate {
  order: Int32Array;
  cost: number;
  scheme: number;
  mealDelay: Int32Array;
}

/** Days of at most this many activities (meals included; the 8-patient demo day has 55) spread their runs' starts. */
export const SPREAD_MAX_ACTIVITIES = 64;

/** `run`: the run's index (0 for the first); see the spread of starts below. */
export function constructRun(search: DaySearch, runSeed: number, run = 0): ConstructedRun {
  const { day, decoder, state } = search;
  let winner: Candidate | undefined;
  const candidates: Candidate[] = [];
  /** Decodes a candidate under the current scheme and meal delays; keeps it if it wins. */
  const consider = (order: Int32Array): void => {
    state.order = order;
    const cost = search.evaluate(state);
    search.noteIfBest(order, cost);
    const candidate = { order, cost, scheme: state.scheme, mealDelay: decoder.mealDelayMin.slice() };
    candidates.push(candidate);
    if (!winner || cost < winner.cost) winner = candidate;
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
  // On small days each run after the first starts from another construction: the run-th
  // cheapest of those with distinct costs (cycling). All runs starting from the cheapest one
  // (a greedy plan one review short) kept the 8-patient demo day's runs in one basin: at 40k
  // iterations only seed 1 of seeds 1-6 placed all 47, with the spread seeds 1 and 3-6 did
  // (825.5 / 4694 / 837.5 / 836.5 / 837.5 / 825.5; before 824.5 / 4688 / 4693 / 4669 / 4670 /
  // 4657), and at 160k seeds 1-4 all (831.5 / 831.5 / 830.5 / 848.5; before 819.5 / 830.5 /
  // 4670 / 855.5). Larger days did worse with it: icc-16 16k seed 1 5093 -> 5146, icc-32 19k
  // seed 2 two reviews out -> three (spreading only odd runs: icc-16 5093, icc-32 still three).
  if (search.iccDay && run > 0 && day.activityCount <= SPREAD_MAX_ACTIVITIES) {
    const byCost = new Map<number, Candidate>();
    for (const c of candidates.sort((x, y) => x.cost - y.cost)) byCost.set(Math.round(c.cost * 100), c);
    const distinct = [...byCost.values()];
    winner = distinct[run % distinct.length]!;
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
