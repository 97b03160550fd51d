/** Options shared by the planners (time limit, seed, progress, weights). */
import type { DayPlan, PlanBound } from './day-plan.ts';

/** Soft-objective weights. Defaults in `DEFAULT_WEIGHTS`; each term is documented there. */
export interface ObjectiveWeights {
  /** Per unscheduled required assessment, × the patient's priority. */
  unscheduled: number;
  /** Per minute a patient waits between arrival and departure without an activity. */
  patientIdleMin: number;
  /** Per minute on site (arrival to departure). */
  patientOnSiteMin: number;
  /** Per minute of (max − min) booked minutes across staff of the same discipline. */
  workloadImbalanceMin: number;
  /** Per assessment not done by the patient's named clinician. */
  namedClinicianMissed: number;
  /** Per minute outside the patient's preferred arrival/departure. */
  preferenceMin: number;
  /** Per assessment that asks for the carer while the carer is not present. */
  carerAbsent: number;
  /** Per minute of makespan (end of the last activity). 0 for ICC days; the open-shop benchmark sets it. */
  makespanMin: number;
}

export const DEFAULT_WEIGHTS: ObjectiveWeights = {
  unscheduled: 1000,
  patientIdleMin: 1,
  patientOnSiteMin: 0.2,
  workloadImbalanceMin: 0.5,
  namedClinicianMissed: 60,
  preferenceMin: 2,
  carerAbsent: 100,
  makespanMin: 0,
};

export interface ProgressEvent {
  phase: 'construct' | 'improve' | 'bound' | 'done';
  iteration: number;
  bestSoft: number;
  bestHard: number;
  elapsedMs?: number;
  /** 0..1, time or iteration based. */
  fraction: number;
}

export interface SolveOptions {
  /** Wall-clock limit in ms; needs `now`. Without `now`, only `maxIterations` stops the search. */
  timeLimitMs?: number;
  /** Iteration budget; with a fixed budget and seed the plan is deterministic. */
  maxIterations?: number;
  seed?: number;
  /** A clock in ms, supplied by the caller (the solver never reads the wall clock itself). */
  now?: () => number;
  onProgress?: (event: ProgressEvent) => void;
  /**
   * planDay only: called with each new best schedule free of hard violations (the best
   * construction, then each improvement). `plan()` builds the DayPlan of the best found so
   * far, its unplaced assessments with the search's own reason (the final plan also explains
   * and repairs them). Building costs about one scoring pass, so throttle it.
   */
  onBestPlan?: (plan: () => DayPlan) => void;
  weights?: Partial<ObjectiveWeights>;
  /** Stop as soon as the soft score reaches this (e.g. a known lower bound). */
  targetSoft?: number;
  /**
   * planDay only: a plan to start from (e.g. a planning job's best so far before it was
   * interrupted): its activities in start order, meals at their times, join the constructions.
   * Only a hint: activities it does not know are planned as usual, and every hard rule is
   * checked again. The plan returned is never worse than this one held where it is (with its
   * staff and rooms, when given), as far as the rules still allow it.
   */
  startFrom?: ReadonlyArray<{ id: string; startMin: number; staffId?: string; roomId?: string }>;
  /**
   * planDay only: a lower bound already proven for a day whose plans include every plan of this
   * one (the same day before transport narrowed its windows, or before pins): the stronger of it
   * and the day's own bound is reported and aimed at.
   */
  knownBound?: PlanBound;
}
