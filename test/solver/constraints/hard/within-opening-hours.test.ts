import { describe, expect, it } from 'vitest';
import { withinOpeningHours } from '../../../../solver/constraints/hard/within-opening-hours.ts';
import { evaluate, moved, validPlan } from '../fixtures.ts';

describe('withinOpeningHours', () => {
  it('accepts activities while the centre is open', () => {
    expect(evaluate(withinOpeningHours, validPlan())).toEqual([]);
  });

  it('flags an activity before opening', () => {
    const [v, ...rest] = evaluate(withinOpeningHours, moved(validPlan(), 'P01:anp-initial', 470));
    expect(rest).toEqual([]);
    expect(v!.justification).toMatchObject({ activityId: 'P01:anp-initial', startMin: 470, endMin: 515, openMin: 480, closeMin: 1080 });
    expect(v!.message).toBe('ANP initial assessment for P01 at 07:50–08:35 is outside opening hours 08:00–18:00');
  });
});
