/**
 * Property: on random small ICC-like days (2–5 patients; ANP first, bloods an hour before the
 * geriatrician's review, the review last; meals, rest rules, breaks, carers, named clinicians,
 * preferences, one or two staff per discipline) the plan's lower bound never exceeds the soft
 * score of the plan planDay finds, and every plan passes the independent checker.
 */
import { expect, it } from 'vitest';
import { planDay } from '../../../../solver/day/plan-day.ts';
import { validatePlan } from '../../../../solver/validate/validate-plan.ts';
import { createRng } from '../../../../solver/model/rng.ts';
import type { DayProblem, DayStaffMember } from '../../../../solver/model/day-problem.ts';
import { assessmentType, HOUR, patient, smallDay } from '../small-day-fixture.ts';
import { BookendCheck } from '../../../../solver/day/bound/bookend-bound.ts';
import { patientScheduleModel } from '../../../../solver/day/bound/patient-schedule-model.ts';
import { timeGridMin } from '../../../../solver/day/bound/time-grid.ts';
import { DEFAULT_WEIGHTS } from '../../../../solver/model/options.ts';

function randomDay(seed: number): DayProblem {
  const rng = createRng(seed * 31337);
  const pick = <T,>(xs: readonly T[]): T => xs[rng.int(xs.length)]!;
  const types = [
    assessmentType('anp', 45), assessmentType('bloods', 10, { roomType: 'lab', kind: 'diagnostic' }), assessmentType('ot', 45, { roomType: 'kitchen' }),
    assessmentType('physio', 45, { roomType: 'gym' }), assessmentType('falls', 30, { roomType: 'gym', groupCapacity: 4, qualification: 'physio-group', discipline: 'physio' }),
    assessmentType('pharm', 30), assessmentType('ger', 45),
  ];
  const staff: DayStaffMember[] = [];
  for (const t of types) {
    if (t.id === 'falls') continue;
    const count = 1 + rng.int(2);
    for (let i = 0; i < count; i++) {
      const breakStart = pick([12 * HOUR, 12.5 * HOUR, 13 * HOUR]);
      staff.push({ id: `${t.id}-${i}`, name: `${t.id} ${i}`, discipline: t.discipline, qualifications: t.id === 'physio' ? ['physio', 'physio-group'] : t.id === 'anp' ? ['anp', 'bloods'] : [t.id],
        shift: { startMin: pick([9 * HOUR, 9.5 * HOUR]), endMin: 17 * HOUR }, breaks: rng.next() < 0.7 ? [{ startMin: breakStart, endMin: breakStart + 30 }] : [], mdtMember: t.id !== 'bloods' });
    }
  }
  const patients = Array.from({ length: 2 + rng.int(4) }, (_, i) => {
    const middle = ['bloods', 'ot', 'physio', 'falls', 'pharm'].filter(() => rng.next() < 0.5);
    const p = patient(`p${i}`, ['anp', ...middle, 'ger'], {
      priority: 1 + rng.int(4), earliestArrivalMin: pick([9 * HOUR, 9.5 * HOUR, 10 * HOUR]), latestDepartureMin: pick([16 * HOUR, 17 * HOUR]),
      needsMeal: rng.next() < 0.7, rest: rng.next() < 0.5 ? { maxConsecutive: pick([2, 3]), minRestMin: 15 } : undefined,
      preferredLatestDepartureMin: rng.next() < 0.2 ? 14 * HOUR : undefined, carerPresent: rng.next() < 0.3 ? { startMin: 10 * HOUR, endMin: 13 * HOUR } : undefined,
    });
    if (p.carerPresent && middle.length > 0) p.required[1]!.carerRequired = true;
    if (rng.next() < 0.3) p.required[0]!.preferredStaffId = 'anp-0';
    return p;
  });
  return smallDay({
    centre: { id: 'c1', name: 'Test centre', openMin: 9 * HOUR, closeMin: 17 * HOUR, lunchWindow: { startMin: 12 * HOUR, endMin: 13.5 * HOUR }, mealDurationMin: 30,
      mealRoomType: 'dining', mdt: { startMin: 15.5 * HOUR, durationMin: 45 }, transferMin: 5, checkInBufferMin: 15 },
    assessmentTypes: types,
    precedences: [
      { id: 'anp-first', before: 'anp', after: '*', minLagMin: 0 },
      { id: 'bloods-back', before: 'bloods', after: 'ger', minLagMin: 60 },
      { id: 'ger-last', before: '*', after: 'ger', minLagMin: 0 },
    ],
    staff,
    rooms: [
      { id: 'consult-1', name: 'Consult 1', type: 'consult', capacity: 1 }, { id: 'consult-2', name: 'Consult 2', type: 'consult', capacity: 1 },
      { id: 'lab', name: 'Lab', type: 'lab', capacity: 1 }, { id: 'kitchen', name: 'Kitchen', type: 'kitchen', capacity: 1 },
      { id: 'gym', name: 'Gym', type: 'gym', capacity: 4 }, { id: 'dining', name: 'Dining room', type: 'dining', capacity: 10 },
    ],
    patients,
  });
}

