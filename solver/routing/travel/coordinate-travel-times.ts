import { TravelTimeError, type TravelLocation, type TravelTimes } from './travel-times.ts';

/** How a straight line becomes a road trip. */
export interface CoordinateEstimateOptions {
  /** Road distance ÷ great-circle distance. Default 1.3 (typical for UK urban/suburban roads). */
  roadFactor?: number;
  /** Average driving speed, km/h. Default 30 (urban traffic with stops). */
  speedKmh?: number;
  /** Round minutes up to whole minutes (the solver's unit). Default true. */
  wholeMinutes?: boolean;
}

export const DEFAULT_ROAD_FACTOR = 1.3;
export const DEFAULT_SPEED_KMH = 30;
const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle (haversine) distance in km between two points given in degrees. */
export function greatCircleKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Checks that a location has usable coordinates, or says which one does not. */
export function requireCoordinates(location: TravelLocation): { lat: number; lon: number } {
  const { lat, lon } = location;
  if (typeof lat !== 'number' || typeof lon !== 'number' || !Number.isFinite(lat) || !Number.isFinite(lon)) {
    throw new TravelTimeError(location.id,
      `Location '${location.id}' has no coordinates (lat/lon) and no travel-matrix entry, so travel to or from it cannot be estimated.`);
  }
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
    throw new TravelTimeError(location.id, `Location '${location.id}' has out-of-range coordinates (lat ${lat}, lon ${lon}).`);
  }
  return { lat, lon };
}

/**
 * Travel estimated from coordinates: great-circle distance × road factor, driven at a
 * fixed speed. Every location must carry lat/lon.
 *
 * @example
 * const travel = coordinateTravelTimes([{ id: 'centre', lat: 53.77, lon: -0.33 }, { id: 'p1', lat: 53.74, lon: -0.36 }]);
 * travel.travelMin(0, 1); // ≈ 8 (whole minutes, rounded up)
 */
export function coordinateTravelTimes(locations: TravelLocation[], options: CoordinateEstimateOptions = {}): TravelTimes {
  const roadFactor = options.roadFactor ?? DEFAULT_ROAD_FACTOR;
  const speedKmh = options.speedKmh ?? DEFAULT_SPEED_KMH;
  if (!(roadFactor >= 1)) throw new RangeError(`roadFactor must be ≥ 1, got ${roadFactor}`);
  if (!(speedKmh > 0)) throw new RangeError(`speedKmh must be > 0, got ${speedKmh}`);
  const points = locations.map(requireCoordinates);
  const n = points.length;
  const km = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const a = points[i]!;
      const b = points[j]!;
      km[i * n + j] = i === j ? 0 : greatCircleKm(a.lat, a.lon, b.lat, b.lon) * roadFactor;
    }
  }
  const wholeMinutes = options.wholeMinutes ?? true;
  const toMin = (distance: number): number => {
    const minutes = (distance / speedKmh) * 60;
    return wholeMinutes ? Math.max(0, Math.ceil(minutes - 1e-9)) : minutes;
  };
  return {
    size: n,
    distanceKm: (from, to) => km[from * n + to]!,
    travelMin: (from, to) => toMin(km[from * n + to]!),
  };
}
