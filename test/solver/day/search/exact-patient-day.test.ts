import { describe, expect, it } from 'vitest';
import { compileDayProblem, type CompiledDay } from '../../../../solver/day/compile/compile-day-problem.ts';
import { DayDecoder } from '../../../../solver/day/schedule/day-decoder.ts';
import { ExactPatientDays, onDuty } from '../../../../solver/day/search/exact-patient-day.ts';
import { patientScheduleCost, patientScheduleDay, ScheduleDpScratch } from '../../../../solver/day/bound/patient-schedule-dp.ts';
import { timeGridMin } from '../../../../solver/day/bound/time-grid.ts';
import { readSchedule } from '../../../../solver/day/read-schedule.ts';
import { assembleDayPlan } from '../../../../solver/day/assemble-day-plan.ts';
import { validatePlan } from '../../../../solver/validate/validate-plan.ts';
import { planDay } from '../../../../solver/day/plan-day.ts';
import { DEFAULT_WEIGHTS } from '../../../../solver/model/options.ts';
import { demoDayProblem } from '../../../../src/demo/demo-day-problem.ts';
import { HOUR, assessmentType, patient, smallDay, staffMember } from '../small-day-fixture.ts';

/** Patient p's own terms of the objective in the decoder's schedule: time on site, waiting from the first activity, preferences. */
function patientCost(day: CompiledDay, decoder: DayDecoder, p: number): number {
  const w = day.weights;
  const patient = day.problem.patients[p]!;
  let first = Infinity;
  let last = -Infinity;
  let busy = 0;
  for (const a of day.patientActivities[p]!) {
    const s = decoder.start[a]!;
    if (s < 0) continue;
    first = Math.min(first, s);
    last = Math.max(last, s + day.durationMin[a]!);
    busy += day.durationMin[a]!;
  }
  const arrival = Math.max(patient.earliestArrivalMin, first - day.checkInMin);
  let cost = w.patientOnSiteMin * (last - arrival) + w.patientIdleMin * (last - first - busy);
  if (patient.preferredEarliestArrivalMin !== undefined) cost += w.preferenceMin * Math.max(0, patient.preferredEarliestArrivalMin - arrival);
  if (patient.preferredLatestDepartureMin !== undefined) cost += w.preferenceMin * Math.max(0, last - patient.preferredLatestDepartureMin);
  return cost;
}

/** The decoder holding `plan`'s placements of everyone but patient `p` (placed again, nothing else). */
function holdAllBut(day: CompiledDay, decoder: DayDecoder, placed: { start: Int32Array; staff: Int32Array; room: Int32Array }, p: number): void {
  decoder.clearFixed();
  for (let a = 0; a < day.activityCount; a++) if (day.activityPatient[a] !== p && placed.start[a]! >= 0) decoder.fix(a, placed.start[a]!, placed.staff[a]!, placed.room[a]!);
  decoder.decodeHeld();
}

