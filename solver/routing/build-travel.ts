import { coordinateTravelTimes, type CoordinateEstimateOptions } from './travel/coordinate-travel-times.ts';
import { matrixTravelTimes, type TravelMatrix } from './travel/matrix-travel-times.ts';
import type { TravelLocation, TravelTimes } from './travel/travel-times.ts';

/** How a planner gets its travel times: a supplied matrix (gaps estimated) or coordinates. */
export interface TravelSource extends CoordinateEstimateOptions {
  /** Indexed like the problem's `locations`. */
  matrix?: TravelMatrix;
}

/** Picks the provider: matrix when given (empty cells from coordinates), else coordinates. */
export function buildTravel(locations: TravelLocation[], source: TravelSource = {}): TravelTimes {
  return source.matrix ? matrixTravelTimes(locations, source.matrix, source) : coordinateTravelTimes(locations, source);
}

/** Index of each location id; duplicate ids are an input error naming the id. */
export function indexLocations(locations: TravelLocation[]): Map<string, number> {
  const index = new Map<string, number>();
  locations.forEach((location, i) => {
    if (!location.id) throw new RangeError(`locations[${i}].id is missing`);
    if (index.has(location.id)) throw new RangeError(`locations[${i}].id '${location.id}' is used twice`);
    index.set(location.id, i);
  });
  return index;
}

/** Looks a location id up, or throws naming the field that referred to it. */
export function locationIndex(index: Map<string, number>, id: string, field: string): number {
  const i = index.get(id);
  if (i === undefined) throw new RangeError(`${field}: unknown location '${id}'`);
  return i;
}
