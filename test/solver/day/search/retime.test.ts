import { describe, expect, it } from 'vitest';
import { compileDayProblem } from '../../../../solver/day/compile/compile-day-problem.ts';
import { readSchedule } from '../../../../solver/day/read-schedule.ts';
import { BackwardDecoder } from '../../../../solver/day/schedule/backward-decoder.ts';
import { DayDecoder } from '../../../../solver/day/schedule/day-decoder.ts';
import { compactPatientDays } from '../../../../solver/day/search/compact-patient-days.ts';
import { buildRetimeModel, retimeFeasible, type RetimeModel } from '../../../../solver/day/search/retime-model.ts';
import { solveRetime } from '../../../../solver/day/search/retime-solve.ts';
import { scheduleCost } from '../../../../solver/day/search/schedule-cost.ts';
import { scorePlan } from '../../../../solver/constraints/score-plan.ts';
import { createJslsSolver } from '../../../../solver/lp/jsls-solver.ts';
import type { LpModel } from '../../../../solver/lp/lp-model.ts';
import { createRng } from '../../../../solver/model/rng.ts';
import { DEFAULT_WEIGHTS } from '../../../../solver/model/options.ts';
import { assembleDayPlan } from '../../../../solver/day/assemble-day-plan.ts';
import { validatePlan } from '../../../../solver/validate/validate-plan.ts';
import { assessmentType, HOUR, patient, smallDay, staffMember } from '../small-day-fixture.ts';

// P1 sees A (x), then B (y), then A again (z), and must leave by 11:00. B first sees P2 (w,
// after P2's v with C); A sees P3 (u) between x and z. In the schedule below P1 waits 9:30–10:00
// for B. Holding everyone else, P1's day cannot move (A is busy 9:30–10:00, B until 10:00, and
// P1 cannot leave later); moving P3's u and P1's x together removes the wait.
const problem = smallDay({
  assessmentTypes: ['x', 'y', 'z', 'u', 'v', 'w'].map((id) => assessmentType(id, 30)),
  precedences: [
    { id: 'x-y', before: 'x', after: 'y', minLagMin: 0 },
    { id: 'y-z', before: 'y', after: 'z', minLagMin: 0 },
    { id: 'v-w', before: 'v', after: 'w', minLagMin: 0 },
  ],
  staff: [staffMember('A', ['x', 'z', 'u']), staffMember('B', ['y', 'w']), staffMember('C', ['v'])],
  rooms: ['c1', 'c2', 'c3', 'c4'].map((id) => ({ id, name: id, type: 'consult', capacity: 1 })),
  patients: [
    patient('p1', ['x', 'y', 'z'], { latestDepartureMin: 11 * HOUR }),
    patient('p2', ['v', 'w']),
    patient('p3', ['u']),
  ],
});

/** The hand-made schedule: activity id → [start, staff, room]. */
const AT: Record<string, [number, string, string]> = {
  'p1:x': [9 * HOUR, 'A', 'c1'],
  'p3:u': [9 * HOUR + 30, 'A', 'c2'],
  'p1:y': [10 * HOUR, 'B', 'c1'],
  'p1:z': [10 * HOUR + 30, 'A', 'c1'],
  'p2:v': [9 * HOUR, 'C', 'c3'],
  'p2:w': [9 * HOUR + 30, 'B', 'c3'],
};

function heldSchedule() {
  const day = compileDayProblem(problem, DEFAULT_WEIGHTS);
  const decoder = new DayDecoder(day);
  for (const [id, [startMin, staff, room]] of Object.entries(AT)) {
    decoder.fix(day.activityId.indexOf(id), startMin, problem.staff.findIndex((s) => s.id === staff), problem.rooms.findIndex((r) => r.id === room));
  }
  decoder.decode(new Int32Array(0));
  return { day, decoder };
}

const waitOf = (day: ReturnType<typeof compileDayProblem>, start: ArrayLike<number>, ids: string[]) => {
  const spans = ids.map((id) => start[day.activityId.indexOf(id)]!);
  return Math.max(...spans) + 30 - Math.min(...spans) - 30 * ids.length;
};

