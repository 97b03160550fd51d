/**
 * Time-window ("energetic") capacity bound. Precedence rules push a patient's assessment
 * into a window: the geriatrician's review comes after everything else and must end by the
 * MDT, so it cannot start before the patient's other assessments could be done. For each
 * qualification and each interval [a, b], the assessments forced inside it must fit the
 * qualified staff's free minutes in it, or some are dropped.
 *
 * The windows assume the assessment's linked assessments (predecessors and successors) are
 * placed; dropping one of them frees the window. So a patient's assessments inside [a, b]
 * count as one knapsack item whose dropping costs at least the patient's drop cost (the
 * cheapest way to relieve that load: drop one assessment of the patient). Valid for one
 * qualification at a time; the bound takes the best qualification and interval.
 */
import type { DayProblem } from '../../model/day-problem.ts';
import { patientAssessmentWindow, staffAssessmentIntervals, clipIntervals, totalMinutes } from './availability.ts';
import { fractionalDropCost, type KnapsackItem } from './capacity-knapsack.ts';
import { minimumGapMin, type PatientDay } from './patient-day-bound.ts';

/** One assessment of a patient with the window the precedence rules force it into. */
export interface WindowedItem {
  patientId: string;
  qualification: string;
  loadMin: number;
  releaseMin: number;
  deadlineMin: number;
  /** The patient's cost for dropping one assessment (same for all their assessments). */
  dropCost: number;
  /** Some linked assessment, if dropped, would free this one's window. */
  relaxable: boolean;
}

/** Each placeable assessment's release and deadline when all the patient's placeable assessments are placed. */
export function windowedItems(problem: DayProblem, day: PatientDay, dropCost: number): WindowedItem[] {
  const n = day.items.length;
  if (n === 0) return [];
  // Transitive predecessors via the precedence edges (with the longest lagged chain as a second bound).
  const before: boolean[][] = Array.from({ length: n }, () => new Array<boolean>(n).fill(false));
  for (const e of day.edges) before[e.from]![e.to] = true;
  for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) if (before[i]![k]) for (let j = 0; j < n; j++) if (before[k]![j]) before[i]![j] = true;
  const head = chainOffsets(day, false);
  const tail = chainOffsets(day, true);
  const window = patientAssessmentWindow(problem, day.patient);
  const out: WindowedItem[] = [];
  for (let i = 0; i < n; i++) {
    if (before[i]![i]) return []; // a cycle: no order exists, nothing to say about windows
    const item = day.items[i]!;
    const side = (isPred: boolean): { busyMin: number; gapMin: number; count: number } => {
      let busyMin = 0;
      let count = 0;
      const roomTypes = new Set<string>([item.type.roomType]);
      for (let j = 0; j < n; j++) {
        if (j === i || !(isPred ? before[j]![i] : before[i]![j])) continue;
        busyMin += day.items[j]!.type.durationMin;
        roomTypes.add(day.items[j]!.type.roomType);
        count++;
      }
      return { busyMin, count, gapMin: count > 0 ? minimumGapMin(problem, day, count + 1, roomTypes.size) : 0 };
    };
    const preds = side(true);
    const succs = side(false);
    const releaseMin = window.startMin + Math.max(head[i]!, preds.busyMin + preds.gapMin);
    const deadlineMin = window.endMin - Math.max(tail[i]!, succs.busyMin + succs.gapMin);
    out.push({
      patientId: day.patient.id, qualification: item.type.qualification,
      loadMin: item.type.durationMin / Math.max(1, item.type.groupCapacity),
      releaseMin, deadlineMin, dropCost, relaxable: preds.count + succs.count > 0,
    });
  }
  return out;
}

/** Longest lagged chain before each item's start (or after its end, when `reverse`). */
function chainOffsets(day: PatientDay, reverse: boolean): number[] {
  const n = day.items.length;
  const offset = new Array<number>(n).fill(0);
  for (let round = 0; round < n; round++) {
    let changed = false;
    for (const e of day.edges) {
      const [from, to] = reverse ? [e.to, e.from] : [e.from, e.to];
      const candidate = offset[from]! + day.items[from]!.type.durationMin + e.lagMin;
      if (candidate > offset[to]!) { offset[to] = candidate; changed = true; }
    }
    if (!changed) break;
  }
  return offset;
}

/**
 * The largest fractional drop cost over qualifications and intervals [release, deadline],
 * counting only non-negative drop costs (the caller adds every negative one separately).
 * Also reports whether some interval is overloaded (so not everything can be placed).
 */
export function energeticDropCost(problem: DayProblem, items: readonly WindowedItem[]): { dropCost: number; overloaded: boolean } {
  let best = 0;
  let overloaded = false;
  const byQualification = new Map<string, WindowedItem[]>();
  for (const item of items) {
    if (item.dropCost < 0) continue;
    const list = byQualification.get(item.qualification);
    if (list) list.push(item);
    else byQualification.set(item.qualification, [item]);
  }
  for (const [qualification, list] of byQualification) {
    const staffIntervals = problem.staff.filter((s) => s.qualifications.includes(qualification)).map((s) => staffAssessmentIntervals(problem, s));
    const releases = [...new Set(list.map((i) => i.releaseMin))].sort((a, b) => a - b);
    const deadlines = [...new Set(list.map((i) => i.deadlineMin))].sort((a, b) => a - b);
    for (const a of releases) {
      for (const b of deadlines) {
        if (b <= a) continue;
        const inside = list.filter((i) => i.releaseMin >= a && i.deadlineMin <= b);
        if (inside.length === 0) continue;
        const capacityMin = staffIntervals.reduce((s, intervals) => s + totalMinutes(clipIntervals(intervals, { startMin: a, endMin: b })), 0);
        const loadMin = inside.reduce((s, i) => s + i.loadMin, 0);
        if (loadMin <= capacityMin + 1e-9) continue;
        overloaded = true;
        best = Math.max(best, fractionalDropCost(mergeByPatient(inside), capacityMin));
      }
    }
  }
  return { dropCost: best, overloaded };
}

/**
 * One knapsack item per patient: relieving x minutes of their load costs at least
 * x × (drop cost / load) when a linked assessment can free them all, else x × (drop cost / largest item).
 */
function mergeByPatient(items: readonly WindowedItem[]): KnapsackItem[] {
  const byPatient = new Map<string, WindowedItem[]>();
  for (const item of items) {
    const list = byPatient.get(item.patientId);
    if (list) list.push(item);
    else byPatient.set(item.patientId, [item]);
  }
  return [...byPatient.values()].map((list) => {
    const loadMin = list.reduce((s, i) => s + i.loadMin, 0);
    const largest = Math.max(...list.map((i) => i.loadMin));
    const cost = list[0]!.dropCost;
    return { loadMin, cost: list.some((i) => i.relaxable) ? cost : (cost * loadMin) / largest };
  });
}
