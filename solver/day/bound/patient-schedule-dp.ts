/**
 * The least cost of one patient's day with every item placed, exactly, by dynamic
 * programming over the time grid, other patients ignored: time on site, idle time,
 * preferences, and the named-clinician and carer penalties certain at each start.
 *
 * Why it is a lower bound: every grid-aligned plan (time-grid.ts explains why some optimal
 * plan is one) gives this patient a path through the states below of the same cost, because
 * the rules are only ever relaxed: a change of room counts only between room types (two
 * consult activities may share a room), a staff member is assumed free whenever their shift
 * and breaks allow, only the lags after one item are timed (the others keep their order),
 * and the maximum time on site is not checked.
 *
 * States at grid unit u, while the patient waits: the set of items done (closed under
 * precedence), the run length of back-to-back activities, the time since the timed lags'
 * first item ended (capped at the longest lag still to be kept), and the class of the gap so
 * far — T: at least a transfer but less than a rest (any room type may follow, the run goes
 * on), R: at least both (the run ends). A gap shorter than the transfer is taken straight
 * from the end of one activity to the start of the next in the same room type (ending the
 * run if it is a rest's length). So every gap between two activities is represented with its
 * true effect. Waiting costs (idle + on-site weight) × grid per unit; each unit of an
 * activity costs the on-site weight.
 */
import type { ObjectiveWeights } from '../../model/options.ts';
import type { PatientScheduleModel } from './patient-schedule-model.ts';

/** Largest state space (states per grid unit × units) a solve takes on (memory); beyond it a solve returns NaN. */
export const MAX_DP_STATES = 1_000_000;

/**
 * Scratch arrays shared by successive solves (grown on demand), and a work budget: the
 * starts the solves may try, all together, so that a fine time grid cannot make the bound
 * slow (deterministically, unlike a clock). A solve that runs out returns NaN and its caller
 * falls back to a weaker bound.
 */
export class ScheduleDpScratch {
  value = new Float64Array(0);
  /** Starts the solves may still try. */
  workLeft: number;

  /**
   * @param budget starts the solves may try, all together
   * @param timeLeft with a caller's clock (a timed plan): once it says no, every later solve
   *   returns NaN at once, as when the work budget is spent, and the bound falls back to its
   *   weaker parts. Without it the bound is deterministic.
   */
  constructor(budget = Infinity, readonly timeLeft?: () => boolean) {
    this.workLeft = budget;
  }

  /** Per (unit, set of done items): has any state been reached? */
  reached = new Uint8Array(0);

  /** Per state: the path node that reached its value (only while a solve is traced). */
  node = new Int32Array(0);
  /** Path nodes of a traced solve: item placed, its start unit, the node before it (−1: none). */
  nodeItem = new Int32Array(0);
  nodeStart = new Int32Array(0);
  nodeParent = new Int32Array(0);
  nodeCount = 0;

  /** Grows the path arena to hold one more node; returns its index. */
  addNode(item: number, startU: number, parent: number): number {
    if (this.nodeCount === this.nodeItem.length) {
      const size = Math.max(1024, 2 * this.nodeItem.length);
      const grow = (a: Int32Array): Int32Array<ArrayBuffer> => { const b = new Int32Array(size); b.set(a); return b; };
      this.nodeItem = grow(this.nodeItem);
      this.nodeStart = grow(this.nodeStart);
      this.nodeParent = grow(this.nodeParent);
    }
    const i = this.nodeCount++;
    this.nodeItem[i] = item;
    this.nodeStart[i] = startU;
    this.nodeParent[i] = parent;
    return i;
  }

  reserve(size: number, flags: number): Float64Array {
    if (this.value.length < size) this.value = new Float64Array(size);
    if (this.reached.length < flags) this.reached = new Uint8Array(flags);
    return this.value;
  }
}

interface Layout {
  masks: Int32Array;
  maskIndex: Int32Array;
  /** Lag counter values per mask: (longest lag still to keep) + 1 once the lags' first item is done, else 1. */
  eCount: Int32Array;
  tBase: Int32Array;
  rBase: Int32Array;
  next: Int32Array[];
  stateCount: number;
  runMax: number;
  hasRest: boolean;
  useT: boolean;
}

