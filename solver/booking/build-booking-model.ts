import type { LpConstraint, LpModel, LpVariable } from '../lp/lp-model.ts';
import type { DayCapacity, DisciplineMinutes } from './booking-problem.ts';

/** One referral to place: its candidate days, the cost of each, and the cost of leaving it unbooked. */
export interface PlacementItem {
  referralId: string;
  days: number[];
  costs: number[];
  unbookedCost: number;
  requiredMinutes: DisciplineMinutes;
}

export interface BookingModel {
  model: LpModel;
  /** Variable index → (item index, day) for booking variables; day −1 marks "unbooked". */
  columns: Array<{ item: number; day: number }>;
}

/**
 * The booking MIP over ICC days (pre-visits are placed afterwards, see `assignPreVisits`):
 *   x[r,d] ∈ {0,1} for each candidate day, u[r] ∈ {0,1} for "unbooked";
 *   Σ_d x[r,d] + u[r] = 1                         (each referral once)
 *   Σ_r x[r,d] ≤ places left on d                 (patient places)
 *   Σ_r minutes[r,k] x[r,d] ≤ minutes left[d,k]   (each discipline's rota, gcd-rounded)
 *   min Σ cost[r,d] x[r,d] + Σ unbookedCost[r] u[r].
 * Rows that cannot bind (all candidates together fit) are left out.
 */
export function buildBookingModel(items: PlacementItem[], capacity: DayCapacity[], placesLeft: number[], minutesLeft: DisciplineMinutes[]): BookingModel {
  const variables: LpVariable[] = [];
  const columns: BookingModel['columns'] = [];
  const constraints: LpConstraint[] = [];
  const byDay = capacity.map(() => [] as number[]);
  items.forEach((item, i) => {
    const terms = item.days.map((day, k) => {
      const index = variables.length;
      variables.push({ name: `x_${item.referralId}_d${day}`, cost: item.costs[k]!, integer: true, ub: 1 });
      columns.push({ item: i, day });
      byDay[day]!.push(index);
      return { variable: index, coefficient: 1 };
    });
    const unbooked = variables.length;
    variables.push({ name: `u_${item.referralId}`, cost: item.unbookedCost, integer: true, ub: 1 });
    columns.push({ item: i, day: -1 });
    constraints.push({ name: `once_${item.referralId}`, terms: [...terms, { variable: unbooked, coefficient: 1 }], lb: 1, ub: 1 });
  });
  byDay.forEach((indices, day) => {
    if (indices.length === 0) return;
    const places = Math.max(0, placesLeft[day] ?? 0);
    if (indices.length > places) constraints.push({ name: `places_d${day}`, terms: indices.map((variable) => ({ variable, coefficient: 1 })), ub: places });
    const disciplines = new Set(indices.flatMap((v) => Object.keys(items[columns[v]!.item]!.requiredMinutes)));
    for (const discipline of [...disciplines].sort()) {
      const terms = indices
        .map((variable) => ({ variable, coefficient: items[columns[variable]!.item]!.requiredMinutes[discipline] ?? 0 }))
        .filter((t) => t.coefficient > 0);
      const available = Math.max(0, minutesLeft[day]?.[discipline] ?? 0);
      const demand = terms.reduce((sum, t) => sum + t.coefficient, 0);
      if (demand <= available) continue;
      // Divide by the coefficients' gcd and round the right-hand side down: the same integer
      // points, a tighter LP (with 45-minute OT slots, 350 min allows 7 patients, not 7.8).
      const g = termsGcd(terms.map((t) => t.coefficient));
      const scaled = g > 1 ? terms.map((t) => ({ variable: t.variable, coefficient: t.coefficient / g })) : terms;
      constraints.push({ name: `minutes_d${day}_${discipline}`, terms: scaled, ub: g > 1 ? Math.floor(available / g + 1e-9) : available });
    }
  });
  return { model: { sense: 'min', variables, constraints }, columns };
}

/** Greatest common divisor of positive integer coefficients (1 if any is not an integer). */
function termsGcd(values: number[]): number {
  let g = 0;
  for (const v of values) {
    if (!Number.isInteger(v)) return 1;
    let a = v;
    let b = g;
    while (b) [a, b] = [b, a % b];
    g = a;
  }
  return Math.max(1, g);
}