it('never exceeds the soft score of the plans found on random small ICC days', () => {
  const gaps: number[] = [];
  for (let seed = 1; seed <= 16; seed++) {
    const problem = randomDay(seed);
    const plan = planDay(problem, { seed, maxIterations: 800 });
    expect(validatePlan(problem, plan).valid, `seed ${seed}`).toBe(true);
    expect(plan.bound.value, `seed ${seed}`).toBeLessThanOrEqual(plan.score.soft + 1e-6);
    expect(plan.bound.method).toContain('exact single-patient days');
    gaps.push(plan.gapPct);
  }
  // Not vacuous: the bound is close on some of these days.
  expect(Math.min(...gaps)).toBeLessThan(10);
}, 300_000);

/**
 * Tight days: one ANP and one geriatrician for 4–6 patients, the MDT at 14:00, 14:30 or 15:30,
 * lunch 12:00–13:30 with a 5-min transfer (so a review cannot start in the middle of lunch)
 * and most breaks around lunch. The first/last check proves on many of them that someone's
 * assessment must go, and the single-drop search then weighs which.
 */
function tightDay(seed: number): DayProblem {
  const rng = createRng(seed * 7331);
  const pick = <T,>(xs: readonly T[]): T => xs[rng.int(xs.length)]!;
  const types = [assessmentType('anp', 45), assessmentType('bloods', 10, { roomType: 'lab', kind: 'diagnostic' }), assessmentType('ot', 45, { roomType: 'kitchen' }),
    assessmentType('pharm', 30), assessmentType('ger', 45)];
  const staff: DayStaffMember[] = [];
  for (const t of types) {
    const count = t.id === 'ger' || t.id === 'anp' ? 1 : 1 + rng.int(2);
    for (let i = 0; i < count; i++) {
      const breakStart = pick([12 * HOUR, 12.5 * HOUR, 13 * HOUR]);
      staff.push({ id: `${t.id}-${i}`, name: `${t.id} ${i}`, discipline: t.discipline, qualifications: t.id === 'anp' ? ['anp', 'bloods'] : [t.id],
        shift: { startMin: 9 * HOUR, endMin: 17 * HOUR }, breaks: rng.next() < 0.8 ? [{ startMin: breakStart, endMin: breakStart + 30 }] : [], mdtMember: t.id !== 'bloods' });
    }
  }
  const patients = Array.from({ length: 4 + rng.int(3) }, (_, i) => patient(`p${i}`, ['anp', ...['bloods', 'ot', 'pharm'].filter(() => rng.next() < 0.5), 'ger'], {
    priority: 1 + rng.int(4), earliestArrivalMin: pick([9 * HOUR, 9.5 * HOUR]), latestDepartureMin: 17 * HOUR, needsMeal: rng.next() < 0.9 }));
  return smallDay({
    centre: { id: 'c1', name: 'Test centre', openMin: 9 * HOUR, closeMin: 17 * HOUR, lunchWindow: { startMin: 12 * HOUR, endMin: 13.5 * HOUR }, mealDurationMin: 30,
      mealRoomType: 'dining', mdt: { startMin: pick([14 * HOUR, 14.5 * HOUR, 15.5 * HOUR]), durationMin: 45 }, transferMin: 5, checkInBufferMin: 15 },
    assessmentTypes: types,
    precedences: [{ id: 'anp-first', before: 'anp', after: '*', minLagMin: 0 }, { id: 'bloods-back', before: 'bloods', after: 'ger', minLagMin: 60 },
      { id: 'ger-last', before: '*', after: 'ger', minLagMin: 0 }],
    staff,
    rooms: [{ id: 'consult-1', name: 'Consult 1', type: 'consult', capacity: 1 }, { id: 'consult-2', name: 'Consult 2', type: 'consult', capacity: 1 },
      { id: 'lab', name: 'Lab', type: 'lab', capacity: 1 }, { id: 'kitchen', name: 'Kitchen', type: 'kitchen', capacity: 1 },
      { id: 'dining', name: 'Dining room', type: 'dining', capacity: 10 }],
    patients,
  });
}

