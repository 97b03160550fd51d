import { beforeAll, describe, expect, it } from 'vitest';
import { demoDayProblem } from '../../../src/demo/demo-day-problem.ts';
import { planDay } from '../../../solver/day/plan-day.ts';
import type { DayPlan, DayProblem, PlannedActivity } from '../../../solver/model/index.ts';
import { replanDay } from '../../../solver/replan/replan-day.ts';
import { formatMinutes } from '../../../solver/model/format-minutes.ts';
import { ReplanInputError } from '../../../solver/replan/replan-input-error.ts';
import { validatePlan } from '../../../solver/validate/validate-plan.ts';

const NOW = 10 * 60 + 30;
const solve = { seed: 1, maxIterations: 400 };
let problem: DayProblem;
let published: DayPlan;

const byId = (plan: DayPlan) => new Map(plan.activities.map((a) => [a.id, a]));
const same = (a: PlannedActivity, b: PlannedActivity | undefined) =>
  b !== undefined && a.startMin === b.startMin && a.staffId === b.staffId && a.roomId === b.roomId;

function expectValid(p: DayProblem, plan: DayPlan): void {
  expect(validatePlan(p, plan).violations).toEqual([]);
}

/** Every activity that started before now is exactly where it was (unless the change itself touches it). */
function expectPastKept(plan: DayPlan, nowMin = NOW): void {
  const next = byId(plan);
  for (const a of published.activities) {
    if (a.startMin < nowMin) expect(same(a, next.get(a.id)), a.id).toBe(true);
  }
}

/** The reported moves are exactly the differences between the two plans. */
function expectMovesMatchDiff(plan: DayPlan, moves: { activityId: string; kind: string }[]): void {
  const next = byId(plan);
  const changedIds = published.activities.filter((a) => !same(a, next.get(a.id))).map((a) => a.id).sort();
  const reported = moves.filter((m) => m.kind !== 'added').map((m) => m.activityId).sort();
  expect(reported).toEqual(changedIds);
}

beforeAll(() => {
  problem = demoDayProblem({ seed: 11, date: '2026-12-01', patients: 8 });
  published = planDay(problem, solve);
  expectValid(problem, published);
});