describe('exact patient days', () => {
  const problem = demoDayProblem({ seed: 1, date: '2026-12-01', patients: 8 });
  const day = compileDayProblem(problem, DEFAULT_WEIGHTS);
  const plan = planDay(problem, { seed: 1, maxIterations: 2000 });
  // The plan's placements, as decoder indices.
  const decoder = new DayDecoder(day);
  const staffIndex = new Map(problem.staff.map((s, i) => [s.id, i]));
  const roomIndex = new Map(problem.rooms.map((r, i) => [r.id, i]));
  const placed = { start: new Int32Array(day.activityCount).fill(-1), staff: new Int32Array(day.activityCount).fill(-1), room: new Int32Array(day.activityCount).fill(-1) };
  for (const activity of plan.activities) {
    const a = day.activityId.indexOf(activity.id);
    placed.start[a] = activity.startMin;
    placed.staff[a] = activity.staffId === undefined ? -1 : staffIndex.get(activity.staffId)!;
    placed.room[a] = roomIndex.get(activity.roomId)!;
  }
  const exact = new ExactPatientDays(day, timeGridMin(problem));

  it('the traced programme gives a day that costs what the untraced one says, within its model', () => {
    let checked = 0;
    for (let p = 0; p < problem.patients.length; p++) {
      holdAllBut(day, decoder, placed, p);
      const model = exact.model(decoder, p)!;
      expect(model, `patient ${p}`).toBeDefined();
      const cost = patientScheduleCost(model, DEFAULT_WEIGHTS, new ScheduleDpScratch());
      const traced = patientScheduleDay(model, DEFAULT_WEIGHTS, new ScheduleDpScratch());
      if (cost === Infinity) {
        // No day holds all of theirs against the rest (the plan leaves something of theirs out).
        expect(traced).toBeUndefined();
        continue;
      }
      const found = traced!;
      expect(found.cost).toBe(cost);
      checked++;
      // Every start allowed, every precedence kept, one item at a time.
      const items = model.items.map((item, k) => ({ k, start: found.startU[k]!, end: found.startU[k]! + item.durationU }));
      for (const { k, start } of items) {
        expect(Number.isFinite(model.items[k]!.startCost[start]!), `item ${k} at ${start}`).toBe(true);
        for (let b = 0; b < items.length; b++) if (model.predMask[k]! & (1 << b)) expect(items[b]!.end).toBeLessThanOrEqual(start);
      }
      items.sort((x, y) => x.start - y.start);
      for (let i = 1; i < items.length; i++) expect(items[i]!.start).toBeGreaterThanOrEqual(items[i - 1]!.end);
    }
    expect(checked).toBeGreaterThanOrEqual(problem.patients.length - 1);
  });

  it('puts each patient back no dearer than the plan had them, in a plan the checker accepts', () => {
    let heldWhole = 0;
    let whole = 0;
    let atLeast = 0;
    for (let p = 0; p < problem.patients.length; p++) {
      // Only patients the plan gives a whole day: their day is one the programme could choose.
      if (day.patientActivities[p]!.some((a) => placed.start[a]! < 0)) continue;
      whole++;
      holdAllBut(day, decoder, placed, p);
      const model = exact.model(decoder, p)!;
      const least = patientScheduleCost(model, DEFAULT_WEIGHTS, new ScheduleDpScratch());
      decoder.clearFixed();
      for (let a = 0; a < day.activityCount; a++) if (placed.start[a]! >= 0) decoder.fix(a, placed.start[a]!, placed.staff[a]!, placed.room[a]!);
      decoder.decodeHeld();
      const theirs = patientCost(day, decoder, p);
      expect(least, `patient ${p}`).toBeLessThanOrEqual(theirs + 1e-9);

      holdAllBut(day, decoder, placed, p);
      const left = exact.place(decoder, p);
      if (left.length > 0) continue;
      heldWhole++;
      // The programme's least, unless its relaxation (no transfer between two rooms of a type) bit and the day went back with transfers.
      const cost = patientCost(day, decoder, p);
      expect(cost).toBeGreaterThanOrEqual(least - 1e-9);
      if (Math.abs(cost - least) < 1e-9) atLeast++;
      const { activities, unscheduled, unplaced } = readSchedule(day, decoder);
      const rebuilt = assembleDayPlan(problem, { activities, unscheduled: [...unscheduled, ...unplaced], bound: { value: 0, method: 'test' }, stats: { iterations: 0, improvements: 0, timedOut: false, seed: 1 } });
      expect(validatePlan(problem, rebuilt).violations).toEqual([]);
      expect(unplaced.filter((u) => u.patientId === problem.patients[p]!.id)).toEqual([]);
    }
    // The programme's relaxations rarely bite on the demo day: the days go back whole.
    expect(whole).toBeGreaterThanOrEqual(problem.patients.length - 1);
    expect(heldWhole).toBe(whole);
    expect(atLeast).toBeGreaterThanOrEqual(whole - 1);
  });

  it('lets a follow-on in the same room start straight after, as the checker does, though the compiled window counts a transfer', () => {
    // Nothing else placed: patient 0's medication review may start the minute their earliest ANP ends.
    const empty = new DayDecoder(day);
    empty.decodeHeld();
    const own = day.patientActivities[0]!;
    const anp = own.find((a) => day.activityTypeId[a] === 'anp-initial')!;
    const review = own.find((a) => day.activityTypeId[a] === 'medication-review')!;
    const straightAfter = day.earliestStartMin[anp]! + day.durationMin[anp]!;
    expect(day.earliestStartMin[review]).toBe(straightAfter + day.transferMin);
    const model = exact.model(empty, 0)!;
    const u = straightAfter / model.gridMin - model.startU;
    expect(model.items[own.indexOf(review)]!.startCost[u]).toBe(0);
    // The decoder holds such a day (one consult room for both), and the checker accepts it.
    expect(exact.holdDay(empty, [anp, review], [day.earliestStartMin[anp]!, straightAfter])).toEqual([]);
    expect(empty.roomOf[review]).toBe(empty.roomOf[anp]);
    expect(empty.start[review]).toBe(straightAfter);
  });

  it('puts back the day of a patient with pins, around them (the pinned-4 varied day: three of its eight patients have a pin)', () => {
    // Patient 0's ANP pinned at 08:45 and their Alzheimer's UK support at 12:55, as a coordinator pins them.
    const own0 = day.patientActivities[0]!;
    const at = (typeId: string) => own0.find((a) => day.activityTypeId[a] === typeId)!;
    const pins = [
      { typeId: 'anp-initial', startMin: 525, staff: day.staffOptions[at('anp-initial')]![0]!, room: day.roomOptions[at('anp-initial')]![0]! },
      { typeId: 'alzheimers-support', startMin: 775, staff: day.staffOptions[at('alzheimers-support')]![0]!, room: day.roomOptions[at('alzheimers-support')]![0]! },
    ];
    const pinned = {
      ...problem,
      pins: pins.map((pin) => ({ patientId: problem.patients[0]!.id, typeId: pin.typeId, startMin: pin.startMin, staffId: problem.staff[pin.staff]!.id, roomId: problem.rooms[pin.room]!.id })),
    };
    const pinnedDay = compileDayProblem(pinned, DEFAULT_WEIGHTS);
    const days = new ExactPatientDays(pinnedDay, timeGridMin(pinned));
    const held = new DayDecoder(pinnedDay);
    held.decodeHeld();
    const own = pinnedDay.patientActivities[0]!;
    // The programme models the day with each pin at its own start (it gave up on any pinned patient before).
    expect(days.model(held, 0)).toBeDefined();
    expect(days.place(held, 0)).toEqual([]);
    for (const pin of pins) {
      const a = own.find((x) => pinnedDay.activityTypeId[x] === pin.typeId)!;
      expect([held.start[a], held.staffOf[a], held.roomOf[a]]).toEqual([pin.startMin, pin.staff, pin.room]);
    }
    const { activities, unscheduled, unplaced } = readSchedule(pinnedDay, held);
    expect(unplaced.filter((u) => u.patientId === pinned.patients[0]!.id)).toEqual([]);
    const rebuilt = assembleDayPlan(pinned, { activities, unscheduled: [...unscheduled, ...unplaced], bound: { value: 0, method: 'test' }, stats: { iterations: 0, improvements: 0, timedOut: false, seed: 1 } });
    // Nobody else is placed (their meals are missing): the checker finds nothing wrong with patient 0's day.
    const ref = pinned.patients[0]!.ref;
    expect(validatePlan(pinned, rebuilt).violations.filter((v) => v.message.includes(ref))).toEqual([]);
  });

  it('shows whose bookings stand in the way: a day left without its review has none against the plan, and one when the review\'s clinicians are taken as free', () => {
    const busy = demoDayProblem({ seed: 1, date: '2026-12-01', patients: 32 });
    const busyDay = compileDayProblem(busy, DEFAULT_WEIGHTS);
    const busyPlan = planDay(busy, { seed: 1, maxIterations: 2000 });
    const ids = new Map(busyDay.activityId.map((id, a) => [id, a]));
    const days = new ExactPatientDays(busyDay, timeGridMin(busy));
    let shown = 0;
    for (const left of busyPlan.unscheduled.filter((u) => u.typeId === 'geriatrician-review')) {
      const p = busy.patients.findIndex((x) => x.id === left.patientId);
      const review = ids.get(`${left.patientId}:geriatrician-review`)!;
      const held = new DayDecoder(busyDay);
      for (const activity of busyPlan.activities) {
        if (activity.patientId === left.patientId) continue;
        held.fix(ids.get(activity.id)!, activity.startMin, busy.staff.findIndex((s) => s.id === activity.staffId), busy.rooms.findIndex((r) => r.id === activity.roomId));
      }
      held.decodeHeld();
      const model = days.model(held, p)!;
      if (patientScheduleDay(model, DEFAULT_WEIGHTS, new ScheduleDpScratch())) continue; // a whole day fits after all (the search missed it)
      const ideal = days.idealDay(held, p, [review]);
      if (!ideal) continue; // something else of theirs stands in the way too
      shown++;
      const t = ideal.get(review)!;
      // The review then starts where every geriatrician on duty is booked: no one is free for it.
      expect(held.canStartAt(review, t)).toBe(false);
      expect(busyDay.staffOptions[review]!.some((st) => onDuty(busyDay, st, t, t + busyDay.durationMin[review]!))).toBe(true);
      // Every other activity of theirs starts where it could.
      for (const [a, start] of ideal) if (a !== review) expect(held.canStartAt(a, start), busyDay.activityId[a]).toBe(true);
    }
    expect(shown).toBeGreaterThan(0);
  });
});

