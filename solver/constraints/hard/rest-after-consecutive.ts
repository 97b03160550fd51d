import { formatInterval } from '../../model/format-minutes.ts';
import type { Violation } from '../../model/violation.ts';
import { patientRef, type ConstraintContext } from '../context.ts';
import { hardViolation } from '../types.ts';

export type RestAfterConsecutiveJustification = {
  patientId: string;
  /** Activities in the run, in order. */
  activityIds: string[];
  runLength: number;
  maxConsecutive: number;
  minRestMin: number;
  runStartMin: number;
  runEndMin: number;
};

/**
 * SPEC §3C.9: a frail patient with a rest rule does at most `maxConsecutive` activities
 * back to back; "back to back" means a gap shorter than `minRestMin`. Every activity
 * counts, the meal included (the strict reading: a meal in company is not a rest).
 */
export function restAfterConsecutive(ctx: ConstraintContext): Violation[] {
  const violations: Violation[] = [];
  for (const [patientId, activities] of ctx.byPatient) {
    const rule = ctx.patientById.get(patientId)?.rest;
    if (!rule || activities.length === 0) continue;
    let runStart = 0;
    const flush = (endExclusive: number): void => {
      const run = activities.slice(runStart, endExclusive);
      if (run.length <= rule.maxConsecutive) return;
      const runStartMin = run[0]!.startMin;
      const runEndMin = Math.max(...run.map((a) => a.endMin));
      violations.push(hardViolation<RestAfterConsecutiveJustification>('restAfterConsecutive',
        `${patientRef(ctx, patientId)} has ${run.length} activities back to back at ${formatInterval(runStartMin, runEndMin)}; after ${rule.maxConsecutive} they need a ${rule.minRestMin}-min rest`,
        { patientId, activityIds: run.map((a) => a.id), runLength: run.length, maxConsecutive: rule.maxConsecutive,
          minRestMin: rule.minRestMin, runStartMin, runEndMin }));
    };
    for (let i = 1; i < activities.length; i++) {
      if (activities[i]!.startMin - activities[i - 1]!.endMin >= rule.minRestMin) {
        flush(i);
        runStart = i;
      }
    }
    flush(activities.length);
  }
  return violations;
}
