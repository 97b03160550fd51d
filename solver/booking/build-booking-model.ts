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
  /** Row indices, for pricing columns left out: each item's "once" row, each day's places row (−1 if none). */
  onceRow: number[];
  placesRow: number[];
  /** Per day: discipline → { row, divisor } for the gcd-scaled minutes row. */
  minutesRows: Array<Map<string, { row: number; divisor: number }>>;
}

/**
 * The booking MIP over ICC days (pre-visits are placed afterwards, see `assignPreVisits`):
 *   x[r,d] ∈ {0,1} for each candidate day, u[r] ∈ {0,1} for "unbooked";
 *   Σ_d x[r,d] + u[r] = 1                         (each referral once)
 *   Σ_r x[r,d] ≤ places left on d                 (patient places)
 *   Σ_r minutes[r,k] x[r,d] ≤ minutes left[d,k]   (each discipline's rota, gcd-rounded)
 *   min Σ cost[r,d] x[r,d] + Σ unbookedCost[r] u[r].
 * Rows that cannot bind (all candidates together fit) are left out. With `include`, only
 * some x columns are created (column generation) while the rows are those of the full model.
 */
export function buildBookingModel(
  items: PlacementItem[], capacity: DayCapacity[], placesLeft: number[], minutesLeft: DisciplineMinutes[],
  include?: (item: number, k: number) => boolean,
): BookingModel {
  const constraints: LpConstraint[] = [];
  const onceRow = items.map((item) => constraints.push({ name: `once_${item.referralId}`, terms: [], lb: 1, ub: 1 }) - 1);
  // Rows from the full candidate set, so columns added later find their rows.
  const demand = capacity.map(() => ({ count: 0, minutes: new Map<string, number[]>() }));
  items.forEach((item) => item.days.forEach((day) => {
    const slot = demand[day]!;
    slot.count++;
    for (const [discipline, minutes] of Object.entries(item.requiredMinutes)) {
      if (minutes <= 0) continue;
      if (!slot.minutes.has(discipline)) slot.minutes.set(discipline, []);
      slot.minutes.get(discipline)!.push(minutes);
    }
  }));
  const placesRow = capacity.map(() => -1);
  const minutesRows = capacity.map(() => new Map<string, { row: number; divisor: number }>());
  demand.forEach((slot, day) => {
    const places = Math.max(0, placesLeft[day] ?? 0);
    if (slot.count > places) placesRow[day] = constraints.push({ name: `places_d${day}`, terms: [], ub: places }) - 1;
    for (const discipline of [...slot.minutes.keys()].sort()) {
      const coefficients = slot.minutes.get(discipline)!;
      const available = Math.max(0, minutesLeft[day]?.[discipline] ?? 0);
      if (coefficients.reduce((a, b) => a + b, 0) <= available) continue;
      // Divide by the coefficients' gcd and round the right-hand side down: the same integer
      // points, a tighter LP (with 45-minute OT slots, 350 min allows 7 patients, not 7.8).
      const divisor = termsGcd(coefficients);
      const row = constraints.push({ name: `minutes_d${day}_${discipline}`, terms: [], ub: divisor > 1 ? Math.floor(available / divisor + 1e-9) : available }) - 1;
      minutesRows[day]!.set(discipline, { row, divisor });
    }
  });
  const variables: LpVariable[] = [];
  const columns: BookingModel['columns'] = [];
  items.forEach((item, i) => {
    item.days.forEach((day, k) => {
      if (include && !include(i, k)) return;
      const index = variables.push({ name: `x_${item.referralId}_d${day}`, cost: item.costs[k]!, integer: true, ub: 1 }) - 1;
      columns.push({ item: i, day });
      constraints[onceRow[i]!]!.terms.push({ variable: index, coefficient: 1 });
      if (placesRow[day]! >= 0) constraints[placesRow[day]!]!.terms.push({ variable: index, coefficient: 1 });
      for (const [discipline, minutes] of Object.entries(item.requiredMinutes)) {
        const entry = minutesRows[day]!.get(discipline);
        if (entry && minutes > 0) constraints[entry.row]!.terms.push({ variable: index, coefficient: minutes / entry.divisor });
      }
    });
    const unbooked = variables.push({ name: `u_${item.referralId}`, cost: item.unbookedCost, integer: true, ub: 1 }) - 1;
    columns.push({ item: i, day: -1 });
    constraints[onceRow[i]!]!.terms.push({ variable: unbooked, coefficient: 1 });
  });
  return { model: { sense: 'min', variables, constraints }, columns, onceRow, placesRow, minutesRows };
}

/** Reduced cost of item i's candidate k under row duals y: cost − Σ rows a·y (min sense). */
export function reducedCost(built: BookingModel, items: PlacementItem[], i: number, k: number, duals: number[]): number {
  const item = items[i]!;
  const day = item.days[k]!;
  let rc = item.costs[k]! - duals[built.onceRow[i]!]!;
  if (built.placesRow[day]! >= 0) rc -= duals[built.placesRow[day]!]!;
  for (const [discipline, minutes] of Object.entries(item.requiredMinutes)) {
    const entry = built.minutesRows[day]!.get(discipline);
    if (entry && minutes > 0) rc -= (minutes / entry.divisor) * duals[entry.row]!;
  }
  return rc;
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