function layout(model: PatientScheduleModel): Layout {
  const n = model.items.length;
  const hasRest = model.maxConsecutive > 0 && model.restU > 0;
  const runMax = hasRest ? model.maxConsecutive : 1;
  const useT = !hasRest || model.transferU < model.restU;
  // Sets of done items closed under precedence, found breadth-first from the empty set.
  const maskIndex = new Int32Array(1 << n).fill(-1);
  const masks: number[] = [0];
  maskIndex[0] = 0;
  for (let i = 0; i < masks.length; i++) {
    const m = masks[i]!;
    for (let k = 0; k < n; k++) {
      if (m & (1 << k) || (model.predMask[k]! & ~m) !== 0) continue;
      const m2 = m | (1 << k);
      if (maskIndex[m2]! < 0) { maskIndex[m2] = masks.length; masks.push(m2); }
    }
  }
  const count = masks.length;
  const eCount = new Int32Array(count);
  const tBase = new Int32Array(count);
  const rBase = new Int32Array(count);
  const next: Int32Array[] = [];
  const lag = model.lag;
  let s = 0;
  for (let i = 0; i < count; i++) {
    const m = masks[i]!;
    let eN = 1;
    if (lag && m & (1 << lag.before)) for (let k = 0; k < n; k++) if (!(m & (1 << k))) eN = Math.max(eN, lag.needU[k]! + 1);
    eCount[i] = eN;
    tBase[i] = s;
    if (useT) s += runMax * eN;
    rBase[i] = s;
    if (hasRest) s += eN;
    const candidates: number[] = [];
    for (let k = 0; k < n; k++) if (!(m & (1 << k)) && (model.predMask[k]! & ~m) === 0) candidates.push(k);
    next.push(Int32Array.from(candidates));
  }
  return { masks: Int32Array.from(masks), maskIndex, eCount, tBase, rBase, next, stateCount: s, runMax, hasRest, useT };
}

/** States per grid unit × units: the work and memory a solve takes. */
export function scheduleDpSize(model: PatientScheduleModel): number {
  return layout(model).stateCount * (model.spanU + 1);
}

/**
 * The least cost of the patient's day placing every item of `model` (Infinity: impossible).
 * @example
 * const model = patientScheduleModel(problem, patient, patient.required, timeGridMin(problem), weights);
 * if (model) patientScheduleCost(model, weights); // ≤ on-site + idle + preference (+ certain penalties) in any plan placing all
 * @returns the cost; Infinity when no day places every item; NaN when the scratch's work budget ran out
 */
export function patientScheduleCost(model: PatientScheduleModel, weights: ObjectiveWeights, scratch = new ScheduleDpScratch()): number {
  return solveSchedule(model, weights, scratch, undefined);
}

/** A cheapest day of the patient: its cost and each item's start (grid units from model.startU). */
export interface PatientScheduleDay {
  cost: number;
  /** Per item, its start in grid units counted from model.startU. */
  startU: Int32Array;
}

/**
 * As patientScheduleCost, and also one day that costs that much (each item's start): the
 * day planner re-inserts a patient's whole day with it, the item's start costs then
 * carrying where the rest of the plan leaves a qualified clinician and a room free.
 * @returns undefined when no day places every item or the work budget ran out
 */
export function patientScheduleDay(model: PatientScheduleModel, weights: ObjectiveWeights, scratch = new ScheduleDpScratch()): PatientScheduleDay | undefined {
  const trace = { bestNode: -1 };
  const cost = solveSchedule(model, weights, scratch, trace);
  if (!Number.isFinite(cost) || trace.bestNode < 0) return undefined;
  const startU = new Int32Array(model.items.length).fill(-1);
  for (let nd = trace.bestNode; nd >= 0; nd = scratch.nodeParent[nd]!) startU[scratch.nodeItem[nd]!] = scratch.nodeStart[nd]!;
  if (startU.some((u) => u < 0)) return undefined;
  return { cost, startU };
}

