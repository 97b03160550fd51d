/**
 * Differential test: the independent checker and the planner's scorePlan were written
 * separately from the same spec. On random hand-broken copies of the fixture plan (moved,
 * re-staffed, re-roomed activities) they must flag the same hard rules; a disagreement means
 * a bug or a differing reading in one of them.
 */
import { describe, expect, it } from 'vitest';
import { scorePlan } from '../../../solver/constraints/score-plan.ts';
import { createRng } from '../../../solver/model/rng.ts';
import { validatePlan } from '../../../solver/validate/validate-plan.ts';
import { smallDayProblem, validSmallPlan, withViews } from './small-day.ts';

/** Hard rules both sides name alike (structure and views are checked differently). */
const SHARED_RULES = [
  'qualifiedStaff', 'staffWithinShift', 'staffOneAtATime', 'patientOneAtATime', 'roomOfRequiredType',
  'roomCapacity', 'patientOnSiteWindow', 'precedenceWithLag', 'mealInLunchWindow', 'assessmentsBeforeMdt',
  'mdtAttendance', 'transferBetweenRooms', 'restAfterConsecutive', 'withinOpeningHours', 'pinsRespected',
  'activityDuration',
];

describe('validatePlan and scorePlan', () => {
  it('flag the same hard rules on 200 randomly broken plans', () => {
    const rng = createRng(7);
    const problem = smallDayProblem();
    const disagreements: string[] = [];
    const exercised = new Set<string>();
    for (let round = 0; round < 200; round++) {
      const base = validSmallPlan();
      const activities = base.activities.map((a) => ({ ...a }));
      for (let change = 1 + rng.int(3); change > 0; change--) {
        const a = activities[rng.int(activities.length)]!;
        const kind = rng.int(4);
        if (kind <= 1) {
          const shiftMin = rng.int(121) - 60;
          a.startMin += shiftMin;
          a.endMin += shiftMin;
        } else if (kind === 2 && a.staffId) a.staffId = problem.staff[rng.int(problem.staff.length)]!.id;
        else a.roomId = problem.rooms[rng.int(problem.rooms.length)]!.id;
      }
      const plan = withViews(problem, { ...base, activities });
      const ours = new Set(validatePlan(problem, plan).violations.map((v) => v.constraint));
      const theirs = new Set(
        scorePlan(problem, activities, plan.unscheduled).byConstraint.filter((c) => c.level === 'hard' && c.count > 0).map((c) => c.constraint),
      );
      for (const rule of SHARED_RULES) {
        if (ours.has(rule)) exercised.add(rule);
        if (ours.has(rule) !== theirs.has(rule)) disagreements.push(`round ${round}: ${rule} ${ours.has(rule) ? 'checker only' : 'scorePlan only'}`);
      }
    }
    expect(disagreements).toEqual([]);
    expect(exercised.size).toBeGreaterThanOrEqual(12); // the mutations reach most rules
  });
});
