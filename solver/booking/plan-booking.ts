/**
 * `planBooking`: every waiting referral gets an ICC day and a pre-visit day over the horizon.
 *
 * Method (a two-stage decomposition, exact in the common case):
 *  1. ICC days by MIP (`buildBookingModel`) on the injected `MipSolver`; its LP relaxation
 *     is solved first for the bound. The stage-1 model drops pre-visit capacity, so its LP
 *     optimum is a valid lower bound for the whole problem.
 *  2. Pre-visits by exact b-matching (`assignPreVisits`). Anyone the support workers cannot
 *     reach in time has that ICC day forbidden and stage 1 is re-solved (up to
 *     `maxRepairRounds`); who still cannot be placed is reported unbooked.
 * If the backend fails (javascript-lp-solver's non-integral answers, a time limit without a
 * solution), the LP solution is rounded greedily instead (or, without one, priority order),
 * and the plan says so.
 */
import type { MipResult, MipSolver } from '../lp/lp-model.ts';
import { createJslsSolver } from '../lp/jsls-solver.ts';
import type {
  Booking, BookingHorizon, BookingReferral, BookingWeights, DayCapacity, DisciplineMinutes, UnbookedReferral,
} from './booking-problem.ts';
import { DEFAULT_BOOKING_WEIGHTS, DEFAULT_MAX_LEAD_DAYS, DEFAULT_MIN_LEAD_DAYS, DEFAULT_TARGET_WAIT_DAYS } from './booking-problem.ts';
import { checkBookingInput } from './check-booking-input.ts';
import { candidateDays, preVisitWindow } from './candidate-days.ts';
import type { LeadRules } from './candidate-days.ts';
import { bookingCost, referralPriority, unbookedCost } from './referral-priority.ts';
import { buildBookingModel } from './build-booking-model.ts';
import { solveBookingLp } from './solve-booking-lp.ts';
import { solveByWeek } from './solve-by-week.ts';

/** Above this many columns javascript-lp-solver's LP stalls (see `BookingOptions.strategy`). */
const JSLS_MAX_COLUMNS = 1500;
import type { PlacementItem } from './build-booking-model.ts';
import { assignPreVisits } from './assign-pre-visits.ts';

/** Progress of a booking solve: the phase starting, the repair round, the LP bound once known. */
export interface BookingProgress {
  phase: 'lp' | 'mip' | 'pre-visits' | 'done';
  round: number;
  lpBound: number | null;
  elapsedMs?: number;
}

export interface BookingOptions {
  /** Called as each phase starts (a solve of 2,000 referrals takes seconds). */
  onProgress?: (event: BookingProgress) => void;
  /** The MIP backend (default: javascript-lp-solver; inject HiGHS from src/lp for real sizes). */
  solver?: MipSolver;
  /** Time limit for the whole solve, ms (each backend call gets what is left). Needs `now` to be measured here. */
  timeLimitMs?: number;
  /** A clock in ms from the caller (the solver never reads the wall clock). */
  now?: () => number;
  weights?: Partial<BookingWeights>;
  /** Referral ids whose existing bookings may move; every other pin stays. */
  releasePins?: string[];
  /** Re-solves when pre-visit slots run out (default 3). */
  maxRepairRounds?: number;
  /** Solve the LP relaxation for the bound (default true). */
  lpBound?: boolean;
  /** Preferred lead between pre-visit and ICC day, days (default 7). */
  preferredLeadDays?: number;
  /**
   * `lp-fix`: solve the LP relaxation, keep every referral it places integrally, and solve
   * the MIP only over the fractional rest. `mip`: one MIP over everyone. `by-week`: a
   * rolling MIP per week (`solveByWeek`), for backends too weak for the whole horizon.
   * Default: `lp-fix` with a backend that gives duals (HiGHS); with one that does not
   * (javascript-lp-solver), `lp-fix` up to 1,500 columns and `by-week` above — measured:
   * jsls solved a 1,543-column booking LP in 2 s and did not finish a 3,692-column one in 300 s.
   */
  strategy?: 'lp-fix' | 'mip' | 'by-week';
  /**
   * lp-fix: the MIP over the fractional referrals considers their days within this many
   * days of a day the LP used for them (default 7; Infinity = all their days). Measured on booking-100: 7 days → MIP 2.9 s, gap 0.68%; all days → 14.9 s, 0.36%.
   */
  neighbourhoodDays?: number;
  /** Solve the LP by column generation (needs a backend with duals; default false, see solve-booking-lp.ts). */
  columnGeneration?: boolean;
  /** The MIP stops when within this relative gap of its own bound (default 0.002 = 0.2%). */
  relativeGap?: number;
}