function solveSchedule(model: PatientScheduleModel, weights: ObjectiveWeights, scratch: ScheduleDpScratch, trace: { bestNode: number } | undefined): number {
  const n = model.items.length;
  if (n === 0) return 0; // nothing to place: the patient need not come
  if (scratch.timeLeft !== undefined && !scratch.timeLeft()) scratch.workLeft = 0;
  if (scratch.workLeft <= 0) return NaN;
  const L = layout(model);
  const S = L.stateCount;
  const U = model.spanU;
  if (S * (U + 1) > MAX_DP_STATES) return NaN; // scheduleDpSize, without laying the states out twice
  const M = L.masks.length;
  const value = scratch.reserve((U + 1) * S, (U + 1) * M);
  value.fill(Infinity, 0, (U + 1) * S);
  const reached = scratch.reached;
  reached.fill(0, 0, (U + 1) * M);
  // Traced: each state also remembers the path node that reached its value.
  const tracing = trace !== undefined;
  let node = scratch.node;
  if (tracing) {
    if (node.length < (U + 1) * S) node = scratch.node = new Int32Array((U + 1) * S);
    scratch.nodeCount = 0;
  }
  const fullIndex = L.maskIndex[(1 << n) - 1]!;
  if (fullIndex < 0) return Infinity;

  const g = model.gridMin;
  const waitCost = (weights.patientIdleMin + weights.patientOnSiteMin) * g;
  const busyCost = weights.patientOnSiteMin * g;
  const durations = Int32Array.from(model.items, (it) => it.durationU);
  const roomOf = Int32Array.from(model.items, (it) => it.roomType);
  const startCost = model.items.map((it) => it.startCost);
  const lagBefore = model.lag?.before ?? -1;
  const needU = model.lag?.needU ?? new Int32Array(n);
  const { runMax, hasRest, useT, masks, maskIndex, eCount, tBase, rBase, next } = L;
  const transferU = model.transferU;
  const restU = hasRest ? model.restU : Number.MAX_SAFE_INTEGER;
  const restArcU = Math.max(transferU, restU);
  const pref = weights.preferenceMin;
  const late = model.patient.preferredLatestDepartureMin;
  const early = model.patient.preferredEarliestArrivalMin;
  let best = Infinity;

  // Start item k at unit u (the caller checked precedence and the lag), making run `run`.
  // Work: every start tried counts; out of budget, the solve stops and says NaN.
  let work = scratch.workLeft;
  const place = (k: number, u: number, mi: number, run: number, e: number, v: number, parent = -1): void => {
    if (--work < 0) return;
    const dur = durations[k]!;
    if (u + dur > U) return;
    const sc = startCost[k]![u]!;
    if (sc === Infinity) return;
    const mi2 = maskIndex[masks[mi]! | (1 << k)]!;
    const eN2 = eCount[mi2]!;
    const e2 = eN2 === 1 || lagBefore === k ? 0 : Math.min(eN2 - 1, e + dur);
    land(k, u + dur, mi2, run, e2, v + sc + busyCost * dur, tracing ? scratch.addNode(k, u, parent) : -1);
  };
  // Item k has just ended at unit u (reached through path node nd when traced).
  const land = (k: number, u: number, mi: number, run: number, e: number, v: number, nd: number): void => {
    if (mi === fullIndex) {
      const total = v + (late !== undefined ? pref * Math.max(0, (model.startU + u) * g - late) : 0);
      if (total < best) {
        best = total;
        if (tracing) trace.bestNode = nd;
      }
      return;
    }
    const eN = eCount[mi]!;
    // Gaps shorter than a transfer: the next activity in the same room type.
    const candidates = next[mi]!;
    for (let i = 0; i < candidates.length; i++) {
      const k2 = candidates[i]!;
      if (roomOf[k2] !== roomOf[k]) continue;
      for (let w = 0; w < transferU && u + w <= U; w++) {
        const rest = hasRest && w >= restU;
        if (hasRest && !rest && run >= runMax) continue;
        if (eN > 1 && e + w < needU[k2]!) continue;
        place(k2, u + w, mi, hasRest && !rest ? run + 1 : 1, Math.min(eN - 1, e + w), v + waitCost * w, nd);
      }
    }
    if (useT && u + transferU <= U) {
      const t = (u + transferU) * S + tBase[mi]! + (run - 1) * eN + Math.min(eN - 1, e + transferU);
      const v2 = v + waitCost * transferU;
      if (v2 < value[t]!) { value[t] = v2; reached[(u + transferU) * M + mi] = 1; if (tracing) node[t] = nd; }
    }
    if (hasRest && u + restArcU <= U) {
      const r = (u + restArcU) * S + rBase[mi]! + Math.min(eN - 1, e + restArcU);
      const v2 = v + waitCost * restArcU;
      if (v2 < value[r]!) { value[r] = v2; reached[(u + restArcU) * M + mi] = 1; if (tracing) node[r] = nd; }
    }
  };

  // The first activity: check-in time on site and the arrival preference.
  for (let k = 0; k < n; k++) {
    if (model.predMask[k] !== 0) continue;
    for (let u = 0; u <= U; u++) {
      const arrivalMin = (model.startU + u) * g - model.checkInMin;
      place(k, u, 0, 1, 0, weights.patientOnSiteMin * model.checkInMin + (early !== undefined ? pref * Math.max(0, early - arrivalMin) : 0));
    }
  }

  const maskCount = masks.length;
  // Best value so far among dominating states: a rest (R) beats any T state, a shorter run
  // beats a longer one, and more time since the lag's first item beats less (same unit and set).
  const bestT = new Float64Array(runMax + 1);
  for (let u = 0; u <= U; u++) {
    if (work < 0) { scratch.workLeft = 0; return NaN; }
    const row = u * S;
    for (let mi = 1; mi < maskCount; mi++) {
      if (mi === fullIndex || reached[u * M + mi] === 0) continue;
      const eN = eCount[mi]!;
      const candidates = next[mi]!;
      const lagWaiting = eN > 1;
      let bestR = Infinity;
      bestT.fill(Infinity);
      for (let e = eN - 1; e >= 0; e--) {
        if (hasRest) {
          const s = row + rBase[mi]! + e;
          const v = value[s]!;
          if (v < bestR) {
            bestR = v;
            for (let i = 0; i < candidates.length; i++) {
              const k = candidates[i]!;
              if (lagWaiting && e < needU[k]!) continue;
              place(k, u, mi, 1, e, v, tracing ? node[s]! : -1);
            }
            if (u < U) {
              const r = s + S + (e + 1 < eN ? 1 : 0);
              if (v + waitCost < value[r]!) { value[r] = v + waitCost; reached[(u + 1) * M + mi] = 1; if (tracing) node[r] = node[s]!; }
            }
          }
        }
        if (!useT) continue;
        let dominating = bestR;
        for (let c = 1; c <= runMax; c++) {
          dominating = Math.min(dominating, bestT[c]!);
          const s = row + tBase[mi]! + (c - 1) * eN + e;
          const v = value[s]!;
          if (v >= dominating) continue;
          bestT[c] = v;
          dominating = v;
          if (!hasRest || c < runMax) {
            for (let i = 0; i < candidates.length; i++) {
              const k = candidates[i]!;
              if (lagWaiting && e < needU[k]!) continue;
              place(k, u, mi, hasRest ? c + 1 : 1, e, v, tracing ? node[s]! : -1);
            }
          }
          if (u < U) {
            const t = s + S + (e + 1 < eN ? 1 : 0);
            if (v + waitCost < value[t]!) { value[t] = v + waitCost; reached[(u + 1) * M + mi] = 1; if (tracing) node[t] = node[s]!; }
          }
        }
      }
    }
  }
  if (work < 0) { scratch.workLeft = 0; return NaN; }
  scratch.workLeft = work;
  return best;
}
