import { expect, it } from 'vitest';
import { computeLowerBound } from '../../../../solver/day/bound/compute-lower-bound.ts';
import { squeezedDay, squeezedDayWithoutMediumReview } from './tiny-days.ts';

it('charges the cheapest drop that leaves a possible day, not merely the cheapest patient', () => {
  // The squeezed day of bookend-bound.test.ts with priorities short 1.5, medium 2, long 3.
  // Leaving out anything of the short patient still leaves the long and medium patients'
  // first and last slots unpaired, so the bound moves on to the medium patient (penalty 2000,
  // less than both of the short patient's, 3000).
  const problem = squeezedDay({ long: 3, medium: 2, short: 1.5 });
  const bound = computeLowerBound(problem);
  expect(bound.value).toBeGreaterThan(2000);
  expect(bound.method).toContain('of medium');
  // A plan leaving out the medium patient's review.
  const { score } = squeezedDayWithoutMediumReview(problem);
  expect(score.hard).toBe(0);
  expect(bound.value).toBeLessThanOrEqual(score.soft + 1e-9);
});
