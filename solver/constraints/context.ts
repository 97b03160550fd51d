/**
 * The lookups every constraint needs, built once per evaluation: problem maps by id
 * (cached per problem object, so the search's loop does not rebuild them) and the plan's
 * activities grouped by patient, staff member and room, each group sorted by start.
 */
import type {
  DayAssessmentType, DayPatient, DayProblem, DayRoom, DayStaffMember,
} from '../model/day-problem.ts';
import { MEAL_TYPE_ID } from '../model/day-problem.ts';
import type { Itinerary, PlannedActivity, UnscheduledAssessment } from '../model/day-plan.ts';
import type { ObjectiveWeights } from '../model/options.ts';

/** Problem-only lookups; independent of any plan. */
export interface ProblemIndex {
  typeById: Map<string, DayAssessmentType>;
  staffById: Map<string, DayStaffMember>;
  roomById: Map<string, DayRoom>;
  patientById: Map<string, DayPatient>;
}

export interface ConstraintContext extends ProblemIndex {
  problem: DayProblem;
  activities: readonly PlannedActivity[];
  unscheduled: readonly UnscheduledAssessment[];
  weights: ObjectiveWeights;
  /** Sorted by startMin, then endMin. */
  byPatient: Map<string, PlannedActivity[]>;
  /** Only activities with a staffId; sorted by startMin, then endMin. */
  byStaff: Map<string, PlannedActivity[]>;
  byRoom: Map<string, PlannedActivity[]>;
  /** The plan's itineraries by patient, when scored with them (their arrival and departure are the plan's). */
  itineraryByPatient: Map<string, Itinerary>;
}

const indexCache = new WeakMap<DayProblem, ProblemIndex>();

/** Maps by id for a problem, built once per problem object (problems are treated as immutable). */
export function problemIndex(problem: DayProblem): ProblemIndex {
  const cached = indexCache.get(problem);
  if (cached) return cached;
  const index: ProblemIndex = {
    typeById: new Map(problem.assessmentTypes.map((t) => [t.id, t])),
    staffById: new Map(problem.staff.map((s) => [s.id, s])),
    roomById: new Map(problem.rooms.map((r) => [r.id, r])),
    patientById: new Map(problem.patients.map((p) => [p.id, p])),
  };
  indexCache.set(problem, index);
  return index;
}

function pushTo(map: Map<string, PlannedActivity[]>, key: string, activity: PlannedActivity): void {
  const list = map.get(key);
  if (list) list.push(activity);
  else map.set(key, [activity]);
}

const byStart = (a: PlannedActivity, b: PlannedActivity): number =>
  a.startMin - b.startMin || a.endMin - b.endMin || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Builds the context for one evaluation: O(n log n) in the number of activities. */
export function buildConstraintContext(
  problem: DayProblem,
  activities: readonly PlannedActivity[],
  unscheduled: readonly UnscheduledAssessment[],
  weights: ObjectiveWeights,
  itineraries: readonly Itinerary[] = [],
): ConstraintContext {
  const byPatient = new Map<string, PlannedActivity[]>();
  const byStaff = new Map<string, PlannedActivity[]>();
  const byRoom = new Map<string, PlannedActivity[]>();
  for (const activity of activities) {
    pushTo(byPatient, activity.patientId, activity);
    if (activity.staffId !== undefined) pushTo(byStaff, activity.staffId, activity);
    pushTo(byRoom, activity.roomId, activity);
  }
  for (const map of [byPatient, byStaff, byRoom]) for (const list of map.values()) list.sort(byStart);
  const itineraryByPatient = new Map(itineraries.map((i) => [i.patientId, i]));
  return { ...problemIndex(problem), problem, activities, unscheduled, weights, byPatient, byStaff, byRoom, itineraryByPatient };
}

/** The name a sentence uses for an activity's type ("meal" for the meal). */
export function typeName(ctx: ProblemIndex, typeId: string): string {
  if (typeId === MEAL_TYPE_ID) return 'meal';
  return ctx.typeById.get(typeId)?.name ?? typeId;
}

export function staffName(ctx: ProblemIndex, staffId: string): string {
  return ctx.staffById.get(staffId)?.name ?? staffId;
}

export function roomName(ctx: ProblemIndex, roomId: string): string {
  return ctx.roomById.get(roomId)?.name ?? roomId;
}

/** Duration the catalogue prescribes for a type (the meal: the centre's meal duration). */
export function expectedDurationMin(ctx: ConstraintContext, typeId: string): number | undefined {
  if (typeId === MEAL_TYPE_ID) return ctx.problem.centre.mealDurationMin;
  return ctx.typeById.get(typeId)?.durationMin;
}

/** Does this patient need a meal? (`needsMeal` defaults to true.) */
export function needsMeal(patient: DayPatient): boolean {
  return patient.needsMeal !== false;
}

/** Half-open intervals [a0, a1) and [b0, b1) share at least one minute. */
export function overlaps(a0: number, a1: number, b0: number, b1: number): boolean {
  return a0 < b1 && b0 < a1;
}

/**
 * Every pair of overlapping activities in a list sorted by start: O(n + pairs),
 * since the inner loop stops at the first activity starting after `a` ends.
 */
export function forEachOverlappingPair(
  sorted: readonly PlannedActivity[],
  visit: (a: PlannedActivity, b: PlannedActivity) => void,
): void {
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i]!;
    for (let j = i + 1; j < sorted.length; j++) {
      const b = sorted[j]!;
      if (b.startMin >= a.endMin) break;
      if (overlaps(a.startMin, a.endMin, b.startMin, b.endMin)) visit(a, b);
    }
  }
}

/** How sentences name a patient: their local reference (never the NHS number; ids may be opaque). */
export function patientRef(ctx: ProblemIndex, patientId: string): string {
  return ctx.patientById.get(patientId)?.ref || patientId;
}

/**
 * When a patient is on site: the itinerary's arrival and departure when the plan states them
 * (e.g. set by transport), else the tightest the activities allow — first start − check-in
 * buffer, last end. The independent checker reads them the same way.
 */
export function onSiteSpan(ctx: ConstraintContext, patientId: string, activities: readonly PlannedActivity[]): { arrivalMin: number; departureMin: number } {
  const itinerary = ctx.itineraryByPatient.get(patientId);
  let firstStart = Infinity;
  let lastEnd = -Infinity;
  for (const a of activities) {
    firstStart = Math.min(firstStart, a.startMin);
    lastEnd = Math.max(lastEnd, a.endMin);
  }
  return {
    arrivalMin: itinerary?.arrivalMin ?? firstStart - ctx.problem.centre.checkInBufferMin,
    departureMin: itinerary?.departureMin ?? lastEnd,
  };
}
