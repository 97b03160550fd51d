/**
 * The travel-time interface every router uses. Locations are addressed by index; a
 * provider answers the minutes and kilometres from one to another.
 */
export interface TravelTimes {
  /** Number of locations the provider knows. */
  readonly size: number;
  /** Driving minutes from one location to another (0 from a location to itself). */
  travelMin(fromIdx: number, toIdx: number): number;
  /** Road kilometres from one location to another. */
  distanceKm(fromIdx: number, toIdx: number): number;
}

/** A place a vehicle or worker can go: coordinates are optional when a matrix covers it. */
export interface TravelLocation {
  id: string;
  lat?: number;
  lon?: number;
}

/** Thrown when travel between two places cannot be known; `locationId` names the culprit. */
export class TravelTimeError extends Error {
  readonly code = 'travel-time-unknown';
  constructor(readonly locationId: string, message: string) {
    super(message);
    this.name = 'TravelTimeError';
  }
}