describe('exact re-timing', () => {
  it("removes a wait that holding all but one patient's day cannot", () => {
    const { day, decoder } = heldSchedule();
    expect(waitOf(day, decoder.start, ['p1:x', 'p1:y', 'p1:z'])).toBe(30);
    const before = scheduleCost(day, decoder);

    // Compaction (one patient at a time, the others held) leaves the wait.
    const compacted = compactPatientDays(day, decoder, { forward: decoder, backward: new BackwardDecoder(day, decoder.mealDelayMin) });
    expect(waitOf(day, compacted.best.start, ['p1:x', 'p1:y', 'p1:z'])).toBe(30);

    const { day: day2, decoder: held } = heldSchedule();
    const model = buildRetimeModel(day2, held);
    const solution = solveRetime(model)!;
    expect(solution).toBeDefined();
    const start = Int32Array.from(held.start);
    model.activities.forEach((a, i) => { start[a] = solution.x[i]!; });
    expect(waitOf(day2, start, ['p1:x', 'p1:y', 'p1:z'])).toBe(0);
    expect(waitOf(day2, start, ['p2:v', 'p2:w'])).toBe(0);
    // P1's wait (30 min at 1 + 0.2 on site) is gone; nothing else got worse.
    const after = scheduleCost(day2, { ...held, start });
    expect(after).toBeCloseTo(before - 30 * 1.2, 9);
    expect(solution.objective).toBeCloseTo(retimeObjectiveOf(model, start), 9);

    // The re-timed plan is valid and scored the same by scorePlan.
    const read = readSchedule(day2, { ...held, start });
    const plan = assembleDayPlan(problem, {
      activities: read.activities, unscheduled: read.unscheduled, bound: { value: 0, method: 'none' },
      stats: { iterations: 0, improvements: 0, timedOut: false, seed: 1 },
    });
    expect(validatePlan(problem, plan).valid).toBe(true);
    expect(scorePlan(problem, read.activities, read.unscheduled).soft).toBeCloseTo(after, 9);
  });

  it('keeps every order of the schedule: re-timing an optimal schedule changes nothing', () => {
    const { day, decoder } = heldSchedule();
    const model = buildRetimeModel(day, decoder);
    const first = solveRetime(model)!;
    const start = Int32Array.from(decoder.start);
    model.activities.forEach((a, i) => { start[a] = first.x[i]!; });
    const again = solveRetime(buildRetimeModel(day, { ...decoder, start }))!;
    expect(again.objective).toBeCloseTo(first.objective, 9);
    // A's order x, u, z and B's w, y are kept.
    const at = (id: string) => start[day.activityId.indexOf(id)]!;
    expect(at('p1:x')).toBeLessThan(at('p3:u'));
    expect(at('p3:u')).toBeLessThan(at('p1:z'));
    expect(at('p2:w')).toBeLessThan(at('p1:y'));
  });

  it('reports contradictory orders as infeasible', () => {
    const { day, decoder } = heldSchedule();
    const model = buildRetimeModel(day, decoder);
    // y before x on top of x before y.
    const x = model.activities.indexOf(day.activityId.indexOf('p1:x'));
    const y = model.activities.indexOf(day.activityId.indexOf('p1:y'));
    expect(solveRetime({ ...model, arcs: [...model.arcs, { from: y, to: x, minGap: 30 }] })).toBeUndefined();
  });

  it('finds the optimum javascript-lp-solver finds on random difference-constraint models', () => {
    const rng = createRng(7);
    let solved = 0;
    for (let trial = 0; trial < 40; trial++) {
      const n = 3 + rng.int(10);
      const lb: number[] = [];
      const ub: number[] = [];
      const cost: number[] = [];
      for (let i = 0; i < n; i++) {
        lb.push(rng.int(60));
        ub.push(300 + rng.int(200));
        cost.push([-1.2, 1.2, 0, 0.2, 2, -2][rng.int(6)]!);
      }
      const arcs: RetimeModel['arcs'] = [];
      for (let k = 0; k < 2 * n; k++) {
        const i = rng.int(n);
        const j = rng.int(n);
        if (i < j) arcs.push({ from: i, to: j, minGap: rng.int(40) });
        else if (i > j) arcs.push({ from: i, to: j, minGap: -100 - rng.int(100) }); // a limit the other way
      }
      const model: RetimeModel = { activities: [], lb, ub, cost, names: lb.map((_, i) => `x${i}`), arcs, offset: 0 };
      const ours = solveRetime(model);
      const reference = createJslsSolver().solve(toLp(model), { relax: true });
      if (reference.status === 'infeasible') {
        expect(ours).toBeUndefined();
        continue;
      }
      expect(reference.status).toBe('optimal');
      expect(ours).toBeDefined();
      expect(retimeFeasible(model, ours!.x)).toBe(true);
      expect(ours!.x.every((v) => Number.isInteger(v))).toBe(true);
      expect(ours!.objective).toBeCloseTo(reference.objective!, 6);
      solved++;
    }
    expect(solved).toBeGreaterThan(20);
  });
});

function retimeObjectiveOf(model: RetimeModel, start: Int32Array): number {
  let sum = model.offset;
  model.activities.forEach((a, i) => { sum += model.cost[i]! * start[a]!; });
  return sum;
}

function toLp(model: RetimeModel): LpModel {
  return {
    sense: 'min',
    objectiveOffset: model.offset,
    variables: model.lb.map((lb, i) => ({ name: model.names[i]!, lb, ub: model.ub[i], cost: model.cost[i]! })),
    constraints: model.arcs.map((arc, j) => ({
      name: `c${j}`,
      terms: arc.from < 0 ? [{ variable: arc.to, coefficient: 1 }] : [{ variable: arc.to, coefficient: 1 }, { variable: arc.from, coefficient: -1 }],
      lb: arc.minGap,
    })),
  };
}
