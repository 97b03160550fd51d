/**
 * The outreach plan: the planner's answer. `visits` is the single source of truth; each staff
 * member's round (legs between the centre and homes) and each resident's itinerary are views
 * of it, built by `buildOutreachViews`.
 */

export interface OutreachVisit {
  /** Stable id: `${residentId}:${typeId}`. */
  id: string;
  residentId: string;
  typeId: string;
  kind: 'assessment' | 'diagnostic';
  homeId: string;
  startMin: number;
  endMin: number;
  staffId: string;
  /** A shared room's id, or `own-room:<residentId>`. */
  roomId: string;
  /** Same id for every resident in one group session. */
  groupId?: string;
  pinned?: boolean;
}

/** One drive of a staff member: from the centre or a home to a home or the centre. */
export interface OutreachLeg {
  fromId: string;
  toId: string;
  departMin: number;
  arriveMin: number;
  travelMin: number;
}

/** A staff member's day out: leave the centre, the homes in order, back to the centre. */
export interface OutreachRound {
  staffId: string;
  leaveCentreMin: number;
  returnCentreMin: number;
  /** Homes in visiting order, each with the visits made there. */
  stops: Array<{ homeId: string; arriveMin: number; leaveMin: number; visitIds: string[] }>;
  legs: OutreachLeg[];
  travelMin: number;
  /** Minutes out of the centre neither driving nor assessing. */
  waitMin: number;
}

export interface OutreachItinerary {
  residentId: string;
  homeId: string;
  visitIds: string[];
  firstStartMin: number;
  lastEndMin: number;
  /** Minutes between the first start and the last end without a visit. */
  waitMin: number;
}

/** The rule that kept an assessment out of the plan. */
export type OutreachReasonCode =
  | 'unknown-type'
  | 'no-qualified-staff'
  | 'no-shared-room'
  | 'outside-visiting-hours'
  | 'home-limit'
  | 'staff-busy'
  | 'room-busy'
  | 'resident-busy'
  | 'travel'
  | 'shift'
  | 'mdt'
  | 'precedence'
  | 'pin-conflict'
  | 'replan-time';

export interface OutreachUnscheduled {
  residentId: string;
  typeId: string;
  reason: OutreachReasonCode;
  /** A sentence a coordinator can act on. */
  message: string;
}

export interface OutreachScore {
  /** Hard rules broken (0 for every plan the planner returns). */
  hard: number;
  /** The weighted objective the planner minimises. */
  soft: number;
  unscheduledPenalty: number;
  travelMin: number;
  residentWaitMin: number;
  staffWaitMin: number;
}

export interface OutreachPlan {
  date: string;
  visits: OutreachVisit[];
  rounds: OutreachRound[];
  itineraries: OutreachItinerary[];
  homesVisited: string[];
  mdt: { startMin: number; endMin: number; mode: 'return' | 'remote'; attendeeStaffIds: string[] };
  unscheduled: OutreachUnscheduled[];
  score: OutreachScore;
  bound: { value: number; method: string };
  /** 100 × (soft − bound) / max(soft, 1). */
  gapPct: number;
  stats: { iterations: number; improvements: number; elapsedMs?: number; timedOut: boolean; seed: number };
}

/** Soft-objective weights of the outreach day. */
export interface OutreachWeights {
  /** Per unplaced required assessment, × the resident's priority. */
  unscheduled: number;
  /** Per minute of driving (all staff). */
  travelMin: number;
  /** Per minute a resident waits between their first and last visit. */
  residentWaitMin: number;
  /** Per minute a staff member is out neither driving nor assessing. */
  staffWaitMin: number;
}

export const DEFAULT_OUTREACH_WEIGHTS: OutreachWeights = {
  unscheduled: 1000,
  travelMin: 1,
  residentWaitMin: 0.5,
  staffWaitMin: 0.5,
};
