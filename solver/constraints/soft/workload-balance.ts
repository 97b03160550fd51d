import type { Violation } from '../../model/violation.ts';
import { staffName, type ConstraintContext } from '../context.ts';
import { coveredMinutes } from '../intervals.ts';
import { softViolation } from '../types.ts';

export type WorkloadBalanceJustification = {
  discipline: string;
  /** Booked minutes of the busiest and the least busy staff member of the discipline. */
  maxStaffId: string;
  maxBookedMin: number;
  minStaffId: string;
  minBookedMin: number;
  imbalanceMin: number;
  staffCount: number;
};

/**
 * SPEC §3C soft: balanced workload. Per discipline with two or more staff, the spread
 * (max − min) of booked minutes (a group session counts once for its clinician).
 */
export function workloadBalance(ctx: ConstraintContext): Violation[] {
  const violations: Violation[] = [];
  const weight = ctx.weights.workloadImbalanceMin;
  if (weight === 0) return violations;
  const byDiscipline = new Map<string, Array<{ staffId: string; bookedMin: number }>>();
  for (const staff of ctx.problem.staff) {
    const bookedMin = coveredMinutes(ctx.byStaff.get(staff.id) ?? []);
    const list = byDiscipline.get(staff.discipline);
    if (list) list.push({ staffId: staff.id, bookedMin });
    else byDiscipline.set(staff.discipline, [{ staffId: staff.id, bookedMin }]);
  }
  for (const [discipline, loads] of byDiscipline) {
    if (loads.length < 2) continue;
    let max = loads[0]!;
    let min = loads[0]!;
    for (const l of loads) {
      if (l.bookedMin > max.bookedMin) max = l;
      if (l.bookedMin < min.bookedMin) min = l;
    }
    const imbalanceMin = max.bookedMin - min.bookedMin;
    if (imbalanceMin <= 0) continue;
    violations.push(softViolation<WorkloadBalanceJustification>('workloadBalance', weight * imbalanceMin,
      `${discipline}: ${staffName(ctx, max.staffId)} is booked ${max.bookedMin} min but ${staffName(ctx, min.staffId)} only ${min.bookedMin} min`,
      { discipline, maxStaffId: max.staffId, maxBookedMin: max.bookedMin, minStaffId: min.staffId, minBookedMin: min.bookedMin,
        imbalanceMin, staffCount: loads.length }));
  }
  return violations;
}