it('never exceeds the soft score of the plans found on tight days where the first and last slots decide what must go', () => {
  // 30 seeds checked while developing: the first/last check fired on 13, and skipping the
  // lunch-time review starts raised the bound on 5 (seed 26: 222.5 → 1213.5, plan 1332.5).
  let proved = 0;
  for (let seed = 1; seed <= 30; seed++) {
    const problem = tightDay(seed);
    const plan = planDay(problem, { seed, maxIterations: 800 });
    expect(validatePlan(problem, plan).valid, `seed ${seed}`).toBe(true);
    expect(plan.bound.value, `seed ${seed}`).toBeLessThanOrEqual(plan.score.soft + 1e-6);
    if (plan.bound.method.includes('not everyone can have their whole day')) proved++;
  }
  expect(proved).toBeGreaterThanOrEqual(8);
}, 300_000);

/** Crowded days: 6–11 patients for one or two ANPs and geriatricians (one patient in ten without the ANP's assessment). */
function crowdedDay(seed: number): DayProblem {
  const rng = createRng(seed * 104729);
  const pick = <T,>(xs: readonly T[]): T => xs[rng.int(xs.length)]!;
  const types = [assessmentType('anp', 45), assessmentType('bloods', 10, { roomType: 'lab', kind: 'diagnostic' }), assessmentType('ot', 45, { roomType: 'kitchen' }),
    assessmentType('pharm', 30), assessmentType('ger', 45)];
  const staff: DayStaffMember[] = [];
  for (const t of types) {
    const count = t.id === 'ger' || t.id === 'anp' ? 1 + rng.int(2) : 2;
    for (let i = 0; i < count; i++) {
      const breakStart = pick([12 * HOUR, 12.5 * HOUR, 13 * HOUR]);
      staff.push({ id: `${t.id}-${i}`, name: `${t.id} ${i}`, discipline: t.discipline, qualifications: t.id === 'anp' ? ['anp', 'bloods'] : [t.id],
        shift: { startMin: 9 * HOUR, endMin: 17 * HOUR }, breaks: rng.next() < 0.8 ? [{ startMin: breakStart, endMin: breakStart + 30 }] : [], mdtMember: t.id !== 'bloods' });
    }
  }
  const patients = Array.from({ length: 6 + rng.int(6) }, (_, i) => patient(`p${i}`, [...(rng.next() < 0.9 ? ['anp'] : []), ...['bloods', 'ot', 'pharm'].filter(() => rng.next() < 0.5), 'ger'], {
    priority: 1 + rng.int(4), earliestArrivalMin: pick([9 * HOUR, 9.5 * HOUR]), latestDepartureMin: 17 * HOUR, needsMeal: rng.next() < 0.9 }));
  const day = tightDay(seed);
  return { ...day, staff, patients, assessmentTypes: types,
    centre: { ...day.centre, mdt: { startMin: pick([14 * HOUR, 14.5 * HOUR, 15.5 * HOUR]), durationMin: 45 } },
    rooms: [...day.rooms, { id: 'consult-3', name: 'Consult 3', type: 'consult', capacity: 1 }] };
}

it('on crowded days, every plan leaves something out for at least as many patients with a review as the first/last check says', () => {
  // Taking a patient out is the most any of their drops can relax the pairing, so no valid plan
  // may touch fewer, and the bound charges that many patients' cheapest drops. On 25 similar
  // days (a 20-seat dining room, 4000 iterations) the check proved 2–7 patients on 22, and
  // planDay's plan met the count exactly on 7.
  let atLeastThree = 0;
  let charged = 0;
  for (let seed = 1; seed <= 12; seed++) {
    const problem = crowdedDay(seed);
    const grid = timeGridMin(problem);
    const check = new BookendCheck(problem, problem.patients.map((p) => ({ placeableTypeIds: p.required.map((r) => r.typeId),
      model: patientScheduleModel(problem, p, p.required, grid, DEFAULT_WEIGHTS) })));
    const mustLose = check.minPatientsOut();
    const plan = planDay(problem, { seed, maxIterations: 1500 });
    expect(validatePlan(problem, plan).valid, `seed ${seed}`).toBe(true);
    const touched = new Set(plan.unscheduled.filter((u) => u.typeId !== 'meal').map((u) => u.patientId)
      .filter((id) => problem.patients.find((p) => p.id === id)!.required.some((r) => r.typeId === 'ger'))).size;
    expect(touched, `seed ${seed}`).toBeGreaterThanOrEqual(mustLose);
    expect(plan.bound.value, `seed ${seed}`).toBeLessThanOrEqual(plan.score.soft + 1e-6);
    if (mustLose >= 3) atLeastThree++;
    if (/\d+ patients with a review must each lose one or more/.test(plan.bound.method)) charged++;
  }
  expect(atLeastThree).toBeGreaterThan(3);
  expect(charged).toBeGreaterThan(3);
}, 300_000);
