import { expect, it } from 'vitest';
import { timeGridMin } from '../../../../solver/day/bound/time-grid.ts';
import { demoDayProblem } from '../../../../src/demo/demo-day-problem.ts';
import { patient, tinyProblem, type } from './tiny-days.ts';

it('is the greatest common divisor of the problem\'s times', () => {
  const problem = tinyProblem({ assessmentTypes: [type('a', 30, 'r'), type('b', 45, 'r')], patients: [patient('P', ['a', 'b'])] },
    { lunchWindow: { startMin: 60, endMin: 150 }, mealDurationMin: 30, transferMin: 10, mdt: { startMin: 900, durationMin: 30 } });
  problem.assessmentTypes[1]!.durationMin = 40;
  expect(timeGridMin(problem)).toBe(10);
  problem.pins = [{ patientId: 'P', typeId: 'a', startMin: 0, durationMin: 45 }];
  expect(timeGridMin(problem)).toBe(5);
  problem.patients[0]!.preferredLatestDepartureMin = 62;
  expect(timeGridMin(problem)).toBe(1);
});

it('is 5 minutes on the demo centre\'s days', () => {
  expect(timeGridMin(demoDayProblem({ seed: 1, date: '2026-12-01', patients: 16 }))).toBe(5);
});
