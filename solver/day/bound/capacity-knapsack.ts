/**
 * The least cost of dropping items so the rest fit a capacity, relaxed to fractions
 * (the LP relaxation of the knapsack, solved greedily by cost per minute): a valid lower
 * bound on the integer answer. Items with negative cost are always "dropped" in the relaxation.
 */
export interface KnapsackItem {
  loadMin: number;
  cost: number;
}

export function fractionalDropCost(items: readonly KnapsackItem[], capacityMin: number): number {
  let total = 0;
  let loadMin = 0;
  const positive: KnapsackItem[] = [];
  for (const item of items) {
    if (item.cost < 0) total += item.cost;
    else { positive.push(item); loadMin += item.loadMin; }
  }
  let excessMin = loadMin - capacityMin;
  if (excessMin <= 0) return total;
  positive.sort((a, b) => a.cost / a.loadMin - b.cost / b.loadMin);
  for (const item of positive) {
    if (excessMin <= 0) break;
    const share = Math.min(1, excessMin / item.loadMin);
    total += share * item.cost;
    excessMin -= share * item.loadMin;
  }
  return total;
}
