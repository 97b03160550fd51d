import { describe, expect, it } from 'vitest';
import { mealInLunchWindow } from '../../../../solver/constraints/hard/meal-in-lunch-window.ts';
import { act, dayProblem, evaluate, moved, validPlan } from '../fixtures.ts';

describe('mealInLunchWindow', () => {
  it('accepts one meal per patient inside the window', () => {
    expect(evaluate(mealInLunchWindow, validPlan())).toEqual([]);
  });

  it('flags a missing meal, unless the patient needs none', () => {
    const plan = validPlan().filter((a) => a.id !== 'P02:meal');
    const [v, ...rest] = evaluate(mealInLunchWindow, plan);
    expect(rest).toEqual([]);
    expect(v!.justification).toMatchObject({ patientId: 'P02', breach: 'missing', mealCount: 0, lunchStartMin: 720, lunchEndMin: 810 });
    expect(v!.message).toBe('P02 has no meal; one is needed within 12:00–13:30');
    const problem = dayProblem();
    problem.patients[1]!.needsMeal = false;
    expect(evaluate(mealInLunchWindow, plan, problem)).toEqual([]);
  });

  it('flags a meal ending after the window', () => {
    const [v] = evaluate(mealInLunchWindow, moved(validPlan(), 'P01:meal', 785));
    expect(v!.justification).toMatchObject({ patientId: 'P01', breach: 'outside-window', startMin: 785, endMin: 815 });
    expect(v!.message).toBe("P01's meal at 13:05–13:35 is outside the lunch window 12:00–13:30");
  });

  it('flags a second meal', () => {
    const [v] = evaluate(mealInLunchWindow, [...validPlan(), { ...act('P01', 'meal', 760, 'dining'), id: 'P01:meal#2' }]);
    expect(v!.justification).toMatchObject({ breach: 'duplicate', mealCount: 2, activityId: 'P01:meal#2' });
  });
});
