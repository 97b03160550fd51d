import { describe, expect, it } from 'vitest';
import { planOutreachDay, replanOutreachDay, outreachTravel, validateOutreachPlan, type OutreachPlan, type OutreachProblem } from '../../../solver/index.ts';
import { demoOutreachProblem } from '../../../src/demo/demo-outreach-problem.ts';

const check = (problem: OutreachProblem, plan: OutreachPlan) => validateOutreachPlan(problem, plan, { travelMin: outreachTravel(problem) });

/** A small hand-made day: the centre, two homes 20 and 30 minutes away (a supplied matrix). */
function smallDay(overrides: Partial<OutreachProblem['centre']> = {}): OutreachProblem {
  const t = (name: string, id: string, qualification: string, durationMin: number, extra: object = {}) => ({ id, name, discipline: qualification, kind: 'assessment' as const, durationMin, roomType: 'consult', qualification, groupCapacity: 1, ...extra });
  const staff = (id: string, qualifications: string[]) => ({ id, name: id.toUpperCase(), discipline: qualifications[0]!, qualifications, shift: { startMin: 480, endMin: 1050 }, breaks: [{ startMin: 750, endMin: 780 }], mdtMember: true });
  return {
    date: '2026-12-09',
    centre: { id: 'centre', name: 'ICC', mdt: { startMin: 960, durationMin: 60 }, mdtMode: 'return', maxHomes: 2, transferMin: 5, ...overrides },
    assessmentTypes: [
      t('ANP initial assessment', 'anp', 'anp', 45),
      { ...t('Blood tests', 'bloods', 'anp', 10), kind: 'diagnostic' },
      t('Medication review', 'meds', 'pharmacy', 30),
      t('Falls group', 'falls', 'physio', 30, { groupCapacity: 4 }),
      t('Geriatrician review', 'geri', 'geri', 45),
      t('X-ray', 'xray', 'radiography', 20),
    ],
    precedences: [
      { id: 'p1', before: 'anp', after: '*', minLagMin: 0, reason: 'ANP first' },
      { id: 'p2', before: 'bloods', after: 'geri', minLagMin: 60, reason: 'bloods back first' },
      { id: 'p3', before: 'meds', after: 'geri', minLagMin: 0 },
      { id: 'p4', before: '*', after: 'geri', minLagMin: 0, reason: 'geriatrician last' },
    ],
    staff: [staff('anp1', ['anp']), staff('pharm1', ['pharmacy']), staff('physio1', ['physio']), staff('geri1', ['geri'])],
    homes: [
      { id: 'oak', name: 'Oak Lodge', visitingHours: { startMin: 540, endMin: 1020 }, sharedRooms: [{ id: 'oak:lounge', name: 'Lounge', capacity: 1 }] },
      { id: 'elm', name: 'Elm House', visitingHours: { startMin: 600, endMin: 1020 }, sharedRooms: [] },
    ],
    residents: [
      { id: 'r1', ref: 'CH-1', initials: 'AA', homeId: 'oak', priority: 2, required: [{ typeId: 'anp' }, { typeId: 'bloods' }, { typeId: 'meds' }, { typeId: 'falls' }, { typeId: 'geri' }] },
      { id: 'r2', ref: 'CH-2', initials: 'BB', homeId: 'oak', priority: 1, required: [{ typeId: 'anp' }, { typeId: 'falls' }, { typeId: 'geri' }] },
      { id: 'r3', ref: 'CH-3', initials: 'CC', homeId: 'elm', priority: 1, required: [{ typeId: 'anp' }, { typeId: 'meds' }, { typeId: 'geri' }] },
    ],
    travel: { matrix: { travelMin: [[0, 20, 30], [20, 0, 15], [30, 15, 0]] } },
  };
}

const visit = (plan: OutreachPlan, id: string) => {
  const v = plan.visits.find((x) => x.id === id);
  if (!v) throw new Error(`${id} not planned: ${JSON.stringify(plan.unscheduled)}`);
  return v;
};

