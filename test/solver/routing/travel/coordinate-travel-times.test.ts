import { describe, expect, it } from 'vitest';
import { coordinateTravelTimes, greatCircleKm, DEFAULT_ROAD_FACTOR, DEFAULT_SPEED_KMH } from '../../../../solver/routing/travel/coordinate-travel-times.ts';
import { TravelTimeError } from '../../../../solver/routing/travel/travel-times.ts';

describe('greatCircleKm', () => {
  it('gives 2πR/360 ≈ 111.19 km for one degree along a meridian', () => {
    expect(greatCircleKm(53, -0.3, 54, -0.3)).toBeCloseTo((2 * Math.PI * 6371.0088) / 360, 6);
  });
  it('is symmetric and zero on the spot', () => {
    expect(greatCircleKm(53.74, -0.36, 53.8, -0.4)).toBeCloseTo(greatCircleKm(53.8, -0.4, 53.74, -0.36), 9);
    expect(greatCircleKm(53.74, -0.36, 53.74, -0.36)).toBe(0);
  });
});

describe('coordinateTravelTimes', () => {
  const locations = [{ id: 'centre', lat: 53, lon: 0 }, { id: 'home', lat: 53.1, lon: 0 }];
  const straightKm = greatCircleKm(53, 0, 53.1, 0); // ≈ 11.12 km

  it('documents its defaults: road factor 1.3 at 30 km/h', () => {
    expect(DEFAULT_ROAD_FACTOR).toBe(1.3);
    expect(DEFAULT_SPEED_KMH).toBe(30);
  });

  it('multiplies the straight line by the road factor and drives it at the speed, in whole minutes rounded up', () => {
    const travel = coordinateTravelTimes(locations);
    expect(travel.distanceKm(0, 1)).toBeCloseTo(straightKm * 1.3, 9);
    // 14.45 km at 30 km/h = 28.9 min → 29
    expect(travel.travelMin(0, 1)).toBe(Math.ceil((straightKm * 1.3 * 60) / 30));
    expect(travel.travelMin(0, 0)).toBe(0);
  });

  it('takes a configured road factor and speed', () => {
    const travel = coordinateTravelTimes(locations, { roadFactor: 1, speedKmh: 60, wholeMinutes: false });
    expect(travel.travelMin(1, 0)).toBeCloseTo(straightKm, 9); // 60 km/h: a minute per km
  });

  it('names the location that has no coordinates', () => {
    const bad = [...locations, { id: 'patient-17-home' }];
    expect(() => coordinateTravelTimes(bad)).toThrow(TravelTimeError);
    expect(() => coordinateTravelTimes(bad)).toThrow(/patient-17-home/);
    try { coordinateTravelTimes(bad); } catch (e) { expect((e as TravelTimeError).locationId).toBe('patient-17-home'); }
  });

  it('rejects a road factor below 1 and a non-positive speed', () => {
    expect(() => coordinateTravelTimes(locations, { roadFactor: 0.9 })).toThrow(/roadFactor/);
    expect(() => coordinateTravelTimes(locations, { speedKmh: 0 })).toThrow(/speedKmh/);
  });
});
