/**
 * The one definition of a day plan's optimality gap: how far its soft score lies above the
 * lower bound, as a share of the bound — 100 × (soft − bound) / max(|bound|, 1), in percent,
 * two decimals, never below 0. planDay, the provisional plan, edited plans and the icc bench
 * all report this figure.
 *
 * @example
 * planGapPct(5271, 4617.92); // 14.14
 */
export function planGapPct(soft: number, bound: number): number {
  const gap = (100 * (soft - bound)) / Math.max(Math.abs(bound), 1);
  return Math.max(0, Math.round(gap * 100) / 100);
}