describe('planOutreachDay', () => {
  it('plans a small day the checker accepts, in the ICC order, with the drives and the group session', () => {
    const problem = smallDay();
    const plan = planOutreachDay(problem, { seed: 1, maxIterations: 300 });
    expect(check(problem, plan).violations).toEqual([]);
    expect(plan.unscheduled).toEqual([]);
    // ANP first, geriatrician last; bloods reach the lab (20 min drive) an hour before the review.
    for (const r of ['r1', 'r2', 'r3']) {
      const mine = plan.visits.filter((v) => v.residentId === r);
      const anp = visit(plan, `${r}:anp`);
      const geri = visit(plan, `${r}:geri`);
      for (const v of mine) {
        if (v !== anp) expect(v.startMin).toBeGreaterThanOrEqual(anp.endMin);
        if (v !== geri) expect(geri.startMin).toBeGreaterThanOrEqual(v.endMin);
      }
    }
    expect(visit(plan, 'r1:geri').startMin).toBeGreaterThanOrEqual(visit(plan, 'r1:bloods').endMin + 60 + 20);
    // Both Oak Lodge residents join one falls group in the lounge.
    expect(visit(plan, 'r1:falls').groupId).toBeDefined();
    expect(visit(plan, 'r1:falls').groupId).toBe(visit(plan, 'r2:falls').groupId);
    expect(visit(plan, 'r1:falls').roomId).toBe('oak:lounge');
    expect(visit(plan, 'r1:anp').roomId).toBe('own-room:r1');
    // The ANP's round: centre → both homes → centre, no earlier than the 20/30-min drive allows.
    const anpRound = plan.rounds.find((r) => r.staffId === 'anp1')!;
    expect(anpRound.legs[0]!.fromId).toBe('centre');
    expect(anpRound.legs.at(-1)!.toId).toBe('centre');
    expect(new Set(anpRound.stops.map((s) => s.homeId))).toEqual(new Set(['oak', 'elm']));
    expect(plan.score.travelMin).toBe(plan.rounds.reduce((s, r) => s + r.travelMin, 0));
    // The geriatrician is back for the MDT at 16:00.
    const geri = plan.rounds.find((r) => r.staffId === 'geri1')!;
    expect(geri.returnCentreMin).toBeLessThanOrEqual(960);
    expect(plan.mdt.attendeeStaffIds).toContain('geri1');
    expect(plan.bound.value).toBeLessThanOrEqual(plan.score.soft + 1e-9);
  });

  it('is deterministic for a seed and iteration budget, and anytime with an injected clock', () => {
    const problem = demoOutreachProblem({ seed: 3, date: '2026-12-09', residents: 8, homes: 2 });
    const a = planOutreachDay(problem, { seed: 2, maxIterations: 200 });
    const b = planOutreachDay(problem, { seed: 2, maxIterations: 200 });
    expect(b.visits).toEqual(a.visits);
    expect(b.score).toEqual(a.score);
    let clock = 0;
    const timed = planOutreachDay(problem, { seed: 2, timeLimitMs: 50, now: () => (clock += 1) });
    expect(timed.stats.timedOut).toBe(true);
    expect(timed.stats.iterations).toBeLessThan(50);
    expect(check(problem, timed).valid).toBe(true);
  });

  it('hands each new best plan on (built when asked), better each time, without changing the search', () => {
    const problem = demoOutreachProblem({ seed: 3, date: '2026-12-09', residents: 16, homes: 4 });
    const builds: Array<() => OutreachPlan> = [];
    const plan = planOutreachDay(problem, { seed: 2, maxIterations: 400, onBestPlan: (build) => builds.push(build) });
    expect(builds.length).toBeGreaterThan(1);
    const costs = builds.map((build) => build().score.soft);
    // Each best is better than the one before; every one the checker accepts; the last is the answer.
    costs.slice(1).forEach((cost, i) => expect(cost).toBeLessThan(costs[i]!));
    for (const build of builds) expect(check(problem, build()).violations).toEqual([]);
    expect(builds.at(-1)!().visits).toEqual(plan.visits);
    // The same search without the hook gives the same plan (the hook draws no random numbers).
    expect(planOutreachDay(problem, { seed: 2, maxIterations: 400 }).visits).toEqual(plan.visits);
  });

  it("takes up a plan found earlier (a resumed job's best so far): its visits stay where they were", () => {
    const problem = demoOutreachProblem({ seed: 3, date: '2026-12-09', residents: 16, homes: 4 });
    const earlier = planOutreachDay(problem, { seed: 2, maxIterations: 400 });
    // One iteration from scratch is far behind 400 ...
    const fresh = planOutreachDay(problem, { seed: 5, maxIterations: 1 });
    expect(fresh.score.soft).toBeGreaterThan(earlier.score.soft);
    // ... but from the earlier plan's visits (staff, rooms and times), the plan is rebuilt as it was.
    const resumed = planOutreachDay(problem, { seed: 5, maxIterations: 1, startFrom: earlier.visits });
    expect(resumed.visits).toEqual(earlier.visits);
    expect(resumed.score).toEqual(earlier.score);
    expect(check(problem, resumed).violations).toEqual([]);
  });

  it('accepts every demo day of 5 and 10 residents with everything placed', () => {
    for (const [residents, homes] of [[5, 1], [10, 2]] as const) {
      const problem = demoOutreachProblem({ seed: 1, date: '2026-12-09', residents, homes });
      const plan = planOutreachDay(problem, { seed: 1, maxIterations: 300 });
      expect(check(problem, plan).violations).toEqual([]);
      expect(plan.unscheduled).toEqual([]);
      expect(plan.homesVisited).toHaveLength(homes);
    }
  });

  it('explains what cannot be placed, per rule', () => {
    const problem = smallDay({ maxHomes: 1 });
    problem.residents[0]!.required.push({ typeId: 'xray' });
    const plan = planOutreachDay(problem, { seed: 1, maxIterations: 200 });
    expect(check(problem, plan).violations).toEqual([]);
    const xray = plan.unscheduled.find((u) => u.typeId === 'xray')!;
    expect(xray.reason).toBe('no-qualified-staff');
    expect(xray.message).toContain("nobody on the outreach team holds 'radiography'");
    // One home a day: Elm House's resident waits for another day, and the sentence says why.
    const elm = plan.unscheduled.filter((u) => u.residentId === 'r3');
    expect(elm.map((u) => u.reason)).toEqual(['home-limit', 'home-limit', 'home-limit']);
    expect(elm[0]!.message).toContain('Elm House is not on today');
    expect(plan.homesVisited).toEqual(['oak']);
  });

  it('returns for the MDT or joins it remotely, as the centre says', () => {
    // Elm's visiting hours end at 16:00 only; the 30-minute drive back makes reviews end by 15:30 on return.
    const remote = smallDay({ mdtMode: 'remote' });
    const back = smallDay({ mdtMode: 'return' });
    for (const p of [remote, back]) {
      p.residents = [{ id: 'r3', ref: 'CH-3', initials: 'CC', homeId: 'elm', priority: 1, required: [{ typeId: 'anp' }, { typeId: 'geri' }] }];
      p.homes[1]!.visitingHours = { startMin: 14 * 60 + 30, endMin: 16 * 60 };
    }
    const remotePlan = planOutreachDay(remote, { seed: 1, maxIterations: 100 });
    const backPlan = planOutreachDay(back, { seed: 1, maxIterations: 100 });
    expect(check(remote, remotePlan).violations).toEqual([]);
    expect(check(back, backPlan).violations).toEqual([]);
    expect(remotePlan.unscheduled).toEqual([]); // 14:30–15:15 ANP, 15:15–16:00 review, joined from the home
    expect(backPlan.unscheduled.map((u) => [u.typeId, u.reason])).toEqual([['geri', 'mdt']]);
    expect(backPlan.unscheduled[0]!.message).toContain('with the drive back to the centre, before the MDT at 16:00');
  });

  it('keeps pins, and the checker catches a broken drive, a double booking and a missing assessment', () => {
    const problem = smallDay();
    problem.pins = [{ residentId: 'r3', typeId: 'anp', startMin: 600, staffId: 'anp1' }];
    const plan = planOutreachDay(problem, { seed: 1, maxIterations: 200 });
    expect(check(problem, plan).violations).toEqual([]);
    expect(visit(plan, 'r3:anp')).toMatchObject({ startMin: 600, staffId: 'anp1', pinned: true });

    const broken = structuredClone(plan);
    const anpVisits = broken.visits.filter((v) => v.staffId === 'anp1').sort((a, b) => a.startMin - b.startMin);
    const other = anpVisits.find((v) => v.homeId === 'oak' && v.startMin > 600)!;
    other.startMin = 645 + 5; // 5 minutes after leaving Elm: the drive takes 15
    other.endMin = other.startMin + (other.typeId === 'bloods' ? 10 : 45);
    const rules = check(problem, broken).violations.map((v) => v.constraint);
    expect(rules).toContain('staffTravel');

    const doubled = structuredClone(plan);
    const [x, y] = doubled.visits.filter((v) => v.staffId === 'geri1');
    y!.startMin = x!.startMin;
    y!.endMin = x!.endMin;
    expect(check(problem, doubled).violations.map((v) => v.constraint)).toContain('staffOneAtATime');

    const dropped = structuredClone(plan);
    dropped.visits = dropped.visits.filter((v) => v.id !== 'r2:geri');
    expect(check(problem, dropped).violations.map((v) => v.constraint)).toContain('requiredCoverage');
  });
});

