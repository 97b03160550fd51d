import { describe, expect, it } from 'vitest';
import { precedenceWithLag } from '../../../../solver/constraints/hard/precedence-with-lag.ts';
import { dayProblem, evaluate, moved, validPlan } from '../fixtures.ts';

describe('precedenceWithLag', () => {
  it('accepts ANP first, bloods 60 min before the review, review last', () => {
    expect(evaluate(precedenceWithLag, validPlan())).toEqual([]);
  });

  it('flags a lag one minute short', () => {
    const problem = dayProblem();
    problem.precedences = problem.precedences.filter((p) => p.id === 'bloods-back');
    // Bloods end 10:15; the review at 11:14 is 59 min later.
    const [v, ...rest] = evaluate(precedenceWithLag, moved(validPlan(), 'P01:geriatrician-review', 674), problem);
    expect(rest).toEqual([]);
    expect(v!.justification).toMatchObject({ precedenceId: 'bloods-back', patientId: 'P01', beforeActivityId: 'P01:bloods', afterActivityId: 'P01:geriatrician-review', beforeEndMin: 615, afterStartMin: 674, minLagMin: 60, shortByMin: 1 });
    expect(v!.message).toBe('P01: Geriatrician review starts 11:14, but must follow Bloods (ends 10:15) at least 60 min (bloods back before the review); 1 min too early');
  });

  it("applies '*' rules to every other assessment but not the meal", () => {
    // P02's social care at 09:30 comes before the ANP (10:00): breaks "ANP first".
    const found = evaluate(precedenceWithLag, moved(validPlan(), 'P02:social', 570));
    expect(found).toHaveLength(1);
    expect(found[0]!.justification).toMatchObject({ precedenceId: 'anp-first', beforeActivityId: 'P02:anp-initial', afterActivityId: 'P02:social', shortByMin: 645 - 570 });
    // The review before lunch is fine: the meal is not an assessment.
    expect(evaluate(precedenceWithLag, moved(validPlan(), 'P02:geriatrician-review', 690))).toEqual([]);
  });

  it('skips a rule when the patient does not need both sides', () => {
    // P02 needs no bloods, so the 60-min lag does not bind their review.
    const problem = dayProblem();
    problem.precedences = problem.precedences.filter((p) => p.id === 'bloods-back');
    expect(evaluate(precedenceWithLag, moved(validPlan(), 'P02:geriatrician-review', 650), problem)).toEqual([]);
  });
});
