/**
 * Home-visit rounds for one date (SPEC §3B, §3E): support workers' pre-visits and the
 * rehabilitation team's follow-up visits. Times are minutes from local midnight.
 */
import type { MinuteWindow } from '../model/day-problem.ts';
import type { ProgressEvent } from '../model/options.ts';
import type { TravelSource } from '../routing/build-travel.ts';
import type { TravelLocation } from '../routing/travel/travel-times.ts';

export interface RoundWorker {
  id: string;
  name?: string;
  /** Where the round starts (the centre or the worker's base). */
  baseLocationId: string;
  /** Where it ends; default: the base. */
  endLocationId?: string;
  /** Leave the base no earlier than `startMin`; back by `endMin`. */
  shift: MinuteWindow;
  /** Skills held, e.g. 'pre-visit', 'rehab-ot', 'rehab-physio'. */
  skills?: string[];
}

export interface HomeVisit {
  id: string;
  kind: 'pre-visit' | 'follow-up';
  patientId: string;
  /** Shown on round sheets instead of names (information governance). */
  patientRef?: string;
  patientInitials?: string;
  locationId: string;
  /** Pass-through for round sheets. */
  address?: string;
  durationMin: number;
  /** The whole visit lies inside this window: start ≥ startMin, end ≤ endMin. */
  window: MinuteWindow;
  /** Only workers with this skill may make the visit. */
  requiredSkill?: string;
  /** Cost weight of leaving it unplanned (≥ 1, default 1). */
  priority?: number;
  notes?: string;
}

export interface RoundsProblem {
  date: string;
  locations: TravelLocation[];
  travel?: TravelSource;
  workers: RoundWorker[];
  visits: HomeVisit[];
}

export interface RoundsOptions {
  timeLimitMs?: number;
  maxIterations?: number;
  seed?: number;
  now?: () => number;
  onProgress?: (event: ProgressEvent) => void;
  /** Objective per minute of spread between the longest and shortest round (default 0.2; travel costs 1 per minute). */
  balanceWeight?: number;
  /**
   * Objective per worker sent out, in travel minutes (default 0). With it, neighbouring visits
   * go to one worker in a row where windows and shifts allow, instead of one worker each
   * (which even balancing favours): worth that many extra minutes of driving per worker saved.
   */
  workerCost?: number;
}

export interface RoundStop {
  visitId: string;
  patientId: string;
  locationId: string;
  arriveMin: number;
  startMin: number;
  endMin: number;
  travelMinFromPrevious: number;
}

export interface Round {
  workerId: string;
  leaveMin: number;
  returnMin: number;
  stops: RoundStop[];
  travelMin: number;
  distanceKm: number;
  visitMin: number;
}

export type UnplannedVisitReason =
  | 'no-qualified-worker'
  | 'outside-every-shift'
  | 'window-too-tight'
  | 'no-capacity';

export interface UnplannedVisit {
  visitId: string;
  patientId: string;
  reason: UnplannedVisitReason;
  message: string;
}

export interface RoundsPlan {
  date: string;
  rounds: Round[];
  unplanned: UnplannedVisit[];
  totalTravelMin: number;
  stats: { iterations: number; elapsedMs?: number; timedOut: boolean; seed: number };
}
