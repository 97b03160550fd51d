/**
 * A lower bound on `scorePlan(...).soft` over every feasible plan of a day, so the planner
 * can report its gap. Combinatorial, in parts (the bound is the best valid combination):
 *
 * 1. Unplaceable assessments (unknown type, nobody qualified, no room, no qualified staff
 *    member free long enough while the patient is on site): their unscheduled penalty is certain.
 * 2. Per patient: for every subset of their other assessments that might be placed, the
 *    shortest possible day (busy minutes + transfers between room types + rests, or the
 *    longest precedence chain with lags) gives least on-site, idle and preference cost;
 *    the unplaced rest costs their unscheduled penalty. The minimum over subsets is exact
 *    for up to 12 assessments per patient (2^12 subsets). For the full set, the exact
 *    single-patient day (patient-schedule-dp.ts) replaces the formula when it is larger, and
 *    proves some assessment must go when no day holds them all.
 * 3. Capacity: per qualification (staff minutes) and per room type (room minutes × seats)
 *    the placed load must fit, so at least a fractional knapsack's worth of assessments is
 *    dropped, each costing its unscheduled penalty minus the most its patient's day can save.
 * 4. Time windows: precedence chains force assessments into windows (the review after
 *    everything else, before the MDT); per qualification and interval, the load forced inside
 *    must fit the staff minutes there (energetic-bound.ts).
 * 5. First and last slots: when the staff of the assessment every patient starts with and of the
 *    one they end with cannot give everyone their whole day (bookend-bound.ts), something
 *    must be dropped.
 * When something must be dropped, drop-bound.ts finds the least it can cost: one assessment
 * (that patient's exact day without it, the workload spread without it, and a first/last check
 * that no longer fails) or two or more — at least one from each of the k patients the
 * first/last check proves must lose something.
 * When no assessment must be dropped, a makespan bound (per patient chain; per
 * single-qualified staff member's load; per room type's load) and a workload-spread bound
 * (workload-spread-bound.ts) are added: each bounds a separate term of the objective.
 *
 * No LP: a Lagrangian relaxation of staff and room capacity per 5-minute slot (with part 2's
 * exact days as the subproblem, i.e. the Dantzig–Wolfe LP bound) was measured on the 16-patient
 * demo day and gave nothing above the exact days (1485.0 after 80 subgradient steps), because
 * a fractional plan can shift each patient's day in time to dodge every clash.
 */
import type { DayProblem, RequiredAssessment } from '../../model/day-problem.ts';
import type { PlanBound } from '../../model/day-plan.ts';
import { DEFAULT_WEIGHTS, type ObjectiveWeights } from '../../model/options.ts';
import { patientAssessmentWindow, staffAssessmentIntervals, totalMinutes } from './availability.ts';
import { fractionalDropCost, type KnapsackItem } from './capacity-knapsack.ts';
import { bestPatientCost, patientDay, subsetBound, type PatientDay } from './patient-day-bound.ts';
import { staticUnplaceableReason } from './static-placeability.ts';
import { energeticDropCost, windowedItems, type WindowedItem } from './energetic-bound.ts';
import { patientScheduleModel } from './patient-schedule-model.ts';
import { patientScheduleCost, ScheduleDpScratch } from './patient-schedule-dp.ts';
import { timeGridMin } from './time-grid.ts';
import { workloadSpreadBound } from './workload-spread-bound.ts';
import { BookendCheck, type BookendPatient, type BookendResult } from './bookend-bound.ts';
import { dropBound, type DropBound, type DropPatient } from './drop-bound.ts';
import type { PatientScheduleModel } from './patient-schedule-model.ts';

/** One placeable assessment with the numbers the capacity bounds need. */
interface LoadItem {
  patientId: string;
  qualification: string;
  roomType: string;
  typeId: string;
  durationMin: number;
  /** The activity's real length (a pin's overrun included). */
  bookedMin: number;
  groupCapacity: number;
  /** Unscheduled penalty minus the most the patient's day can save by dropping it. */
  dropCost: number;
}

export interface LowerBoundOptions {
  /**
   * A timed caller's clock, as "is there time left for the bound?": once it says no, the
   * exact single-patient days, the first/last check and the drops stop and their weaker forms
   * stand in (still a valid bound). planDay gives the bound a tenth of its time limit, so a
   * busy machine cannot spend a short limit on the bound and leave none for the search.
   * Without it (a fixed iteration budget, or no clock) the bound is deterministic.
   */
  timeLeft?: () => boolean;
}

/** One patient's assessment of one type. */
export interface LeastDrop {
  patientId: string;
  typeId: string;
}

