import { describe, expect, it } from 'vitest';
import { matrixTravelTimes } from '../../../../solver/routing/travel/matrix-travel-times.ts';
import { coordinateTravelTimes } from '../../../../solver/routing/travel/coordinate-travel-times.ts';

describe('matrixTravelTimes', () => {
  it('answers from the supplied matrix, including asymmetric entries', () => {
    const travel = matrixTravelTimes([{ id: 'a' }, { id: 'b' }], { travelMin: [[0, 12], [15, 0]], distanceKm: [[0, 6], [7, 0]] });
    expect(travel.travelMin(0, 1)).toBe(12);
    expect(travel.travelMin(1, 0)).toBe(15);
    expect(travel.distanceKm(1, 0)).toBe(7);
    expect(travel.size).toBe(2);
  });

  it('estimates the cells the matrix leaves empty from coordinates', () => {
    const locations = [{ id: 'a', lat: 53, lon: 0 }, { id: 'b', lat: 53.1, lon: 0 }];
    const travel = matrixTravelTimes(locations, { travelMin: [[0, null], [9, 0]] });
    expect(travel.travelMin(0, 1)).toBe(coordinateTravelTimes(locations).travelMin(0, 1));
    expect(travel.travelMin(1, 0)).toBe(9);
  });

  it('names the location with neither a matrix entry nor coordinates', () => {
    const locations = [{ id: 'centre', lat: 53, lon: 0 }, { id: 'flat-4b' }];
    expect(() => matrixTravelTimes(locations, { travelMin: [[0, 10], [null, 0]] })).toThrow(/flat-4b/);
  });

  it('rejects a matrix of the wrong shape or a negative time', () => {
    expect(() => matrixTravelTimes([{ id: 'a' }, { id: 'b' }], { travelMin: [[0, 1]] })).toThrow(/rows/);
    expect(() => matrixTravelTimes([{ id: 'a' }, { id: 'b' }], { travelMin: [[0, -1], [1, 0]] })).toThrow(/≥ 0/);
  });
});
