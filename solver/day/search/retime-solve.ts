/**
 * Exact re-timing, the solver: the LP of retime-model.ts (minimise Σ cost·x over difference
 * constraints x[to] − x[from] ≥ gap and bounds) solved through its dual, a min-cost flow
 * (maximise Σ gap·flow, each variable's net inflow = its cost), by successive shortest
 * paths with node potentials. The optimal times are the final potentials (negated), so they
 * are whole minutes whenever the gaps and bounds are. Pure and deterministic; a few hundred
 * variables and a few thousand constraints solve in well under a millisecond to a few ms.
 *
 * The answer is checked against the model before it is returned (retimeFeasible), so a
 * numerical slip can only cost the improvement, never a hard rule.
 */
import { retimeFeasible, retimeObjective, type RetimeModel } from './retime-model.ts';

export interface RetimeSolution {
  /** One value per model variable (whole minutes). */
  x: Float64Array;
  objective: number;
}

const EPS = 1e-9;

/**
 * The optimal times of `model`, or undefined when the constraints admit no times at all
 * (the orders it fixes are contradictory).
 */
export function solveRetime(model: RetimeModel): RetimeSolution | undefined {
  const v = model.lb.length;
  const nodes = v + 1; // node v is the constant 0
  const zero = v;
  // Arcs: the model's differences, then the bounds (lb: 0 → i, ub: i → 0).
  const from: number[] = [];
  const to: number[] = [];
  const gap: number[] = [];
  for (const arc of model.arcs) {
    from.push(arc.from < 0 ? zero : arc.from);
    to.push(arc.to);
    gap.push(arc.minGap);
  }
  for (let i = 0; i < v; i++) {
    if (Number.isFinite(model.lb[i]!)) { from.push(zero); to.push(i); gap.push(model.lb[i]!); }
    if (Number.isFinite(model.ub[i]!)) { from.push(i); to.push(zero); gap.push(-model.ub[i]!); }
  }
  const m = from.length;
  const outArcs = adjacency(nodes, from);
  const inArcs = adjacency(nodes, to);

  // A feasible start: the earliest times (longest paths from 0, from the lower bounds).
  const x = new Float64Array(nodes);
  for (let i = 0; i < v; i++) x[i] = Number.isFinite(model.lb[i]!) ? model.lb[i]! : -LARGE;
  x[zero] = 0;
  if (!longestPaths(x, nodes, outArcs, to, gap, zero)) return undefined;

  // Min-cost flow on costs −gap, potentials π = −x (reduced costs ≥ 0 for a feasible x).
  const pi = new Float64Array(nodes);
  for (let i = 0; i < nodes; i++) pi[i] = -x[i]!;
  const need = new Float64Array(nodes); // net inflow still to deliver (< 0: supply left)
  let total = 0;
  for (let i = 0; i < v; i++) { need[i] = model.cost[i]!; total += model.cost[i]!; }
  need[zero] = -total;
  const flow = new Float64Array(m);
  const dist = new Float64Array(nodes);
  const done = new Uint8Array(nodes);
  const parent = new Int32Array(nodes); // arc index + 1 (forward) or −(arc index + 1) (reverse); 0 at a source
  const heap = new MinHeap(nodes);
  for (let round = 0; round < 100 * nodes + 1000; round++) {
    let anySupply = false;
    dist.fill(Infinity);
    done.fill(0);
    heap.clear();
    for (let i = 0; i < nodes; i++) {
      if (need[i]! < -EPS) { dist[i] = 0; parent[i] = 0; heap.push(i, 0); anySupply = true; }
    }
    if (!anySupply) break;
    let target = -1;
    while (heap.size > 0) {
      const u = heap.pop();
      if (done[u]) continue;
      done[u] = 1;
      if (need[u]! > EPS) { target = u; break; }
      const du = dist[u]!;
      for (const e of outArcs[u]!) {
        const w = to[e]!;
        if (done[w]) continue;
        const nd = du + (-gap[e]! + pi[u]! - pi[w]!);
        if (nd < dist[w]!) { dist[w] = nd; parent[w] = e + 1; heap.push(w, nd); }
      }
      for (const e of inArcs[u]!) {
        if (flow[e]! <= EPS) continue;
        const w = from[e]!;
        if (done[w]) continue;
        const nd = du + (gap[e]! + pi[u]! - pi[w]!);
        if (nd < dist[w]!) { dist[w] = nd; parent[w] = -(e + 1); heap.push(w, nd); }
      }
    }
    if (target < 0) return undefined; // unbounded: cannot happen with finite windows
    const dt = dist[target]!;
    for (let i = 0; i < nodes; i++) pi[i] = pi[i]! + Math.min(dist[i]!, dt);
    // The path back to its source, and how much it carries.
    let amount = need[target]!;
    let node = target;
    while (parent[node] !== 0) {
      const p = parent[node]!;
      if (p > 0) node = from[p - 1]!;
      else { amount = Math.min(amount, flow[-p - 1]!); node = to[-p - 1]!; }
    }
    amount = Math.min(amount, -need[node]!);
    const source = node;
    node = target;
    while (node !== source) {
      const p = parent[node]!;
      if (p > 0) { flow[p - 1] = flow[p - 1]! + amount; node = from[p - 1]!; }
      else { flow[-p - 1] = flow[-p - 1]! - amount; node = to[-p - 1]!; }
    }
    need[target] = need[target]! - amount;
    need[source] = need[source]! + amount;
  }
  const out = new Float64Array(v);
  for (let i = 0; i < v; i++) out[i] = Math.round(-pi[i]! + pi[zero]!);
  if (!retimeFeasible(model, out)) return undefined;
  return { x: out, objective: retimeObjective(model, out) };
}

