import { describe, expect, it } from 'vitest';
import { assembleOutreachPlan, outreachTravel, planOutreachDay, validateOutreachPlan, type OutreachPlan, type OutreachProblem } from '../../../solver/index.ts';
import { demoOutreachProblem } from '../../../src/demo/demo-outreach-problem.ts';

const check = (problem: OutreachProblem, plan: OutreachPlan) => validateOutreachPlan(problem, plan, { travelMin: outreachTravel(problem) });

describe('assembleOutreachPlan', () => {
  it("rebuilds the planner's own plan from its visits exactly (rounds, itineraries, MDT, score, gap)", () => {
    for (const [residents, homes] of [[5, 1], [10, 3]] as const) {
      const problem = demoOutreachProblem({ seed: 2, date: '2026-12-09', residents, homes });
      const plan = planOutreachDay(problem, { seed: 1, maxIterations: 200 });
      const shuffled = [...plan.visits].reverse();
      expect(assembleOutreachPlan(problem, { ...plan, visits: shuffled })).toEqual(plan);
    }
  });

  it("follows a visit moved by hand: the round's last drive leaves later, and the checker sees a clash", () => {
    const problem = demoOutreachProblem({ seed: 1, date: '2026-12-09', residents: 5, homes: 1 });
    const plan = planOutreachDay(problem, { seed: 1, maxIterations: 200 });
    const last = [...plan.visits].sort((a, b) => b.endMin - a.endMin)[0]!;
    const later = assembleOutreachPlan(problem, { ...plan, visits: plan.visits.map((v) => (v.id === last.id ? { ...v, startMin: v.startMin + 5, endMin: v.endMin + 5 } : v)) });
    const round = later.rounds.find((r) => r.staffId === last.staffId)!;
    expect(round.legs.at(-1)!.departMin).toBe(last.endMin + 5);
    expect(round.returnCentreMin).toBe(plan.rounds.find((r) => r.staffId === last.staffId)!.returnCentreMin + 5);
    expect(later.score.travelMin).toBe(plan.score.travelMin);
    // Two of one clinician's visits at the same time: assembled as asked, refused by the checker.
    const mine = plan.visits.filter((v) => v.staffId === last.staffId && v.id !== last.id);
    const clash = assembleOutreachPlan(problem, { ...plan, visits: plan.visits.map((v) => (v.id === last.id ? { ...v, startMin: mine[0]!.startMin, endMin: mine[0]!.startMin + (v.endMin - v.startMin) } : v)) });
    expect(check(problem, clash).violations.map((v) => v.constraint)).toContain('staffOneAtATime');
  });
});