describe('replanDay', () => {
  it('moves a sick clinician\'s later patients to colleagues, keeping the past and reporting every move', () => {
    const counts = new Map<string, number>();
    for (const a of published.activities) if (a.staffId && a.startMin >= 11 * 60) counts.set(a.staffId, (counts.get(a.staffId) ?? 0) + 1);
    const [sickId] = [...counts.entries()].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))[0]!;
    const result = replanDay(problem, published, [{ kind: 'staff-off-sick', staffId: sickId, fromMin: 11 * 60 }], NOW, solve);

    expectValid(result.problem, result.plan);
    expectPastKept(result.plan);
    expectMovesMatchDiff(result.plan, result.moves);
    for (const a of result.plan.activities) {
      if (a.staffId === sickId) expect(a.endMin).toBeLessThanOrEqual(11 * 60);
    }
    const moved = result.moves.filter((m) => m.kind === 'moved');
    expect(moved.length).toBeGreaterThan(0);
    for (const m of moved) expect(m.to!.startMin).toBeGreaterThanOrEqual(NOW);
    // Each move reads as a coordinator would say it: the patient's reference, the assessment, staff and rooms by name.
    const sick = problem.staff.find((s) => s.id === sickId)!;
    for (const m of moved) {
      const patient = problem.patients.find((p) => p.id === m.patientId)!;
      const typeName = m.typeId === 'meal' ? 'meal' : problem.assessmentTypes.find((t) => t.id === m.typeId)!.name;
      const room = problem.rooms.find((r) => r.id === m.to!.roomId)!;
      expect(m.message.startsWith(`${patient.ref}'s ${typeName}: `), m.message).toBe(true);
      expect(m.message).toContain(`in ${room.name}.`);
      if (m.from!.staffId === sickId) expect(m.message).toContain(`with ${sick.name} in`);
      expect(m.message).not.toContain(m.patientId);
    }
    expect(result.notes).toContain(`${sick.name} is off sick from 11:00: their later activities move to colleagues.`);
  });

  it('returns a problem that pins only the past and the coordinator\'s pins, so a later replan can still move the rest', () => {
    const coordinatorPin = published.activities.find((a) => a.startMin >= 13 * 60 && a.typeId !== 'meal')!;
    const pinnedProblem: DayProblem = { ...problem, pins: [{ patientId: coordinatorPin.patientId, typeId: coordinatorPin.typeId, startMin: coordinatorPin.startMin, roomId: coordinatorPin.roomId, staffId: coordinatorPin.staffId }] };
    const cancelled = problem.patients.find((p) => p.id !== coordinatorPin.patientId)!.id;
    const first = replanDay(pinnedProblem, published, [{ kind: 'patient-cancelled', patientId: cancelled }], NOW, solve);
    expect(first.strategy).toBe('displaced-only'); // every other activity kept its slot
    expectValid(first.problem, first.plan);
    const pinKeys = (first.problem.pins ?? []).map((p) => `${p.patientId}:${p.typeId}`).sort();
    const expected = [coordinatorPin.id, ...first.plan.activities.filter((a) => a.startMin < NOW).map((a) => a.id)];
    expect(pinKeys).toEqual([...new Set(expected)].sort());
    for (const a of first.plan.activities) expect(a.pinned === true, a.id).toBe(pinKeys.includes(a.id));

    // An hour later a clinician goes off sick: their activities after then are not held by the first replan.
    const later = NOW + 60;
    const counts = new Map<string, number>();
    for (const a of first.plan.activities) if (a.staffId && a.startMin >= later && a.id !== coordinatorPin.id) counts.set(a.staffId, (counts.get(a.staffId) ?? 0) + 1);
    const [sickId] = [...counts.entries()].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))[0]!;
    const second = replanDay(first.problem, first.plan, [{ kind: 'staff-off-sick', staffId: sickId, fromMin: later }], later, solve);
    expectValid(second.problem, second.plan);
    expect(second.plan.activities.filter((a) => a.staffId === sickId && a.endMin > later)).toEqual([]);
    expect(second.moves.filter((m) => m.kind === 'moved').length).toBeGreaterThan(0);
  });

  it('removes a cancelled patient and leaves everyone else exactly where they were', () => {
    const cancelled = problem.patients[0]!.id;
    const result = replanDay(problem, published, [{ kind: 'patient-cancelled', patientId: cancelled }], NOW, solve);
    expectValid(result.problem, result.plan);
    expect(result.strategy).toBe('displaced-only');
    expect(result.plan.activities.some((a) => a.patientId === cancelled)).toBe(false);
    const removed = result.moves.filter((m) => m.kind === 'removed').map((m) => m.activityId).sort();
    expect(removed).toEqual(published.activities.filter((a) => a.patientId === cancelled).map((a) => a.id).sort());
    expect(result.moves.filter((m) => m.kind === 'moved')).toEqual([]);
    const ref = problem.patients[0]!.ref;
    expect(result.notes).toEqual([`${ref} cancelled: their activities are removed.`]);
    for (const m of result.moves) expect(m.message).toMatch(new RegExp(`^${ref}'s .+ at \\d\\d:\\d\\d is removed \\(the patient cancelled\\)\\.$`));
  });

  it('rebuilds a late patient\'s day after their new arrival', () => {
    // The patient who arrives last: the change is reported as they were due.
    const late = [...published.itineraries].sort((a, b) => b.arrivalMin - a.arrivalMin || a.patientId.localeCompare(b.patientId))[0]!;
    const nowMin = late.arrivalMin;
    const arrivalMin = late.arrivalMin + 40;
    const result = replanDay(problem, published, [{ kind: 'patient-late', patientId: late.patientId, arrivalMin }], nowMin, solve);
    expectValid(result.problem, result.plan);
    expectPastKept(result.plan, nowMin);
    expectMovesMatchDiff(result.plan, result.moves);
    const first = Math.min(...result.plan.activities.filter((a) => a.patientId === late.patientId).map((a) => a.startMin));
    expect(first).toBeGreaterThanOrEqual(arrivalMin + problem.centre.checkInBufferMin);
  });

  it('keeps an overrunning assessment where it is, longer, and pushes what follows on the same staff member', () => {
    const running = published.activities.find((a) => a.staffId && a.startMin < NOW && a.endMin > NOW)
      ?? published.activities.filter((a) => a.staffId && a.startMin < NOW).sort((a, b) => b.startMin - a.startMin)[0]!;
    const endMin = Math.max(running.endMin, NOW) + 25;
    const result = replanDay(problem, published, [{ kind: 'assessment-overran', patientId: running.patientId, typeId: running.typeId, endMin }], NOW, solve);
    expectValid(result.problem, result.plan);
    const after = byId(result.plan).get(running.id)!;
    expect(after.startMin).toBe(running.startMin);
    expect(after.endMin).toBe(endMin);
    for (const a of result.plan.activities) {
      if (a.id !== running.id && a.staffId === running.staffId && a.startMin >= running.startMin) expect(a.startMin).toBeGreaterThanOrEqual(endMin);
    }
  });

  it('cannot keep an overrun that runs into another patient\'s pinned activity in the same room (pin-conflict); without that pin it replans', () => {
    // What the API's overrun replan once met (blamed on the patient rebuild, which was then
    // switched off on pinned days): an earlier hand move had pinned another patient's activity
    // in the overrunning activity's room. Both pins cannot hold, whatever the search does.
    const pairs = published.activities.flatMap((running) => published.activities
      .filter((o) => running.startMin < NOW && running.endMin <= o.startMin && o.startMin >= NOW && o.patientId !== running.patientId && o.roomId === running.roomId && o.typeId !== 'meal')
      // Nothing else that began before now (pinned by the replan) in the overrun's way: its
      // staff member, room or patient busy before the overrun ends.
      .filter((o) => !published.activities.some((a) => a.id !== running.id && a.id !== o.id && a.startMin < NOW && a.startMin < o.startMin + 20 && a.endMin > running.endMin
        && (a.roomId === running.roomId || (a.staffId !== undefined && a.staffId === running.staffId) || a.patientId === running.patientId)))
      .map((o) => [running, o] as const));
    const [running, other] = pairs.sort(([a, b], [c, d]) => b.startMin - a.endMin - (d.startMin - c.endMin))[0]!;
    const pinned: DayProblem = { ...problem, pins: [{ patientId: other.patientId, typeId: other.typeId, startMin: other.startMin, roomId: other.roomId }] };
    const endMin = other.startMin + 20;
    const overrun = [{ kind: 'assessment-overran' as const, patientId: running.patientId, typeId: running.typeId, endMin }];
    const refused = replanDay(pinned, published, overrun, NOW, solve);
    expect(validatePlan(refused.problem, refused.plan).violations.map((v) => v.constraint)).toContain('pinsRespected');
    expect(refused.plan.unscheduled.filter((u) => u.reason === 'pin-conflict').map((u) => `${u.patientId}:${u.typeId}`)).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^(${running.id}|${other.id})$`))]));
    // Without the other pin the same overrun replans, and every pin of the past holds.
    const replanned = replanDay(problem, published, overrun, NOW, solve);
    expectValid(replanned.problem, replanned.plan);
    expect(byId(replanned.plan).get(running.id)!.endMin).toBe(endMin);
  });

  it('keeps a coordinator\'s pin through a replan', () => {
    const target = published.activities.find((a) => a.startMin >= 13 * 60 && a.staffId)!;
    const pinned: DayProblem = { ...problem, pins: [{ patientId: target.patientId, typeId: target.typeId, startMin: target.startMin, staffId: target.staffId! }] };
    const base = planDay(pinned, solve);
    const other = base.activities.find((a) => a.patientId !== target.patientId && a.startMin >= NOW && a.staffId !== target.staffId && a.staffId)!;
    const result = replanDay(pinned, base, [{ kind: 'staff-off-sick', staffId: other.staffId!, fromMin: NOW }], NOW, solve);
    expectValid(result.problem, result.plan);
    const kept = byId(result.plan).get(target.id)!;
    expect(kept.startMin).toBe(target.startMin);
    expect(kept.staffId).toBe(target.staffId);
  });

  it('fits in a patient added on the day around everyone else, reporting their activities as added', () => {
    // The demo centre's next patient on the list: same team, rooms and catalogue.
    const added = demoDayProblem({ seed: 11, date: '2026-12-01', patients: 9 }).patients[8]!;
    expect(problem.patients.some((p) => p.id === added.id)).toBe(false);
    const result = replanDay(problem, published, [{ kind: 'patient-added', patient: added }], NOW, solve);
    expectValid(result.problem, result.plan);
    expectPastKept(result.plan);
    expectMovesMatchDiff(result.plan, result.moves);
    const theirs = result.plan.activities.filter((a) => a.patientId === added.id);
    expect(theirs.length).toBeGreaterThan(0);
    for (const a of theirs) expect(a.startMin).toBeGreaterThanOrEqual(NOW);
    expect(result.moves.filter((m) => m.kind === 'added').map((m) => m.activityId).sort()).toEqual(theirs.map((a) => a.id).sort());
    const placedOrExplained = new Set([...theirs.map((a) => a.typeId), ...result.plan.unscheduled.filter((u) => u.patientId === added.id).map((u) => u.typeId)]);
    for (const r of added.required) expect(placedOrExplained.has(r.typeId), r.typeId).toBe(true);
    expect(result.notes).toEqual([`${added.ref} is added: their day is planned from 10:30 around everyone else.`]);

    // Someone already on the list cannot be added again.
    expect(() => replanDay(problem, published, [{ kind: 'patient-added', patient: problem.patients[0]! }], NOW, solve))
      .toThrow(expect.objectContaining({ field: 'changes[0].patientId' }));
  });

  it('plans no meal for a patient who joins after lunch can be served, and says so; one who joins in time gets one', () => {
    const added = demoDayProblem({ seed: 11, date: '2026-12-01', patients: 9 }).patients[8]!;
    expect(added.needsMeal).not.toBe(false);
    const { lunchWindow, mealDurationMin } = problem.centre;
    const meals = (plan: DayPlan) => plan.activities.filter((a) => a.patientId === added.id && a.kind === 'meal');
    // Added at the last minute a meal still fits: it is planned, inside the window.
    const lastChance = lunchWindow.endMin - mealDurationMin;
    const inTime = replanDay(problem, published, [{ kind: 'patient-added', patient: added }], lastChance, solve);
    expectValid(inTime.problem, inTime.plan);
    expect(meals(inTime.plan).map((m) => [m.startMin, m.endMin])).toEqual([[lastChance, lunchWindow.endMin]]);
    // Five minutes later no plan could keep the meal rule: none is planned and the note says why.
    const late = replanDay(problem, published, [{ kind: 'patient-added', patient: added }], lastChance + 5, solve);
    expectValid(late.problem, late.plan);
    expect(meals(late.plan)).toEqual([]);
    expect(late.problem.patients.find((p) => p.id === added.id)!.needsMeal).toBe(false);
    expect(late.notes).toContain(`${added.ref} is here from ${formatMinutes(lastChance + 5)}, too late for lunch (${formatMinutes(lunchWindow.startMin)}–${formatMinutes(lunchWindow.endMin)}): no meal is planned; offer them something to eat.`);

    // A patient arriving late past lunch likewise (arrival + check-in buffer is their earliest start).
    const last = [...published.itineraries].sort((a, b) => b.arrivalMin - a.arrivalMin || a.patientId.localeCompare(b.patientId))[0]!;
    const who = problem.patients.find((p) => p.id === last.patientId)!;
    expect(who.needsMeal).not.toBe(false);
    const arrivalMin = lunchWindow.endMin - mealDurationMin - problem.centre.checkInBufferMin + 1;
    const lateArrival = replanDay(problem, published, [{ kind: 'patient-late', patientId: who.id, arrivalMin }], last.arrivalMin, solve);
    expectValid(lateArrival.problem, lateArrival.plan);
    expect(lateArrival.plan.activities.filter((a) => a.patientId === who.id && a.kind === 'meal')).toEqual([]);
    expect(lateArrival.notes.some((n) => n.startsWith(`${who.ref} is here from ${formatMinutes(arrivalMin + problem.centre.checkInBufferMin)}, too late for lunch`))).toBe(true);
  });

  it('fits in an assessment asked for on the day, and takes out one no longer needed, reporting both', () => {
    // An X-ray for a patient who has none and is still on site after now.
    const patient = problem.patients.find((p) => !p.required.some((r) => r.typeId === 'x-ray')
      && published.activities.some((a) => a.patientId === p.id && a.startMin >= NOW + 60))!;
    const added = replanDay(problem, published, [{ kind: 'assessment-added', patientId: patient.id, typeId: 'x-ray' }], NOW, solve);
    expectValid(added.problem, added.plan);
    expectPastKept(added.plan);
    expectMovesMatchDiff(added.plan, added.moves);
    expect(added.problem.patients.find((p) => p.id === patient.id)!.required.map((r) => r.typeId)).toContain('x-ray');
    const xray = added.plan.activities.find((a) => a.id === `${patient.id}:x-ray`);
    if (xray) {
      expect(xray.startMin).toBeGreaterThanOrEqual(NOW);
      expect(added.moves).toContainEqual(expect.objectContaining({ activityId: xray.id, kind: 'added' }));
    } else {
      expect(added.plan.unscheduled).toContainEqual(expect.objectContaining({ patientId: patient.id, typeId: 'x-ray' }));
    }
    expect(added.notes).toEqual([`${patient.ref} also needs X-ray today: it is fitted into their day.`]);
    expect(() => replanDay(problem, published, [{ kind: 'assessment-added', patientId: patient.id, typeId: patient.required[0]!.typeId }], NOW, solve))
      .toThrow(expect.objectContaining({ field: 'changes[0].typeId' }));

    // A later assessment no longer needed: it goes, nobody else moves.
    const dropped = published.activities.find((a) => a.typeId !== 'meal' && a.startMin >= NOW + 60)!;
    const removed = replanDay(problem, published, [{ kind: 'assessment-removed', patientId: dropped.patientId, typeId: dropped.typeId }], NOW, solve);
    expectValid(removed.problem, removed.plan);
    expect(removed.strategy).toBe('displaced-only');
    expect(removed.plan.activities.some((a) => a.id === dropped.id)).toBe(false);
    expect(removed.moves).toEqual([expect.objectContaining({ activityId: dropped.id, kind: 'removed', message: expect.stringMatching(/is removed \(no longer needed\)\.$/) })]);
    expect(removed.problem.patients.find((p) => p.id === dropped.patientId)!.required.map((r) => r.typeId)).not.toContain(dropped.typeId);
    const started = published.activities.find((a) => a.typeId !== 'meal' && a.startMin < NOW)!;
    expect(() => replanDay(problem, published, [{ kind: 'assessment-removed', patientId: started.patientId, typeId: started.typeId }], NOW, solve))
      .toThrow(expect.objectContaining({ field: 'changes[0].typeId' }));
  });

  it('moves a late clinician\'s activities before their arrival to colleagues or later, and nothing else of theirs', () => {
    // Someone not yet seen by now whose day starts soon after.
    const firstOf = new Map<string, number>();
    for (const a of published.activities) if (a.staffId) firstOf.set(a.staffId, Math.min(firstOf.get(a.staffId) ?? Infinity, a.startMin));
    const [lateId, firstMin] = [...firstOf.entries()].filter(([, t]) => t >= NOW).sort((x, y) => x[1] - y[1] || x[0].localeCompare(y[0]))[0]!;
    const fromMin = firstMin + 60;
    const result = replanDay(problem, published, [{ kind: 'staff-late', staffId: lateId, fromMin }], NOW, solve);
    expectValid(result.problem, result.plan);
    expectPastKept(result.plan);
    expectMovesMatchDiff(result.plan, result.moves);
    expect(result.plan.activities.filter((a) => a.staffId === lateId && a.startMin < fromMin)).toEqual([]);
    const early = published.activities.filter((a) => a.staffId === lateId && a.startMin < fromMin).map((a) => a.id);
    expect(early.length).toBeGreaterThan(0);
    const changedIds = new Set(result.moves.map((m) => m.activityId));
    for (const id of early) expect(changedIds.has(id), id).toBe(true);
    const member = problem.staff.find((s) => s.id === lateId)!;
    expect(result.notes).toEqual([`${member.name} arrives at ${formatMinutes(fromMin)}: their earlier activities move to colleagues or later.`]);

    // Late after they have already seen someone: the change does not fit.
    const seen = published.activities.find((a) => a.staffId && a.startMin < NOW)!;
    expect(() => replanDay(problem, published, [{ kind: 'staff-late', staffId: seen.staffId!, fromMin: NOW }], NOW, solve))
      .toThrow(expect.objectContaining({ field: 'changes[0].fromMin' }));
  });

  it('releases a coordinator\'s pin with a clinician who goes off sick, and re-places that activity', () => {
    const target = published.activities.find((a) => a.startMin >= 11 * 60 && a.staffId && a.typeId !== 'meal')!;
    const pin = { patientId: target.patientId, typeId: target.typeId, startMin: target.startMin, staffId: target.staffId!, roomId: target.roomId };
    const pinned: DayProblem = { ...problem, pins: [pin] };
    const base = planDay(pinned, solve);
    expectValid(pinned, base);
    const result = replanDay(pinned, base, [{ kind: 'staff-off-sick', staffId: target.staffId!, fromMin: NOW }], NOW, solve);
    expectValid(result.problem, result.plan);
    expect((result.problem.pins ?? []).some((p) => p.patientId === pin.patientId && p.typeId === pin.typeId)).toBe(false);
    const after = byId(result.plan).get(target.id);
    if (after) expect(after.staffId).not.toBe(target.staffId);
    const member = problem.staff.find((s) => s.id === target.staffId)!;
    const patientRef = problem.patients.find((p) => p.id === target.patientId)!.ref;
    expect(result.notes).toContainEqual(expect.stringMatching(new RegExp(`^${patientRef}'s .* was pinned at \\d\\d:\\d\\d with ${member.name}: the pin is released\\.$`)));
  });

  it('rejects a change that does not fit the plan, naming the field', () => {
    expect(() => replanDay(problem, published, [{ kind: 'patient-cancelled', patientId: 'nobody' }], NOW, solve))
      .toThrow(ReplanInputError);
    try {
      replanDay(problem, published, [{ kind: 'staff-off-sick', staffId: problem.staff[0]!.id, fromMin: 600 }, { kind: 'patient-late', patientId: 'ghost', arrivalMin: 700 }], NOW, solve);
    } catch (error) {
      expect((error as ReplanInputError).field).toBe('changes[1].patientId');
    }
    const started = published.activities.find((a) => a.startMin < NOW)!;
    expect(() => replanDay(problem, published, [{ kind: 'patient-late', patientId: started.patientId, arrivalMin: 700 }], NOW, solve))
      .toThrow(/already started/);
  });
});
