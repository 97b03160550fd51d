import { describe, expect, it } from 'vitest';
import { patientIdleTime } from '../../../../solver/constraints/soft/patient-idle-time.ts';
import { act, evaluate, validPlan } from '../fixtures.ts';

describe('patientIdleTime', () => {
  it('is zero for activities back to back in one room', () => {
    const plan = [act('P01', 'anp-initial', 540, 'c1', 'anp1'), act('P01', 'geriatrician-review', 585, 'c1', 'ger1')];
    expect(evaluate(patientIdleTime, plan)).toEqual([]);
  });

  it('counts the minutes between first start and last end with nothing on', () => {
    // P01: 09:00–14:15 is 315 min; busy 45 + 15 + 45 + 30 + 45 = 180; idle 135.
    const found = evaluate(patientIdleTime, validPlan());
    const p01 = found.find((v) => v.justification.patientId === 'P01')!;
    expect(p01.justification).toMatchObject({ idleMin: 135, firstStartMin: 540, lastEndMin: 855, busyMin: 180 });
    expect(p01.penalty).toBe(135); // weight 1 per minute
    expect(p01.message).toBe('P01 waits 135 min between activities (09:00–14:15, 180 min busy)');
  });
});
