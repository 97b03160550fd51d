/**
 * Per-patient lower bounds: for a set S of a patient's assessments that get placed, the
 * shortest possible day (first start to last end) and the least on-site, idle and
 * preference cost any plan placing exactly S can have.
 *
 * span(S) ≥ max( busy minutes + unavoidable gaps, longest precedence chain with lags ),
 * where the unavoidable gaps are one transfer per change of room type and one rest per
 * `maxConsecutive` activities (a gap serving as both counts once, at the larger length).
 */
import type { DayAssessmentType, DayPatient, DayProblem, RequiredAssessment } from '../../model/day-problem.ts';
import type { ObjectiveWeights } from '../../model/options.ts';
import { clipIntervals, fitsIn, patientAssessmentWindow, patientMaxSpanMin, staffAssessmentIntervals } from './availability.ts';

export interface PatientItem {
  type: DayAssessmentType;
  requirement: RequiredAssessment;
  /** The named clinician can never do it: the namedClinician penalty is certain if placed. */
  namedClinicianMissForced: boolean;
  /** The carer can never be there for it: the carerPresence penalty is certain if placed. */
  carerAbsentForced: boolean;
}

interface Edge { from: number; to: number; lagMin: number }

export interface PatientDay {
  patient: DayPatient;
  items: PatientItem[];
  edges: Edge[];
  needsMeal: boolean;
  maxSpanMin: number;
  windowMin: number;
}

/** Everything about one patient the bound needs, computed once. `items` are the placeable assessments. */
export function patientDay(problem: DayProblem, patient: DayPatient, placeable: RequiredAssessment[]): PatientDay {
  const window = patientAssessmentWindow(problem, patient);
  const items: PatientItem[] = [];
  for (const requirement of placeable) {
    const type = problem.assessmentTypes.find((t) => t.id === requirement.typeId);
    if (!type) continue;
    let namedClinicianMissForced = false;
    if (requirement.preferredStaffId !== undefined) {
      const named = problem.staff.find((s) => s.id === requirement.preferredStaffId);
      namedClinicianMissForced = !named || !named.qualifications.includes(type.qualification)
        || !fitsIn(clipIntervals(staffAssessmentIntervals(problem, named), window), type.durationMin);
    }
    let carerAbsentForced = false;
    if (requirement.carerRequired) {
      const carer = patient.carerPresent;
      carerAbsentForced = !carer || !fitsIn(clipIntervals([carer], window), type.durationMin);
    }
    items.push({ type, requirement, namedClinicianMissForced, carerAbsentForced });
  }
  const index = new Map(items.map((item, i) => [item.type.id, i]));
  const edges: Edge[] = [];
  for (const rule of problem.precedences) {
    if (rule.before === '*' && rule.after === '*') continue;
    const before = rule.before === '*' ? undefined : index.get(rule.before);
    const after = rule.after === '*' ? undefined : index.get(rule.after);
    if (rule.before === '*') {
      if (after === undefined) continue;
      for (let i = 0; i < items.length; i++) if (i !== after) edges.push({ from: i, to: after, lagMin: rule.minLagMin });
    } else if (rule.after === '*') {
      if (before === undefined) continue;
      for (let i = 0; i < items.length; i++) if (i !== before) edges.push({ from: before, to: i, lagMin: rule.minLagMin });
    } else if (before !== undefined && after !== undefined) {
      edges.push({ from: before, to: after, lagMin: rule.minLagMin });
    }
  }
  return {
    patient, items, edges, needsMeal: patient.needsMeal !== false,
    maxSpanMin: patientMaxSpanMin(problem, patient), windowMin: window.endMin - window.startMin,
  };
}

/** Minimum gap minutes among n activities spanning k room types with the patient's rest rule. */
export function minimumGapMin(problem: DayProblem, day: PatientDay, activityCount: number, roomTypeCount: number): number {
  const transfers = Math.max(0, roomTypeCount - 1);
  const rule = day.patient.rest;
  const rests = rule && rule.maxConsecutive > 0 ? Math.max(0, Math.ceil(activityCount / rule.maxConsecutive) - 1) : 0;
  const restMin = rule?.minRestMin ?? 0;
  const transferMin = problem.centre.transferMin;
  return rests * restMin + transfers * transferMin - Math.min(rests, transfers) * Math.min(restMin, transferMin);
}

const has = (mask: number, i: number): boolean => (mask & (1 << i)) !== 0;

/**
 * Longest precedence chain (durations and lags) among the items in `mask`, in minutes;
 * Infinity when the rules form a cycle among them (no order satisfies them).
 */
export function longestChainMin(day: PatientDay, mask: number): number {
  const n = day.items.length;
  const startOffset = new Array<number>(n).fill(0);
  for (let round = 0; round <= n; round++) {
    let changed = false;
    for (const e of day.edges) {
      if (!has(mask, e.from) || !has(mask, e.to)) continue;
      const candidate = startOffset[e.from]! + day.items[e.from]!.type.durationMin + e.lagMin;
      if (candidate > startOffset[e.to]!) { startOffset[e.to] = candidate; changed = true; }
    }
    if (!changed) break;
    if (round === n) return Infinity;
  }
  let longest = 0;
  for (let i = 0; i < n; i++) if (has(mask, i)) longest = Math.max(longest, startOffset[i]! + day.items[i]!.type.durationMin);
  return longest;
}