export interface BookingBound {
  /** Best proven lower bound on the objective (max of the two below), or null if none. */
  value: number | null;
  /** Optimum of the stage-1 LP relaxation. */
  lpRelaxation: number | null;
  /** The MIP backend's own dual bound (HiGHS), first round only. */
  mipDual: number | null;
}

export interface BookingPlan {
  bookings: Booking[];
  unbooked: UnbookedReferral[];
  /** Total cost (see `BookingWeights`), pins and the unbooked included. */
  objective: number;
  bound: BookingBound;
  /** 100 × (objective − bound) / |bound|. */
  gapPct: number | null;
  /** `mip`: the backend's verified answer(s); `lp-rounding` / `priority-greedy`: fallbacks after a backend failure. */
  method: 'mip' | 'lp-rounding' | 'priority-greedy';
  /** How stage 1 was decomposed (see `BookingOptions.strategy`). */
  strategy: 'lp-fix' | 'mip' | 'by-week';
  /** `optimal` only when the backend proved it (within its gap tolerance). */
  status: 'optimal' | 'feasible';
  backend: string;
  /** Longest wait among the booked, days from referral to ICC day. */
  maxWaitDays: number;
  /** Pins that break a rule (they are kept as asked; the coordinator should look). */
  warnings: string[];
  /** Released pins whose booking changed (or was dropped: day null). */
  moved: Array<{ referralId: string; fromIccDay: number | undefined; toIccDay: number | null; fromPreVisitDay: number; toPreVisitDay: number | null }>;
  stats: {
    variables: number;
    constraints: number;
    repairRounds: number;
    lpStatus: string | null;
    mipStatus: string;
    elapsedMs?: number;
    /** Time in the LP relaxation and in MIP solves (all rounds), when a clock is given. */
    lpMs?: number;
    mipMs?: number;
    /** lp-fix: referrals the LP left fractional (the MIP's size), first round. */
    fractionalReferrals: number;
    /** Column generation for the LP (0 = full LP solved directly) and the columns it needed. */
    pricingRounds: number;
    lpColumns: number;
    /** Backend messages, e.g. why javascript-lp-solver's answer was rejected. */
    messages: string[];
  };
}

interface Free {
  referral: BookingReferral;
  priority: number;
  days: number[];
  /** Pre-visit already fixed (pinned or done). */
  preVisitDay?: number;
}

/**
 * @param referrals the waiting list (day indices from the horizon start, see booking-problem.ts)
 * @param capacity one entry per horizon day
 * @example
 * const plan = planBooking(referrals, capacity, { days: 60 }, { solver: await createHighsSolver(), timeLimitMs: 5000, now: () => performance.now() });
 */
