import type { TravelTimes } from './travel-times.ts';

/**
 * Travel on a plane, as in the classic benchmarks (Solomon, Cordeau): minutes = distance
 * = exact Euclidean distance between the points, in the instance's own units.
 */
export function euclideanTravelTimes(points: Array<{ x: number; y: number }>): TravelTimes {
  const n = points.length;
  const d = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      d[i * n + j] = Math.hypot(points[i]!.x - points[j]!.x, points[i]!.y - points[j]!.y);
    }
  }
  const at = (from: number, to: number): number => d[from * n + to]!;
  return { size: n, travelMin: at, distanceKm: at };
}
