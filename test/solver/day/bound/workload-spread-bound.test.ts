import { describe, expect, it } from 'vitest';
import { workloadSpreadBound } from '../../../../solver/day/bound/workload-spread-bound.ts';
import { computeLowerBound } from '../../../../solver/day/bound/compute-lower-bound.ts';
import { DEFAULT_WEIGHTS } from '../../../../solver/model/options.ts';
import type { DayProblem } from '../../../../solver/model/day-problem.ts';
import { bruteForceOptimum, patient, tinyProblem, type } from './tiny-days.ts';

const ot = { qualification: 'ot', durationMin: 30, groupCapacity: 1 };
const onlyWorkload = { ...DEFAULT_WEIGHTS, patientIdleMin: 0, patientOnSiteMin: 0 };

/** n patients each needing one 30-min OT assessment, with `staff` OTs sharing one qualification. */
function otDay(n: number, staff: number): DayProblem {
  const problem = tinyProblem({ assessmentTypes: [type('ot', 30, 'gym')], patients: Array.from({ length: n }, (_, i) => patient(`P${i}`, ['ot'])) });
  problem.staff = Array.from({ length: staff }, (_, i) => ({ ...problem.staff[0]!, id: `s-ot${i}` }));
  problem.rooms = Array.from({ length: staff }, (_, i) => ({ id: `r-gym${i}`, name: 'gym', type: 'gym', capacity: 1 }));
  return problem;
}

describe('workloadSpreadBound', () => {
  it('knows three 30-min assessments cannot be split evenly between two clinicians', () => {
    const problem = otDay(3, 2);
    expect(workloadSpreadBound(problem, [ot, ot, ot])).toBe(30);
    expect(computeLowerBound(problem, onlyWorkload).value).toBe(15);
    expect(bruteForceOptimum(problem, onlyWorkload, 60)).toBe(15);
  });

  it('sees no spread when the bookings divide evenly', () => {
    expect(workloadSpreadBound(otDay(4, 2), [ot, ot, ot, ot])).toBe(0);
  });

  it('compares holders of different qualifications within one discipline', () => {
    // Voluntary partners: two Alzheimer's advisers share three sessions, two Age UK advisers one.
    // One Alzheimer's adviser books 60; one Age UK adviser books nothing: spread ≥ 60.
    const problem = tinyProblem({ assessmentTypes: [type('alz', 30, 'consult', { discipline: 'voluntary' }), type('ageuk', 30, 'consult', { discipline: 'voluntary' })], patients: [] });
    problem.staff = ['alz', 'alz', 'ageuk', 'ageuk'].map((q, i) => ({ ...problem.staff[0]!, id: `s${i}`, discipline: 'voluntary', qualifications: [q] }));
    const items = [...Array.from({ length: 3 }, () => ({ qualification: 'alz', durationMin: 30, groupCapacity: 1 })), { qualification: 'ageuk', durationMin: 30, groupCapacity: 1 }];
    expect(workloadSpreadBound(problem, items)).toBe(60);
  });

  it('lets a qualification shared with another discipline escape the busiest bound', () => {
    // Bloods can go to the ANPs or the phlebotomists: no phlebotomist is forced to take any.
    const problem = tinyProblem({ assessmentTypes: [type('bloods', 10, 'lab')], patients: [] });
    problem.staff = [['anp', 'bloods'], ['anp', 'bloods'], ['phleb', 'bloods'], ['phleb', 'bloods']]
      .map(([discipline, q], i) => ({ ...problem.staff[0]!, id: `s${i}`, discipline: discipline!, qualifications: [q!] }));
    expect(workloadSpreadBound(problem, Array.from({ length: 3 }, () => ({ qualification: 'bloods', durationMin: 10, groupCapacity: 1 })))).toBe(0);
  });

  it('counts a group session once for however many patients join it', () => {
    // Four patients in one falls group (capacity 6) that only s-falls can run: 30 min for them,
    // not 120; the two other physios may have nothing: spread ≥ 30.
    const problem = otDay(0, 3);
    problem.staff.forEach((s, i) => { s.discipline = 'physio'; s.qualifications = i === 0 ? ['falls'] : ['other']; });
    const falls = { qualification: 'falls', durationMin: 30, groupCapacity: 6 };
    expect(workloadSpreadBound(problem, Array.from({ length: 4 }, () => falls))).toBe(30);
  });
  it('knows minutes come in whole steps: 45 + 30 on two physios cannot be split evenly', () => {
    // Every booking is a multiple of 15 min, the total 75 is not 2 × 15 × k: one physio has
    // 15 min more than the other at least. The busiest/least-busy parts alone give 7.5.
    const problem = tinyProblem({ assessmentTypes: [type('assess', 45, 'gym', { discipline: 'physio' }), type('group', 30, 'gym', { discipline: 'physio' })],
      patients: [patient('P0', ['assess']), patient('P1', ['group'])] });
    problem.staff = ['s0', 's1'].map((id) => ({ ...problem.staff[0]!, id, discipline: 'physio', qualifications: ['assess', 'group'] }));
    problem.rooms = [0, 1].map((i) => ({ id: `r-gym${i}`, name: 'gym', type: 'gym', capacity: 1 }));
    const items = [{ qualification: 'assess', durationMin: 45, groupCapacity: 1 }, { qualification: 'group', durationMin: 30, groupCapacity: 1 }];
    expect(workloadSpreadBound(problem, items)).toBe(15);
    expect(computeLowerBound(problem, onlyWorkload).value).toBe(7.5);
    expect(bruteForceOptimum(problem, onlyWorkload, 90)).toBe(7.5);
  });

  it('counts a group type anywhere from its fewest sessions to one per patient (icc-16: the physios)', () => {
    // 11 assessments of 45 min and a falls group (capacity 6) for two patients, one or two
    // sessions: 525 or 555 min on 4 physios, neither 4 × 15 × k (the other parts give 0 here).
    const problem = otDay(0, 4);
    problem.staff.forEach((s) => { s.discipline = 'physio'; s.qualifications = ['physio', 'falls']; });
    const items = [...Array.from({ length: 11 }, () => ({ qualification: 'physio', durationMin: 45, groupCapacity: 1 })),
      ...Array.from({ length: 2 }, () => ({ qualification: 'falls', durationMin: 30, groupCapacity: 6 }))];
    expect(workloadSpreadBound(problem, items)).toBe(15);
  });

  it('claims no step when work others may take can even the total out', () => {
    // Two ANPs: one 45-min assessment, and three 15-min tests a phlebotomist may take instead:
    // 45 + 15 on one ANP and 15 + 15 + 15 … 45 on the other is even (phlebotomist idle).
    const problem = otDay(0, 3);
    problem.staff[0]!.discipline = 'anp';
    problem.staff[0]!.qualifications = ['anp', 'bloods'];
    problem.staff[1]!.discipline = 'anp';
    problem.staff[1]!.qualifications = ['anp', 'bloods'];
    problem.staff[2]!.discipline = 'phlebotomy';
    problem.staff[2]!.qualifications = ['bloods'];
    const bloods = { qualification: 'bloods', durationMin: 15, groupCapacity: 1 };
    expect(workloadSpreadBound(problem, [{ qualification: 'anp', durationMin: 45, groupCapacity: 1 }, bloods, bloods, bloods])).toBe(0);
  });
  it('never exceeds the least spread of any assignment on random small days (times aside)', () => {
    // Each item to any qualified staff member; a group type's items on one staff member in any
    // number of sessions from ⌈k / capacity⌉ to k; two disciplines, shared qualifications.
    let state = 12345;
    const random = (n: number) => { state = (state * 1103515245 + 12345) & 0x7fffffff; return Math.floor((state / 0x80000000) * n); };
    let claims = 0;
    for (let trial = 0; trial < 600; trial++) {
      const quals = ['a', 'b', 'c'].slice(0, 1 + random(3));
      const durOf = new Map(quals.map((q) => [q, [10, 15, 20, 30, 45][random(5)]!]));
      const capOf = new Map(quals.map((q) => [q, random(10) < 3 ? 2 + random(3) : 1]));
      const base = otDay(0, 1).staff[0]!;
      const staff = Array.from({ length: 2 + random(3) }, (_, i) => {
        const qualifications = quals.filter(() => random(10) < 6);
        return { ...base, id: `s${i}`, discipline: random(2) === 0 ? 'D' : 'E', qualifications: qualifications.length > 0 ? qualifications : [quals[random(quals.length)]!] };
      });
      const items = Array.from({ length: 1 + random(6) }, () => {
        const q = quals[random(quals.length)]!;
        return { qualification: q, durationMin: durOf.get(q)!, groupCapacity: capOf.get(q)! };
      }).filter((item) => staff.some((s) => s.qualifications.includes(item.qualification)));
      const problem = { ...otDay(0, 1), staff };
      const bound = workloadSpreadBound(problem, items);
      if (bound > 0) claims++;
      expect(bound).toBeLessThanOrEqual(leastSpread(staff, items) + 1e-9);
    }
    expect(claims).toBeGreaterThan(100);
  });
});

