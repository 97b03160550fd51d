import { expect, it } from 'vitest';
import { computeLowerBound } from '../../../../solver/day/bound/compute-lower-bound.ts';
import { scorePlan } from '../../../../solver/constraints/score-plan.ts';
import { patient, tinyProblem, type } from './tiny-days.ts';

const at = (patientId: string, typeId: string, startMin: number, endMin: number, staffId: string, roomId: string) =>
  ({ id: `${patientId}:${typeId}`, patientId, typeId, kind: 'assessment' as const, startMin, endMin, staffId, roomId });

it('charges the cheapest drop that leaves a possible day, not merely the cheapest patient', () => {
  // The squeezed day of bookend-bound.test.ts with priorities short 1.5, medium 2, long 3.
  // Leaving out anything of the short patient still leaves the long and medium patients'
  // first and last slots unpaired, so the bound moves on to the medium patient (penalty 2000,
  // less than both of the short patient's, 3000).
  const problem = tinyProblem({
    assessmentTypes: [type('a', 30, 'ra'), type('m', 60, 'rm'), type('n', 30, 'rn'), type('z', 30, 'rz')],
    patients: [patient('long', ['a', 'm', 'z'], { priority: 3 }), patient('medium', ['a', 'n', 'z'], { priority: 2 }), patient('short', ['a', 'z'], { priority: 1.5 })],
    precedences: [{ id: 'first', before: 'a', after: '*', minLagMin: 0 }, { id: 'last', before: '*', after: 'z', minLagMin: 0 }],
  }, { mdt: { startMin: 120, durationMin: 30 } });
  const bound = computeLowerBound(problem);
  expect(bound.value).toBeGreaterThan(2000);
  expect(bound.method).toContain('of medium');
  // A plan leaving out the medium patient's review.
  const plan = [
    at('long', 'a', 0, 30, 's-a', 'r-ra'), at('long', 'm', 30, 90, 's-m', 'r-rm'), at('long', 'z', 90, 120, 's-z', 'r-rz'),
    at('short', 'a', 30, 60, 's-a', 'r-ra'), at('short', 'z', 60, 90, 's-z', 'r-rz'),
    at('medium', 'a', 60, 90, 's-a', 'r-ra'), at('medium', 'n', 90, 120, 's-n', 'r-rn'),
  ].sort((x, y) => x.startMin - y.startMin);
  const score = scorePlan(problem, plan, [{ patientId: 'medium', typeId: 'z', reason: 'no-staff-free', message: 'no slot' }]);
  expect(score.hard).toBe(0);
  expect(bound.value).toBeLessThanOrEqual(score.soft + 1e-9);
});
