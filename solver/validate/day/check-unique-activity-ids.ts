import type { Violation } from '../../model/violation.ts';
import { hardViolation } from '../hard-violation.ts';
import type { PlanFacts } from './plan-facts.ts';

/** Structure: every activity id appears once (views and replanning refer to activities by id). */
export function checkUniqueActivityIds(facts: PlanFacts): Violation[] {
  const counts = new Map<string, number>();
  for (const a of facts.activities) counts.set(a.id, (counts.get(a.id) ?? 0) + 1);
  return [...counts.entries()]
    .filter(([, count]) => count > 1)
    .map(([activityId, count]) =>
      hardViolation('uniqueActivityIds', `Activity id '${activityId}' is used ${count} times.`, { activityId, count }),
    );
}