/** The least spread, summed over disciplines, of any assignment of `items` to qualified staff (times aside). */
function leastSpread(staff: DayProblem['staff'], items: ReadonlyArray<{ qualification: string; durationMin: number; groupCapacity: number }>): number {
  let best = Infinity;
  const owner = new Array<number>(items.length).fill(0);
  const spreadOf = (load: number[]): number => {
    let total = 0;
    for (const d of new Set(staff.map((s) => s.discipline))) {
      const loads = staff.flatMap((s, i) => (s.discipline === d ? [load[i]!] : []));
      if (loads.length > 1) total += Math.max(...loads) - Math.min(...loads);
    }
    return total;
  };
  const assign = (k: number): void => {
    if (k < items.length) {
      staff.forEach((s, i) => { if (s.qualifications.includes(items[k]!.qualification)) { owner[k] = i; assign(k + 1); } });
      return;
    }
    const load = staff.map(() => 0);
    const groups = new Map<string, { s: number; durationMin: number; capacity: number; count: number }>();
    items.forEach((item, i) => {
      if (item.groupCapacity === 1) { load[owner[i]!]! += item.durationMin; return; }
      const key = `${owner[i]}|${item.qualification}`;
      const g = groups.get(key) ?? { s: owner[i]!, durationMin: item.durationMin, capacity: item.groupCapacity, count: 0 };
      g.count += 1;
      groups.set(key, g);
    });
    const list = [...groups.values()];
    const sessions = (j: number): void => {
      if (j === list.length) { best = Math.min(best, spreadOf(load)); return; }
      const g = list[j]!;
      for (let m = Math.ceil(g.count / g.capacity); m <= g.count; m++) { load[g.s]! += m * g.durationMin; sessions(j + 1); load[g.s]! -= m * g.durationMin; }
    };
    sessions(0);
  };
  assign(0);
  return best;
}
