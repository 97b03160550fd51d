import type { Violation } from '../../model/violation.ts';
import { spanText } from '../clock-text.ts';
import { hardViolation } from '../hard-violation.ts';
import type { PlanFacts } from './plan-facts.ts';

/** When replanning, every activity that is not pinned starts at or after the replanning time. */
export function checkNotBeforeReplanTime(facts: PlanFacts): Violation[] {
  const from = facts.problem.replanFromMin;
  if (from === undefined) return [];
  const pinnedKeys = (facts.problem.pins ?? []).map((p) => p.patientId + ':' + p.typeId);
  const out: Violation[] = [];
  for (const a of facts.activities) {
    if (a.startMin >= from) continue;
    if (pinnedKeys.includes(a.patientId + ':' + a.typeId)) continue;
    out.push(hardViolation('notBeforeReplanTime',
      `${facts.patientRef(a.patientId)}'s ${facts.typeName(a.typeId)} at ${spanText(a.startMin, a.endMin)} starts before the replanning time but is not pinned.`,
      { activityId: a.id, patientId: a.patientId, startMin: a.startMin, replanFromMin: from }));
  }
  return out;
}