describe('an exact day without what cannot be placed (dropTries)', () => {
  it("puts the rest of a patient's day back exactly when the whole day fits nowhere (the review's clinician is booked throughout)", () => {
    const problem = smallDay({
      assessmentTypes: [assessmentType('intake', 30), assessmentType('exercise', 60), assessmentType('review', 30)],
      precedences: [{ id: 'review-last', before: '*', after: 'review', minLagMin: 0 }],
      staff: [staffMember('i', ['intake']), staffMember('e', ['exercise']), staffMember('r', ['review'], { shift: { startMin: 9 * HOUR, endMin: 10 * HOUR } })],
      patients: [patient('x', ['intake', 'exercise', 'review'], { earliestArrivalMin: 10 * HOUR }), patient('y', ['review'])],
    });
    const day = compileDayProblem(problem, DEFAULT_WEIGHTS);
    const decoder = new DayDecoder(day);
    decoder.fix(day.activityId.indexOf('y:review'), 9 * HOUR, problem.staff.findIndex((s) => s.id === 'r'), -1);
    decoder.decodeHeld();
    const at = (id: string) => decoder.start[day.activityId.indexOf(id)];
    // The reviewer works 9-10, before x arrives: no whole day exists, and without dropTries nothing is placed.
    expect(new ExactPatientDays(day, timeGridMin(problem)).place(decoder, 0)).toHaveLength(3);
    expect(at('x:intake')).toBe(-1);
    // With it the review is left to the caller and the rest goes back at its cheapest, back to back from 10:00.
    const left = new ExactPatientDays(day, timeGridMin(problem), false, false, 1).place(decoder, 0);
    expect(left.map((a) => day.activityId[a])).toEqual(['x:review']);
    expect([at('x:intake'), at('x:exercise')].sort((u, v) => u! - v!)).toEqual([10 * HOUR, 10.5 * HOUR]);
    expect(patientCost(day, decoder, 0)).toBe(DEFAULT_WEIGHTS.patientOnSiteMin * 90);
  });
});
