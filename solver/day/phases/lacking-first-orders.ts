/**
 * The orders the lacking-first polish (rebuild-patients.ts, orderPolish) puts days back in: a
 * patient who lacks something first, then a group of other patients, all of them out of the
 * plan and put back exactly one after the other. Groups by size, smallest first (1, 2, … up to
 * `maxGroup` others); groups of up to `permuteUpTo` others are tried in every order after the
 * taker, larger ones in the patients' own order only.
 *
 * Why the taker first: on the staff-off varied day without JB-0007's review (the least-drop
 * trial's day), the plans that still left JB-0005's review out were one whole-day re-packing away
 * from placing it: JB-0005 put back first took the review slot, and three or four others put back
 * after it fitted around (05 > 04 > 08 > 07, 05 > 01 > 02 > 07, 05 > 01 > 03 > 04 > 06 on seeds
 * 2, 3 and 5 at 4k). In every order that placed everything the taker went first, and with the
 * taker first the order of the larger groups mattered less than who was in them.
 */

/** Patient orders: `taker` first, then each group of `others` (see the file comment). */
export function* lackingFirstOrders(taker: number, others: readonly number[], permuteUpTo: number, maxGroup: number): Generator<number[]> {
  for (let k = 1; k <= Math.min(maxGroup, others.length); k++) {
    for (const group of subsets(others, k)) {
      if (k <= permuteUpTo) for (const order of permutations(group)) yield [taker, ...order];
      else yield [taker, ...group];
    }
  }
}

/** The k-element subsets of `items`, in lexicographic order of their positions. */
function* subsets(items: readonly number[], k: number, from = 0): Generator<number[]> {
  if (k === 0) {
    yield [];
    return;
  }
  for (let i = from; i <= items.length - k; i++) for (const rest of subsets(items, k - 1, i + 1)) yield [items[i]!, ...rest];
}

/** Every order of `items`. */
function* permutations(items: readonly number[]): Generator<number[]> {
  if (items.length <= 1) {
    yield items.slice();
    return;
  }
  for (let i = 0; i < items.length; i++) {
    const rest = [...items.slice(0, i), ...items.slice(i + 1)];
    for (const order of permutations(rest)) yield [items[i]!, ...order];
  }
}
