import type { TravelLocation, TravelTimes } from './travel-times.ts';
import { coordinateTravelTimes, requireCoordinates, type CoordinateEstimateOptions } from './coordinate-travel-times.ts';

/** A supplied matrix, indexed like the locations; `null` cells are unknown. */
export interface TravelMatrix {
  travelMin: Array<Array<number | null>>;
  /** Optional; without it, kilometres are estimated from coordinates where known, else 0. */
  distanceKm?: Array<Array<number | null>>;
}

/**
 * Travel from a supplied matrix, falling back to a coordinate estimate for the cells the
 * matrix leaves empty. A pair with neither a matrix entry nor coordinates at both ends
 * throws a `TravelTimeError` naming the location that lacks coordinates.
 *
 * @example
 * const travel = matrixTravelTimes(locations, { travelMin: [[0, 12], [11, 0]] });
 * travel.travelMin(0, 1); // 12
 */
export function matrixTravelTimes(
  locations: TravelLocation[],
  matrix: TravelMatrix,
  estimate: CoordinateEstimateOptions = {},
): TravelTimes {
  const n = locations.length;
  if (matrix.travelMin.length !== n) {
    throw new RangeError(`travelMin matrix has ${matrix.travelMin.length} rows for ${n} locations`);
  }
  const minutes = new Float64Array(n * n);
  const km = new Float64Array(n * n);
  let estimated: TravelTimes | undefined;
  const estimator = (): TravelTimes => {
    // Built lazily: only pairs the matrix misses need coordinates.
    estimated ??= coordinateTravelTimes(
      locations.map((l) => (typeof l.lat === 'number' && typeof l.lon === 'number' ? l : { id: l.id, lat: 0, lon: 0 })),
      estimate,
    );
    return estimated;
  };
  for (let i = 0; i < n; i++) {
    const row = matrix.travelMin[i]!;
    if (row.length !== n) throw new RangeError(`travelMin matrix row ${i} ('${locations[i]!.id}') has ${row.length} cells for ${n} locations`);
    for (let j = 0; j < n; j++) {
      const cell = i === j ? 0 : row[j];
      const kmCell = i === j ? 0 : matrix.distanceKm?.[i]?.[j];
      const hasCoordinates = hasCoords(locations[i]!) && hasCoords(locations[j]!);
      if (typeof cell === 'number') {
        if (!(cell >= 0)) throw new RangeError(`travelMin from '${locations[i]!.id}' to '${locations[j]!.id}' must be ≥ 0, got ${cell}`);
        minutes[i * n + j] = cell;
      } else {
        requireCoordinates(locations[i]!);
        requireCoordinates(locations[j]!);
        minutes[i * n + j] = estimator().travelMin(i, j);
      }
      if (typeof kmCell === 'number') km[i * n + j] = kmCell;
      else km[i * n + j] = hasCoordinates ? estimator().distanceKm(i, j) : 0;
    }
  }
  return {
    size: n,
    travelMin: (from, to) => minutes[from * n + to]!,
    distanceKm: (from, to) => km[from * n + to]!,
  };
}

function hasCoords(location: TravelLocation): boolean {
  return typeof location.lat === 'number' && typeof location.lon === 'number';
}