/** Variables without a lower bound start this low (times are minutes of one day). */
const LARGE = 100_000;

function adjacency(nodes: number, end: readonly number[]): number[][] {
  const lists: number[][] = Array.from({ length: nodes }, () => []);
  end.forEach((node, e) => lists[node]!.push(e));
  return lists;
}

/** Raises x to the least solution ≥ it with x[zero] = 0 (queue-based Bellman–Ford); false if there is none. */
function longestPaths(x: Float64Array, nodes: number, outArcs: number[][], to: readonly number[], gap: readonly number[], zero: number): boolean {
  const queued = new Uint8Array(nodes);
  const relaxed = new Int32Array(nodes);
  const queue: number[] = [];
  for (let i = 0; i < nodes; i++) { queue.push(i); queued[i] = 1; }
  for (let head = 0; head < queue.length; head++) {
    const u = queue[head]!;
    queued[u] = 0;
    for (const e of outArcs[u]!) {
      const w = to[e]!;
      const value = x[u]! + gap[e]!;
      if (value <= x[w]!) continue;
      if (w === zero) return false; // a bound cannot hold
      x[w] = value;
      if (++relaxed[w]! > nodes) return false; // a positive cycle
      if (!queued[w]) { queued[w] = 1; queue.push(w); }
    }
    if (head > 4096 && head * 2 > queue.length) { queue.splice(0, head + 1); head = -1; }
  }
  return true;
}

/** A binary heap of (node, key) with lazy deletion. */
class MinHeap {
  private nodes: number[] = [];
  private keys: number[] = [];
  constructor(_capacity: number) {}
  get size(): number { return this.nodes.length; }
  clear(): void { this.nodes.length = 0; this.keys.length = 0; }
  push(node: number, key: number): void {
    const { nodes, keys } = this;
    let i = nodes.length;
    nodes.push(node);
    keys.push(key);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (keys[p]! <= key) break;
      nodes[i] = nodes[p]!;
      keys[i] = keys[p]!;
      i = p;
    }
    nodes[i] = node;
    keys[i] = key;
  }
  pop(): number {
    const { nodes, keys } = this;
    const top = nodes[0]!;
    const lastNode = nodes.pop()!;
    const lastKey = keys.pop()!;
    const n = nodes.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= n) break;
        if (c + 1 < n && keys[c + 1]! < keys[c]!) c++;
        if (keys[c]! >= lastKey) break;
        nodes[i] = nodes[c]!;
        keys[i] = keys[c]!;
        i = c;
      }
      nodes[i] = lastNode;
      keys[i] = lastKey;
    }
    return top;
  }
}
