/**
 * Patient transport for one ICC day (SPEC §3D): morning pick-ups to the centre, afternoon
 * returns home. Times are minutes from local midnight.
 *
 * Coupling with the day planner: each passenger's required arrival at the centre and
 * earliest collection are plain inputs (`arriveBy…`/`firstActivityStartMin`,
 * `earliestCollectionMin`/`lastActivityEndMin`), and the plan gives each passenger's
 * `arrivalMin` and `departureMin` back, so the two planners can iterate to agreement.
 */
import type { MinuteWindow } from '../model/day-problem.ts';
import type { ProgressEvent } from '../model/options.ts';
import type { TravelSource } from '../routing/build-travel.ts';
import type { TravelLocation } from '../routing/travel/travel-times.ts';

export type Mobility = 'independent' | 'walking-aid' | 'wheelchair';

export interface TransportVehicle {
  id: string;
  name?: string;
  depotLocationId: string;
  /** Ordinary seats (carers and ambulant passengers). */
  seats: number;
  /** Wheelchair spaces (a wheelchair user travels in their chair). */
  wheelchairSpaces: number;
  /** The driver's shift: leave the depot no earlier, back no later. */
  shift: MinuteWindow;
}

export interface TransportPassenger {
  patientId: string;
  /** Local reference and initials for run sheets (information governance: no names). */
  ref?: string;
  initials?: string;
  homeLocationId: string;
  /** Pass-through for run sheets. */
  address?: string;
  mobility: Mobility;
  /** A carer rides along (takes a seat both ways). */
  carer?: boolean;
  /** Comes by own means: not routed; listed in `ownMeans`. */
  ownMeans?: boolean;
  /** Morning. Give `firstActivityStartMin` (arrive ≥ check-in buffer before it) or an explicit `arriveWindow`. */
  firstActivityStartMin?: number;
  arriveWindow?: MinuteWindow;
  /** Patient preference: not collected from home before this (default: no limit). */
  earliestPickupMin?: number;
  /** Patient preference: not collected after this. */
  latestPickupMin?: number;
  /** Afternoon. Give `lastActivityEndMin` (collection ≥ end + buffer) or `earliestCollectionMin`. */
  lastActivityEndMin?: number;
  earliestCollectionMin?: number;
  /** Patient preference: home no later than this. */
  latestHomeMin?: number;
  /** Overrides the rules' maximum ride time for this passenger. */
  maxRideMin?: number;
  /**
   * The longest the patient may be at the centre (the day's `maxOnSiteMin`): from the end of
   * alighting in the morning to the start of boarding in the afternoon. Where a leg is not
   * carried, that end is the first activity − check-in buffer or the last activity's end.
   */
  maxOnSiteMin?: number;
  /** Only one direction needs transport (default both). */
  legs?: 'both' | 'morning' | 'afternoon';
}

/** Rules of the service; every default is in `DEFAULT_TRANSPORT_RULES`. */
export interface TransportRules {
  maxRideMin: number;
  checkInBufferMin: number;
  /** Earliest arrival = latest arrival − this (nobody waits hours at the door). */
  maxEarlyArrivalMin: number;
  collectionBufferMin: number;
  /** Collection no later than the earliest collection + this. */
  maxWaitMin: number;
  boardingMin: number;
  alightingMin: number;
  wheelchairBoardingMin: number;
  wheelchairAlightingMin: number;
  /**
   * The longest a passenger sits idle aboard a vehicle standing at the centre: in the morning from
   * the vehicle's arrival to the start of their alighting, in the afternoon from the end of their
   * boarding to the vehicle driving off — besides the minutes the others take to alight or board
   * there. Raised for a passenger whose own pick-up preferences force a longer wait.
   */
  maxWaitAboardAtCentreMin: number;
}

export const DEFAULT_TRANSPORT_RULES: TransportRules = {
  maxRideMin: 60,
  checkInBufferMin: 15,
  maxEarlyArrivalMin: 45,
  collectionBufferMin: 10,
  maxWaitMin: 45,
  boardingMin: 3,
  alightingMin: 2,
  wheelchairBoardingMin: 8,
  wheelchairAlightingMin: 6,
  maxWaitAboardAtCentreMin: 15,
};

export interface TransportProblem {
  date: string;
  centreLocationId: string;
  locations: TravelLocation[];
  travel?: TravelSource;
  vehicles: TransportVehicle[];
  passengers: TransportPassenger[];
  rules?: Partial<TransportRules>;
}

export interface TransportOptions {
  /** Split between the two runs. */
  timeLimitMs?: number;
  maxIterations?: number;
  seed?: number;
  now?: () => number;
  onProgress?: (event: ProgressEvent) => void;
}

export type RunKind = 'morning' | 'afternoon';

/** One stop of a run: a passenger boards (pick-up) or alights (drop-off). */
export interface RunStop {
  patientId: string;
  action: 'board' | 'alight';
  locationId: string;
  /** Start of boarding/alighting. */
  startMin: number;
  endMin: number;
}

export interface TransportRun {
  vehicleId: string;
  kind: RunKind;
  /** Leaves its start (depot in the morning, centre in the afternoon). */
  leaveMin: number;
  /** Reaches its end (centre in the morning, depot in the afternoon). */
  finishMin: number;
  stops: RunStop[];
  travelMin: number;
  distanceKm: number;
}

export interface PassengerTimes {
  patientId: string;
  morning?: { vehicleId: string; pickupMin: number; rideMin: number };
  afternoon?: { vehicleId: string; homeMin: number; rideMin: number };
  /** Arrival at the centre (alighting done: at the door), if routed in the morning. */
  arrivalMin?: number;
  /** Departure from the centre (start of boarding), if routed in the afternoon. */
  departureMin?: number;
}

export type UnservedReason =
  | 'no-suitable-vehicle'
  | 'ride-too-long'
  | 'window-too-tight'
  | 'outside-every-shift'
  | 'no-capacity'
  | 'no-times';

export interface UnservedPassenger {
  patientId: string;
  kind: RunKind;
  reason: UnservedReason;
  message: string;
}

export interface TransportPlan {
  date: string;
  runs: TransportRun[];
  passengers: PassengerTimes[];
  unserved: UnservedPassenger[];
  /** Patients coming by their own means (not routed). */
  ownMeans: string[];
  totalTravelMin: number;
  totalDistanceKm: number;
  rules: TransportRules;
}
