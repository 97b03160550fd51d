import { describe, expect, it } from 'vitest';
import type { DayPlan } from '../../../solver/model/day-plan.ts';
import type { DayProblem } from '../../../solver/model/day-problem.ts';
import { validatePlan } from '../../../solver/validate/validate-plan.ts';
import { at, planWith, planWithout, smallDayProblem, validSmallPlan, withViews } from './small-day.ts';

/** The distinct constraint names a plan breaks. */
function broken(plan: DayPlan, problem: DayProblem = smallDayProblem()): string[] {
  return [...new Set(validatePlan(problem, plan).violations.map((v) => v.constraint))].sort();
}

function violationsOf(constraint: string, plan: DayPlan, problem: DayProblem = smallDayProblem()) {
  return validatePlan(problem, plan).violations.filter((v) => v.constraint === constraint);
}

describe('validatePlan on a hand-built valid plan', () => {
  it('accepts it with no violations', () => {
    const result = validatePlan(smallDayProblem(), validSmallPlan());
    expect(result.violations).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('does not mutate its inputs', () => {
    const problem = smallDayProblem();
    const plan = validSmallPlan();
    const before = JSON.stringify({ problem, plan });
    validatePlan(problem, planWith('P1:bloods', { startMin: at(9, 0) }));
    validatePlan(problem, plan);
    expect(JSON.stringify({ problem, plan })).toBe(before);
  });
});

describe('validatePlan: staff rules (SPEC §3C.1–2)', () => {
  it('catches a double-booked staff member', () => {
    // P2's review moved to 13:50–14:35 in consult 2: Dr Shah still has P1 until 14:15.
    const plan = planWith('P2:geriatrician-review', { startMin: at(13, 50), roomId: 'consult2' });
    expect(broken(plan)).toEqual(['staffOneAtATime']);
    const [v] = violationsOf('staffOneAtATime', plan);
    expect(v!.justification).toMatchObject({ staffId: 'geri1', firstPatientId: 'P1', secondPatientId: 'P2' });
    expect(v!.message).toContain('Dr Shah');
    expect(v!.message).toContain('ICC-001'); // patients by local reference in sentences, ids in justifications
    expect(v!.message).toContain('13:30–14:15');
    expect(v!.message).toContain('13:50–14:35');
  });

  it('allows a group session but not beyond its capacity', () => {
    const problem = smallDayProblem();
    problem.assessmentTypes.find((t) => t.id === 'physio-group')!.groupCapacity = 1;
    expect(broken(validSmallPlan(), problem)).toEqual(['staffOneAtATime']);
  });

  it('does not treat overlapping activities with different group ids as one session', () => {
    expect(broken(planWith('P2:physio-group', { groupId: 'g2' }))).toEqual(['staffOneAtATime']);
  });

  it('counts patients in a group session against the group capacity', () => {
    const problem = smallDayProblem();
    problem.assessmentTypes.find((t) => t.id === 'physio-group')!.groupCapacity = 2;
    problem.patients.push({ ...problem.patients[0]!, id: 'P3', required: [{ typeId: 'physio-group' }], needsMeal: false, rest: undefined });
    const plan = validSmallPlan();
    plan.activities.push({ id: 'P3:physio-group', patientId: 'P3', typeId: 'physio-group', kind: 'assessment', startMin: at(11, 0), endMin: at(12, 0), staffId: 'physio1', roomId: 'gym1', groupId: 'g1' });
    const groups = violationsOf('staffOneAtATime', withViews(problem, plan), problem);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.justification).toMatchObject({ patients: 3, groupCapacity: 2 });
  });

  it('catches a staff member without the qualification', () => {
    // The pharmacist takes P1's bloods (free 09:50–10:05, but not a phlebotomist).
    const plan = planWith('P1:bloods', { staffId: 'pharm1' });
    expect(broken(plan)).toEqual(['qualifiedStaff']);
    expect(violationsOf('qualifiedStaff', plan)[0]!.justification).toMatchObject({ staffId: 'pharm1', requiredQualification: 'phlebotomy' });
  });

  it('catches an assessment in a break', () => {
    const problem = smallDayProblem();
    problem.staff.find((s) => s.id === 'anp1')!.breaks = [{ startMin: at(10, 0), endMin: at(10, 15) }];
    expect(broken(validSmallPlan(), problem)).toEqual(['staffWithinShift']);
    expect(violationsOf('staffWithinShift', validSmallPlan(), problem)[0]!.message).toContain('break 10:00–10:15');
  });

  it('catches an assessment outside the shift', () => {
    const problem = smallDayProblem();
    problem.staff.find((s) => s.id === 'phleb1')!.shift = { startMin: at(10, 0), endMin: at(13, 0) };
    const found = violationsOf('staffWithinShift', validSmallPlan(), problem);
    expect(broken(validSmallPlan(), problem)).toEqual(['staffWithinShift']);
    expect(found.map((v) => v.justification.activityId)).toEqual(['P1:bloods']);
  });
});

describe('validatePlan: patients and rooms (SPEC §3C.3–5)', () => {
  it('catches overlapping activities of one patient', () => {
    // P1's medication review moved to 10:00, while their bloods run until 10:05.
    const plan = planWith('P1:pharmacy-review', { startMin: at(10, 0) });
    expect(broken(plan)).toEqual(['patientOneAtATime']);
  });

  it('catches a room of the wrong type', () => {
    const plan = planWith('P1:pharmacy-review', { roomId: 'gym1' });
    expect(broken(plan)).toEqual(['roomOfRequiredType']);
    expect(violationsOf('roomOfRequiredType', plan)[0]!.justification).toMatchObject({ roomType: 'gym', requiredRoomType: 'consult' });
  });

  it('catches a room over capacity', () => {
    // Consult room 1 holds P2's ANP assessment until 10:30.
    const plan = planWith('P1:pharmacy-review', { roomId: 'consult1' });
    expect(broken(plan)).toEqual(['roomCapacity']);
  });

  it('catches the dining room over its seats', () => {
    const problem = smallDayProblem();
    problem.rooms.find((r) => r.id === 'dining1')!.capacity = 1;
    expect(broken(validSmallPlan(), problem)).toEqual(['roomCapacity']);
    expect(violationsOf('roomCapacity', validSmallPlan(), problem)[0]!.justification).toMatchObject({ occupancy: 2, capacity: 1, atMin: at(12, 15) });
  });

  it('catches a patient arriving too early (first activity minus check-in before earliest arrival)', () => {
    // ANP at 08:30 needs arrival at 08:15; the earliest is 08:30.
    const plan = planWith('P1:anp-initial', { startMin: at(8, 30) });
    expect(broken(plan)).toEqual(['patientOnSiteWindow']);
    expect(violationsOf('patientOnSiteWindow', plan)[0]!.justification).toMatchObject({ rule: 'earliest-arrival', arrivalMin: at(8, 15) });
  });

  it('accepts an arrival exactly at the earliest arrival', () => {
    expect(broken(planWith('P1:anp-initial', { startMin: at(8, 45) }))).toEqual([]);
  });

  it('catches an itinerary arrival that leaves less than the check-in buffer', () => {
    const plan = validSmallPlan();
    plan.itineraries[0]!.arrivalMin = at(8, 50); // first activity at 09:00
    expect(broken(plan)).toEqual(['patientOnSiteWindow']);
  });

  it('catches a stay longer than the maximum time on site', () => {
    const problem = smallDayProblem();
    problem.patients[0]!.maxOnSiteMin = 329; // P1 is on site 08:45–14:15 = 330 min
    expect(broken(validSmallPlan(), problem)).toEqual(['patientOnSiteWindow']);
    problem.patients[0]!.maxOnSiteMin = 330;
    expect(broken(validSmallPlan(), problem)).toEqual([]);
  });

  it('catches a departure after the latest departure', () => {
    const problem = smallDayProblem();
    problem.patients[1]!.latestDepartureMin = at(14, 59); // P2 leaves at 15:00
    expect(broken(validSmallPlan(), problem)).toEqual(['patientOnSiteWindow']);
  });
});

describe('validatePlan: precedence (SPEC §3C.6)', () => {
  it('accepts a lag met exactly and catches one short by one minute', () => {
    // Bloods end 10:05 (P1) and 10:50 (P2); reviews at 13:30 and 14:15: 205 minutes each.
    const problem = smallDayProblem();
    problem.precedences.find((p) => p.id === 'bloods-back')!.minLagMin = 205;
    expect(broken(validSmallPlan(), problem)).toEqual([]);
    problem.precedences.find((p) => p.id === 'bloods-back')!.minLagMin = 206;
    const found = violationsOf('precedenceWithLag', validSmallPlan(), problem);
    expect(broken(validSmallPlan(), problem)).toEqual(['precedenceWithLag']);
    expect(found.map((v) => v.justification.patientId)).toEqual(['P1', 'P2']);
    expect(found[0]!.justification).toMatchObject({ precedenceId: 'bloods-back', shortByMin: 1, minLagMin: 206 });
    expect(found[0]!.message).toContain('bloods back before the review');
  });

  it("catches an activity before the one that must come first ('*' after)", () => {
    // P2's bloods at 09:20–09:35, before the ANP assessment at 09:45.
    const plan = planWith('P2:bloods', { startMin: at(9, 20) });
    expect(broken(plan)).toEqual(['precedenceWithLag']);
    expect(violationsOf('precedenceWithLag', plan)[0]!.justification).toMatchObject({ precedenceId: 'anp-first', beforeActivityId: 'P2:anp-initial', afterActivityId: 'P2:bloods' });
  });

  it("catches an activity after the one that must come last ('*' before)", () => {
    // P2's medication review moved after the geriatrician (15:00 → 15:05–15:35 would pass the MDT; use a problem with a later MDT).
    const problem = smallDayProblem();
    problem.centre.mdt.startMin = at(16, 0);
    problem.staff.forEach((s) => (s.shift.endMin = at(17, 0)));
    problem.patients[1]!.latestDepartureMin = at(16, 0);
    const plan = planWith('P2:pharmacy-review', { startMin: at(15, 5) });
    plan.mdt = { startMin: at(16, 0), endMin: at(17, 0), attendeeStaffIds: plan.mdt.attendeeStaffIds };
    expect(broken(plan, problem)).toEqual(['precedenceWithLag']);
    expect(violationsOf('precedenceWithLag', plan, problem).map((v) => v.justification.precedenceId).sort()).toEqual(['geri-last', 'meds-first']);
  });

  it('applies a rule only when the patient has both sides', () => {
    // P1's bloods not done (listed as unscheduled): the bloods→review lag has nothing to check.
    const problem = smallDayProblem();
    problem.precedences.find((p) => p.id === 'bloods-back')!.minLagMin = 999;
    const plan = planWithout('P1:bloods');
    plan.unscheduled.push({ patientId: 'P1', typeId: 'bloods', reason: 'no-staff-free', message: 'Phlebotomist fully booked.' });
    expect(violationsOf('precedenceWithLag', plan, problem).map((v) => v.justification.patientId)).toEqual(['P2']);
  });
});

describe('validatePlan: meal, MDT, transfer, rest, hours, pins (SPEC §3C.7–9)', () => {
  it('catches a meal outside the lunch window', () => {
    // P1's meal at 14:20–14:50, after the 13:30 end of the lunch window.
    const plan = planWith('P1:meal', { startMin: at(14, 20) });
    expect(broken(plan)).toEqual(['mealInLunchWindow']);
    expect(violationsOf('mealInLunchWindow', plan)[0]!.message).toContain('14:20–14:50');
  });

  it('catches a patient who needs a meal and has none', () => {
    const plan = planWithout('P2:meal');
    expect(broken(plan)).toEqual(['mealInLunchWindow']);
    const problem = smallDayProblem();
    problem.patients[1]!.needsMeal = false;
    expect(broken(plan, problem)).toEqual([]);
  });

  it('catches an assessment ending after the MDT starts', () => {
    // P2's review at 15:00–15:45; the MDT starts at 15:30.
    const plan = planWith('P2:geriatrician-review', { startMin: at(15, 0) });
    expect(broken(plan)).toEqual(['assessmentsBeforeMdt']);
    expect(violationsOf('assessmentsBeforeMdt', plan)[0]!.justification).toMatchObject({ endMin: at(15, 45), mdtStartMin: at(15, 30) });
  });

  it('catches a clinician who saw a patient missing from the MDT attendees', () => {
    const plan = validSmallPlan();
    plan.mdt.attendeeStaffIds = ['anp1', 'pharm1', 'geri1'];
    expect(broken(plan)).toEqual(['mdtAttendance']);
    expect(violationsOf('mdtAttendance', plan)[0]!.justification).toMatchObject({ staffId: 'physio1', rule: 'listed' });
  });

  it('catches a clinician who saw a patient but is off shift during the MDT', () => {
    const problem = smallDayProblem();
    problem.staff.find((s) => s.id === 'physio1')!.shift.endMin = at(16, 0);
    expect(broken(validSmallPlan(), problem)).toEqual(['mdtAttendance']);
  });

  it('catches a clinician who saw a patient but has a break during the MDT', () => {
    const problem = smallDayProblem();
    problem.staff.find((s) => s.id === 'pharm1')!.breaks = [{ startMin: at(16, 0), endMin: at(16, 15) }];
    expect(broken(validSmallPlan(), problem)).toEqual(['mdtAttendance']);
    expect(violationsOf('mdtAttendance', validSmallPlan(), problem)[0]!.justification).toMatchObject({ staffId: 'pharm1', rule: 'not-on-break' });
  });

  it('does not require a non-member (the phlebotomist) at the MDT', () => {
    expect(validSmallPlan().mdt.attendeeStaffIds).not.toContain('phleb1');
    expect(broken(validSmallPlan())).toEqual([]);
  });

  it('catches a transfer between rooms that is too short', () => {
    // Bloods end 10:05 in the treatment room; review in consult 2 at 10:09 (4 of 5 minutes).
    const plan = planWith('P1:pharmacy-review', { startMin: at(10, 9) });
    expect(broken(plan)).toEqual(['transferBetweenRooms']);
    expect(violationsOf('transferBetweenRooms', plan)[0]!.justification).toMatchObject({ gapMin: 4, transferMin: 5 });
  });

  it('catches the rest rule broken and accepts a rest of exactly the minimum', () => {
    // P1: ANP, bloods, medication review; the group at 11:00 and the meal at 12:05 follow.
    expect(broken(planWith('P1:pharmacy-review', { startMin: at(10, 15) }))).toEqual([]); // ends 10:45: a 15-min gap
    const plan = planWith('P1:pharmacy-review', { startMin: at(10, 16) }); // 14-min gap: all 5 in one run
    expect(broken(plan)).toEqual(['restAfterConsecutive']);
    expect(violationsOf('restAfterConsecutive', plan)[0]!.justification).toMatchObject({ consecutive: 5, maxConsecutive: 3 });
  });

  it('counts the meal as an activity in a back-to-back run', () => {
    // P2: ANP, bloods, group (ends 12:00) and a meal at 12:05 would be 4 in a row.
    const plan = planWith('P2:meal', { startMin: at(12, 5) });
    expect(broken(plan)).toEqual(['restAfterConsecutive']);
    expect(violationsOf('restAfterConsecutive', plan)[0]!.justification).toMatchObject({ patientId: 'P2', consecutive: 4 });
  });

  it('catches an activity outside opening hours', () => {
    const problem = smallDayProblem();
    problem.centre.closeMin = at(14, 30);
    expect(broken(validSmallPlan(), problem)).toEqual(['withinOpeningHours']);
    expect(violationsOf('withinOpeningHours', validSmallPlan(), problem).map((v) => v.justification.activityId)).toEqual(['P2:geriatrician-review']);
  });

  it('catches a moved pin', () => {
    // P1's review pinned at 13:30; moved to 13:25 (still after the meal and Dr Shah's break).
    const plan = planWith('P1:geriatrician-review', { startMin: at(13, 25) });
    expect(broken(plan)).toEqual(['pinsRespected']);
    expect(violationsOf('pinsRespected', plan)[0]!.message).toContain('pinned at 13:30 but starts at 13:25');
  });

  it('catches a pinned assessment left out, even when listed as unscheduled', () => {
    const plan = planWithout('P1:geriatrician-review');
    plan.unscheduled.push({ patientId: 'P1', typeId: 'geriatrician-review', reason: 'pin-conflict', message: 'x' });
    expect(broken(plan)).toEqual(['pinsRespected']);
    expect(violationsOf('pinsRespected', plan)[0]!.message).toContain('listed as unscheduled: pin-conflict');
  });
});

describe('validatePlan: structure', () => {
  it('catches a required assessment silently dropped', () => {
    const plan = validSmallPlan();
    plan.unscheduled = []; // P2's OT assessment is neither placed nor listed
    expect(broken(plan)).toEqual(['requiredCoverage']);
    expect(violationsOf('requiredCoverage', plan)[0]!.justification).toMatchObject({ patientId: 'P2', typeId: 'ot-assessment', rule: 'dropped' });
  });

  it('catches a placed assessment dropped without being listed', () => {
    expect(broken(planWithout('P1:pharmacy-review'))).toEqual(['requiredCoverage']);
  });

  it('catches an assessment both placed and listed as unscheduled', () => {
    const plan = validSmallPlan();
    plan.unscheduled.push({ patientId: 'P1', typeId: 'bloods', reason: 'no-room-free', message: 'x' });
    expect(broken(plan)).toEqual(['requiredCoverage']);
  });

  it('catches an activity the patient does not need', () => {
    const problem = smallDayProblem();
    problem.patients[0]!.required = problem.patients[0]!.required.filter((r) => r.typeId !== 'physio-group');
    expect(broken(validSmallPlan(), problem)).toEqual(['requiredCoverage']);
  });

  it('catches a wrong duration', () => {
    const plan = planWith('P1:bloods', { endMin: at(10, 4) }); // 14 minutes instead of 15
    expect(broken(plan)).toEqual(['activityDuration']);
    expect(violationsOf('activityDuration', plan)[0]!.justification).toMatchObject({ actualMin: 14, expectedMin: 15 });
  });

  it('catches a wrong meal duration', () => {
    expect(broken(planWith('P2:meal', { endMin: at(12, 40) }))).toEqual(['activityDuration']);
  });

  it('catches duplicate activity ids', () => {
    const plan = validSmallPlan();
    plan.activities = plan.activities.map((a) => (a.id === 'P2:bloods' ? { ...a, id: 'P1:bloods' } : a));
    expect(broken(plan)).toContain('uniqueActivityIds');
  });

  it('catches unknown staff and rooms without crashing', () => {
    const plan = planWith('P1:bloods', { staffId: 'ghost', roomId: 'nowhere' });
    const names = broken(plan);
    expect(names).toContain('knownReferences');
    expect(violationsOf('knownReferences', plan).map((v) => v.message).join(' ')).toMatch(/unknown staff member 'ghost'.*|unknown room 'nowhere'/);
  });

  it('catches an itinerary that disagrees with the activities', () => {
    const plan = validSmallPlan();
    plan.itineraries[0]!.activityIds = plan.itineraries[0]!.activityIds.filter((id) => id !== 'P1:meal');
    expect(broken(plan)).toEqual(['viewsAgree']);
    expect(violationsOf('viewsAgree', plan)[0]!.justification).toMatchObject({ view: 'itinerary', ownerId: 'P1', missingIds: ['P1:meal'] });
  });

  it('catches a staff timetable listing another staff member’s activity, and one out of order', () => {
    const plan = validSmallPlan();
    plan.staffTimetables.find((t) => t.ownerId === 'anp1')!.activityIds.push('P1:bloods');
    expect(broken(plan)).toEqual(['viewsAgree']);
    const reordered = validSmallPlan();
    reordered.roomTimetables.find((t) => t.ownerId === 'consult1')!.activityIds.reverse();
    expect(violationsOf('viewsAgree', reordered)[0]!.message).toContain('not in start order');
  });

  it('catches a missing room timetable and a wrong MDT time', () => {
    const plan = validSmallPlan();
    plan.roomTimetables = plan.roomTimetables.filter((t) => t.ownerId !== 'gym1');
    plan.mdt.startMin = at(15, 0);
    expect(violationsOf('viewsAgree', plan)).toHaveLength(2);
  });

  it('reports malformed input as a violation instead of throwing', () => {
    const problem = smallDayProblem();
    (problem.staff[0] as { qualifications?: string[] }).qualifications = undefined;
    const result = validatePlan(problem, validSmallPlan());
    expect(result.valid).toBe(false);
    expect(result.violations.map((v) => v.constraint)).toContain('checkFailed');
  });
});
