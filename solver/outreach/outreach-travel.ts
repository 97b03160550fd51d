import { compileOutreach, outreachLocations, travelBetween } from './compile-outreach.ts';
import type { OutreachProblem } from './outreach-problem.ts';

/**
 * The driving minutes the outreach planner uses, by location id (the centre's or a home's):
 * what a caller hands the checker (`validateOutreachPlan`) and the round sheets.
 */
export function outreachTravel(problem: OutreachProblem): (fromId: string, toId: string) => number {
  const day = compileOutreach({ ...problem, residents: [] });
  const index = new Map(outreachLocations(problem).map((l, i) => [l.id, i]));
  return (fromId, toId) => {
    const from = index.get(fromId);
    const to = index.get(toId);
    if (from === undefined || to === undefined) throw new RangeError(`unknown location '${from === undefined ? fromId : toId}'`);
    return travelBetween(day, from, to);
  };
}
