import { describe, expect, it } from 'vitest';
import { lastEndMin, TargetEnd } from '../../../../solver/day/search/target-end.ts';

describe('TargetEnd', () => {
  it('aims at the bound for the first half of the run, then one minute before the best plan', () => {
    let half = false;
    const target = new TargetEnd(300, () => half);
    expect(target.current()).toBe(300);
    target.noteBest(340);
    expect(target.current()).toBe(300);
    half = true;
    expect(target.current()).toBe(339);
    target.noteBest(325);
    expect(target.current()).toBe(324);
    // Never below the bound.
    target.noteBest(301);
    expect(target.current()).toBe(300);
  });

  it('stays in the second half once there (the clock is not asked again)', () => {
    let asked = 0;
    const target = new TargetEnd(100, () => ++asked >= 2);
    target.noteBest(120);
    expect(target.current()).toBe(100);
    expect(target.current()).toBe(119);
    expect(target.current()).toBe(119);
    expect(asked).toBe(2);
  });

  it('remembers the aim the best plan was decoded with, for its final decode', () => {
    let half = false;
    const target = new TargetEnd(300, () => half);
    target.current();
    target.noteBest(330); // decoded aiming at 300
    half = true;
    expect(target.current()).toBe(329);
    expect(target.best()).toBe(300);
    target.noteBest(320); // decoded aiming at 329
    expect(target.best()).toBe(329);
  });

  it('has no target without a bound', () => {
    const target = new TargetEnd(Infinity, () => true);
    target.noteBest(500);
    expect(target.current()).toBe(Infinity);
  });
});

describe('lastEndMin', () => {
  it('is the end of the last placed activity, ignoring unplaced ones', () => {
    expect(lastEndMin(Int32Array.from([30, 45, 60]), Int32Array.from([0, 100, -1]))).toBe(145);
    expect(lastEndMin(Int32Array.from([30]), Int32Array.from([-1]))).toBe(0);
  });
});
