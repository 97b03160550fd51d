/**
 * Sets of feasible integer start minutes, as sorted disjoint closed ranges [lo, hi].
 * The explanation narrows a set step by step (window, patient, staff, room) and names the
 * step that empties it.
 */
export interface StartRange {
  lo: number;
  hi: number;
}

export type StartSet = StartRange[];

export function range(lo: number, hi: number): StartSet {
  return hi >= lo ? [{ lo, hi }] : [];
}

export function isEmpty(set: StartSet): boolean {
  return set.length === 0;
}

/** Removes every start s with after < s < before (an open interval: the blocked starts). */
export function removeOpen(set: StartSet, after: number, before: number): StartSet {
  const out: StartSet = [];
  for (const r of set) {
    if (before - 1 < r.lo || after + 1 > r.hi || before - after <= 1) { out.push(r); continue; }
    if (r.lo <= after) out.push({ lo: r.lo, hi: after });
    if (before <= r.hi) out.push({ lo: before, hi: r.hi });
  }
  return out;
}

export function intersect(a: StartSet, b: StartSet): StartSet {
  const out: StartSet = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const lo = Math.max(a[i]!.lo, b[j]!.lo);
    const hi = Math.min(a[i]!.hi, b[j]!.hi);
    if (hi >= lo) out.push({ lo, hi });
    if (a[i]!.hi < b[j]!.hi) i++;
    else j++;
  }
  return out;
}

export function union(sets: StartSet[]): StartSet {
  const all = sets.flat().sort((x, y) => x.lo - y.lo);
  const out: StartSet = [];
  for (const r of all) {
    const last = out[out.length - 1];
    if (last && r.lo <= last.hi + 1) last.hi = Math.max(last.hi, r.hi);
    else out.push({ ...r });
  }
  return out;
}

/** A few starts to try: each range's first minute and the next few multiples of 5. */
export function sampleStarts(set: StartSet, limit: number): number[] {
  const out: number[] = [];
  for (const r of set) {
    out.push(r.lo);
    for (let s = Math.ceil((r.lo + 1) / 5) * 5; s <= r.hi && out.length < limit; s += 5) out.push(s);
    if (out.length >= limit) break;
  }
  return out.slice(0, limit);
}
