import { describe, expect, it } from 'vitest';
import { explainOrRepair } from '../../../../solver/day/explain/explain-or-repair.ts';
import { validatePlan } from '../../../../solver/validate/validate-plan.ts';
import { buildPlanViews } from '../../../../solver/day/build-plan-views.ts';
import { scorePlan } from '../../../../solver/constraints/score-plan.ts';
import { DEFAULT_WEIGHTS } from '../../../../solver/model/options.ts';
import type { DayPlan, PlannedActivity } from '../../../../solver/model/day-plan.ts';
import { assessmentType, HOUR, patient, smallDay, staffMember } from '../small-day-fixture.ts';

// A falls group (up to 4) whose physiotherapist works 10:00–10:30 only: P1 and P2 are in it; P3 was left out.
const problem = smallDay({
  assessmentTypes: [assessmentType('falls', 30, { roomType: 'gym', groupCapacity: 4 })],
  staff: [staffMember('s-falls', ['falls'], { shift: { startMin: 10 * HOUR, endMin: 10 * HOUR + 30 } })],
  rooms: [...smallDay({}).rooms, { id: 'gym', name: 'Gym', type: 'gym', capacity: 4 }],
  patients: [patient('p1', ['falls']), patient('p2', ['falls']), patient('p3', ['falls'])],
});
const member = (patientId: string): PlannedActivity => ({
  id: `${patientId}:falls`, patientId, typeId: 'falls', kind: 'assessment', startMin: 10 * HOUR, endMin: 10 * HOUR + 30,
  staffId: 's-falls', roomId: 'gym', groupId: 'falls@600:s-falls',
});

describe('explainOrRepair', () => {
  it('places what the search left out into a free slot; joining a group session, it takes that session\'s group id', () => {
    const left = { patientId: 'p3', typeId: 'falls', reason: 'no-staff-free' as const, message: 'left out' };
    const { activities, unscheduled } = explainOrRepair(problem, DEFAULT_WEIGHTS, { activities: [member('p1'), member('p2')], unscheduled: [], unplaced: [left] }, () => true);
    expect(unscheduled).toEqual([]);
    const joined = activities.find((a) => a.patientId === 'p3');
    expect(joined).toMatchObject({ startMin: 10 * HOUR, staffId: 's-falls', roomId: 'gym', groupId: 'falls@600:s-falls' });
    // The independent checker sees one session of three, not two sessions at once.
    const plan = { date: problem.date, activities, ...buildPlanViews(problem, activities), unscheduled, score: scorePlan(problem, activities, unscheduled, DEFAULT_WEIGHTS),
      bound: { value: 0, method: 'test' }, gapPct: 0, stats: { iterations: 0, improvements: 0, timedOut: false, seed: 1 } } as DayPlan;
    expect(validatePlan(problem, plan).violations).toEqual([]);
  });

  it('keeps the search\'s reason once the time is up', () => {
    const left = { patientId: 'p3', typeId: 'falls', reason: 'no-staff-free' as const, message: 'left out' };
    const { activities, unscheduled } = explainOrRepair(problem, DEFAULT_WEIGHTS, { activities: [member('p1'), member('p2')], unscheduled: [], unplaced: [left] }, () => false);
    expect(activities).toHaveLength(2);
    expect(unscheduled).toEqual([left]);
  });
});
