/**
 * The day plan: the planner's answer. `activities` is the single source of truth;
 * itineraries and timetables are views of it, built by `buildPlanViews`.
 */
import type { Violation } from './violation.ts';

export interface PlannedActivity {
  /** Stable id: `${patientId}:${typeId}` (one activity per patient and type). */
  id: string;
  patientId: string;
  /** An assessment type id, or 'meal'. */
  typeId: string;
  kind: 'assessment' | 'diagnostic' | 'meal';
  startMin: number;
  endMin: number;
  /** Absent for the meal. */
  staffId?: string;
  roomId: string;
  /** Same id for every patient in one group session. */
  groupId?: string;
  /** Fixed by a coordinator's pin or by replanning ("before now"). */
  pinned?: boolean;
}

/** Why an assessment could not be placed. */
export type UnscheduledReasonCode =
  | 'no-qualified-staff'
  | 'no-staff-free'
  | 'no-room'
  | 'no-room-free'
  | 'window-too-tight'
  | 'precedence-infeasible'
  | 'after-mdt'
  | 'pin-conflict'
  | 'unknown-type';

export interface UnscheduledAssessment {
  patientId: string;
  typeId: string;
  reason: UnscheduledReasonCode;
  /** A sentence a coordinator can act on. */
  message: string;
}

export interface Itinerary {
  patientId: string;
  /** Planned arrival: first activity start − check-in buffer (never before the earliest arrival). */
  arrivalMin: number;
  /** Planned departure: end of the last activity. */
  departureMin: number;
  activityIds: string[];
}

export interface Timetable {
  /** A staff member's or room's id. */
  ownerId: string;
  activityIds: string[];
}

export interface ConstraintScore {
  constraint: string;
  level: 'hard' | 'soft';
  penalty: number;
  count: number;
  violations: Violation[];
}

export interface PlanScore {
  /** Number of hard violations (0 for a feasible plan). */
  hard: number;
  /** Weighted soft penalty (the objective the planner minimises). */
  soft: number;
  byConstraint: ConstraintScore[];
}

export interface PlanBound {
  /** A lower bound on `score.soft` over all plans. */
  value: number;
  method: string;
}

export interface PlanStats {
  iterations: number;
  improvements: number;
  elapsedMs?: number;
  timedOut: boolean;
  seed: number;
  /** How the plan was found (e.g. the decoding scheme the search used). */
  method?: string;
}

export interface DayPlan {
  date: string;
  activities: PlannedActivity[];
  itineraries: Itinerary[];
  staffTimetables: Timetable[];
  roomTimetables: Timetable[];
  mdt: { startMin: number; endMin: number; attendeeStaffIds: string[] };
  unscheduled: UnscheduledAssessment[];
  score: PlanScore;
  bound: PlanBound;
  /** 100 × (soft − bound) / max(|bound|, 1), ≥ 0, two decimals (solver/day/plan-gap.ts). */
  gapPct: number;
  stats: PlanStats;
}
