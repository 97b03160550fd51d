import { describe, expect, it } from 'vitest';
import { compileDayProblem } from '../../../../solver/day/compile/compile-day-problem.ts';
import { DayDecoder } from '../../../../solver/day/schedule/day-decoder.ts';
import { DEFAULT_WEIGHTS } from '../../../../solver/model/options.ts';
import { planDay } from '../../../../solver/day/plan-day.ts';
import { validatePlan } from '../../../../solver/validate/validate-plan.ts';
import { assessmentType, HOUR, patient, smallDay, staffMember } from '../small-day-fixture.ts';

describe('DayDecoder', () => {
  it('places pins back to back in the same room without a transfer gap, as the checker allows (replan keeps such plans)', () => {
    const pinned = (roomId: string) => smallDay({
      centre: { ...smallDay({}).centre, transferMin: 5 },
      assessmentTypes: [assessmentType('anp', 45), assessmentType('med', 30)],
      staff: [staffMember('s-anp', ['anp']), staffMember('s-pharm', ['med'])],
      patients: [patient('p1', ['anp', 'med'])],
      pins: [
        { patientId: 'p1', typeId: 'anp', startMin: 9 * HOUR, staffId: 's-anp', roomId: 'consult-1' },
        { patientId: 'p1', typeId: 'med', startMin: 9 * HOUR + 45, staffId: 's-pharm', roomId },
      ],
    });
    const same = pinned('consult-1');
    const plan = planDay(same, { seed: 1, maxIterations: 50 });
    expect(plan.unscheduled).toEqual([]);
    expect(validatePlan(same, plan).violations).toEqual([]);
    // Another room needs the 5-minute transfer: that pin cannot hold, and the plan says so.
    const moved = planDay(pinned('consult-2'), { seed: 1, maxIterations: 50 });
    expect(moved.unscheduled.map((u) => u.reason)).toEqual(['pin-conflict']);
  });

  it('places an activity in its own window when what it had to precede was left out (precedence links placed activities only)', () => {
    // The pharmacist's review must come before the geriatrician's, who leaves at 10:00; the patient stays until 11:00.
    const problem = smallDay({
      assessmentTypes: [assessmentType('med', 30), assessmentType('review', 45)],
      precedences: [{ id: 'r1', before: 'med', after: 'review', minLagMin: 0 }],
      staff: [staffMember('s-pharm', ['med'], { shift: { startMin: 10 * HOUR, endMin: 17 * HOUR } }), staffMember('s-ger', ['review'], { shift: { startMin: 9 * HOUR, endMin: 10 * HOUR } })],
      patients: [patient('p1', ['med', 'review'], { latestDepartureMin: 11 * HOUR })],
    });
    const day = compileDayProblem(problem, DEFAULT_WEIGHTS);
    // Through precedence the review (by 11:00) leaves the pharmacist until 10:15; their own window runs to 11:00.
    expect(day.latestEndMin[0]).toBe(10 * HOUR + 15);
    expect(day.ownLatestEndMin[0]).toBe(11 * HOUR);
    const decoder = new DayDecoder(day);
    decoder.decode([0, 1]);
    expect(decoder.start[1]).toBe(-1); // the geriatrician has gone before the pharmacist starts
    expect(decoder.start[0]).toBe(10 * HOUR);
    const plan = planDay(problem, { seed: 1, maxIterations: 20 });
    expect(plan.activities.map((a) => a.typeId)).toEqual(['med']);
    expect(validatePlan(problem, plan).violations).toEqual([]);
  });

  it('gives bloods to the phlebotomist rather than an ANP, whom the initial assessments need', () => {
    const problem = smallDay({
      assessmentTypes: [assessmentType('anp', 45), assessmentType('bloods', 10)],
      // The ANP is listed first and both are equally (un)loaded: only demand tells them apart.
      staff: [staffMember('s-anp', ['anp', 'bloods']), staffMember('s-phleb', ['bloods'])],
      patients: [patient('p1', ['bloods']), patient('p2', ['anp'])],
    });
    const day = compileDayProblem(problem, DEFAULT_WEIGHTS);
    const decoder = new DayDecoder(day);
    decoder.decode([0, 1]);
    expect(decoder.staffOf[0]).toBe(1);
    // So the ANP is free for p2 at opening.
    expect(decoder.start[1]).toBe(9 * HOUR);
  });

  it('holds fixed placements in every decode until released, and the list skips them', () => {
    const problem = smallDay({
      assessmentTypes: [assessmentType('anp', 45)],
      staff: [staffMember('s-anp', ['anp'])],
      patients: [patient('p1', ['anp']), patient('p2', ['anp'])],
    });
    const day = compileDayProblem(problem, DEFAULT_WEIGHTS);
    const decoder = new DayDecoder(day);
    decoder.fix(1, 10 * HOUR, 0, 0);
    decoder.decode([0, 1]);
    expect(decoder.start[1]).toBe(10 * HOUR);
    expect(decoder.roomOf[1]).toBe(0);
    expect(decoder.start[0]).toBe(9 * HOUR);
    // A fixed placement that clashes with another fixed one is left unplaced, not double-booked.
    decoder.fix(0, 10 * HOUR + 30, 0);
    decoder.decode([]);
    expect(decoder.start[0]).toBe(-1);
    decoder.clearFixed();
    decoder.decode([1, 0]);
    expect([decoder.start[1], decoder.start[0]]).toEqual([9 * HOUR, 9 * HOUR + 45]);
  });

  it('books the clinician whose last booking ends nearest the start (best fit), keeping the other one free for longer', () => {
    const problem = smallDay({
      assessmentTypes: [assessmentType('ger', 30)],
      staff: [staffMember('ger-a', ['ger']), staffMember('ger-b', ['ger'])],
      patients: [patient('p1', ['ger']), patient('p2', ['ger'], { earliestArrivalMin: 9 * HOUR + 30 })],
    });
    const day = compileDayProblem(problem, DEFAULT_WEIGHTS);
    const decoder = new DayDecoder(day);
    decoder.fix(0, 9 * HOUR, 0);
    decoder.decode([1]);
    // Both are free at 9:30; ger-a has just finished (no gap), ger-b has been idle since 9:00
    // and is the less booked — best fit still gives p2 to ger-a.
    expect(decoder.start[1]).toBe(9 * HOUR + 30);
    expect(decoder.staffOf[1]).toBe(0);
  });

  it('keeps a patient in their consult room, after or before an activity already there, with no transfer gap', () => {
    const problem = smallDay({
      centre: { ...smallDay({}).centre, transferMin: 5 },
      assessmentTypes: [assessmentType('anp', 60), assessmentType('med', 30)],
      staff: [staffMember('s-anp', ['anp']), staffMember('s-pharm', ['med'], { shift: { startMin: 10 * HOUR, endMin: 17 * HOUR } })],
      patients: [patient('p1', ['anp', 'med'])],
    });
    const day = compileDayProblem(problem, DEFAULT_WEIGHTS);
    const anp = day.activityId.indexOf('p1:anp');
    const med = day.activityId.indexOf('p1:med');
    const decoder = new DayDecoder(day);
    // After: the pharmacist takes over the ANP's room at 10:00 (another room would mean 10:05).
    decoder.decode([anp, med]);
    expect([decoder.start[anp], decoder.start[med]]).toEqual([9 * HOUR, 10 * HOUR]);
    expect(decoder.roomOf[med]).toBe(decoder.roomOf[anp]);
    // Before: with the pharmacist's 10:00 placed first, the hour with the ANP fits 9:00–10:00 in
    // the same room; with a transfer it would have to wait until after (10:35).
    decoder.decode([med, anp]);
    expect([decoder.start[anp], decoder.start[med]]).toEqual([9 * HOUR, 10 * HOUR]);
    expect(decoder.roomOf[anp]).toBe(decoder.roomOf[med]);
  });

  it('lets a patient join a group session in the room they are already in, with no transfer gap', () => {
    const problem = smallDay({
      centre: { ...smallDay({}).centre, transferMin: 5 },
      assessmentTypes: [assessmentType('physio', 45, { roomType: 'gym' }), assessmentType('falls', 30, { roomType: 'gym', groupCapacity: 4 })],
      staff: [staffMember('s-physio', ['physio']), staffMember('s-falls', ['falls'])],
      rooms: [...smallDay({}).rooms, { id: 'gym', name: 'Gym', type: 'gym', capacity: 4 }],
      patients: [patient('p1', ['physio', 'falls']), patient('p2', ['falls'], { earliestArrivalMin: 9 * HOUR + 45 })],
    });
    const day = compileDayProblem(problem, DEFAULT_WEIGHTS);
    const [physio1, falls1, falls2] = ['p1:physio', 'p1:falls', 'p2:falls'].map((id) => day.activityId.indexOf(id)) as [number, number, number];
    const decoder = new DayDecoder(day);
    decoder.decode([physio1, falls2, falls1]);
    expect(decoder.start[physio1]).toBe(9 * HOUR);
    // p2's session starts at 9:45 in the gym, where p1's physio just ended: p1 joins it.
    expect(decoder.start[falls2]).toBe(9 * HOUR + 45);
    expect(decoder.start[falls1]).toBe(9 * HOUR + 45);
    expect(decoder.sessionOf[falls1]).toBe(decoder.sessionOf[falls2]);
    const plan = planDay(problem, { seed: 1, maxIterations: 50 });
    expect(validatePlan(problem, plan).violations).toEqual([]);
  });

  it('puts a one-to-one in the gym beside a group session when the room has a place (the checker counts patients, not sessions)', () => {
    // A gym for two; p1's falls group and p2's physio both fit only at 9:00.
    const gymDay = (extra: ReturnType<typeof patient>[]) => smallDay({
      assessmentTypes: [assessmentType('physio', 45, { roomType: 'gym' }), assessmentType('falls', 30, { roomType: 'gym', groupCapacity: 4 })],
      staff: [staffMember('s-physio', ['physio']), staffMember('s-falls', ['falls'])],
      rooms: [...smallDay({}).rooms, { id: 'gym', name: 'Gym', type: 'gym', capacity: 2 }],
      patients: [
        patient('p1', ['falls'], { latestDepartureMin: 9 * HOUR + 30 }),
        patient('p2', ['physio'], { latestDepartureMin: 9 * HOUR + 45 }),
        ...extra,
      ],
    });
    const problem = gymDay([]);
    const plan = planDay(problem, { seed: 1, maxIterations: 50 });
    expect(plan.unscheduled).toEqual([]);
    expect(validatePlan(problem, plan).violations).toEqual([]);
    const day = compileDayProblem(problem, DEFAULT_WEIGHTS);
    const [falls1, physio2] = ['p1:falls', 'p2:physio'].map((id) => day.activityId.indexOf(id)) as [number, number];
    const decoder = new DayDecoder(day);
    decoder.decode([falls1, physio2]);
    expect([decoder.start[falls1], decoder.start[physio2]]).toEqual([9 * HOUR, 9 * HOUR]);
    // The list search's restriction (day-search.ts): the session keeps the gym to itself.
    decoder.groupTakesRoom = true;
    decoder.decode([falls1, physio2]);
    expect([decoder.start[falls1], decoder.start[physio2]]).toEqual([9 * HOUR, -1]);

    // A third patient for the same session finds the gym full: a member takes a place too.
    const full = gymDay([patient('p3', ['falls'], { latestDepartureMin: 9 * HOUR + 30 })]);
    const fullDay = compileDayProblem(full, DEFAULT_WEIGHTS);
    const [f1, p2, f3] = ['p1:falls', 'p2:physio', 'p3:falls'].map((id) => fullDay.activityId.indexOf(id)) as [number, number, number];
    const fullDecoder = new DayDecoder(fullDay);
    fullDecoder.decode([f1, p2, f3]);
    expect([fullDecoder.start[f1], fullDecoder.start[p2], fullDecoder.start[f3]]).toEqual([9 * HOUR, 9 * HOUR, -1]);
    const fullPlan = planDay(full, { seed: 1, maxIterations: 200 });
    expect(fullPlan.unscheduled.filter((u) => u.typeId !== 'meal')).toHaveLength(1);
    expect(validatePlan(full, fullPlan).violations).toEqual([]);
  });
});
