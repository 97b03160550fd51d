import { describe, expect, it } from 'vitest';
import { UnitTimeline } from '../../../../solver/day/schedule/unit-timeline.ts';

describe('UnitTimeline', () => {
  it('finds the earliest free start among bookings added in any order', () => {
    const line = new UnitTimeline(2);
    line.freezeBase();
    for (const [s, e] of [[60, 90], [0, 30], [120, 150], [30, 45]] as const) line.add(s, e);
    expect(line.nextFree(0, 10)).toBe(45);
    expect(line.nextFree(0, 15)).toBe(45);
    expect(line.nextFree(0, 16)).toBe(90);
    expect(line.nextFree(95, 25)).toBe(95);
    expect(line.nextFree(95, 26)).toBe(150);
    expect(line.isFree(90, 30)).toBe(true);
    expect(line.lastEndBefore(100)).toBe(90);
    expect(line.lastEndBefore(75)).toBe(45);
    expect(line.lastEndBefore(20)).toBe(-Infinity);
  });

  it('merges fixed blocks that overlap (a break past the end of a shift) and returns to them on reset', () => {
    const line = new UnitTimeline();
    line.add(-1000, 540);
    line.add(720, 5000);
    line.add(700, 750); // a break straddling the end of the shift
    line.freezeBase();
    expect(line.nextFree(600, 60)).toBe(600);
    expect(line.nextFree(600, 101)).toBe(5000);
    expect(line.lastEndBefore(600)).toBe(540);
    line.add(600, 650);
    expect(line.nextFree(600, 30)).toBe(650);
    line.reset();
    expect(line.nextFree(600, 30)).toBe(600);
  });
});