export interface SubsetBound {
  /** Could a plan place exactly these items (as far as the per-patient rules tell)? */
  feasible: boolean;
  spanMin: number;
  busyMin: number;
  /** Least weighted onSite + idle + preference + forced named-clinician/carer cost. */
  cost: number;
}

/** Bound for one subset of the patient's placeable items (bit i = items[i] placed). */
export function subsetBound(problem: DayProblem, weights: ObjectiveWeights, day: PatientDay, mask: number): SubsetBound {
  const { centre } = problem;
  let busyMin = day.needsMeal ? centre.mealDurationMin : 0;
  let assessmentMin = 0;
  let count = day.needsMeal ? 1 : 0;
  let forced = 0;
  const roomTypes = new Set<string>(day.needsMeal ? [centre.mealRoomType] : []);
  for (let i = 0; i < day.items.length; i++) {
    if (!has(mask, i)) continue;
    const item = day.items[i]!;
    busyMin += item.type.durationMin;
    assessmentMin += item.type.durationMin;
    count += 1;
    roomTypes.add(item.type.roomType);
    if (item.namedClinicianMissForced) forced += weights.namedClinicianMissed;
    if (item.carerAbsentForced) forced += weights.carerAbsent;
  }
  if (count === 0) return { feasible: true, spanMin: 0, busyMin: 0, cost: 0 };
  const gapMin = minimumGapMin(problem, day, count, roomTypes.size);
  const chainMin = longestChainMin(day, mask);
  const spanMin = Math.max(busyMin + gapMin, chainMin);
  // The assessments alone (the meal may sit among them) lie inside the assessment window.
  const assessmentCount = count - (day.needsMeal ? 1 : 0);
  const assessmentRoomTypes = assessmentTypeCount(day, mask);
  const assessmentSpanMin = assessmentCount === 0 ? 0
    : Math.max(assessmentMin + minimumGapMin(problem, day, assessmentCount, assessmentRoomTypes), chainMin);
  const feasible = Number.isFinite(spanMin) && spanMin <= day.maxSpanMin && assessmentSpanMin <= day.windowMin;
  if (!Number.isFinite(spanMin)) return { feasible: false, spanMin, busyMin, cost: Infinity };
  const onSiteMin = centre.checkInBufferMin + spanMin;
  const cost = weights.patientOnSiteMin * onSiteMin + weights.patientIdleMin * (spanMin - busyMin)
    + weights.preferenceMin * preferenceMinutes(problem, day.patient, onSiteMin) + forced;
  return { feasible, spanMin, busyMin, cost };
}

function assessmentTypeCount(day: PatientDay, mask: number): number {
  const types = new Set<string>();
  for (let i = 0; i < day.items.length; i++) if (has(mask, i)) types.add(day.items[i]!.type.roomType);
  return types.size;
}

/**
 * Least minutes outside the preferred arrival/departure for a stay of `onSiteMin`:
 * arrival a ≥ earliest arrival, penalty max(0, prefEarliest − a) + max(0, a + onSite − prefLatest),
 * convex in a, so its minimum is at one of the breakpoints.
 */
export function preferenceMinutes(problem: DayProblem, patient: DayPatient, onSiteMin: number): number {
  const early = patient.preferredEarliestArrivalMin;
  const late = patient.preferredLatestDepartureMin;
  if (early === undefined && late === undefined) return 0;
  const lowest = Math.max(patient.earliestArrivalMin, problem.centre.openMin - problem.centre.checkInBufferMin);
  const penalty = (a: number): number => Math.max(0, (early ?? -Infinity) - a) + Math.max(0, a + onSiteMin - (late ?? Infinity));
  const candidates = [lowest];
  if (early !== undefined) candidates.push(Math.max(lowest, early));
  if (late !== undefined) candidates.push(Math.max(lowest, late - onSiteMin));
  return Math.min(...candidates.map(penalty));
}

/** Largest number of items for which every subset is enumerated (2^12 subsets). */
export const MAX_ENUMERATED_ITEMS = 12;

/**
 * min over subsets S of [cost(S) + unscheduled penalty of the rest], over subsets that pass
 * the per-patient checks. Exact over the subsets when there are at most 12 items; beyond
 * that, min(cost(all), one unscheduled penalty), which is still a valid bound.
 * `allPlacedCost`, when given, is another lower bound on the day with every item placed
 * (Infinity: no such day); the larger of the two is used for the full set.
 */
export function bestPatientCost(problem: DayProblem, weights: ObjectiveWeights, day: PatientDay, allPlacedCost?: number): number {
  const n = day.items.length;
  const dropCost = weights.unscheduled * day.patient.priority;
  const full = (1 << n) - 1;
  const fullCost = (b: SubsetBound): number => (b.feasible ? Math.max(b.cost, allPlacedCost ?? -Infinity) : Infinity);
  if (n > MAX_ENUMERATED_ITEMS) {
    return Math.min(fullCost(subsetBound(problem, weights, day, full)), dropCost);
  }
  let best = Infinity;
  for (let mask = 0; mask <= full; mask++) {
    const b = subsetBound(problem, weights, day, mask);
    if (!b.feasible) continue;
    const dropped = n - popcount(mask);
    best = Math.min(best, (mask === full ? fullCost(b) : b.cost) + dropped * dropCost);
  }
  // Not even the meal alone fits: the problem has no feasible plan; any bound holds.
  return Number.isFinite(best) ? best : 0;
}

function popcount(mask: number): number {
  let count = 0;
  for (let m = mask; m !== 0; m &= m - 1) count++;
  return count;
}