export function planBooking(referrals: BookingReferral[], capacity: DayCapacity[], horizon: BookingHorizon, options: BookingOptions = {}): BookingPlan {
  checkBookingInput(referrals, capacity, horizon);
  const now = options.now;
  const started = now?.();
  const timeLeft = () => (options.timeLimitMs === undefined ? undefined : Math.max(1, options.timeLimitMs - (now && started !== undefined ? now() - started : 0)));
  const solver = options.solver ?? createJslsSolver();
  const weights: BookingWeights = { ...DEFAULT_BOOKING_WEIGHTS, ...options.weights, efi: { ...DEFAULT_BOOKING_WEIGHTS.efi, ...options.weights?.efi } };
  const rules: LeadRules = { days: horizon.days, minLeadDays: horizon.minLeadDays ?? DEFAULT_MIN_LEAD_DAYS, maxLeadDays: horizon.maxLeadDays ?? DEFAULT_MAX_LEAD_DAYS };
  const target = horizon.targetWaitDays ?? DEFAULT_TARGET_WAIT_DAYS;
  const released = new Set(options.releasePins ?? []);
  const preferredLead = options.preferredLeadDays ?? 7;

  const placesLeft = capacity.map((day) => (day.open ? day.patientPlaces : 0));
  const minutesLeft: DisciplineMinutes[] = capacity.map((day) => ({ ...day.disciplineMinutes }));
  const slotsLeft = capacity.map((day) => day.preVisitSlots);
  const bookings: Booking[] = [];
  const unbooked: UnbookedReferral[] = [];
  const warnings: string[] = [];
  const messages: string[] = [];
  let fixedCost = 0;
  const free: Free[] = [];

  for (const referral of referrals) {
    const priority = referralPriority(referral, weights);
    const pin = referral.pin && !released.has(referral.id) ? referral.pin : undefined;
    if (pin && pin.preVisitDay >= 0 && pin.preVisitDay < horizon.days) slotsLeft[pin.preVisitDay]!--;
    if (pin?.iccDay !== undefined) {
      const d = pin.iccDay;
      placesLeft[d]!--;
      for (const [k, m] of Object.entries(referral.requiredMinutes)) minutesLeft[d]![k] = (minutesLeft[d]![k] ?? 0) - m;
      bookings.push({ referralId: referral.id, iccDay: d, preVisitDay: pin.preVisitDay, waitDays: d - referral.referralDay, pinned: true, priority });
      fixedCost += bookingCost(referral, priority, d, target, weights);
      continue;
    }
    const candidates = candidateDays(referral, capacity, rules, pin?.preVisitDay);
    if (candidates.iccDays.length === 0) {
      unbooked.push({ referralId: referral.id, reason: candidates.reason!, message: candidates.message! });
      fixedCost += unbookedCost(referral, priority, horizon.days, target, weights);
      continue;
    }
    free.push({ referral, priority, days: candidates.iccDays, ...(pin ? { preVisitDay: pin.preVisitDay } : {}) });
  }
  warnings.push(...overbookedWarnings(capacity, placesLeft, minutesLeft, slotsLeft));

  const itemsOf = (pool: Free[]): PlacementItem[] => pool.map((f) => ({
    referralId: f.referral.id,
    days: f.days,
    costs: f.days.map((d) => bookingCost(f.referral, f.priority, d, target, weights)),
    unbookedCost: unbookedCost(f.referral, f.priority, horizon.days, target, weights),
    requiredMinutes: f.referral.requiredMinutes,
  }));

  let lpStatus: string | null = null;
  let lpBound: number | null = null;
  let mipDual: number | null = null;
  let mipStatus = 'not run';
  let method: BookingPlan['method'] = 'mip';
  let proved = true;
  let variables = 0;
  let constraints = 0;
  let round = 0;
  let lpMs = 0;
  let fractionalReferrals = 0;
  let pricingRounds = 0;
  let lpColumnsUsed = 0;
  const columnCount = free.reduce((sum, f) => sum + f.days.length + 1, 0);
  const strategy = options.strategy ?? (solver.providesDuals || columnCount <= JSLS_MAX_COLUMNS ? 'lp-fix' : 'by-week');
  const wantLpBound = options.lpBound ?? strategy !== 'by-week';
  let mipMs = 0;
  let chosen = new Map<string, number>();
  const preVisitDays = new Map<string, number>();
  let pool = free;

  const report = (phase: BookingProgress['phase']) => options.onProgress?.({ phase, round, lpBound, ...(now && started !== undefined ? { elapsedMs: now() - started } : {}) });
  for (; ; round++) {
    const items = itemsOf(pool);
    report('lp');
    const { model, columns } = buildBookingModel(items, capacity, placesLeft, minutesLeft);
    if (round === 0) { variables = model.variables.length; constraints = model.constraints.length; }
    let lpValues: number[] | undefined;
    let lpColumns = columns;
    const needLp = items.length > 0 && (strategy === 'lp-fix' || (round === 0 && wantLpBound));
    if (needLp) {
      const t0 = now?.();
      const lp = solveBookingLp(items, capacity, placesLeft, minutesLeft, solver, timeLeft, options.columnGeneration ?? false);
      if (now && t0 !== undefined) lpMs += now() - t0;
      if (round === 0) { lpStatus = lp.result.status; pricingRounds = lp.pricingRounds; lpColumnsUsed = lp.built.columns.length; }
      if (lp.result.status === 'optimal' && lp.result.objective !== null) {
        lpValues = lp.result.values;
        lpColumns = lp.built.columns;
        if (round === 0) lpBound = lp.result.objective + fixedCost;
      } else messages.push(`LP relaxation (${solver.name}): ${lp.result.status}${lp.result.message ? ` — ${lp.result.message}` : ''}`);
    }
    chosen = new Map();
    report('mip');
    if (items.length > 0 && strategy === 'by-week') {
      const t0 = now?.();
      const byWeek = solveByWeek(items, capacity, placesLeft, minutesLeft, solver, timeLeft);
      if (now && t0 !== undefined) mipMs += now() - t0;
      for (const [i, day] of byWeek.chosen) chosen.set(items[i]!.referralId, day);
      mipStatus = byWeek.failures.length ? `${byWeek.failures.length}/${byWeek.weeks} weeks failed` : (byWeek.allOptimal ? 'optimal' : 'feasible');
      proved = false;
      if (byWeek.failures.length) messages.push(...byWeek.failures.map((f) => `by-week (${solver.name}) ${f}`));
    } else if (items.length > 0) {
      // lp-fix: keep what the LP already decided integrally, solve the MIP only over the rest.
      let sub = { items, columns, model, placesLeft, minutesLeft, pool };
      if (strategy === 'lp-fix' && lpValues) {
        const fixed = fixIntegralLpChoices(lpColumns, lpValues);
        const places = [...placesLeft];
        const minutes = minutesLeft.map((m) => ({ ...m }));
        for (const [i, day] of fixed) {
          if (day < 0) continue;
          chosen.set(items[i]!.referralId, day);
          places[day]!--;
          for (const [k, m] of Object.entries(items[i]!.requiredMinutes)) minutes[day]![k] = (minutes[day]![k] ?? 0) - m;
        }
        const restIdx = items.map((_, i) => i).filter((i) => !fixed.has(i));
        const restItems = restIdx.map((i) => items[i]!);
        // The MIP over the rest only looks near where the LP put each referral.
        const support = lpSupport(lpColumns, lpValues);
        const reach = options.neighbourhoodDays ?? 7;
        const near = restIdx.map((i) => new Set(items[i]!.days.flatMap((d, k) => ([...(support.get(i) ?? [])].some((s) => Math.abs(s - d) <= reach) ? [k] : []))));
        const built = buildBookingModel(restItems, capacity, places, minutes, (j, k) => near[j]!.has(k));
        sub = { items: restItems, columns: built.columns, model: built.model, placesLeft: places, minutesLeft: minutes, pool: restIdx.map((i) => pool[i]!) };
        fractionalReferrals += round === 0 ? restItems.length : 0;
      }
      let mip: MipResult = { status: 'optimal', objective: 0, values: [], backend: solver.name };
      if (sub.items.length > 0) {
        const t0 = now?.();
        mip = solver.solve(sub.model, { timeLimitMs: timeLeft(), relativeGap: options.relativeGap ?? 0.002 });
        if (now && t0 !== undefined) mipMs += now() - t0;
      }
      mipStatus = mip.status;
      if (round === 0 && strategy === 'mip' && mip.bound !== undefined) mipDual = mip.bound + fixedCost;
      if (mip.status === 'optimal' || mip.status === 'feasible') {
        if (mip.status === 'feasible') proved = false;
        mip.values.forEach((value, v) => {
          const column = sub.columns[v]!;
          if (value > 0.5 && column.day >= 0) chosen.set(sub.items[column.item]!.referralId, column.day);
        });
      } else {
        messages.push(`MIP (${solver.name}): ${mip.status}${mip.message ? ` — ${mip.message}` : ''}`);
        proved = false;
        method = lpValues ? 'lp-rounding' : 'priority-greedy';
        const subLp = strategy === 'lp-fix' ? undefined : lpValues;
        for (const [id, day] of roundGreedily(sub.pool, sub.items, sub.columns, subLp, sub.placesLeft, sub.minutesLeft)) chosen.set(id, day);
      }
    }
    // Stage 2: pre-visits for this round's choices.
    report('pre-visits');
    const requests = pool
      .filter((f) => chosen.has(f.referral.id) && f.preVisitDay === undefined)
      .map((f) => {
        const d = chosen.get(f.referral.id)!;
        const window = preVisitWindow(f.referral, d, capacity, rules).sort((a, b) => Math.abs(d - a - preferredLead) - Math.abs(d - b - preferredLead) || b - a);
        return { referralId: f.referral.id, window };
      })
      .sort((a, b) => chosen.get(a.referralId)! - chosen.get(b.referralId)! || (a.referralId < b.referralId ? -1 : 1));
    const assignment = assignPreVisits(requests, slotsLeft);
    preVisitDays.clear();
    for (const [id, p] of assignment.days) preVisitDays.set(id, p);
    if (assignment.unplaced.length === 0 || round >= (options.maxRepairRounds ?? 3)) {
      for (const id of assignment.unplaced) {
        const d = chosen.get(id)!;
        chosen.delete(id);
        unbooked.push({ referralId: id, reason: 'no-pre-visit-capacity', message: `support workers have no free pre-visit slot ${rules.minLeadDays}–${rules.maxLeadDays} days before the ICC day found (day ${d}) or any other that could be found` });
      }
      break;
    }
    // Repair: forbid the ICC days whose pre-visit could not be placed, and re-solve.
    const unplaced = new Set(assignment.unplaced);
    proved = false;
    pool = pool.map((f) => (unplaced.has(f.referral.id) ? { ...f, days: f.days.filter((d) => d !== chosen.get(f.referral.id)) } : f));
    const emptied = pool.filter((f) => f.days.length === 0);
    for (const f of emptied) {
      unbooked.push({ referralId: f.referral.id, reason: 'no-pre-visit-capacity', message: 'support workers have no free pre-visit slot in the lead window of any ICC day they could attend' });
      fixedCost += unbookedCost(f.referral, f.priority, horizon.days, target, weights);
    }
    pool = pool.filter((f) => f.days.length > 0);
  }

  let objective = fixedCost;
  for (const f of pool) {
    const d = chosen.get(f.referral.id);
    if (d === undefined) {
      objective += unbookedCost(f.referral, f.priority, horizon.days, target, weights);
      if (!unbooked.some((u) => u.referralId === f.referral.id)) unbooked.push(noCapacity(f));
      continue;
    }
    objective += bookingCost(f.referral, f.priority, d, target, weights);
    bookings.push({ referralId: f.referral.id, iccDay: d, preVisitDay: f.preVisitDay ?? preVisitDays.get(f.referral.id)!, waitDays: d - f.referral.referralDay, pinned: false, priority: f.priority });
  }
  report('done');
  bookings.sort((a, b) => a.iccDay - b.iccDay || (a.referralId < b.referralId ? -1 : 1));
  const bookingOf = new Map(bookings.map((b) => [b.referralId, b]));
  const moved: BookingPlan['moved'] = [];
  for (const referral of referrals) {
    if (!referral.pin || !released.has(referral.id)) continue;
    const current = bookingOf.get(referral.id);
    if (current && current.iccDay === referral.pin.iccDay && current.preVisitDay === referral.pin.preVisitDay) continue;
    moved.push({ referralId: referral.id, fromIccDay: referral.pin.iccDay, toIccDay: current?.iccDay ?? null, fromPreVisitDay: referral.pin.preVisitDay, toPreVisitDay: current?.preVisitDay ?? null });
  }
  unbooked.sort((a, b) => (a.referralId < b.referralId ? -1 : 1));
  const boundValue = lpBound === null && mipDual === null ? null : Math.max(lpBound ?? -Infinity, mipDual ?? -Infinity);
  const gap = boundValue === null ? null : (100 * (objective - boundValue)) / Math.max(Math.abs(boundValue), 1e-9);
  return {
    bookings,
    unbooked,
    objective,
    bound: { value: boundValue, lpRelaxation: lpBound, mipDual },
    gapPct: gap,
    method,
    strategy,
    status: proved && method === 'mip' && mipStatus === 'optimal' ? 'optimal' : 'feasible',
    backend: solver.name,
    maxWaitDays: bookings.reduce((max, b) => Math.max(max, b.waitDays), 0),
    warnings,
    moved,
    stats: {
      variables, constraints, repairRounds: round, lpStatus, mipStatus, messages, fractionalReferrals, pricingRounds, lpColumns: lpColumnsUsed,
      ...(now && started !== undefined ? { elapsedMs: now() - started, lpMs, mipMs } : {}),
    },
  };
}