/** The bound and, when what binds it is one assessment left out, that assessment (drop-bound.ts). */
export interface LowerBound extends PlanBound {
  /**
   * The single assessment whose leaving out the bound found cheapest, when the bound proves
   * something must go and that drop is what binds it: the first/last check no longer fails
   * without it, so every other assessment may fit. The planner tries a plan without it
   * (plan-day.ts) when its own plan leaves out more.
   */
  leastDrop?: LeastDrop;
}

/**
 * @example
 * const bound = computeLowerBound(problem, DEFAULT_WEIGHTS);
 * const gapPct = planGapPct(plan.score.soft, bound.value); // solver/day/plan-gap.ts
 */
export function computeLowerBound(problem: DayProblem, weights: Partial<ObjectiveWeights> = DEFAULT_WEIGHTS, options: LowerBoundOptions = {}): LowerBound {
  const w: ObjectiveWeights = { ...DEFAULT_WEIGHTS, ...weights };
  let unplaceableCost = 0;
  let unplaceableCount = 0;
  let perPatient = 0; // Σ min over subsets (part 2)
  let allPlacedCost = 0; // Σ cost of each patient's day with all placeable items
  let minSingleDrop = Infinity;
  let allPlaceableFit = true;
  const days: PatientDay[] = [];
  const loads: LoadItem[] = [];
  const windowed: WindowedItem[] = [];
  const gridMin = timeGridMin(problem);
  // A third of the work budget for the exact days, the rest for the first/last check and the drops.
  const budget = DP_WORK_PER_PATIENT * Math.max(1, problem.patients.length);
  const scratch = new ScheduleDpScratch(budget / 3, options.timeLeft);
  const checkScratch = new ScheduleDpScratch((2 * budget) / 3, options.timeLeft);
  let exactDays = 0;
  let exactGain = 0;
  const bookendPatients: BookendPatient[] = [];
  const dropPatients: DropPatient[] = [];

  for (const patient of problem.patients) {
    const placeable: RequiredAssessment[] = [];
    for (const r of patient.required) {
      if (staticUnplaceableReason(problem, patient, r.typeId)) {
        unplaceableCost += w.unscheduled * patient.priority;
        unplaceableCount += 1;
      } else placeable.push(r);
    }
    const day = patientDay(problem, patient, placeable);
    days.push(day);
    const all = subsetBound(problem, w, day, (1 << day.items.length) - 1);
    const { cost: exact, model } = exactAllPlacedCost(problem, w, patient, placeable, gridMin, scratch);
    bookendPatients.push({ placeableTypeIds: placeable.map((r) => r.typeId), model });
    if (exact !== undefined) {
      exactDays += 1;
      if (Number.isFinite(exact) && Number.isFinite(all.cost)) exactGain += Math.max(0, exact - all.cost);
    }
    perPatient += bestPatientCost(problem, w, day, exact);
    const allCost = Math.max(Number.isFinite(all.cost) ? all.cost : 0, exact !== undefined && Number.isFinite(exact) ? exact : 0);
    if (!all.feasible || exact === Infinity) allPlaceableFit = false;
    allPlacedCost += allCost;
    dropPatients.push({ patient, placeable, allPlacedCost: allCost });
    const dropCost = w.unscheduled * patient.priority - allCost;
    windowed.push(...windowedItems(problem, day, dropCost));
    for (const item of day.items) {
      minSingleDrop = Math.min(minSingleDrop, dropCost);
      const pinnedMin = problem.pins?.find((pin) => pin.patientId === patient.id && pin.typeId === item.type.id)?.durationMin;
      loads.push({ patientId: patient.id, qualification: item.type.qualification, roomType: item.type.roomType, typeId: item.type.id,
        durationMin: item.type.durationMin, bookedMin: pinnedMin ?? item.type.durationMin, groupCapacity: Math.max(1, item.type.groupCapacity), dropCost });
    }
  }

  const capacity = capacityBounds(problem, loads);
  const energetic = energeticDropCost(problem, windowed);
  const anyDropPossible = loads.length > 0;
  const boundPatients = unplaceableCost + perPatient;
  const boundCapacity = unplaceableCost + allPlacedCost + capacity.dropCost;
  // If nothing placeable is dropped: all-placed cost plus makespan and workload bounds (separate terms).
  // The first and last assessments' staff cannot give everyone their whole day (bookend-bound.ts).
  const bookendCheck = new BookendCheck(problem, bookendPatients, checkScratch);
  const bookends: BookendResult | undefined = capacity.mustDrop || energetic.overloaded || !allPlaceableFit ? undefined : bookendCheck.check();
  const mustDrop = capacity.mustDrop || energetic.overloaded || !allPlaceableFit || bookends?.everythingImpossible === true;
  const makespanCost = mustDrop || w.makespanMin === 0 ? 0 : w.makespanMin * makespanLowerBound(problem, days, loads);
  const workloadWithout = (patientId?: string, typeId?: string): number => (w.workloadImbalanceMin === 0 ? 0
    : w.workloadImbalanceMin * workloadSpreadBound(problem, loads.filter((l) => l.patientId !== patientId || l.typeId !== typeId)
      .map((l) => ({ qualification: l.qualification, durationMin: l.bookedMin, groupCapacity: l.groupCapacity }))));
  const workloadCost = mustDrop ? 0 : workloadWithout();
  const noDrop = mustDrop ? Infinity : unplaceableCost + allPlacedCost + makespanCost + workloadCost;
  // If something is dropped: at least the cheapest drop (or the sum of "negative" drops).
  const negativeDrops = loads.reduce((s, l) => s + Math.min(0, l.dropCost), 0);
  const boundEnergetic = unplaceableCost + allPlacedCost + negativeDrops + energetic.dropCost;
  let someDrop = anyDropPossible ? unplaceableCost + allPlacedCost + (negativeDrops < 0 ? negativeDrops : minSingleDrop) : Infinity;
  // Something must go: which single drop could it be, and what does the rest of the day cost then?
  let drops: DropBound | undefined;
  if (mustDrop && anyDropPossible && negativeDrops === 0 && minSingleDrop >= 0) {
    drops = dropBound({ problem, weights: w, patients: dropPatients, gridMin, scratch: checkScratch, bookends: bookendCheck, workloadWithout });
    someDrop = Math.max(someDrop, unplaceableCost + allPlacedCost + drops.extraCost);
  }
  const caseSplit = Math.min(noDrop, someDrop);
  const candidates: Array<[string, number]> = [
    ['per-patient subsets', boundPatients],
    ['capacity knapsack', boundCapacity],
    ['time windows', boundEnergetic],
    [noDrop <= someDrop ? 'everything placeable placed' : 'something dropped', Number.isFinite(caseSplit) ? caseSplit : 0],
  ];
  const [binding, value] = candidates.reduce((best, c) => (c[1] > best[1] ? c : best), ['none', 0] as [string, number]);
  const r2 = (x: number): number => Math.round(x * 100) / 100;
  const method = [
    `combinatorial: ${unplaceableCount} unplaceable assessment(s)`,
    `binding: ${binding}`,
    `patients' days ${r2(allPlacedCost)} (per-patient subsets: busy + transfers + rests | precedence chain with lags${exactDays > 0 ? `; exact single-patient days on a ${gridMin}-min grid for ${exactDays} patient(s), +${r2(exactGain)}` : ''})`,
    `per-qualification and per-room-type fractional knapsack of drops ${r2(capacity.dropCost)}`,
    `time-window (energetic) knapsack per qualification from precedence heads/tails ${r2(energetic.dropCost)}`,
    bookends?.firstTypeId ? `first/last slots (${bookends.firstTypeId} … ${bookends.lastTypeId}): ${bookends.everythingImpossible ? 'not everyone can have their whole day' : bookends.gaveUp ? 'search gave up' : 'no conflict'} (${bookends.nodes} nodes)` : '',
    w.makespanMin > 0 ? `makespan (patient chain, single-holder staff load, room-type load) ${r2(makespanCost)}` : '',
    w.workloadImbalanceMin > 0 && !mustDrop ? `workload spread (forced vs possible bookings) ${r2(workloadCost)}` : '',
    drops ? `least drop ${r2(drops.extraCost)}${drops.cheapest ? ` (one: ${drops.cheapest.typeId} of ${problem.patients.find((p) => p.id === drops!.cheapest!.patientId)?.ref || drops.cheapest.patientId}, with that patient's exact day without it and the workload spread)` : drops.patientsOut ? ` (${drops.patientsOut} patients with a review must each lose one or more: the first/last slots cannot pair up otherwise)` : ' (two or more)'}` : '',
    'no LP',
  ].filter(Boolean).join('; ');
  const leastDrop = binding === 'something dropped' && drops?.cheapest ? { leastDrop: drops.cheapest } : {};
  return { value: round6(value), method, ...leastDrop };
}

/**
 * Starts the exact solves of one bound may try, all together, per patient. The demo days on
 * their 5-min grid use 16–18k per patient for the exact days and 42–61k for the first/last
 * check and the drops (about 0.1 µs each); a 1-min grid makes every solve ~25× larger, and
 * past the budget each part falls back to its weaker form (deterministic, unlike a clock),
 * keeping the bound to a few hundred ms on 16 patients.
 */
export const DP_WORK_PER_PATIENT = 200_000;

/**
 * The exact single-patient day with everything placeable placed (patient-schedule-dp.ts):
 * cost Infinity when no such day exists, undefined when the exact bound does not apply.
 */
function exactAllPlacedCost(problem: DayProblem, w: ObjectiveWeights, patient: DayProblem['patients'][number], placeable: RequiredAssessment[], gridMin: number, scratch: ScheduleDpScratch): { cost?: number; model?: PatientScheduleModel } {
  // Nothing to gain when the day's own terms weigh nothing (the open-shop benchmark's makespan-only weights).
  if (w.patientIdleMin === 0 && w.patientOnSiteMin === 0 && w.preferenceMin === 0 && w.carerAbsent === 0 && w.namedClinicianMissed === 0) return {};
  const model = patientScheduleModel(problem, patient, placeable, gridMin, w);
  if (!model) return {};
  const cost = patientScheduleCost(model, w, scratch);
  return Number.isNaN(cost) ? { model } : { cost, model };
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** Part 3: fractional knapsack per qualification and per room type; the larger total is valid. */
function capacityBounds(problem: DayProblem, loads: LoadItem[]): { dropCost: number; mustDrop: boolean } {
  const byQualification = groupBy(loads, (l) => l.qualification);
  let qualificationCost = 0;
  let mustDrop = false;
  for (const [qualification, items] of byQualification) {
    const capacityMin = problem.staff.filter((s) => s.qualifications.includes(qualification))
      .reduce((sum, s) => sum + totalMinutes(staffAssessmentIntervals(problem, s)), 0);
    const knapsack: KnapsackItem[] = items.map((l) => ({ loadMin: l.durationMin / l.groupCapacity, cost: l.dropCost }));
    if (knapsack.reduce((s, k) => s + k.loadMin, 0) > capacityMin + 1e-9) mustDrop = true;
    qualificationCost += fractionalDropCost(knapsack, capacityMin);
  }
  const { openMin, closeMin, mdt } = problem.centre;
  const roomDayMin = Math.max(0, Math.min(closeMin, mdt.startMin) - openMin);
  let roomCost = 0;
  for (const [roomType, items] of groupBy(loads, (l) => l.roomType)) {
    const seats = problem.rooms.filter((r) => r.type === roomType).reduce((s, r) => s + r.capacity, 0);
    const capacityMin = seats * roomDayMin;
    const knapsack: KnapsackItem[] = items.map((l) => ({ loadMin: l.durationMin, cost: l.dropCost }));
    if (knapsack.reduce((s, k) => s + k.loadMin, 0) > capacityMin + 1e-9) mustDrop = true;
    roomCost += fractionalDropCost(knapsack, capacityMin);
  }
  return { dropCost: Math.max(qualificationCost, roomCost), mustDrop };
}

/** Makespan (end of the last activity, minutes from midnight) when every placeable assessment is placed. */
function makespanLowerBound(problem: DayProblem, days: PatientDay[], loads: LoadItem[]): number {
  const { centre } = problem;
  let bound = 0;
  for (const day of days) {
    const all = subsetBound(problem, { ...DEFAULT_WEIGHTS }, day, (1 << day.items.length) - 1);
    if (all.spanMin <= 0 || !Number.isFinite(all.spanMin)) continue;
    const firstStart = Math.max(centre.openMin, day.patient.earliestArrivalMin + centre.checkInBufferMin);
    bound = Math.max(bound, firstStart + all.spanMin);
  }
  if (days.some((d) => d.needsMeal)) bound = Math.max(bound, centre.lunchWindow.startMin + centre.mealDurationMin);
  // A qualification only one staff member holds: their sessions are serial, from the earliest possible start.
  const perHolder = new Map<string, number>();
  for (const [qualification, items] of groupBy(loads, (l) => l.qualification)) {
    const holders = problem.staff.filter((s) => s.qualifications.includes(qualification));
    if (holders.length !== 1) continue;
    const holder = holders[0]!;
    let sessionMin = 0;
    for (const [, ofType] of groupBy(items, (l) => l.typeId)) sessionMin += Math.ceil(ofType.length / ofType[0]!.groupCapacity) * ofType[0]!.durationMin;
    perHolder.set(holder.id, (perHolder.get(holder.id) ?? 0) + sessionMin);
  }
  for (const [staffId, minutes] of perHolder) {
    const staff = problem.staff.find((s) => s.id === staffId)!;
    const patientsFirst = Math.min(...problem.patients.map((p) => patientAssessmentWindow(problem, p).startMin));
    bound = Math.max(bound, Math.max(staff.shift.startMin, centre.openMin, patientsFirst) + minutes);
  }
  for (const [roomType, items] of groupBy(loads, (l) => l.roomType)) {
    const seats = problem.rooms.filter((r) => r.type === roomType).reduce((s, r) => s + r.capacity, 0);
    if (seats > 0) bound = Math.max(bound, centre.openMin + items.reduce((s, l) => s + l.durationMin, 0) / seats);
  }
  return Math.ceil(bound - 1e-9);
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