describe('replanOutreachDay', () => {
  it('drops an unwell resident\'s later visits and moves a sick clinician\'s to a colleague', () => {
    const problem = smallDay();
    problem.staff.push({ ...problem.staff[3]!, id: 'geri2', name: 'GERI2' });
    const plan = planOutreachDay(problem, { seed: 1, maxIterations: 300 });
    expect(plan.unscheduled).toEqual([]);
    const now = 11 * 60;

    const unwell = replanOutreachDay(problem, plan, [{ kind: 'resident-unwell', residentId: 'r2' }], now, { seed: 1, maxIterations: 200 });
    expect(check(unwell.problem, unwell.plan).violations).toEqual([]);
    const r2Later = plan.visits.filter((v) => v.residentId === 'r2' && v.startMin >= now);
    expect(r2Later.length).toBeGreaterThan(0);
    for (const v of r2Later) expect(unwell.moves).toContainEqual(expect.objectContaining({ visitId: v.id, kind: 'removed' }));
    for (const v of plan.visits.filter((x) => x.startMin < now)) expect(visit(unwell.plan, v.id)).toMatchObject({ startMin: v.startMin, staffId: v.staffId });

    const sickId = visit(plan, 'r1:geri').staffId;
    const sick = replanOutreachDay(problem, plan, [{ kind: 'staff-off-sick', staffId: sickId, fromMin: now }], now, { seed: 1, maxIterations: 300 });
    expect(check(sick.problem, sick.plan).violations).toEqual([]);
    expect(sick.plan.visits.filter((v) => v.staffId === sickId && v.endMin > now)).toEqual([]);
    expect(sick.plan.unscheduled).toEqual([]);
    expect(sick.moves.some((m) => m.kind === 'moved' && m.from?.staffId === sickId)).toBe(true);
    expect(sick.plan.mdt.attendeeStaffIds).not.toContain(sickId);

    expect(() => replanOutreachDay(problem, plan, [{ kind: 'resident-unwell', residentId: 'nobody' }], now)).toThrow(/changes\[0\]\.residentId/);
  });
});
