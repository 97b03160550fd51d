import { describe, expect, it } from 'vitest';
import { scorePlan } from '../../../solver/constraints/score-plan.ts';
import { constraintRegistry } from '../../../solver/constraints/registry.ts';
import { dayProblem, moved, validPlan } from './fixtures.ts';

describe('scorePlan', () => {
  it('finds no hard violation in the fixture plan, and lists every registered constraint', () => {
    const score = scorePlan(dayProblem(), validPlan());
    const hardMessages = score.byConstraint.filter((c) => c.level === 'hard').flatMap((c) => c.violations.map((v) => v.message));
    expect(hardMessages).toEqual([]);
    expect(score.hard).toBe(0);
    const names = [...constraintRegistry.hard, ...constraintRegistry.soft].map((c) => c.name);
    expect(score.byConstraint.map((c) => c.constraint)).toEqual(names);
  });

  it('counts each hard breach once with penalty 1', () => {
    // P01's geriatrician review moved to 11:00–11:45 in Consult 2: it starts 45 min after bloods
    // ended (60 needed) and before physio ended (the review must be last): 2 precedence breaches;
    // it overlaps physio (patient busy) and P02's social care in Consult 2 (room of capacity 1).
    const score = scorePlan(dayProblem(), moved(validPlan(), 'P01:geriatrician-review', 660));
    const count = (name: string) => score.byConstraint.find((c) => c.constraint === name)!.count;
    expect(count('precedenceWithLag')).toBe(2);
    expect(count('patientOneAtATime')).toBe(1);
    expect(count('roomCapacity')).toBe(1);
    expect(score.hard).toBe(4);
    for (const c of score.byConstraint.filter((x) => x.level === 'hard')) expect(c.penalty).toBe(c.count);
  });
});
