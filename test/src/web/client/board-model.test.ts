// The board drawn from a plan job's provisional plan names each activity with the centre's
// records. Plans name assessment types by code while the records have their own ids, so the
// names and disciplines (the colours) must be looked up by code.
import { describe, expect, it } from 'vitest';
import { planDay } from '../../../../solver/index.ts';
import { demoDayProblem } from '../../../../src/demo/demo-day-problem.ts';
import { boardFromPlan, type Catalogue } from '../../../../src/web/client/board-model.ts';
import type { AssessmentTypeRecord } from '../../../../src/web/client/api-types.ts';

describe('boardFromPlan', () => {
  const problem = demoDayProblem({ seed: 1, date: '2026-12-02', patients: 4 });
  const plan = planDay(problem, { seed: 1, maxIterations: 200 });
  // Only what the board reads of a type; ids unlike the codes, as the database gives them.
  const types = problem.assessmentTypes.map((t, i) => ({ id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, code: t.id, name: t.name, discipline: t.discipline }) as AssessmentTypeRecord);
  const catalogue: Catalogue = { staff: [], rooms: [], patients: [], types };

  it("names each activity and unscheduled assessment by its type's name and colours it by discipline", () => {
    const board = boardFromPlan(plan, catalogue);
    const byCode = new Map(problem.assessmentTypes.map((t) => [t.id, t]));
    const activities = board.patients.flatMap((p) => p.activities).filter((a) => a.typeId !== 'meal');
    expect(activities.length).toBeGreaterThan(problem.patients.length * 3);
    expect(activities.map((a) => [a.typeName, a.discipline])).toEqual(activities.map((a) => [byCode.get(a.typeId)!.name, byCode.get(a.typeId)!.discipline]));
    const unscheduled = board.patients.flatMap((p) => p.unscheduled);
    expect(unscheduled.map((u) => u.typeName)).toEqual(unscheduled.map((u) => byCode.get(u.typeId)!.name));
  });
});