/** Item index → days with a positive LP value. */
function lpSupport(columns: Array<{ item: number; day: number }>, values: number[]): Map<number, Set<number>> {
  const support = new Map<number, Set<number>>();
  values.forEach((value, v) => {
    const { item, day } = columns[v]!;
    if (value <= 1e-6 || day < 0) return;
    if (!support.has(item)) support.set(item, new Set());
    support.get(item)!.add(day);
  });
  return support;
}

/** Item index → chosen day (−1 = unbooked) for every item whose LP values are all 0/1. */
function fixIntegralLpChoices(columns: Array<{ item: number; day: number }>, values: number[]): Map<number, number> {
  const fixed = new Map<number, number>();
  const fractional = new Set<number>();
  values.forEach((value, v) => {
    const { item, day } = columns[v]!;
    if (value > 1e-6 && value < 1 - 1e-6) fractional.add(item);
    else if (value >= 1 - 1e-6) fixed.set(item, day);
  });
  for (const item of fractional) fixed.delete(item);
  return fixed;
}

function noCapacity(f: Free): UnbookedReferral {
  const first = f.days[0]!;
  const last = f.days[f.days.length - 1]!;
  return {
    referralId: f.referral.id,
    reason: 'no-capacity-in-window',
    message: `all ${f.days.length} days they could attend (days ${first}–${last}) are full with referrals of higher priority or tighter windows`,
  };
}

