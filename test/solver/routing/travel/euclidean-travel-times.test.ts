import { describe, expect, it } from 'vitest';
import { euclideanTravelTimes } from '../../../../solver/routing/travel/euclidean-travel-times.ts';

describe('euclideanTravelTimes', () => {
  it('uses the exact plane distance as both time and distance (3-4-5 triangle)', () => {
    const travel = euclideanTravelTimes([{ x: 0, y: 0 }, { x: 3, y: 4 }]);
    expect(travel.travelMin(0, 1)).toBe(5);
    expect(travel.distanceKm(1, 0)).toBe(5);
  });
});