/**
 * Fallback when the backend gives no usable answer: referrals in priority order take the
 * day the LP relaxation leaned to most (or, without an LP, their earliest) that still fits.
 */
function roundGreedily(pool: Free[], items: PlacementItem[], columns: Array<{ item: number; day: number }>, lpValues: number[] | undefined, placesLeft: number[], minutesLeft: DisciplineMinutes[]): Map<string, number> {
  const lean = new Map<string, number>();
  if (lpValues) lpValues.forEach((value, v) => { const c = columns[v]!; if (c.day >= 0) lean.set(`${c.item}:${c.day}`, value); });
  const places = [...placesLeft];
  const minutes = minutesLeft.map((m) => ({ ...m }));
  const order = pool.map((_, i) => i).sort((a, b) => pool[b]!.priority - pool[a]!.priority || pool[a]!.referral.referralDay - pool[b]!.referral.referralDay);
  const chosen = new Map<string, number>();
  for (const i of order) {
    const f = pool[i]!;
    const days = [...items[i]!.days].sort((a, b) => (lean.get(`${i}:${b}`) ?? 0) - (lean.get(`${i}:${a}`) ?? 0) || a - b);
    const fits = (d: number) => places[d]! > 0 && Object.entries(f.referral.requiredMinutes).every(([k, m]) => (minutes[d]![k] ?? 0) >= m);
    const day = days.find(fits);
    if (day === undefined) continue;
    places[day]!--;
    for (const [k, m] of Object.entries(f.referral.requiredMinutes)) minutes[day]![k] = (minutes[day]![k] ?? 0) - m;
    chosen.set(f.referral.id, day);
  }
  return chosen;
}

function overbookedWarnings(capacity: DayCapacity[], placesLeft: number[], minutesLeft: DisciplineMinutes[], slotsLeft: number[]): string[] {
  const warnings: string[] = [];
  capacity.forEach((day, d) => {
    if (placesLeft[d]! < 0) warnings.push(`day ${d}: pinned bookings exceed ${day.open ? `the ${day.patientPlaces} patient places` : `capacity (centre closed: ${day.closedReason ?? 'closed'})`} by ${-placesLeft[d]!}`);
    for (const [k, m] of Object.entries(minutesLeft[d]!)) if (m < 0) warnings.push(`day ${d}: pinned bookings need ${-m} more ${k} minutes than the rota has`);
    if (slotsLeft[d]! < 0) warnings.push(`day ${d}: pinned pre-visits exceed the ${day.preVisitSlots} support-worker slots by ${-slotsLeft[d]!}`);
  });
  return warnings;
}
